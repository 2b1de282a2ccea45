package org.latentmpc.ros.internal.node;

import java.time.Instant;
import org.latentmpc.ros.Time;

/**
 * A node's notion of now: the wall clock, or, when {@code /use_sim_time} is true, the last time
 * received on {@code /clock} (zero until the first message, as in roscpp and rospy).
 */
final class NodeClock {
  private final boolean simTime;
  private volatile Time lastClock = Time.ZERO;

  NodeClock(boolean simTime) {
    this.simTime = simTime;
  }

  boolean isSimTime() {
    return simTime;
  }

  void onClock(Time time) {
    lastClock = time;
  }

  Time now() {
    if (simTime) {
      return lastClock;
    }
    Instant now = Instant.now();
    return new Time(now.getEpochSecond(), now.getNano());
  }
}
