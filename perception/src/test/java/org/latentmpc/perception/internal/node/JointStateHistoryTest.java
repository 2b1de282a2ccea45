package org.latentmpc.perception.internal.node;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Header;

class JointStateHistoryTest {
  static JointState at(long secs) {
    return new JointState().setHeader(new Header().setStamp(new Time(secs, 0)));
  }

  static long ns(long secs) {
    return secs * 1_000_000_000L;
  }

  @Test
  void picksTheLatestAtOrBeforeTheImage() {
    JointStateHistory h = new JointStateHistory(3);
    JointState s1 = at(1);
    JointState s3 = at(3);
    JointState s2 = at(2);
    h.add(s1);
    h.add(s3);
    h.add(s2); // out of order arrival
    assertNull(h.atOrBefore(ns(0)));
    assertSame(s1, h.atOrBefore(ns(1)));
    assertSame(s2, h.atOrBefore(ns(2) + 5));
    assertSame(s3, h.atOrBefore(ns(9)));
  }

  @Test
  void forgetsTheOldestBeyondCapacity() {
    JointStateHistory h = new JointStateHistory(2);
    h.add(at(1));
    JointState s2 = at(2);
    h.add(s2);
    h.add(at(3));
    assertNull(h.atOrBefore(ns(1)));
    assertSame(s2, h.atOrBefore(ns(2)));
    assertThrows(IllegalArgumentException.class, () -> new JointStateHistory(0));
  }
}
