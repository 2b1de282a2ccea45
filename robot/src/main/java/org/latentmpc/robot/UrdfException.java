package org.latentmpc.robot;

/** A URDF document that is malformed, inconsistent or uses an unsupported feature. */
public final class UrdfException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message names the element and why it is wrong. */
  public UrdfException(String message) {
    super(message);
  }

  /** Creates an exception with a cause (for example an XML syntax error). */
  public UrdfException(String message, Throwable cause) {
    super(message, cause);
  }
}
