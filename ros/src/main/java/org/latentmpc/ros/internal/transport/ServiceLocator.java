package org.latentmpc.ros.internal.transport;

import java.net.InetSocketAddress;
import java.net.URI;
import org.latentmpc.ros.ServiceException;

/**
 * Finds the TCPROS address of a service provider: the node implements this with the master's {@code
 * lookupService}, then {@link #parseRosRpcUri}.
 */
@FunctionalInterface
public interface ServiceLocator {
  /**
   * The address of the node that provides {@code service}.
   *
   * @throws ServiceException (for example a ServiceNotFoundException) if no node provides it
   */
  InetSocketAddress lookupService(String service) throws ServiceException;

  /** {@code rosrpc://host:port} to a socket address (unresolved host names are resolved). */
  static InetSocketAddress parseRosRpcUri(URI uri) {
    if (!"rosrpc".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException("not a rosrpc://host:port URI: " + uri);
    }
    return new InetSocketAddress(uri.getHost(), uri.getPort());
  }
}
