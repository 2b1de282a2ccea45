package org.latentmpc.ros.internal.bag;

/** A record that the end of the file (or of a chunk) cuts off: truncation, not corruption. */
public final class TruncatedRecordException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long position;

  public TruncatedRecordException(long position, String message) {
    super(message);
    this.position = position;
  }

  /** Offset of the cut-off record. */
  public long position() {
    return position;
  }
}
