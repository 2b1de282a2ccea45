package org.latentmpc.ros;

/**
 * A ROS time: seconds and nanoseconds since the epoch (wall time) or since the simulation started
 * (sim time). Immutable.
 *
 * @param secs whole seconds, 0 to 2^32-1 as an unsigned 32-bit value on the wire
 * @param nsecs nanoseconds, 0 to 999,999,999
 */
public record Time(long secs, int nsecs) implements Comparable<Time> {
  /** Time zero, also what ROS uses for "now" in trajectory stamps. */
  public static final Time ZERO = new Time(0, 0);

  public Time {
    if (secs < 0 || secs > 0xFFFFFFFFL || nsecs < 0 || nsecs >= 1_000_000_000) {
      throw new IllegalArgumentException("time out of range: secs=" + secs + " nsecs=" + nsecs);
    }
  }

  /** The time {@code nanos} nanoseconds after zero. */
  public static Time fromNanos(long nanos) {
    return new Time(nanos / 1_000_000_000L, (int) (nanos % 1_000_000_000L));
  }

  /** The time {@code seconds} after zero, rounded to the nearest nanosecond. */
  public static Time fromSeconds(double seconds) {
    return fromNanos(Math.round(seconds * 1e9));
  }

  /** Nanoseconds since zero. */
  public long toNanos() {
    return secs * 1_000_000_000L + nsecs;
  }

  /** Seconds since zero. */
  public double toSeconds() {
    return secs + nsecs * 1e-9;
  }

  public boolean isZero() {
    return secs == 0 && nsecs == 0;
  }

  @Override
  public int compareTo(Time other) {
    return Long.compare(toNanos(), other.toNanos());
  }

  @Override
  public String toString() {
    return secs + "." + String.format("%09d", nsecs);
  }
}
