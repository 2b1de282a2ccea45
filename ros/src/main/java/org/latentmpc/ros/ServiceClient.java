package org.latentmpc.ros;

/**
 * Calls one service; persistent clients keep their connection between calls and reconnect if it
 * drops.
 */
public interface ServiceClient<Q extends Message, R extends Message> extends AutoCloseable {
  String getName();

  ServiceType<Q, R> getType();

  Q newRequest();

  /**
   * Calls the service and waits for the answer.
   *
   * @throws ServiceException if the server answered with an error (its message is kept) or the
   *     connection failed
   */
  R call(Q request) throws ServiceException;

  @Override
  void close();
}
