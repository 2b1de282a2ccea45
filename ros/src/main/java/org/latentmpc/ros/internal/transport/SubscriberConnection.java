package org.latentmpc.ros.internal.transport;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One remote subscriber of a publisher: a bounded queue of serialized frames (oldest dropped and
 * counted when full) drained by the connection's own thread, so a slow subscriber never blocks
 * {@code publish} or other subscribers. While idle the writer checks every half second whether the
 * peer has closed.
 */
final class SubscriberConnection {
  private static final int WRITE_BUFFER_BYTES = 64 * 1024;
  private static final long IDLE_CHECK_NS = TimeUnit.MILLISECONDS.toNanos(500);

  final int id = ConnectionIds.next();
  private final Socket socket;
  private final String topic;
  private final String subscriberCallerId;
  private final int capacity;
  private final AtomicLong publisherDropped;
  private final ArrayDeque<byte[]> queue;
  // frames taken from the queue by the writer (at most one queue's worth), written next
  private final ArrayDeque<byte[]> batch;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private volatile boolean closed;
  private volatile long bytesSent;
  private volatile long messagesSent;
  private volatile long dropped;

  SubscriberConnection(
      Socket socket,
      String topic,
      String subscriberCallerId,
      int capacity,
      AtomicLong publisherDropped) {
    this.socket = socket;
    this.topic = topic;
    this.subscriberCallerId = subscriberCallerId;
    this.capacity = capacity;
    this.publisherDropped = publisherDropped;
    this.queue = new ArrayDeque<>(Math.min(capacity, 1024));
    this.batch = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  /** Queues a frame; drops (and counts) the oldest if the queue is full. Never blocks on I/O. */
  void enqueue(byte[] frame) {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      if (queue.size() >= capacity) {
        queue.pollFirst();
        dropped++;
        publisherDropped.incrementAndGet();
      }
      queue.addLast(frame);
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Writes queued frames until the connection closes; runs on the connection's thread. */
  void runWriter() throws IOException {
    // frames queued back to back are taken in one batch and coalesced into few writes; the stream
    // is flushed after each batch, so a lone message goes out at once
    OutputStream out = new BufferedOutputStream(socket.getOutputStream(), WRITE_BUFFER_BYTES);
    InputStream in = socket.getInputStream();
    while (!closed) {
      if (!takeBatch()) {
        if (!closed && peerClosed(in)) {
          break;
        }
        continue;
      }
      byte[] frame;
      while ((frame = batch.pollFirst()) != null) {
        out.write(frame);
        bytesSent += frame.length - 4;
        messagesSent++;
      }
      out.flush();
    }
  }

  /** Moves every queued frame to the batch, waiting up to the idle check period for one. */
  private boolean takeBatch() {
    lock.lock();
    try {
      long waitNs = IDLE_CHECK_NS;
      while (queue.isEmpty() && !closed && waitNs > 0) {
        try {
          waitNs = notEmpty.awaitNanos(waitNs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          closed = true;
        }
      }
      byte[] frame;
      while ((frame = queue.pollFirst()) != null) {
        batch.addLast(frame);
      }
      return !batch.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  /** A subscriber never sends after its header: end of stream means it went away. */
  private boolean peerClosed(InputStream in) throws IOException {
    socket.setSoTimeout(1);
    try {
      int b = in.read();
      if (b < 0) {
        return true;
      }
      // unexpected bytes from the subscriber: ignore them
      return false;
    } catch (SocketTimeoutException e) {
      return false;
    } finally {
      socket.setSoTimeout(0);
    }
  }

  /** Closes the socket, which also stops a writer blocked in a write. */
  void close() {
    lock.lock();
    try {
      closed = true;
      queue.clear();
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
    TcpRosServer.closeQuietly(socket);
  }

  boolean isClosed() {
    return closed;
  }

  long dropped() {
    return dropped;
  }

  boolean tcpNoDelay() {
    try {
      return socket.getTcpNoDelay();
    } catch (IOException e) {
      return false;
    }
  }

  ConnectionInfo info() {
    return new ConnectionInfo(
        id,
        subscriberCallerId,
        'o',
        "TCPROS",
        topic,
        !closed,
        "TCPROS connection on port "
            + socket.getLocalPort()
            + " to ["
            + TcpRosServer.remote(socket)
            + "]"
            + (tcpNoDelay() ? " (tcp_nodelay)" : ""),
        bytesSent,
        messagesSent,
        dropped);
  }
}
