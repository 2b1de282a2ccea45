package org.latentmpc.ros.internal.transport;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscriber's connection to one remote publisher, on its own reader thread: asks the locator for
 * the TCPROS address, connects, exchanges headers, reads length-prefixed messages and hands them to
 * the subscriber. When the connection drops it reconnects with exponential backoff (0.1 s doubling
 * to 5 s) until it is closed (the publisher is no longer listed). An error header or an md5
 * mismatch is logged once and not retried.
 */
final class PublisherLink<T extends Message> {
  static final long INITIAL_BACKOFF_MS = 100;
  static final long MAX_BACKOFF_MS = 5000;
  static final int CONNECT_TIMEOUT_MS = 5000;
  static final int HEADER_TIMEOUT_MS = 10000;

  private static final Logger LOG = LoggerFactory.getLogger(PublisherLink.class);

  final int id = ConnectionIds.next();
  private final TcpRosSubscriber<T> subscriber;
  private final URI publisherUri;
  private final String topic;
  private final Thread thread;
  private volatile Socket socket;
  private volatile boolean closed;
  private volatile boolean connected;
  private volatile String failure;
  private volatile String publisherCallerId = "";
  private volatile long bytesReceived;
  private volatile long messagesReceived;

  PublisherLink(TcpRosSubscriber<T> subscriber, URI publisherUri) {
    this.subscriber = subscriber;
    this.publisherUri = publisherUri;
    this.topic = subscriber.getTopicName();
    this.thread = new Thread(this::run, "ros-sub-link" + topic + "-" + id);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    long backoffMs = INITIAL_BACKOFF_MS;
    while (!closed) {
      boolean wasConnected = false;
      try {
        InetSocketAddress address = subscriber.locator().requestTopic(publisherUri, topic);
        if (closed) {
          break;
        }
        wasConnected = connectAndRead(address);
      } catch (PermanentFailure e) {
        failure = e.getMessage();
        LOG.error("{}: not subscribing to publisher {}: {}", topic, publisherUri, e.getMessage());
        break;
      } catch (ProtocolException e) {
        LOG.warn("{}: closing connection to publisher {}: {}", topic, publisherUri, e.getMessage());
      } catch (IOException | RuntimeException e) {
        if (!closed) {
          LOG.info(
              "{}: connection to publisher {} failed or dropped ({}); retrying in {} ms",
              topic,
              publisherUri,
              e.toString(),
              backoffMs);
        }
      } finally {
        connected = false;
        Socket s = socket;
        if (s != null) {
          TcpRosServer.closeQuietly(s);
        }
      }
      if (wasConnected) {
        backoffMs = INITIAL_BACKOFF_MS;
      }
      if (closed) {
        break;
      }
      try {
        TimeUnit.MILLISECONDS.sleep(backoffMs);
      } catch (InterruptedException e) {
        break;
      }
      backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
    }
    connected = false;
  }

  /** Returns true if the handshake succeeded (whatever happened after). */
  private boolean connectAndRead(InetSocketAddress address) throws IOException {
    Socket s = new Socket();
    socket = s;
    if (closed) {
      s.close();
      return false;
    }
    InetSocketAddress target =
        address.isUnresolved()
            ? new InetSocketAddress(address.getHostString(), address.getPort())
            : address;
    s.connect(target, CONNECT_TIMEOUT_MS);
    s.setTcpNoDelay(subscriber.tcpNoDelay());
    s.setKeepAlive(true);
    MessageType<T> ourType = subscriber.getMessageType();
    ConnectionHeader.of(
            "callerid", subscriber.callerId(),
            "topic", topic,
            "md5sum", ourType.md5(),
            "type", ourType.name(),
            "message_definition", ourType.definition(),
            "tcp_nodelay", subscriber.tcpNoDelay() ? "1" : "0")
        .write(s.getOutputStream());
    s.setSoTimeout(HEADER_TIMEOUT_MS);
    InputStream in = new BufferedInputStream(s.getInputStream(), 65536);
    ConnectionHeader reply;
    try {
      reply = ConnectionHeader.read(in);
    } catch (EOFException e) {
      throw new IOException("publisher closed the connection without a header");
    }
    if (reply.isError()) {
      throw new PermanentFailure("publisher refused the connection: " + reply.get("error"));
    }
    String theirMd5 = reply.get("md5sum");
    if (theirMd5 == null) {
      throw new PermanentFailure("publisher's header has no md5sum: " + reply);
    }
    MessageType<? extends Message> linkType;
    if (ourType.isWildcard()) {
      linkType = WildcardTypes.fromHeader(reply);
    } else {
      if (!theirMd5.equals(ourType.md5()) && !"*".equals(theirMd5)) {
        throw new PermanentFailure(
            "md5 mismatch: we subscribe to "
                + ourType.name()
                + "/"
                + ourType.md5()
                + " but the publisher sends "
                + reply.get("type", "?")
                + "/"
                + theirMd5);
      }
      linkType = ourType;
    }
    publisherCallerId = reply.get("callerid", "");
    s.setSoTimeout(0);
    connected = true;
    failure = null;
    LOG.debug("{}: connected to publisher {} at {}", topic, publisherUri, target);
    String what = "message on " + topic + " from " + publisherUri;
    int max = subscriber.maxMessageBytes();
    // Decoding copies everything out of the body, so one receive buffer serves the whole
    // connection.
    Frames.ReceivedBody body = null;
    while (!closed) {
      try {
        body = Frames.readFrame(in, max, what, body);
      } catch (EOFException e) {
        if (!closed) {
          LOG.info("{}: publisher {} closed the connection", topic, publisherUri);
        }
        return true;
      }
      bytesReceived += body.length();
      messagesReceived++;
      T message;
      try {
        @SuppressWarnings("unchecked")
        T m = (T) linkType.newMessage();
        m.deserialize(body.buffer());
        message = m;
      } catch (RuntimeException e) {
        LOG.warn(
            "{}: dropping a message from {} that does not deserialize as {}: {}",
            topic,
            publisherUri,
            linkType,
            e.toString());
        continue;
      }
      subscriber.deliver(message, reply);
    }
    return true;
  }

  boolean isConnected() {
    return connected;
  }

  /** Why the link gave up, or null. */
  String failure() {
    return failure;
  }

  void close() {
    closed = true;
    Socket s = socket;
    if (s != null) {
      TcpRosServer.closeQuietly(s);
    }
    thread.interrupt();
  }

  ConnectionInfo info() {
    Socket s = socket;
    String info =
        failure != null
            ? "failed: " + failure
            : s == null ? "connecting" : "TCPROS connection to [" + TcpRosServer.remote(s) + "]";
    return new ConnectionInfo(
        id,
        publisherUri.toString(),
        'i',
        "TCPROS",
        topic,
        connected,
        info,
        bytesReceived,
        messagesReceived,
        0);
  }

  String publisherCallerId() {
    return publisherCallerId;
  }

  /** A failure that reconnecting cannot fix (error header, md5 mismatch). */
  private static final class PermanentFailure extends IOException {
    private static final long serialVersionUID = 1L;

    PermanentFailure(String message) {
      super(message);
    }
  }
}
