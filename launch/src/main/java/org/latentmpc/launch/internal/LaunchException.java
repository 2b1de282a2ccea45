package org.latentmpc.launch.internal;

/** A launch file that cannot be used; the message names the file and line. */
public final class LaunchException extends Exception {
  private static final long serialVersionUID = 1L;

  /** {@code file:line: message}. */
  public LaunchException(String message) {
    super(message);
  }

  /** {@code file:line: message} with its cause. */
  public LaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
