package org.latentmpc.ros.internal.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.BooleanSupplier;

/** Test helpers: raw sockets, bounded waits. */
final class Wire {
  static final String LOOPBACK = "127.0.0.1";
  static final long WAIT_MS = 10_000;

  private Wire() {}

  /** Polls until the condition holds; fails after {@link #WAIT_MS}. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT_MS * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + WAIT_MS + " ms waiting for: " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static Socket connect(TcpRosServer server) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress(LOOPBACK, server.port()), 5000);
    s.setSoTimeout((int) WAIT_MS);
    return s;
  }

  static byte[] le32(long v) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
  }

  /** True if the peer closed the socket (read returns -1 or the connection was reset). */
  static boolean closedByPeer(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    try {
      byte[] buf = new byte[8192];
      while (true) {
        int n = in.read(buf);
        if (n < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  static byte[] readAll(InputStream in, int n) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] b = in.readNBytes(n);
    out.write(b);
    return out.toByteArray();
  }

  static URI slave(String name) {
    return URI.create("http://127.0.0.1:1/" + name);
  }
}
