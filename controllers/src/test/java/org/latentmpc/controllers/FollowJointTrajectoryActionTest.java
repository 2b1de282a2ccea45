package org.latentmpc.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentmpc.controllers.SimArmHarness.START;
import static org.latentmpc.controllers.SimArmHarness.eventually;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.controllers.msgs.FollowJointTrajectoryActionFeedback;
import org.latentmpc.controllers.msgs.FollowJointTrajectoryActionGoal;
import org.latentmpc.controllers.msgs.FollowJointTrajectoryActionResult;
import org.latentmpc.controllers.msgs.FollowJointTrajectoryResult;
import org.latentmpc.controllers.msgs.JointTolerance;
import org.latentmpc.ros.Duration;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.ServiceClient;
import org.latentmpc.ros.Subscriber;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.msgs.actionlib_msgs.GoalID;
import org.latentmpc.ros.msgs.actionlib_msgs.GoalStatus;
import org.latentmpc.ros.msgs.actionlib_msgs.GoalStatusArray;
import org.latentmpc.ros.msgs.std_msgs.Bool;
import org.latentmpc.ros.msgs.std_srvs.Trigger;
import org.latentmpc.ros.msgs.std_srvs.TriggerRequest;
import org.latentmpc.ros.msgs.std_srvs.TriggerResponse;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectory;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectoryPoint;

/**
 * The follow_joint_trajectory action of the controllers node over real TCPROS (embedded master),
 * against the simulated arm7: a minimal actionlib client made of the five topics.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FollowJointTrajectoryActionTest {
  private static final String ACTION = "/arm_controller/follow_joint_trajectory";
  private static final double REACHED_RAD = 0.02;
  private static final double STILL_RAD = 0.005;

  /**
   * goal_time_tolerance of the goals that should succeed: generous, so that a loaded machine (the
   * simulator falling behind real time) does not turn a slow arrival into an abort.
   */
  private static final double GOAL_TIME_S = 5.0;

  private SimArmHarness h;
  private Publisher<FollowJointTrajectoryActionGoal> goalPub;
  private Publisher<GoalID> cancelPub;
  private final Map<String, FollowJointTrajectoryActionResult> results = new ConcurrentHashMap<>();
  private final List<FollowJointTrajectoryActionFeedback> feedback = new CopyOnWriteArrayList<>();
  private final AtomicReference<GoalStatusArray> lastStatus = new AtomicReference<>();
  private final List<String> activeSeen = new CopyOnWriteArrayList<>();
  private String[] names;

  @BeforeEach
  void start() throws Exception {
    h = new SimArmHarness();
    names = h.arm7.jointNames().toArray(new String[0]);
    goalPub = h.harness.newPublisher(ACTION + "/goal", FollowJointTrajectoryActionGoal.TYPE);
    cancelPub = h.harness.newPublisher(ACTION + "/cancel", GoalID.TYPE);
    Subscriber<FollowJointTrajectoryActionResult> resultSub =
        h.harness.newSubscriber(ACTION + "/result", FollowJointTrajectoryActionResult.TYPE);
    resultSub.addMessageListener(r -> results.put(r.getStatus().getGoalId().getId(), r), 64);
    Subscriber<FollowJointTrajectoryActionFeedback> feedbackSub =
        h.harness.newSubscriber(ACTION + "/feedback", FollowJointTrajectoryActionFeedback.TYPE);
    feedbackSub.addMessageListener(
        f -> {
          if (feedback.size() < 2000) {
            feedback.add(f);
          }
        },
        64);
    Subscriber<GoalStatusArray> statusSub =
        h.harness.newSubscriber(ACTION + "/status", GoalStatusArray.TYPE);
    statusSub.addMessageListener(
        s -> {
          lastStatus.set(s);
          for (GoalStatus g : s.getStatusList()) {
            if (g.getStatus() == GoalStatus.ACTIVE) {
              activeSeen.add(g.getGoalId().getId());
            }
          }
        },
        64);
    assertTrue(
        eventually(
            () ->
                goalPub.getNumberOfSubscribers() == 1
                    && cancelPub.getNumberOfSubscribers() == 1
                    && resultSub.getNumberOfPublishers() == 1
                    && feedbackSub.getNumberOfPublishers() == 1
                    && statusSub.getNumberOfPublishers() == 1
                    && lastStatus.get() != null),
        "the action server's five topics connect");
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  // ------------------------------------------------------------------ helpers

  /** A goal moving from START through {@code points} (controller joint order) at {@code timesS}. */
  private FollowJointTrajectoryActionGoal goal(String id, double[][] points, double... timesS) {
    FollowJointTrajectoryActionGoal g = new FollowJointTrajectoryActionGoal();
    g.getGoalId().setId(id).setStamp(h.harness.getCurrentTime());
    g.getGoal().setGoalTimeTolerance(Duration.fromSeconds(GOAL_TIME_S));
    JointTrajectory t = g.getGoal().getTrajectory();
    t.setJointNames(names.clone());
    for (int k = 0; k < points.length; k++) {
      t.getPoints()
          .add(
              new JointTrajectoryPoint()
                  .setPositions(points[k].clone())
                  .setTimeFromStart(Duration.fromSeconds(timesS[k])));
    }
    return g;
  }

  private static double[] moved(int joint, double delta) {
    double[] p = START.clone();
    p[joint] += delta;
    return p;
  }

  private FollowJointTrajectoryActionResult send(FollowJointTrajectoryActionGoal g)
      throws InterruptedException {
    goalPub.publish(g);
    return awaitResult(g.getGoalId().getId());
  }

  private FollowJointTrajectoryActionResult awaitResult(String id) throws InterruptedException {
    assertTrue(eventually(() -> results.containsKey(id)), "a result for goal " + id);
    return results.get(id);
  }

  private void awaitActive(String id) throws InterruptedException {
    assertTrue(eventually(() -> activeSeen.contains(id)), "goal " + id + " becomes ACTIVE");
  }

  private static void assertOutcome(
      byte status, int errorCode, FollowJointTrajectoryActionResult r) {
    assertEquals(
        status,
        r.getStatus().getStatus(),
        "status " + r.getStatus().getStatus() + ": " + r.getResult().getErrorString());
    assertEquals(errorCode, r.getResult().getErrorCode(), r.getResult().getErrorString());
  }

  private byte statusOf(String id) {
    GoalStatusArray a = lastStatus.get();
    for (GoalStatus g : a.getStatusList()) {
      if (g.getGoalId().getId().equals(id)) {
        return g.getStatus();
      }
    }
    return -1;
  }

  /** Waits until the arm stops moving (positions change less than STILL_RAD over 300 ms). */
  private double[] awaitStill() throws InterruptedException {
    double[] before = h.positions();
    for (int k = 0; k < 100; k++) {
      Thread.sleep(300);
      double[] now = h.positions();
      double moved = 0;
      for (int j = 0; j < 7; j++) {
        moved = Math.max(moved, Math.abs(now[j] - before[j]));
      }
      if (moved < STILL_RAD) {
        return now;
      }
      before = now;
    }
    throw new AssertionError("the arm never came to rest");
  }

  // ------------------------------------------------------------------ tests

  @Test
  void goalSucceedsTheJointsReachTheFinalPointAndFeedbackFlows() throws Exception {
    double[] via = moved(0, 0.2);
    double[] end = via.clone();
    end[3] += 0.3;
    end[6] -= 0.4;
    // Joint names in another order than the controller's: a set, any order.
    FollowJointTrajectoryActionGoal g = goal("ok", new double[][] {via, end}, 0.8, 1.6);
    JointTrajectory t = g.getGoal().getTrajectory();
    List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
    Collections.reverse(order);
    String[] reversed = new String[7];
    for (int i = 0; i < 7; i++) {
      reversed[i] = names[order.get(i)];
    }
    t.setJointNames(reversed);
    for (JointTrajectoryPoint p : t.getPoints()) {
      double[] q = p.getPositions();
      double[] r = new double[7];
      for (int i = 0; i < 7; i++) {
        r[i] = q[order.get(i)];
      }
      p.setPositions(r);
    }
    FollowJointTrajectoryActionResult r = send(g);
    assertOutcome(GoalStatus.SUCCEEDED, FollowJointTrajectoryResult.SUCCESSFUL, r);
    assertTrue(h.maxError(end) < REACHED_RAD, "at the final point: error " + h.maxError(end));
    assertTrue(activeSeen.contains("ok"), "ACTIVE was reported");

    assertTrue(feedback.size() > 5, "feedback while executing: " + feedback.size());
    FollowJointTrajectoryActionFeedback f = feedback.get(feedback.size() / 2);
    assertEquals("ok", f.getStatus().getGoalId().getId());
    assertEquals(GoalStatus.ACTIVE, f.getStatus().getStatus());
    assertEquals(List.of(names), List.of(f.getFeedback().getJointNames()));
    assertEquals(7, f.getFeedback().getDesired().getPositions().length);
    assertEquals(7, f.getFeedback().getActual().getPositions().length);
    double[] e = f.getFeedback().getError().getPositions();
    double[] d = f.getFeedback().getDesired().getPositions();
    double[] a = f.getFeedback().getActual().getPositions();
    assertEquals(d[0] - a[0], e[0], 1e-12);
    // Stamps are ROS time (since the epoch), not the control clock's arbitrary origin.
    double stampS = f.getHeader().getStamp().toSeconds();
    assertEquals(h.harness.getCurrentTime().toSeconds(), stampS, 60.0);

    // Finished goals stay in the status list for a while.
    assertTrue(eventually(() -> statusOf("ok") == GoalStatus.SUCCEEDED));
    assertEquals(GoalStatus.SUCCEEDED, statusOf("ok"));
  }

  @Test
  void invalidGoalsAreRejectedWithTheirErrorCodesAndTheServerKeepsServing() throws Exception {
    double[] target = moved(1, 0.2);
    FollowJointTrajectoryActionGoal sixJoints = goal("six", new double[][] {target}, 1.0);
    sixJoints.getGoal().getTrajectory().setJointNames(java.util.Arrays.copyOf(names, 6));
    assertOutcome(GoalStatus.REJECTED, FollowJointTrajectoryResult.INVALID_JOINTS, send(sixJoints));

    FollowJointTrajectoryActionGoal twice = goal("twice", new double[][] {target}, 1.0);
    twice.getGoal().getTrajectory().getJointNames()[6] = names[0];
    assertOutcome(GoalStatus.REJECTED, FollowJointTrajectoryResult.INVALID_JOINTS, send(twice));

    FollowJointTrajectoryActionGoal unknown = goal("unknown", new double[][] {target}, 1.0);
    unknown.getGoal().getTrajectory().getJointNames()[2] = "elbow";
    FollowJointTrajectoryActionResult r = send(unknown);
    assertOutcome(GoalStatus.REJECTED, FollowJointTrajectoryResult.INVALID_JOINTS, r);
    assertTrue(r.getResult().getErrorString().contains("elbow"), r.getResult().getErrorString());

    FollowJointTrajectoryActionGoal backwards =
        goal("backwards", new double[][] {target, START}, 1.0, 0.5);
    r = send(backwards);
    assertOutcome(GoalStatus.REJECTED, FollowJointTrajectoryResult.INVALID_GOAL, r);
    assertTrue(r.getResult().getErrorString().contains("time_from_start"), r.toString());

    double[] outside = START.clone();
    outside[3] = 1.0; // joint 4's upper limit is -0.0698 rad
    r = send(goal("outside", new double[][] {outside}, 2.0));
    assertOutcome(GoalStatus.REJECTED, FollowJointTrajectoryResult.INVALID_GOAL, r);
    assertTrue(r.getResult().getErrorString().contains("limits"), r.toString());

    double[] nan = START.clone();
    nan[5] = Double.NaN;
    assertOutcome(
        GoalStatus.REJECTED,
        FollowJointTrajectoryResult.INVALID_GOAL,
        send(goal("nan", new double[][] {nan}, 1.0)));

    FollowJointTrajectoryActionGoal shortVelocities = goal("vel", new double[][] {target}, 1.0);
    shortVelocities.getGoal().getTrajectory().getPoints().get(0).setVelocities(new double[3]);
    assertOutcome(
        GoalStatus.REJECTED, FollowJointTrajectoryResult.INVALID_GOAL, send(shortVelocities));

    FollowJointTrajectoryActionGoal badTolerance = goal("tol", new double[][] {target}, 1.0);
    badTolerance
        .getGoal()
        .getPathTolerance()
        .add(new JointTolerance().setName("wrist").setPosition(0.1));
    assertOutcome(
        GoalStatus.REJECTED, FollowJointTrajectoryResult.INVALID_GOAL, send(badTolerance));

    FollowJointTrajectoryActionGoal old = goal("old", new double[][] {target}, 1.0);
    old.getGoal()
        .getTrajectory()
        .getHeader()
        .setStamp(Time.fromNanos(h.harness.getCurrentTime().toNanos() - 10_000_000_000L));
    assertOutcome(GoalStatus.REJECTED, FollowJointTrajectoryResult.OLD_HEADER_TIMESTAMP, send(old));

    Thread.sleep(300);
    assertTrue(h.maxError(START) < REACHED_RAD, "nothing moved: " + h.maxError(START));
    assertFalse(activeSeen.stream().anyMatch(id -> !id.isEmpty()), "nothing became ACTIVE");

    // A valid goal after all that: executed; a stamp in the near future (ROS time) is honoured.
    FollowJointTrajectoryActionGoal good = goal("good", new double[][] {target}, 1.0);
    good.getGoal()
        .getTrajectory()
        .getHeader()
        .setStamp(Time.fromNanos(h.harness.getCurrentTime().toNanos() + 300_000_000L));
    assertOutcome(GoalStatus.SUCCEEDED, FollowJointTrajectoryResult.SUCCESSFUL, send(good));
    assertTrue(h.maxError(target) < REACHED_RAD, "error " + h.maxError(target));
  }

  @Test
  void aNewGoalPreemptsTheActiveOne() throws Exception {
    double[] far = moved(0, 1.2);
    goalPub.publish(goal("first", new double[][] {far}, 4.0));
    awaitActive("first");
    Thread.sleep(300);
    double[] back = START.clone();
    FollowJointTrajectoryActionGoal second = goal("second", new double[][] {back}, 1.5);
    goalPub.publish(second);
    FollowJointTrajectoryActionResult first = awaitResult("first");
    assertOutcome(GoalStatus.PREEMPTED, FollowJointTrajectoryResult.SUCCESSFUL, first);
    assertTrue(
        first.getResult().getErrorString().contains("second"), first.getResult().getErrorString());
    assertOutcome(
        GoalStatus.SUCCEEDED, FollowJointTrajectoryResult.SUCCESSFUL, awaitResult("second"));
    assertTrue(h.maxError(back) < REACHED_RAD, "back at the start: " + h.maxError(back));
  }

  @Test
  void cancelStopsTheMotionAndHolds() throws Exception {
    double[] far = moved(0, 1.5);
    goalPub.publish(goal("cancel-me", new double[][] {far}, 4.0));
    awaitActive("cancel-me");
    assertTrue(eventually(() -> h.positions()[0] > START[0] + 0.1), "the arm moves");
    cancelPub.publish(new GoalID().setId("cancel-me"));
    FollowJointTrajectoryActionResult r = awaitResult("cancel-me");
    assertOutcome(GoalStatus.PREEMPTED, FollowJointTrajectoryResult.SUCCESSFUL, r);
    double[] rest = awaitStill();
    assertTrue(rest[0] < far[0] - 0.3, "stopped short of the goal: " + rest[0]);
    Thread.sleep(500);
    assertTrue(Math.abs(h.positions()[0] - rest[0]) < STILL_RAD, "holds its position");

    // Cancel everything (empty id, zero stamp) stops a running goal too.
    goalPub.publish(goal("all", new double[][] {START}, 3.0));
    awaitActive("all");
    cancelPub.publish(new GoalID());
    assertOutcome(GoalStatus.PREEMPTED, FollowJointTrajectoryResult.SUCCESSFUL, awaitResult("all"));

    // A cancel that arrives before its goal recalls the goal.
    cancelPub.publish(new GoalID().setId("early"));
    assertTrue(eventually(() -> statusOf("early") == GoalStatus.RECALLING));
    goalPub.publish(goal("early", new double[][] {START}, 1.0));
    assertOutcome(
        GoalStatus.RECALLED, FollowJointTrajectoryResult.SUCCESSFUL, awaitResult("early"));
  }

  @Test
  void aPathToleranceViolationAbortsAndTheArmStops() throws Exception {
    FollowJointTrajectoryActionGoal g = goal("tight", new double[][] {moved(0, 0.8)}, 1.0);
    g.getGoal().getPathTolerance().add(new JointTolerance().setName(names[0]).setPosition(1e-5));
    FollowJointTrajectoryActionResult r = send(g);
    assertOutcome(GoalStatus.ABORTED, FollowJointTrajectoryResult.PATH_TOLERANCE_VIOLATED, r);
    assertTrue(r.getResult().getErrorString().contains(names[0]), r.toString());
    double[] rest = awaitStill();
    assertTrue(rest[0] < START[0] + 0.4, "stopped early: " + rest[0]);
  }

  @Test
  void anUnreachableGoalToleranceAbortsAfterTheGoalTime() throws Exception {
    FollowJointTrajectoryActionGoal g = goal("exact", new double[][] {moved(2, 0.3)}, 0.6);
    for (String joint : names) {
      g.getGoal().getGoalTolerance().add(new JointTolerance().setName(joint).setPosition(1e-9));
    }
    g.getGoal().setGoalTimeTolerance(Duration.fromSeconds(0.05));
    FollowJointTrajectoryActionResult r = send(g);
    assertOutcome(GoalStatus.ABORTED, FollowJointTrajectoryResult.GOAL_TOLERANCE_VIOLATED, r);
    assertTrue(r.getResult().getErrorString().contains("from the goal"), r.toString());
  }

  @Test
  void theEmergencyStopAbortsTheGoalAndLaterGoalsAreRejectedUntilReset() throws Exception {
    Publisher<Bool> estop = h.harness.newPublisher("/emergency_stop", Bool.TYPE);
    assertTrue(eventually(() -> estop.getNumberOfSubscribers() == 1));
    goalPub.publish(goal("stopped", new double[][] {moved(0, 1.0)}, 3.0));
    awaitActive("stopped");
    estop.publish(new Bool().setData(true));
    FollowJointTrajectoryActionResult r = awaitResult("stopped");
    assertEquals(GoalStatus.ABORTED, r.getStatus().getStatus(), r.toString());
    assertTrue(r.getResult().getErrorString().contains("emergency stop"), r.toString());

    r = send(goal("latched", new double[][] {START}, 1.0));
    assertOutcome(GoalStatus.REJECTED, FollowJointTrajectoryResult.INVALID_GOAL, r);
    assertTrue(r.getResult().getErrorString().contains("emergency stop"), r.toString());

    ServiceClient<TriggerRequest, TriggerResponse> reset =
        h.harness.newServiceClient("/emergency_stop/reset", Trigger.TYPE, false);
    assertTrue(reset.call(reset.newRequest()).isSuccess());
    reset.close();
    double[] target = moved(1, 0.15);
    assertOutcome(
        GoalStatus.SUCCEEDED,
        FollowJointTrajectoryResult.SUCCESSFUL,
        send(goal("after-reset", new double[][] {target}, 1.0)));
  }

  @Test
  void aTopicCommandPreemptsTheGoal() throws Exception {
    Publisher<JointTrajectory> command =
        h.harness.newPublisher("/arm_controller/command", JointTrajectory.TYPE);
    assertTrue(eventually(() -> command.getNumberOfSubscribers() == 1));
    goalPub.publish(goal("topic", new double[][] {moved(0, 1.0)}, 3.0));
    awaitActive("topic");
    command.publish(new JointTrajectory()); // empty: stop and hold
    assertOutcome(
        GoalStatus.PREEMPTED, FollowJointTrajectoryResult.SUCCESSFUL, awaitResult("topic"));
  }

  @Test
  void staleJointStatesAbortTheGoal() throws Exception {
    goalPub.publish(goal("stale", new double[][] {moved(0, 1.0)}, 3.0));
    awaitActive("stale");
    h.stopSim();
    FollowJointTrajectoryActionResult r = awaitResult("stale");
    assertEquals(GoalStatus.ABORTED, r.getStatus().getStatus(), r.toString());
    assertTrue(r.getResult().getErrorString().contains("joint state"), r.toString());
    r = send(goal("no-states", new double[][] {START}, 1.0));
    assertOutcome(GoalStatus.REJECTED, FollowJointTrajectoryResult.INVALID_GOAL, r);
    assertNotNull(lastStatus.get());
  }
}
