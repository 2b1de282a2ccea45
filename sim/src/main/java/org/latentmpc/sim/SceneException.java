package org.latentmpc.sim;

/** A scene file that cannot be read, is malformed, or does not fit the robot. */
public final class SceneException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message names the file, the field and why. */
  public SceneException(String message) {
    super(message);
  }

  /** Creates an exception with a cause. */
  public SceneException(String message, Throwable cause) {
    super(message, cause);
  }
}
