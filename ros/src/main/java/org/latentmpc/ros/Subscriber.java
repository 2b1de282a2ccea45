package org.latentmpc.ros;

/**
 * Receives messages on one topic from every publisher the master reports, reconnecting when a
 * publisher restarts. Listeners run on the subscriber's own thread, one message at a time, in
 * arrival order per publisher.
 */
public interface Subscriber<T extends Message> extends AutoCloseable {
  String getTopicName();

  MessageType<T> getMessageType();

  /**
   * Adds a listener with a queue of 32 messages (oldest dropped when the listener falls behind).
   */
  void addMessageListener(MessageListener<T> listener);

  void addMessageListener(MessageListener<T> listener, int queueSize);

  /** Publishers this subscriber is connected to. */
  int getNumberOfPublishers();

  /** Unregisters from the master and closes the publisher connections. */
  void shutdown();

  @Override
  default void close() {
    shutdown();
  }
}
