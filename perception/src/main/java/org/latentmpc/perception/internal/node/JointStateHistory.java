package org.latentmpc.perception.internal.node;

import org.latentmpc.ros.msgs.sensor_msgs.JointState;

/**
 * The last few joint states in arrival order, for picking the latest one stamped at or before an
 * image. Thread-safe (one lock); bounded (a ring of fixed capacity).
 */
final class JointStateHistory {
  private final JointState[] ring;
  private final long[] stampNs;
  private int next;
  private int size;

  /** A history of at most {@code capacity} joint states. */
  JointStateHistory(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    ring = new JointState[capacity];
    stampNs = new long[capacity];
  }

  /** Adds a joint state (its header stamp is its time). */
  synchronized void add(JointState state) {
    ring[next] = state;
    stampNs[next] = state.getHeader().getStamp().toNanos();
    next = (next + 1) % ring.length;
    size = Math.min(size + 1, ring.length);
  }

  /** The joint state with the latest stamp at or before {@code imageStampNs}, or null. */
  synchronized JointState atOrBefore(long imageStampNs) {
    JointState best = null;
    long bestNs = Long.MIN_VALUE;
    for (int k = 0; k < size; k++) {
      int i = Math.floorMod(next - 1 - k, ring.length);
      if (stampNs[i] <= imageStampNs && stampNs[i] > bestNs) {
        best = ring[i];
        bestNs = stampNs[i];
      }
    }
    return best;
  }
}
