package org.latentmpc.ros;

/**
 * Publishes messages on one topic to every subscriber: over TCPROS to other processes, and by
 * reference (no serialization) to subscribers in the same JVM. Each remote subscriber has a bounded
 * queue; when it is full the oldest message is dropped and counted.
 *
 * <p>{@link #publish} serializes once and does not block on slow subscribers. A message published
 * to in-process subscribers is shared with them, so do not modify it after publishing; use a fresh
 * or alternating instance.
 */
public interface Publisher<T extends Message> extends AutoCloseable {
  /** The resolved topic name. */
  String getTopicName();

  MessageType<T> getMessageType();

  /** A new empty message of the topic's type. */
  T newMessage();

  void publish(T message);

  /** Subscribers currently connected (remote and in-process). */
  int getNumberOfSubscribers();

  /** Messages dropped from full subscriber queues since the publisher started. */
  long getDroppedMessageCount();

  /** Unregisters from the master and closes the subscriber connections. */
  void shutdown();

  @Override
  default void close() {
    shutdown();
  }
}
