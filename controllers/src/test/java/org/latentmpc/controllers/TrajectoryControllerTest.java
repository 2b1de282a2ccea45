package org.latentmpc.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentmpc.controllers.msgs.JointTrajectoryControllerState;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.ros.Duration;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectory;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectoryPoint;

/** Joint trajectory controller semantics (ROS joint_trajectory_controller), without a plant. */
class TrajectoryControllerTest {
  private static final long MS = 1_000_000L;
  private static final double EXACT = 1e-9;

  private final RobotModel arm7 = TestRobots.arm7();
  private final int n = 7;
  private final double[] q = {0, -0.5, 0, -2.0, 0, 1.5, 0.7};
  private final double[] qd = new double[7];
  private final double[] effort = new double[7];
  private final double[] d = new double[7];
  private final double[] v = new double[7];
  private long now = 100_000 * MS;

  private JointController controller(double goalTimeS) {
    return controller(goalTimeS, 0);
  }

  private JointController controller(double goalTimeS, double pathTolerance) {
    ControllerSettings.Builder b = ControllerSettings.builder(arm7, arm7.jointNames());
    for (int j = 0; j < n; j++) {
      b.positionGains(j, PidGains.of(100, 0, 10, 0));
      b.tolerances(j, pathTolerance, 0.01);
    }
    b.goalTimeS(goalTimeS).stoppedVelocityTolerance(0.05);
    JointController c = JointController.create(arm7, b.build());
    cycles(c, 1);
    return c;
  }

  private void cycles(JointController c, int k) {
    for (int i = 0; i < k; i++) {
      now += MS;
      c.update(now, q, qd, effort);
    }
  }

  private JointTrajectory traj(long stampNanos, double[] joint1, double[] vel1, double[] times) {
    JointTrajectory t = new JointTrajectory();
    t.getHeader().setStamp(Time.fromNanos(stampNanos));
    t.setJointNames(arm7.jointNames().toArray(new String[0]));
    List<JointTrajectoryPoint> pts = new ArrayList<>();
    for (int k = 0; k < times.length; k++) {
      double[] p = q.clone();
      p[0] = joint1[k];
      JointTrajectoryPoint pt = new JointTrajectoryPoint().setPositions(p);
      if (vel1 != null) {
        double[] vv = new double[n];
        vv[0] = vel1[k];
        pt.setVelocities(vv);
      }
      pts.add(pt.setTimeFromStart(Duration.fromSeconds(times[k])));
    }
    t.setPoints(pts);
    return t;
  }

  /** Moves the "measured" arm exactly onto the desired positions (a perfect tracker). */
  private void track(JointController c, int k) {
    for (int i = 0; i < k; i++) {
      c.getDesiredPositions(q);
      c.getDesiredVelocities(qd);
      cycles(c, 1);
    }
  }

  @Test
  void cubicWhenVelocitiesAreGiven() {
    JointController c = controller(0);
    c.commandTrajectory(traj(0, new double[] {1.0}, new double[] {0}, new double[] {2.0}));
    cycles(c, 1001); // taken at the first cycle, then 1.0 s: the middle of a rest-to-rest cubic
    c.getDesiredPositions(d);
    c.getDesiredVelocities(v);
    assertEquals(0.5, d[0], EXACT);
    assertEquals(1.5 * 1.0 / 2.0, v[0], EXACT);
  }

  @Test
  void pointsInThePastAreDropped() {
    JointController c = controller(0);
    // Stamped 1 s ago: the point at 0.5 s is past; the next one (at 2 s, 1 s from now) is kept.
    c.commandTrajectory(
        traj(now + MS - 1000 * MS, new double[] {0.2, 0.6}, null, new double[] {0.5, 2.0}));
    cycles(c, 1);
    cycles(c, 500);
    c.getDesiredPositions(d);
    assertEquals(0.3, d[0], EXACT); // linear from 0 (now) to 0.6 (in 1 s), half way
    // All points in the past: dropped, the running motion continues unchanged.
    c.commandTrajectory(traj(now - 5000 * MS, new double[] {0.9}, null, new double[] {1.0}));
    cycles(c, 1);
    c.getDesiredPositions(d);
    assertEquals(0.3006, d[0], EXACT);
  }

  @Test
  void aNewTrajectoryIsSplicedFromTheCurrentDesiredState() {
    JointController c = controller(0);
    c.commandTrajectory(traj(0, new double[] {1.0}, new double[] {0}, new double[] {2.0}));
    cycles(c, 500);
    double[] before = new double[n];
    double[] velBefore = new double[n];
    c.getDesiredPositions(before);
    c.getDesiredVelocities(velBefore);
    c.commandTrajectory(traj(0, new double[] {-0.5}, new double[] {0}, new double[] {2.0}));
    cycles(c, 1);
    c.getDesiredPositions(d);
    c.getDesiredVelocities(v);
    // Continuous: one cycle of motion from the old state, no jump in position or velocity.
    assertEquals(before[0], d[0], Math.abs(velBefore[0]) * 1e-3 + 1e-6);
    assertEquals(velBefore[0], v[0], 0.01);
    cycles(c, 2000);
    c.getDesiredPositions(d);
    assertEquals(-0.5, d[0], EXACT);
  }

  @Test
  void pathToleranceViolationAbortsAndHolds() {
    JointController c = controller(0, 0.05);
    c.commandTrajectory(traj(0, new double[] {1.0}, null, new double[] {1.0}));
    // The arm does not move (q fixed): the error grows at 1 rad/s and exceeds 0.05 after 50 ms.
    cycles(c, 100);
    assertEquals(TrajectoryStatus.ABORTED_PATH_TOLERANCE, c.trajectoryStatus());
    cycles(c, 500);
    c.getDesiredPositions(d);
    assertEquals(q[0], d[0], EXACT); // holds where the arm actually is
  }

  @Test
  void goalReachedWithinToleranceSucceeds() {
    JointController c = controller(0.5);
    c.commandTrajectory(traj(0, new double[] {0.4}, new double[] {0}, new double[] {1.0}));
    track(c, 1100);
    assertEquals(TrajectoryStatus.SUCCEEDED, c.trajectoryStatus());
  }

  @Test
  void goalNotReachedWithinGoalTimeAborts() {
    JointController c = controller(0.3);
    c.commandTrajectory(traj(0, new double[] {0.4}, new double[] {0}, new double[] {1.0}));
    track(c, 990); // follows the path...
    q[0] = 0.37; // ...then sticks 0.03 rad short of the goal (goal tolerance 0.01)
    qd[0] = 0;
    cycles(c, 200);
    assertEquals(TrajectoryStatus.EXECUTING, c.trajectoryStatus()); // still within goal_time
    cycles(c, 200);
    assertEquals(TrajectoryStatus.ABORTED_GOAL_TOLERANCE, c.trajectoryStatus());
  }

  private TrajectoryTolerances tolerances(double path, double pathVel, double goal, double goalS) {
    double[] p = new double[n];
    double[] pv = new double[n];
    double[] g = new double[n];
    java.util.Arrays.fill(p, path);
    java.util.Arrays.fill(pv, pathVel);
    java.util.Arrays.fill(g, goal);
    return new TrajectoryTolerances(p, pv, g, new double[n], goalS);
  }

  @Test
  void eachTrajectoryReportsItsOwnOutcome() {
    JointController c = controller(0);
    TrajectoryExecution first =
        c.commandTrajectory(traj(0, new double[] {0.4}, null, new double[] {1.0}), null);
    assertEquals(TrajectoryStatus.PENDING, first.status());
    // Replaced in the inbox before the loop took it up: never executed, preempted.
    TrajectoryExecution second =
        c.commandTrajectory(traj(0, new double[] {0.4}, null, new double[] {2.0}), null);
    assertEquals(TrajectoryStatus.PREEMPTED, first.status());
    track(c, 100);
    assertEquals(TrajectoryStatus.EXECUTING, second.status());
    // A position command preempts the running trajectory.
    c.commandPositions(q.clone());
    cycles(c, 1);
    assertEquals(TrajectoryStatus.PREEMPTED, second.status());
    // An empty trajectory (stop) preempts the next one and itself succeeds at once.
    TrajectoryExecution third =
        c.commandTrajectory(traj(0, new double[] {0.4}, null, new double[] {2.0}), null);
    track(c, 10);
    TrajectoryExecution stop = c.commandTrajectory(new JointTrajectory(), null);
    cycles(c, 1);
    assertEquals(TrajectoryStatus.PREEMPTED, third.status());
    assertEquals(TrajectoryStatus.SUCCEEDED, stop.status());
    // Every point in the past: dropped.
    TrajectoryExecution old =
        c.commandTrajectory(
            traj(now - 5000 * MS, new double[] {0.4}, null, new double[] {1.0}), null);
    cycles(c, 1);
    assertEquals(TrajectoryStatus.DROPPED, old.status());
    assertTrue(old.detail().contains("past"), old.detail());
  }

  @Test
  void aTrajectorysOwnTolerancesReplaceTheDefaults() {
    JointController c = controller(0, 0.05); // default path tolerance 0.05 rad
    // Path tolerance removed (0), path velocity tolerance 0.5 rad/s: the arm does not move while
    // the path runs at up to ~1.9 rad/s (cubic), so the velocity error trips first.
    TrajectoryExecution e =
        c.commandTrajectory(
            traj(0, new double[] {1.0}, new double[] {0}, new double[] {1.0}),
            tolerances(0, 0.5, 0.01, 0.2));
    cycles(c, 1000);
    assertEquals(TrajectoryStatus.ABORTED_PATH_TOLERANCE, e.status());
    assertTrue(e.detail().contains("rad/s off its path"), e.detail());
    assertTrue(e.detail().contains("arm7_joint1"), e.detail());

    // Goal tolerance 0.01 rad, goal time 0.2 s: sticking 0.03 rad short aborts after 0.2 s.
    TrajectoryExecution g =
        c.commandTrajectory(
            traj(0, new double[] {q[0] + 0.4}, new double[] {0}, new double[] {1.0}),
            tolerances(0, 0, 0.01, 0.2));
    double goal = q[0] + 0.4;
    track(c, 990);
    q[0] = goal - 0.03;
    qd[0] = 0;
    cycles(c, 150);
    assertEquals(TrajectoryStatus.EXECUTING, g.status());
    cycles(c, 200);
    assertEquals(TrajectoryStatus.ABORTED_GOAL_TOLERANCE, g.status());
    assertTrue(g.detail().contains("from the goal"), g.detail());
  }

  @Test
  void tolerancesForAnotherNumberOfJointsAreRejected() {
    JointController c = controller(0);
    TrajectoryTolerances three =
        new TrajectoryTolerances(new double[3], new double[3], new double[3], new double[3], 0);
    org.junit.jupiter.api.Assertions.assertThrows(
        CommandRejectedException.class,
        () -> c.commandTrajectory(traj(0, new double[] {0.4}, null, new double[] {1.0}), three));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () ->
            new TrajectoryTolerances(
                new double[] {-1}, new double[1], new double[1], new double[1], 0));
  }

  @Test
  void stateMessageHasTheRosMd5() {
    // control_msgs/JointTrajectoryControllerState as published by ROS Noetic's control_msgs.
    assertEquals("10817c60c2486ef6b33e97dcd87f4474", JointTrajectoryControllerState.TYPE.md5());
    assertTrue(
        JointTrajectoryControllerState.TYPE.definition().contains("JointTrajectoryPoint desired"));
  }
}
