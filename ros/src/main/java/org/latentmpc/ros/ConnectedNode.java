package org.latentmpc.ros;

/**
 * A node registered with a master: the factory for publishers, subscribers, services and the
 * parameter tree.
 */
public interface ConnectedNode extends Node {
  /**
   * Publishes {@code type} on {@code topic} (resolved and remapped) with default options (queue 32,
   * no latch).
   */
  <T extends Message> Publisher<T> newPublisher(String topic, MessageType<T> type);

  <T extends Message> Publisher<T> newPublisher(
      String topic, MessageType<T> type, PublisherOptions options);

  /** Subscribes with a queue of 32 messages per listener (oldest dropped when full). */
  <T extends Message> Subscriber<T> newSubscriber(String topic, MessageType<T> type);

  /** Registers a service that answers with {@code handler} on the node's TCPROS port. */
  <Q extends Message, R extends Message> ServiceServer<Q, R> newServiceServer(
      String service, ServiceType<Q, R> type, ServiceHandler<Q, R> handler);

  /**
   * A client for {@code service}, looked up at the master now.
   *
   * @param persistent keep one connection open for all calls
   * @throws ServiceNotFoundException if no node provides the service
   */
  <Q extends Message, R extends Message> ServiceClient<Q, R> newServiceClient(
      String service, ServiceType<Q, R> type, boolean persistent) throws ServiceNotFoundException;

  /** The parameter server, with names resolved relative to this node. */
  ParameterTree getParameterTree();
}
