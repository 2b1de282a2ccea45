package org.latentmpc.controllers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.ros.Duration;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectory;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectoryPoint;

/** The controller core on its own (no plant): commands, validation, safety, modes. */
class ControllerCoreTest {
  private static final long MS = 1_000_000L;
  private static final double EXACT = 1e-12;

  private final RobotModel arm7 = TestRobots.arm7();
  private final int n = 7;
  private final double[] q = {0, -0.5, 0, -2.0, 0, 1.5, 0.7};
  private final double[] qd = new double[7];
  private final double[] effort = new double[7];
  private long now = 1_000 * MS;

  private ControllerSettings.Builder base() {
    ControllerSettings.Builder b = ControllerSettings.builder(arm7, arm7.jointNames());
    for (int j = 0; j < n; j++) {
      b.positionGains(j, PidGains.of(100, 0, 10, 0));
      b.velocityGains(j, PidGains.of(10, 0, 0, 0));
    }
    return b;
  }

  private void cycles(JointController c, int k) {
    for (int i = 0; i < k; i++) {
      now += MS;
      c.update(now, q, qd, effort);
    }
  }

  @Test
  void startsHoldingTheMeasuredPosition() {
    JointController c = JointController.create(arm7, base().gravityCompensation(false).build());
    cycles(c, 1);
    assertEquals(ControlMode.HOLD, c.mode());
    double[] d = new double[n];
    c.getDesiredPositions(d);
    assertArrayEquals(q, d, EXACT);
    assertArrayEquals(new double[n], effort, EXACT); // no error, no gravity compensation
  }

  @Test
  void gravityCompensationMatchesTheModelsRnea() {
    JointController c = JointController.create(arm7, base().build());
    cycles(c, 1);
    double[] g = new double[n];
    arm7.newDynamics().gravityTorques(q, g);
    assertArrayEquals(g, effort, 1e-9);
  }

  @Test
  void badCommandsAreRejectedAndNothingMoves() {
    JointController c = JointController.create(arm7, base().build());
    cycles(c, 5);
    double[] before = effort.clone();
    double[] d0 = new double[n];
    c.getDesiredPositions(d0);
    double[] nan = q.clone();
    nan[2] = Double.NaN;
    double[] outOfRange = q.clone();
    outOfRange[3] = 0.5; // joint4 upper limit is -0.0698
    double[] tooFast = new double[n];
    tooFast[0] = 3.0;
    double[] tooStrong = new double[n];
    tooStrong[6] = 13;
    CommandRejectedException e;
    e = assertThrows(CommandRejectedException.class, () -> c.commandPositions(new double[6]));
    assertTrue(e.getMessage().contains("6 values, expected 7"), e.getMessage());
    e = assertThrows(CommandRejectedException.class, () -> c.commandPositions(nan));
    assertTrue(e.getMessage().contains("arm7_joint3") && e.getMessage().contains("not finite"));
    e = assertThrows(CommandRejectedException.class, () -> c.commandPositions(outOfRange));
    assertTrue(e.getMessage().contains("arm7_joint4") && e.getMessage().contains("outside"));
    e = assertThrows(CommandRejectedException.class, () -> c.commandVelocities(tooFast));
    assertTrue(e.getMessage().contains("above its limit"));
    e = assertThrows(CommandRejectedException.class, () -> c.commandEfforts(tooStrong));
    assertTrue(e.getMessage().contains("arm7_joint7"));
    assertThrows(CommandRejectedException.class, () -> c.commandVelocities(null));
    assertEquals(6, c.rejectedCommandCount());
    cycles(c, 5);
    assertEquals(ControlMode.HOLD, c.mode());
    double[] d1 = new double[n];
    c.getDesiredPositions(d1);
    assertArrayEquals(d0, d1, 0.0);
    assertArrayEquals(before, effort, 1e-9);
  }

  @Test
  void positionTargetsAreRateLimitedAndClampedIntoTheSoftLimits() {
    JointController c = JointController.create(arm7, base().build());
    cycles(c, 1);
    double[] target = q.clone();
    target[0] = 2.8973; // at the hard limit: accepted, clamped to the soft limit 2.8473
    c.commandPositions(target);
    double[] prev = new double[n];
    double[] d = new double[n];
    c.getDesiredPositions(prev);
    double vmax = 2.175;
    for (int k = 0; k < 2000; k++) {
      if (k % 400 == 0) {
        c.commandPositions(target); // keep the watchdog fed
      }
      cycles(c, 1);
      c.getDesiredPositions(d);
      assertTrue(Math.abs(d[0] - prev[0]) <= vmax * 1e-3 + 1e-12, "step " + k);
      System.arraycopy(d, 0, prev, 0, n);
    }
    assertEquals(2.8473, d[0], EXACT);
    assertEquals(ControlMode.POSITION, c.mode());
  }

  @Test
  void aStallDoesNotJumpTheSetpoint() {
    JointController c = JointController.create(arm7, base().build());
    cycles(c, 1);
    double[] target = q.clone();
    target[0] = 2.0;
    c.commandPositions(target);
    now += 1_000 * MS; // the loop stalls for a second
    c.update(now, q, qd, effort);
    double[] d = new double[n];
    c.getDesiredPositions(d);
    assertEquals(2.175 * 0.005, d[0], EXACT); // at most 5 periods of motion at the velocity limit
  }

  @Test
  void accelerationLimitShapesTheSetpoint() {
    ControllerSettings.Builder b = base();
    b.limits(
        0,
        JointSafetyLimits.fromUrdf(arm7.movingJoint(0))
            .withOverrides(java.util.Map.of("max_acceleration", 2.0)));
    JointController c = JointController.create(arm7, b.build());
    cycles(c, 1);
    double[] target = q.clone();
    target[0] = 1.0;
    c.commandPositions(target);
    double[] v = new double[n];
    double prevV = 0;
    for (int k = 0; k < 3000; k++) {
      cycles(c, 1);
      if (k % 400 == 0) {
        c.commandPositions(target); // keep the watchdog fed
      }
      c.getDesiredVelocities(v);
      assertTrue(Math.abs(v[0] - prevV) <= 2.0 * 1e-3 + 1e-9 || v[0] == 0, "step " + k);
      prevV = v[0];
    }
    double[] d = new double[n];
    c.getDesiredPositions(d);
    assertEquals(1.0, d[0], EXACT);
  }

  @Test
  void watchdogHoldsPositionAndStopsVelocity() {
    JointController c = JointController.create(arm7, base().build());
    cycles(c, 1);
    double[] target = q.clone();
    target[0] = 2.0;
    c.commandPositions(target);
    cycles(c, 499);
    assertFalse(c.watchdogTripped());
    assertEquals(ControlMode.POSITION, c.mode());
    cycles(c, 3); // the command was taken in the first of those cycles
    assertTrue(c.watchdogTripped());
    assertEquals(ControlMode.HOLD, c.mode());
    double[] held = new double[n];
    c.getDesiredPositions(held);
    assertTrue(held[0] > 0.9 && held[0] < 1.2, "held at the setpoint reached so far: " + held[0]);
    cycles(c, 500);
    double[] later = new double[n];
    c.getDesiredPositions(later);
    assertArrayEquals(held, later, 0.0);

    double[] vel = new double[n];
    vel[1] = 0.5;
    c.commandVelocities(vel);
    cycles(c, 10);
    double[] v = new double[n];
    c.getDesiredVelocities(v);
    assertEquals(0.5, v[1], EXACT);
    cycles(c, 500);
    c.getDesiredVelocities(v);
    assertTrue(c.watchdogTripped());
    assertEquals(0, v[1], 0.0);

    double[] e = new double[n];
    e[0] = 5;
    c.commandEfforts(e);
    cycles(c, 1);
    assertEquals(5, effort[0], EXACT);
    assertEquals(ControlMode.EFFORT, c.mode());
    cycles(c, 501);
    assertEquals(ControlMode.HOLD, c.mode());
  }

  @Test
  void emergencyStopLatchesUntilReset() {
    JointController c = JointController.create(arm7, base().build());
    cycles(c, 1);
    double[] target = q.clone();
    target[0] = 1.0;
    c.commandPositions(target);
    cycles(c, 100);
    c.emergencyStop();
    cycles(c, 1);
    assertEquals(ControlMode.EMERGENCY_STOP, c.mode());
    assertTrue(c.isEmergencyStopped());
    double[] d = new double[n];
    c.getDesiredPositions(d);
    assertArrayEquals(q, d, 0.0); // holds the measured position where it was pressed
    assertThrows(CommandRejectedException.class, () -> c.commandPositions(target));
    assertThrows(CommandRejectedException.class, () -> c.commandTrajectory(new JointTrajectory()));
    cycles(c, 2000); // no watchdog, no timeout releases it
    assertEquals(ControlMode.EMERGENCY_STOP, c.mode());
    assertTrue(c.resetEmergencyStop());
    assertFalse(c.resetEmergencyStop());
    cycles(c, 1);
    assertEquals(ControlMode.HOLD, c.mode());
    c.commandPositions(target);
    cycles(c, 1);
    assertEquals(ControlMode.POSITION, c.mode());
  }

  @Test
  void gainsChangeAtRunTime() {
    JointController c = JointController.create(arm7, base().gravityCompensation(false).build());
    cycles(c, 1);
    q[0] = -0.01; // measured 0.01 below the held setpoint 0
    cycles(c, 1);
    assertEquals(1.0, effort[0], 1e-9); // p = 100
    c.setPositionGains("arm7_joint1", PidGains.of(300, 0, 10, 0));
    cycles(c, 1);
    assertEquals(3.0, effort[0], 1e-9);
    assertThrows(
        IllegalArgumentException.class, () -> c.setPositionGains("nope", PidGains.of(1, 0, 0, 0)));
  }

  static JointTrajectory trajectory(List<String> names, double[][] positions, double[] timesS) {
    JointTrajectory t = new JointTrajectory();
    t.setJointNames(names.toArray(new String[0]));
    List<JointTrajectoryPoint> pts = new ArrayList<>();
    for (int k = 0; k < positions.length; k++) {
      pts.add(
          new JointTrajectoryPoint()
              .setPositions(positions[k])
              .setTimeFromStart(Duration.fromSeconds(timesS[k])));
    }
    t.setPoints(pts);
    return t;
  }

  @Test
  void trajectoriesAreValidated() {
    JointController c = JointController.create(arm7, base().build());
    List<String> names = arm7.jointNames();
    double[] p = q.clone();
    assertThrows(
        CommandRejectedException.class,
        () ->
            c.commandTrajectory(
                trajectory(names.subList(0, 6), new double[][] {p}, new double[] {1})));
    List<String> wrong = new ArrayList<>(names);
    wrong.set(2, "elbow");
    CommandRejectedException e =
        assertThrows(
            CommandRejectedException.class,
            () -> c.commandTrajectory(trajectory(wrong, new double[][] {p}, new double[] {1})));
    assertTrue(e.getMessage().contains("elbow"));
    double[] far = q.clone();
    far[0] = 2.0;
    e =
        assertThrows(
            CommandRejectedException.class,
            () ->
                c.commandTrajectory(
                    trajectory(names, new double[][] {p, far}, new double[] {1, 1.1})));
    assertTrue(e.getMessage().contains("velocity limit"), e.getMessage());
    e =
        assertThrows(
            CommandRejectedException.class,
            () ->
                c.commandTrajectory(trajectory(names, new double[][] {p, p}, new double[] {1, 1})));
    assertTrue(e.getMessage().contains("time_from_start"));
    double[] nan = q.clone();
    nan[0] = Double.NaN;
    assertThrows(
        CommandRejectedException.class,
        () -> c.commandTrajectory(trajectory(names, new double[][] {nan}, new double[] {1})));
    assertEquals(5, c.rejectedCommandCount());
  }

  @Test
  void trajectoryIsSampledInControllerOrderAndHoldsItsLastPoint() {
    JointController c = JointController.create(arm7, base().build());
    cycles(c, 1);
    List<String> reversed = new ArrayList<>(arm7.jointNames());
    java.util.Collections.reverse(reversed);
    double[] goal = q.clone();
    goal[0] = 0.5;
    double[] goalReversed = new double[n];
    for (int j = 0; j < n; j++) {
      goalReversed[j] = goal[n - 1 - j];
    }
    c.commandTrajectory(trajectory(reversed, new double[][] {goalReversed}, new double[] {1.0}));
    cycles(c, 500);
    double[] d = new double[n];
    c.getDesiredPositions(d);
    assertEquals(0.2495, d[0], 1e-9); // linear 0 -> 0.5 over 1 s from the cycle it was taken
    assertEquals(TrajectoryStatus.EXECUTING, c.trajectoryStatus());
    cycles(c, 600);
    c.getDesiredPositions(d);
    assertArrayEquals(goal, d, EXACT);
  }

  @Test
  void emptyTrajectoryStopsAndHolds() {
    JointController c = JointController.create(arm7, base().stopTrajectoryDurationS(0.2).build());
    cycles(c, 1);
    double[] goal = q.clone();
    goal[0] = 1.0;
    c.commandTrajectory(trajectory(arm7.jointNames(), new double[][] {goal}, new double[] {1.0}));
    cycles(c, 500);
    c.commandTrajectory(new JointTrajectory());
    cycles(c, 1);
    double[] d = new double[n];
    double[] v = new double[n];
    cycles(c, 300);
    c.getDesiredPositions(d);
    c.getDesiredVelocities(v);
    // Taken with the desired state at 0.499 s (p = 0.499, v = 1 rad/s): stops 0.2 s later at
    // p + v T / 2 = 0.499 + 0.1.
    assertEquals(0.599, d[0], 1e-9);
    assertEquals(0, v[0], 0.0);
    assertEquals(TrajectoryStatus.STOPPED, c.trajectoryStatus());
  }
}
