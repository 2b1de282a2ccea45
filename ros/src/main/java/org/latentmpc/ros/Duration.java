package org.latentmpc.ros;

/**
 * A ROS duration: signed seconds and nanoseconds (int32 each on the wire). Normalised so that
 * {@code 0 <= nsecs < 1e9}.
 *
 * @param secs signed whole seconds
 * @param nsecs nanoseconds, 0 to 999,999,999
 */
public record Duration(int secs, int nsecs) implements Comparable<Duration> {
  public static final Duration ZERO = new Duration(0, 0);

  public Duration {
    if (nsecs < 0 || nsecs >= 1_000_000_000) {
      throw new IllegalArgumentException("duration nsecs out of range: " + nsecs);
    }
  }

  public static Duration fromNanos(long nanos) {
    long secs = Math.floorDiv(nanos, 1_000_000_000L);
    return new Duration(Math.toIntExact(secs), (int) Math.floorMod(nanos, 1_000_000_000L));
  }

  public static Duration fromSeconds(double seconds) {
    return fromNanos(Math.round(seconds * 1e9));
  }

  public long toNanos() {
    return secs * 1_000_000_000L + nsecs;
  }

  public double toSeconds() {
    return secs + nsecs * 1e-9;
  }

  @Override
  public int compareTo(Duration other) {
    return Long.compare(toNanos(), other.toNanos());
  }
}
