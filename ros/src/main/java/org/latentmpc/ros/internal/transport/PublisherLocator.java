package org.latentmpc.ros.internal.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Asks a publisher's node for its TCPROS address: the node implements this with the slave API's
 * {@code requestTopic(callerId, topic, [["TCPROS"]])}, which answers {@code ["TCPROS", host,
 * port]}.
 */
@FunctionalInterface
public interface PublisherLocator {
  /**
   * The TCPROS address at which the publisher at {@code publisherSlaveUri} serves {@code topic}.
   *
   * @throws IOException if the publisher's node cannot be reached or refuses (the subscriber
   *     retries with backoff while the publisher is still listed)
   */
  InetSocketAddress requestTopic(URI publisherSlaveUri, String topic) throws IOException;
}
