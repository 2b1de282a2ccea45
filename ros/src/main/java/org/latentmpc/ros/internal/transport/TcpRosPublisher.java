package org.latentmpc.ros.internal.transport;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.PublisherOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport side of a publisher: serves TCPROS subscribers that connect to the node's {@link
 * TcpRosServer}, and delivers by reference to subscribers in the same {@link IntraProcessRegistry}.
 *
 * <p>{@link #publish} serializes at most once (only when remote subscribers or latching need it)
 * into a frame shared by all connections, queues it on each connection's bounded queue (oldest
 * dropped and counted) and returns without waiting for any socket.
 *
 * @param <T> message class
 */
public final class TcpRosPublisher<T extends Message> implements Publisher<T> {
  private static final Logger LOG = LoggerFactory.getLogger(TcpRosPublisher.class);

  private final String topic;
  private final MessageType<T> type;
  private final PublisherOptions options;
  private final String callerId;
  private final URI slaveUri;
  private final TcpRosServer server;
  private final IntraProcessRegistry registry;
  private final Runnable onShutdown;
  private final Class<?> messageClass;
  // sent to each TCPROS subscriber, and handed with each message to in-process subscribers
  private final ConnectionHeader replyHeader;
  private final CopyOnWriteArrayList<SubscriberConnection> connections =
      new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<LocalLink> localSubscribers = new CopyOnWriteArrayList<>();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong messagesPublished = new AtomicLong();
  private T lastMessage;
  private byte[] lastFrame;
  private volatile boolean shutdown;
  private volatile boolean warnedAfterShutdown;

  private record LocalLink(int id, TcpRosSubscriber<?> subscriber) {}

  /**
   * Creates the publisher and registers it with the server (TCPROS) and the registry (in-process).
   *
   * @param topic resolved topic name
   * @param type the message type (not the wildcard)
   * @param options latching and per-subscriber queue size
   * @param callerId the node's full name, sent in the reply header
   * @param slaveUri the node's slave API URI (how in-process subscribers recognise this publisher)
   * @param server the node's TCPROS server
   * @param registry the executor's in-process registry, or null for none
   * @param onShutdown run once by {@link #shutdown} after the transport has closed (the node
   *     unregisters from the master here); may be null
   */
  public TcpRosPublisher(
      String topic,
      MessageType<T> type,
      PublisherOptions options,
      String callerId,
      URI slaveUri,
      TcpRosServer server,
      IntraProcessRegistry registry,
      Runnable onShutdown) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.type = Objects.requireNonNull(type, "type");
    if (type.isWildcard()) {
      throw new IllegalArgumentException("cannot publish the wildcard type on " + topic);
    }
    this.options = Objects.requireNonNull(options, "options");
    this.callerId = Objects.requireNonNull(callerId, "callerId");
    this.slaveUri = slaveUri;
    this.server = Objects.requireNonNull(server, "server");
    this.registry = registry;
    this.onShutdown = onShutdown;
    this.messageClass = type.newMessage().getClass();
    this.replyHeader =
        ConnectionHeader.of(
            "callerid",
            callerId,
            "latching",
            options.latch() ? "1" : "0",
            "md5sum",
            type.md5(),
            "message_definition",
            type.definition(),
            "topic",
            topic,
            "type",
            type.name());
    server.addPublisher(this);
    if (registry != null) {
      registry.addPublisher(this);
    }
  }

  @Override
  public String getTopicName() {
    return topic;
  }

  @Override
  public MessageType<T> getMessageType() {
    return type;
  }

  @Override
  public T newMessage() {
    return type.newMessage();
  }

  /** The node's slave API URI given at construction. */
  public URI slaveUri() {
    return slaveUri;
  }

  /** The Java class of this type's messages (in-process links require the same class). */
  Class<?> messageClass() {
    return messageClass;
  }

  /** Whether this publisher latches. */
  public boolean isLatched() {
    return options.latch();
  }

  @Override
  public void publish(T message) {
    Objects.requireNonNull(message, "message");
    if (shutdown) {
      if (!warnedAfterShutdown) {
        warnedAfterShutdown = true;
        LOG.error("publish() on the shut-down publisher of {}: message dropped", topic);
      }
      return;
    }
    synchronized (this) {
      byte[] frame = null;
      if (!connections.isEmpty()) {
        frame = Frames.frame(message);
        for (SubscriberConnection c : connections) {
          c.enqueue(frame);
        }
      }
      if (options.latch()) {
        lastMessage = message;
        lastFrame = frame; // serialized lazily for the next subscriber if null
      }
      for (LocalLink link : localSubscribers) {
        deliverLocal(link.subscriber(), message);
      }
    }
    messagesPublished.incrementAndGet();
  }

  @SuppressWarnings("unchecked")
  private <M extends Message> void deliverLocal(TcpRosSubscriber<M> s, Message message) {
    s.deliver((M) message, replyHeader);
  }

  /**
   * Serves one subscriber connection whose header the server has read; returns when it closes. Runs
   * on the connection's thread.
   */
  void serve(Socket socket, ConnectionHeader header) throws IOException {
    String md5 = header.get("md5sum");
    String subscriberId = header.get("callerid");
    if (md5 == null || subscriberId == null || !header.has("topic")) {
      refuse(
          socket,
          "Header from subscriber did not have the required elements: md5sum, topic,"
              + " callerid");
      return;
    }
    if (shutdown) {
      refuse(
          socket,
          "received a tcpros connection for a nonexistent topic ["
              + topic
              + "] from ["
              + subscriberId
              + "].");
      return;
    }
    if (!md5.equals(type.md5()) && !"*".equals(md5)) {
      refuse(
          socket,
          "Client ["
              + subscriberId
              + "] wants topic "
              + topic
              + " to have datatype/md5sum ["
              + header.get("type", "")
              + "/"
              + md5
              + "], but our version has ["
              + type.name()
              + "/"
              + type.md5()
              + "]. Dropping connection.");
      return;
    }
    socket.setTcpNoDelay(header.flag("tcp_nodelay"));
    socket.setKeepAlive(true);
    replyHeader.write(socket.getOutputStream());
    SubscriberConnection connection =
        new SubscriberConnection(socket, topic, subscriberId, options.queueSize(), dropped);
    synchronized (this) {
      if (options.latch() && lastMessage != null) {
        if (lastFrame == null) {
          lastFrame = Frames.frame(lastMessage);
        }
        connection.enqueue(lastFrame);
      }
      connections.add(connection);
    }
    LOG.debug(
        "{}: subscriber {} connected from {}", topic, subscriberId, TcpRosServer.remote(socket));
    try {
      connection.runWriter();
    } finally {
      connections.remove(connection);
      connection.close();
      LOG.debug("{}: subscriber {} disconnected", topic, subscriberId);
    }
  }

  private void refuse(Socket socket, String message) {
    LOG.warn(
        "{}: refusing subscriber connection from {}: {}",
        topic,
        TcpRosServer.remote(socket),
        message);
    TcpRosServer.sendError(socket, message);
  }

  /** Links an in-process subscriber (called by the registry); delivers the latched message. */
  void addLocalSubscriber(TcpRosSubscriber<?> subscriber) {
    synchronized (this) {
      if (shutdown) {
        return;
      }
      localSubscribers.add(new LocalLink(ConnectionIds.next(), subscriber));
      if (options.latch() && lastMessage != null) {
        deliverLocal(subscriber, lastMessage);
      }
    }
  }

  void removeLocalSubscriber(TcpRosSubscriber<?> subscriber) {
    localSubscribers.removeIf(l -> l.subscriber() == subscriber);
  }

  @Override
  public int getNumberOfSubscribers() {
    return connections.size() + localSubscribers.size();
  }

  /** Remote (TCPROS) subscribers currently connected. */
  public int getNumberOfRemoteSubscribers() {
    return connections.size();
  }

  @Override
  public long getDroppedMessageCount() {
    return dropped.get();
  }

  /** Messages passed to {@link #publish}. */
  public long getPublishedMessageCount() {
    return messagesPublished.get();
  }

  /** One row per subscriber connection (TCPROS and INTRAPROCESS) for getBusInfo/getBusStats. */
  public List<ConnectionInfo> connectionInfos() {
    List<ConnectionInfo> rows = new ArrayList<>();
    for (SubscriberConnection c : connections) {
      rows.add(c.info());
    }
    for (LocalLink l : localSubscribers) {
      rows.add(
          new ConnectionInfo(
              l.id(),
              l.subscriber().callerId(),
              'o',
              "INTRAPROCESS",
              topic,
              true,
              "INTRAPROCESS connection",
              0,
              0,
              0));
    }
    return rows;
  }

  /**
   * Closes every subscriber connection, leaves the server and the registry, then runs the node's
   * shutdown hook once. Messages published afterwards are dropped (logged once), as roscpp does.
   */
  @Override
  public void shutdown() {
    synchronized (this) {
      if (shutdown) {
        return;
      }
      shutdown = true;
    }
    server.removePublisher(this);
    if (registry != null) {
      registry.removePublisher(this);
    }
    localSubscribers.clear();
    for (SubscriberConnection c : connections) {
      c.close();
    }
    if (onShutdown != null) {
      onShutdown.run();
    }
  }

  /** True after {@link #shutdown}. */
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public String toString() {
    return "TcpRosPublisher[" + topic + ", " + type + "]";
  }
}
