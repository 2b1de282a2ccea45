package org.latentmpc.ros.internal.transport;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageListener;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.Subscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport side of a subscriber: one TCPROS connection per remote publisher (each on its own
 * reader thread, reconnecting with backoff while the publisher is listed), in-process links to
 * publishers in the same {@link IntraProcessRegistry}, and one dispatcher thread that calls the
 * listeners. Each listener has a bounded queue; when it falls behind its oldest message is dropped.
 *
 * <p>A message that came from a latching publisher is kept and handed to listeners added later, so
 * a listener added right after creating the subscriber still sees the latched message.
 *
 * <p>Every message travels with the connection header of the publisher it came from; a {@link
 * PublisherHeaderListener} receives it (callerid, latching, ...), a plain listener only the
 * message.
 *
 * @param <T> message class ({@link org.latentmpc.ros.DynamicMessage} for the wildcard)
 */
public final class TcpRosSubscriber<T extends Message> implements Subscriber<T> {
  /** Default per-listener queue. */
  public static final int DEFAULT_LISTENER_QUEUE = 32;

  private static final Logger LOG = LoggerFactory.getLogger(TcpRosSubscriber.class);

  private final String topic;
  private final MessageType<T> type;
  private final String callerId;
  private final PublisherLocator locator;
  private final IntraProcessRegistry registry;
  private final boolean tcpNoDelay;
  private final int maxMessageBytes;
  private final Runnable onShutdown;
  private final Class<?> messageClass;
  private final Map<URI, PublisherLink<T>> links = new HashMap<>();
  private final CopyOnWriteArrayList<TcpRosPublisher<?>> localPublishers =
      new CopyOnWriteArrayList<>();
  private final Map<TcpRosPublisher<?>, Integer> localLinkIds =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final List<ListenerQueue<T>> listeners = new ArrayList<>();
  private final ReentrantLock dispatchLock = new ReentrantLock();
  private final Condition pending = dispatchLock.newCondition();
  private final Thread dispatcher;
  private final AtomicLong droppedByListeners = new AtomicLong();
  private T latchedMessage;
  private ConnectionHeader latchedFrom;
  private volatile boolean shutdown;

  /**
   * Creates the subscriber with tcp_nodelay requested and the default maximum message size.
   *
   * @see #TcpRosSubscriber(String, MessageType, String, PublisherLocator, IntraProcessRegistry,
   *     boolean, int, Runnable)
   */
  public TcpRosSubscriber(
      String topic,
      MessageType<T> type,
      String callerId,
      PublisherLocator locator,
      IntraProcessRegistry registry,
      Runnable onShutdown) {
    this(
        topic,
        type,
        callerId,
        locator,
        registry,
        true,
        Frames.DEFAULT_MAX_MESSAGE_BYTES,
        onShutdown);
  }

  /**
   * Creates the subscriber and links it to in-process publishers; remote publishers come with
   * {@link #updatePublishers}.
   *
   * @param topic resolved topic name
   * @param type message type, or {@link MessageType#WILDCARD}
   * @param callerId the node's full name
   * @param locator asks a publisher's node for its TCPROS address
   * @param registry the executor's in-process registry, or null for none
   * @param tcpNoDelay ask publishers to disable Nagle's algorithm (lower latency)
   * @param maxMessageBytes larger messages close the connection (it is then retried)
   * @param onShutdown run once by {@link #shutdown} (the node unregisters here); may be null
   */
  public TcpRosSubscriber(
      String topic,
      MessageType<T> type,
      String callerId,
      PublisherLocator locator,
      IntraProcessRegistry registry,
      boolean tcpNoDelay,
      int maxMessageBytes,
      Runnable onShutdown) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.type = Objects.requireNonNull(type, "type");
    this.callerId = Objects.requireNonNull(callerId, "callerId");
    this.locator = Objects.requireNonNull(locator, "locator");
    this.registry = registry;
    this.tcpNoDelay = tcpNoDelay;
    if (maxMessageBytes <= 0) {
      throw new IllegalArgumentException("maxMessageBytes must be positive");
    }
    this.maxMessageBytes = maxMessageBytes;
    this.onShutdown = onShutdown;
    this.messageClass = type.isWildcard() ? null : type.newMessage().getClass();
    this.dispatcher = new Thread(this::dispatchLoop, "ros-sub-dispatch" + topic);
    dispatcher.setDaemon(true);
    dispatcher.start();
    if (registry != null) {
      registry.addSubscriber(this);
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

  /** The node's name, sent as callerid. */
  public String callerId() {
    return callerId;
  }

  Class<?> messageClass() {
    return messageClass;
  }

  boolean tcpNoDelay() {
    return tcpNoDelay;
  }

  int maxMessageBytes() {
    return maxMessageBytes;
  }

  PublisherLocator locator() {
    return locator;
  }

  @Override
  public void addMessageListener(MessageListener<T> listener) {
    addMessageListener(listener, DEFAULT_LISTENER_QUEUE);
  }

  @Override
  public void addMessageListener(MessageListener<T> listener, int queueSize) {
    Objects.requireNonNull(listener, "listener");
    if (queueSize < 1) {
      throw new IllegalArgumentException("queueSize must be at least 1, got " + queueSize);
    }
    dispatchLock.lock();
    try {
      ListenerQueue<T> q = new ListenerQueue<>(listener, queueSize);
      listeners.add(q);
      if (latchedMessage != null) {
        q.offer(latchedMessage, latchedFrom);
        pending.signal();
      }
    } finally {
      dispatchLock.unlock();
    }
  }

  /**
   * Sets the publishers the master reports for this topic (from registerSubscriber and every
   * publisherUpdate): connects to new ones, closes connections to ones no longer listed, and skips
   * those linked in-process.
   */
  public void updatePublishers(Collection<URI> publisherSlaveUris) {
    // lock order everywhere: registry, then this subscriber
    if (registry != null) {
      synchronized (registry) {
        updatePublishersLocked(publisherSlaveUris);
      }
    } else {
      updatePublishersLocked(publisherSlaveUris);
    }
  }

  private synchronized void updatePublishersLocked(Collection<URI> publisherSlaveUris) {
    if (shutdown) {
      return;
    }
    Set<URI> wanted = new LinkedHashSet<>();
    for (URI uri : publisherSlaveUris) {
      if (registry == null || !registry.isLinkedPublisher(this, uri)) {
        wanted.add(uri);
      }
    }
    links
        .entrySet()
        .removeIf(
            e -> {
              if (!wanted.contains(e.getKey())) {
                e.getValue().close();
                return true;
              }
              return false;
            });
    for (URI uri : wanted) {
      if (!links.containsKey(uri)) {
        PublisherLink<T> link = new PublisherLink<>(this, uri);
        links.put(uri, link);
        link.start();
      }
    }
  }

  /**
   * Called by a publisher link (reader thread) or an in-process publisher with a new message and
   * the publisher's connection header; messages from latching publishers ({@code latching=1}) are
   * kept for listeners added later.
   */
  void deliver(T message, ConnectionHeader publisherHeader) {
    dispatchLock.lock();
    try {
      if (shutdown) {
        return;
      }
      if (publisherHeader.flag("latching")) {
        latchedMessage = message;
        latchedFrom = publisherHeader;
      }
      for (ListenerQueue<T> q : listeners) {
        if (q.offer(message, publisherHeader)) {
          droppedByListeners.incrementAndGet();
        }
      }
      pending.signal();
    } finally {
      dispatchLock.unlock();
    }
  }

  private void dispatchLoop() {
    List<Runnable> batch = new ArrayList<>();
    while (true) {
      dispatchLock.lock();
      try {
        while (!shutdown && !anyPending()) {
          try {
            pending.await();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (shutdown) {
          return;
        }
        // take everything queued in one go: fewer lock hand-offs with the reader threads
        for (ListenerQueue<T> q : listeners) {
          MessageListener<T> l = q.listener;
          PublisherHeaderListener<T> withHeader = q.withHeader;
          T m;
          while ((m = q.queue.pollFirst()) != null) {
            T message = m;
            ConnectionHeader from = q.headers.pollFirst();
            batch.add(
                withHeader != null
                    ? () -> withHeader.onNewMessage(message, from)
                    : () -> l.onNewMessage(message));
          }
        }
      } finally {
        dispatchLock.unlock();
      }
      for (Runnable r : batch) {
        try {
          r.run();
        } catch (RuntimeException e) {
          LOG.error("{}: a message listener threw", topic, e);
        }
      }
      batch.clear();
    }
  }

  private boolean anyPending() {
    for (ListenerQueue<T> q : listeners) {
      if (!q.queue.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  void addLocalPublisher(TcpRosPublisher<?> publisher) {
    localPublishers.addIfAbsent(publisher);
    localLinkIds.putIfAbsent(publisher, ConnectionIds.next());
    // the master may have listed it before it was linked: drop a TCPROS link to it
    synchronized (this) {
      PublisherLink<T> link =
          publisher.slaveUri() == null ? null : links.remove(publisher.slaveUri());
      if (link != null) {
        link.close();
      }
    }
  }

  void removeLocalPublisher(TcpRosPublisher<?> publisher) {
    localPublishers.remove(publisher);
    localLinkIds.remove(publisher);
  }

  @Override
  public synchronized int getNumberOfPublishers() {
    int n = localPublishers.size();
    for (PublisherLink<T> l : links.values()) {
      if (l.isConnected()) {
        n++;
      }
    }
    return n;
  }

  /** Messages dropped because a listener's queue was full. */
  public long getDroppedMessageCount() {
    return droppedByListeners.get();
  }

  /** One row per publisher link (TCPROS and INTRAPROCESS) for getBusInfo/getBusStats. */
  public synchronized List<ConnectionInfo> connectionInfos() {
    List<ConnectionInfo> rows = new ArrayList<>();
    for (PublisherLink<T> l : links.values()) {
      rows.add(l.info());
    }
    for (TcpRosPublisher<?> p : localPublishers) {
      Integer id = localLinkIds.get(p);
      rows.add(
          new ConnectionInfo(
              id == null ? 0 : id,
              String.valueOf(p.slaveUri()),
              'i',
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

  /** Closes every publisher connection, leaves the registry, stops the dispatcher. */
  @Override
  public void shutdown() {
    synchronized (this) {
      if (shutdown) {
        return;
      }
      shutdown = true;
      for (PublisherLink<T> l : links.values()) {
        l.close();
      }
      links.clear();
    }
    if (registry != null) {
      registry.removeSubscriber(this);
    }
    dispatchLock.lock();
    try {
      pending.signalAll();
    } finally {
      dispatchLock.unlock();
    }
    if (onShutdown != null) {
      onShutdown.run();
    }
  }

  boolean isShutdown() {
    return shutdown;
  }

  @Override
  public String toString() {
    return "TcpRosSubscriber[" + topic + ", " + type + "]";
  }

  /**
   * A listener and its bounded queue of messages with, in step, their publishers' headers (guarded
   * by the dispatch lock).
   */
  private static final class ListenerQueue<T extends Message> {
    final MessageListener<T> listener;
    final PublisherHeaderListener<T> withHeader;
    final int capacity;
    final ArrayDeque<T> queue;
    final ArrayDeque<ConnectionHeader> headers;

    ListenerQueue(MessageListener<T> listener, int capacity) {
      this.listener = listener;
      this.withHeader = listener instanceof PublisherHeaderListener<T> h ? h : null;
      this.capacity = capacity;
      this.queue = new ArrayDeque<>(Math.min(capacity, 1024));
      this.headers = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** Adds a message; returns true if the oldest was dropped to make room. */
    boolean offer(T message, ConnectionHeader publisherHeader) {
      boolean dropped = false;
      if (queue.size() >= capacity) {
        queue.pollFirst();
        headers.pollFirst();
        dropped = true;
      }
      queue.addLast(message);
      headers.addLast(publisherHeader);
      return dropped;
    }
  }
}
