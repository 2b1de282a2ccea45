/**
 * TCPROS topics and services, and in-process delivery.
 *
 * <p>How a node uses it (nothing here speaks XML-RPC; the node bridges to the master and slave
 * API):
 *
 * <ul>
 *   <li>One {@link org.latentmpc.ros.internal.transport.TcpRosServer} per node: {@code new
 *       TcpRosServer(advertisedHost, 0)}. The slave API's requestTopic answers {@code ["TCPROS",
 *       server.host(), server.port()]} when {@code server.publisher(topic) != null}; services
 *       register {@code server.rosRpcUri()}.
 *   <li>One {@link org.latentmpc.ros.internal.transport.IntraProcessRegistry} per executor, shared
 *       by its nodes.
 *   <li>Publisher: {@code new TcpRosPublisher<>(topic, type, options, nodeName, slaveUri, server,
 *       registry, onShutdown)}, then registerPublisher with the master; {@code onShutdown}
 *       unregisters.
 *   <li>Subscriber: {@code new TcpRosSubscriber<>(topic, type, nodeName, locator, registry,
 *       onShutdown)} where the locator calls the publisher's requestTopic; then {@code
 *       updatePublishers(registerSubscriber(...))} and again on every publisherUpdate.
 *   <li>Service: {@code new TcpRosServiceServer<>(name, type, handler, nodeName, server,
 *       onShutdown)}, then registerService with {@code getUri()}. Client: {@code new
 *       TcpRosServiceClient<>(name, type, nodeName, persistent, serviceLocator, timeoutMs)}.
 *   <li>getBusInfo and getBusStats: {@code connectionInfos()} of every publisher and subscriber.
 * </ul>
 */
package org.latentmpc.ros.internal.transport;
