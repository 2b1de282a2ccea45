package org.latentmpc.robot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SafetyControllerTest {
  private static final double EPS = 1e-12;
  private final JointLimits limits = new JointLimits(-2, 2, 50, 1.5, true);
  private final SafetyController sc = new SafetyController(-1.8, 1.8, 10, 20);

  @Test
  void freeInsideTheSoftLimitsAtRest() {
    // Far inside at rest: velocity range [-1.5, 1.5], so efforts within +-20 * 1.5 = +-30 pass.
    assertEquals(25, sc.clampEffort(25, 0, 0, limits), EPS);
    assertEquals(30, sc.clampEffort(80, 0, 0, limits), EPS);
    assertEquals(-30, sc.clampEffort(-80, 0, 0, limits), EPS);
    // Moving fast downwards: the upper effort bound rises to the effort limit.
    assertEquals(50, sc.clampEffort(80, 0, -2, limits), EPS);
  }

  @Test
  void brakesNearTheUpperSoftLimit() {
    // At q = 1.75: vHigh = -10 * (1.75 - 1.8) = 0.5; moving at 1.0 -> eHigh = -20 * 0.5 = -10.
    assertEquals(-10, sc.clampEffort(40, 1.75, 1.0, limits), EPS);
    // Past the soft limit at rest: vHigh = -10 * 0.1 = -1 -> eHigh = -20 * (0 + 1) = -20.
    assertEquals(-20, sc.clampEffort(0, 1.9, 0, limits), EPS);
  }

  @Test
  void arm7SoftLimitsParsed() {
    RobotModel m = TestRobots.load(TestRobots.ARM7);
    Joint j1 = m.movingJoint(0);
    assertEquals(2.8473, j1.safetyController().softUpperLimit(), EPS);
    assertEquals(40, j1.safetyController().kVelocity(), EPS);
  }
}
