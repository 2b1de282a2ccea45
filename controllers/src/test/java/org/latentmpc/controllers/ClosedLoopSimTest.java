package org.latentmpc.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.ros.Duration;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectory;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectoryPoint;
import org.latentmpc.sim.SimWorld;
import org.latentmpc.sim.WorldOptions;

/**
 * The controllers closing the loop around the simulator in one JVM, lock-step at 1 kHz on sim time,
 * with the gains shipped in sim-configs/controllers/arm7_sim.yaml.
 */
class ClosedLoopSimTest {
  private static final double POSITION_TOLERANCE_RAD = 0.01;
  private static final Path CONFIG = Path.of("..", "sim-configs", "controllers", "arm7_sim.yaml");

  private final RobotModel arm7 = TestRobots.arm7();
  private final SimWorld sim = SimWorld.create(arm7, WorldOptions.defaults());
  private final int n = arm7.dof();
  private final double[] q = new double[n];
  private final double[] qd = new double[n];
  private final double[] effort = new double[n];
  private final double[] start = {0, -0.3, 0, -2.0, 0, 1.6, 0.8};

  private JointController controller() throws Exception {
    sim.setPositions(start);
    return JointController.create(
        arm7, ControllerSettings.fromYaml(CONFIG, "arm_controller", arm7));
  }

  /** One lock-step cycle: measure, control, apply, step the simulator by 1 ms. */
  private void cycle(JointController c) {
    sim.getPositions(q);
    sim.getVelocities(qd);
    c.update(Math.round(sim.timeS() * 1e9), q, qd, effort);
    sim.setEffortCommand(effort);
    sim.step();
  }

  private double maxError(double[] target) {
    sim.getPositions(q);
    double worst = 0;
    for (int j = 0; j < n; j++) {
      worst = Math.max(worst, Math.abs(q[j] - target[j]));
    }
    return worst;
  }

  @Test
  void holdsItsStartingPoseAgainstGravity() throws Exception {
    JointController c = controller();
    for (int k = 0; k < 2000; k++) {
      cycle(c);
    }
    assertTrue(maxError(start) < POSITION_TOLERANCE_RAD / 10, "drift " + maxError(start));
  }

  @Test
  void positionControlReachesACommandedConfigurationAndSettlesWithinTwoSeconds() throws Exception {
    JointController c = controller();
    double[] target = {0.8, 0.3, -0.5, -1.5, 0.6, 2.0, -0.2};
    cycle(c);
    c.commandPositions(target);
    double settledAt = -1;
    double commandTime = sim.timeS();
    for (int k = 0; k < 3000; k++) {
      if (k % 100 == 0) {
        c.commandPositions(target); // a live command stream (10 Hz), as a planner sends
      }
      cycle(c);
      double err = maxError(target);
      if (err < POSITION_TOLERANCE_RAD) {
        if (settledAt < 0) {
          settledAt = sim.timeS() - commandTime;
        }
      } else {
        settledAt = -1; // left the band again: not settled
      }
    }
    System.out.printf(
        "position step: settled (within %.3f rad) after %.3f s sim time, final error %.5f rad%n",
        POSITION_TOLERANCE_RAD, settledAt, maxError(target));
    assertTrue(settledAt > 0 && settledAt <= 2.0, "settled at " + settledAt + " s");
    assertTrue(maxError(target) < POSITION_TOLERANCE_RAD);
  }

  @Test
  void trajectoryIsFollowedWithinItsPathTolerance() throws Exception {
    JointController c = controller();
    cycle(c);
    // A 3 s trajectory through two waypoints with velocities (cubic), stamp 0 = now.
    JointTrajectory t = new JointTrajectory();
    t.setJointNames(arm7.jointNames().toArray(new String[0]));
    double[] mid = {0.5, 0.0, -0.3, -1.7, 0.4, 1.9, 0.3};
    double[] end = {0.9, 0.2, -0.6, -1.4, 0.8, 2.2, -0.3};
    double[] midVel = new double[n];
    for (int j = 0; j < n; j++) {
      midVel[j] = (end[j] - start[j]) / 3.0;
    }
    List<JointTrajectoryPoint> pts = new ArrayList<>();
    pts.add(point(mid, midVel, 1.5));
    pts.add(point(end, new double[n], 3.0));
    t.setPoints(pts);
    c.commandTrajectory(t);
    double[] desired = new double[n];
    double worst = 0;
    for (int k = 0; k < 4000; k++) {
      cycle(c);
      c.getDesiredPositions(desired);
      for (int j = 0; j < n; j++) {
        worst = Math.max(worst, Math.abs(q[j] - desired[j]));
      }
    }
    System.out.printf(
        "trajectory: worst tracking error %.5f rad (path tolerance 0.1), status %s%n",
        worst, c.trajectoryStatus());
    assertTrue(worst < 0.1, "tracking error " + worst);
    assertEquals(TrajectoryStatus.SUCCEEDED, c.trajectoryStatus());
    assertTrue(maxError(end) < POSITION_TOLERANCE_RAD);
  }

  private static JointTrajectoryPoint point(double[] p, double[] v, double t) {
    return new JointTrajectoryPoint()
        .setPositions(p)
        .setVelocities(v)
        .setTimeFromStart(Duration.fromSeconds(t));
  }

  @Test
  void staleVelocityCommandStreamMakesTheArmHoldStill() throws Exception {
    JointController c = controller();
    cycle(c);
    double[] v = {0.3, 0.2, -0.3, 0.2, 0.3, 0.2, 0.3};
    for (int k = 0; k < 300; k++) {
      if (k % 50 == 0) {
        c.commandVelocities(v);
      }
      cycle(c);
    }
    sim.getVelocities(qd);
    assertTrue(Math.abs(qd[0]) > 0.2, "moving while commanded: " + qd[0]);
    // The stream stops: after the 0.5 s watchdog and a short ramp the arm is still.
    for (int k = 0; k < 1500; k++) {
      cycle(c);
    }
    assertTrue(c.watchdogTripped());
    sim.getVelocities(qd);
    double[] before = new double[n];
    sim.getPositions(before);
    for (int k = 0; k < 1000; k++) {
      cycle(c);
    }
    double drift = maxError(before);
    System.out.printf("stale velocity stream: drift over 1 s after the watchdog %.5f rad%n", drift);
    assertTrue(drift < POSITION_TOLERANCE_RAD, "drift " + drift);
  }

  @Test
  void stalePositionCommandStreamMakesTheArmHoldStill() throws Exception {
    JointController c = controller();
    cycle(c);
    double[] target = start.clone();
    // A streamed moving target (a sine on joint 1), then the stream stops.
    for (int k = 0; k < 1000; k++) {
      if (k % 20 == 0) {
        target[0] = 0.5 * Math.sin(2 * Math.PI * 0.5 * sim.timeS());
        c.commandPositions(target);
      }
      cycle(c);
    }
    for (int k = 0; k < 1000; k++) {
      cycle(c);
    }
    assertTrue(c.watchdogTripped());
    double[] before = new double[n];
    sim.getPositions(before);
    for (int k = 0; k < 1000; k++) {
      cycle(c);
    }
    assertTrue(maxError(before) < POSITION_TOLERANCE_RAD / 10, "drift " + maxError(before));
  }

  @Test
  void badCommandsLeaveTheArmWhereItIs() throws Exception {
    JointController c = controller();
    for (int k = 0; k < 200; k++) {
      cycle(c);
    }
    double[] bad = start.clone();
    bad[1] = Double.POSITIVE_INFINITY;
    for (int k = 0; k < 1000; k++) {
      if (k % 10 == 0) {
        try {
          c.commandPositions(bad);
        } catch (CommandRejectedException expected) {
          // rejected, as it must be
        }
      }
      cycle(c);
    }
    assertEquals(100, c.rejectedCommandCount());
    assertTrue(maxError(start) < POSITION_TOLERANCE_RAD / 10);
  }
}
