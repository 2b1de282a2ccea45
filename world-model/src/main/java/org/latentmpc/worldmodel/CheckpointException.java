package org.latentmpc.worldmodel;

/** A checkpoint folder that is missing, corrupt or does not match this code or configuration. */
public final class CheckpointException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with a message naming the folder and the problem. */
  public CheckpointException(String message) {
    super(message);
  }

  /** An error with its cause. */
  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
