package org.latentmpc.ros;

/** A service call that failed: the server's handler reported an error, or the connection failed. */
public class ServiceException extends Exception {
  private static final long serialVersionUID = 1L;

  public ServiceException(String message) {
    super(message);
  }

  public ServiceException(String message, Throwable cause) {
    super(message, cause);
  }
}
