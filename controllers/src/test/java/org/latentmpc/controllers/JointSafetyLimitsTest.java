package org.latentmpc.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentmpc.robot.RobotModel;

class JointSafetyLimitsTest {
  private static final double EXACT = 1e-12;
  private final RobotModel arm7 = TestRobots.arm7();

  @Test
  void limitsComeFromTheUrdf() {
    JointSafetyLimits l = JointSafetyLimits.fromUrdf(arm7.movingJoint(3));
    assertEquals("arm7_joint4", l.name());
    assertEquals(-3.0718, l.lowerRad(), EXACT);
    assertEquals(-0.0698, l.upperRad(), EXACT);
    assertEquals(2.175, l.maxVelocity(), EXACT);
    assertEquals(87, l.maxEffort(), EXACT);
    assertTrue(l.hasSoftLimits());
    assertEquals(-3.0218, l.softLowerRad(), EXACT);
    assertEquals(-0.1198, l.softUpperRad(), EXACT);
    assertEquals(100, l.kPosition(), EXACT);
    assertEquals(40, l.kVelocity(), EXACT);
  }

  @Test
  void overridesTightenAndMayNotLoosen() {
    JointSafetyLimits l = JointSafetyLimits.fromUrdf(arm7.movingJoint(0));
    JointSafetyLimits t =
        l.withOverrides(Map.of("max_velocity", 1.0, "max_acceleration", 5, "max_position", 2.0));
    assertEquals(1.0, t.maxVelocity(), EXACT);
    assertEquals(5.0, t.maxAcceleration(), EXACT);
    assertEquals(2.0, t.upperRad(), EXACT);
    assertEquals(2.0, t.softUpperRad(), EXACT); // soft limit pulled inside the new hard limit
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> l.withOverrides(Map.of("max_effort", 200)));
    assertTrue(e.getMessage().contains("arm7_joint1") && e.getMessage().contains("max_effort"));
    assertThrows(
        IllegalArgumentException.class, () -> l.withOverrides(Map.of("max_velocity", "x")));
    assertEquals(l, l.withOverrides(Map.of("has_velocity_limits", false, "max_velocity", 0.1)));
  }

  @Test
  void softLimitLawMatchesRosJointLimitsInterface() {
    JointSafetyLimits l = JointSafetyLimits.fromUrdf(arm7.movingJoint(0));
    // Mid-range at rest: full effort range.
    assertEquals(-87, l.lowerEffort(0, 0), EXACT);
    assertEquals(87, l.upperEffort(0, 0), EXACT);
    // At 1 rad/s towards +: max effort = -kv (qd - vmax) = -40 (1 - 2.175) = 47.
    assertEquals(47, l.upperEffort(0, 1), 1e-9);
    // Past the soft upper limit (2.8473) by 0.01 rad: allowed velocity <= -kp * 0.01 = -1, so even
    // at rest the upper effort bound is -kv * (0 - (-1)) = -40: the joint is pushed back.
    double q = 2.8573;
    assertEquals(-1.0, l.upperVelocity(q), 1e-9);
    assertEquals(-40, l.upperEffort(q, 0), 1e-9);
    assertEquals(-40, l.clampEffort(50, q, 0), 1e-9);
    assertEquals(-2.175, l.lowerVelocity(q), EXACT);
    assertEquals(2.8473, l.clampToSoft(10), EXACT);
    assertTrue(l.positionAllowed(2.8973));
    assertFalse(l.positionAllowed(2.8974));
  }
}
