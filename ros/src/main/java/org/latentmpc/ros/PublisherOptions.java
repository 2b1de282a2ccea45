package org.latentmpc.ros;

/**
 * Options for a publisher.
 *
 * @param latch send the last message to every new subscriber right after the connection header
 * @param queueSize messages queued per subscriber connection before the oldest is dropped (and
 *     counted)
 */
public record PublisherOptions(boolean latch, int queueSize) {
  public static final PublisherOptions DEFAULT = new PublisherOptions(false, 32);

  public PublisherOptions {
    if (queueSize < 1) {
      throw new IllegalArgumentException("queueSize must be at least 1, got " + queueSize);
    }
  }

  public static PublisherOptions latched() {
    return new PublisherOptions(true, DEFAULT.queueSize());
  }
}
