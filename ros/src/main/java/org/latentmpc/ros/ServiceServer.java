package org.latentmpc.ros;

import java.net.URI;

/** A registered service. */
public interface ServiceServer<Q extends Message, R extends Message> extends AutoCloseable {
  /** The resolved service name. */
  String getName();

  ServiceType<Q, R> getType();

  /** {@code rosrpc://host:port} of the node's TCPROS server. */
  URI getUri();

  /** Unregisters the service. */
  void shutdown();

  @Override
  default void close() {
    shutdown();
  }
}
