package org.latentmpc.ros.internal.xmlrpc;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A socket's input with an optional deadline for everything read until it is cleared: a peer that
 * trickles a request byte by byte cannot hold a server thread longer than the deadline.
 */
final class DeadlineInputStream extends InputStream {
  private final Socket socket;
  private final InputStream in;
  private long deadlineNs;
  private boolean hasDeadline;

  DeadlineInputStream(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  /** Bounds every read from now on to end by {@code System.nanoTime() + timeoutNs}. */
  void startDeadline(long timeoutNs) {
    deadlineNs = System.nanoTime() + timeoutNs;
    hasDeadline = true;
  }

  /** Reads wait {@code idleTimeoutMs} each, without an overall deadline. */
  void clearDeadline(int idleTimeoutMs) throws IOException {
    hasDeadline = false;
    socket.setSoTimeout(Math.max(1, idleTimeoutMs));
  }

  private void arm() throws IOException {
    if (hasDeadline) {
      long remainingMs = (deadlineNs - System.nanoTime()) / 1_000_000;
      if (remainingMs <= 0) {
        throw new SocketTimeoutException("request not complete within its deadline");
      }
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMs));
    }
  }

  @Override
  public int read() throws IOException {
    arm();
    return in.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    arm();
    return in.read(b, off, len);
  }

  @Override
  public int available() throws IOException {
    return in.available();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
