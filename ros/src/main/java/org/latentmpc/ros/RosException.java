package org.latentmpc.ros;

/** The root of the library's unchecked exceptions. */
public class RosException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RosException(String message) {
    super(message);
  }

  public RosException(String message, Throwable cause) {
    super(message, cause);
  }
}
