package org.latentmpc.controllers.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.latentmpc.controllers.CommandRejectedException;
import org.latentmpc.controllers.JointController;
import org.latentmpc.controllers.TrajectoryExecution;
import org.latentmpc.controllers.TrajectoryStatus;
import org.latentmpc.controllers.TrajectoryTolerances;
import org.latentmpc.controllers.msgs.FollowJointTrajectoryActionFeedback;
import org.latentmpc.controllers.msgs.FollowJointTrajectoryActionGoal;
import org.latentmpc.controllers.msgs.FollowJointTrajectoryActionResult;
import org.latentmpc.controllers.msgs.FollowJointTrajectoryGoal;
import org.latentmpc.controllers.msgs.FollowJointTrajectoryResult;
import org.latentmpc.controllers.msgs.JointTolerance;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.PublisherOptions;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.msgs.actionlib_msgs.GoalID;
import org.latentmpc.ros.msgs.actionlib_msgs.GoalStatus;
import org.latentmpc.ros.msgs.actionlib_msgs.GoalStatusArray;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectory;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectoryPoint;
import org.slf4j.Logger;

/**
 * The {@code control_msgs/FollowJointTrajectory} action server of a trajectory controller
 * (actionlib over {@code <ns>/follow_joint_trajectory/{goal,cancel,status,feedback,result}}), with
 * the semantics of ros_controllers' joint_trajectory_controller:
 *
 * <ul>
 *   <li>A goal is validated and handed to the controller at once: joint names that are not the
 *       controller's (as a set) are REJECTED with INVALID_JOINTS; malformed points, limits,
 *       tolerances for unknown joints, a latched e-stop or missing joint states are REJECTED with
 *       INVALID_GOAL; a goal whose points all lie in the past is REJECTED with
 *       OLD_HEADER_TIMESTAMP. An accepted goal is ACTIVE and preempts the previous one (PREEMPTED).
 *       A goal with an empty trajectory stops the motion and SUCCEEDS.
 *   <li>Tolerances: a goal's path/goal tolerance of a joint overrides the controller's default when
 *       positive, -1 removes it, 0 keeps the default (acceleration tolerances are not checked);
 *       goal_time_tolerance overrides the constraints' goal_time when non-zero.
 *   <li>Outcomes: SUCCEEDED (SUCCESSFUL) once the last point's time has passed and the goal
 *       tolerances hold; ABORTED with PATH_TOLERANCE_VIOLATED or GOAL_TOLERANCE_VIOLATED (the
 *       controller stops and holds); ABORTED (PATH_TOLERANCE_VIOLATED, explained in error_string)
 *       on the e-stop or when joint states go stale (the motion is stopped); PREEMPTED when a
 *       command on the topics replaces the goal's trajectory or a cancel arrives (the controller
 *       decelerates and holds); RECALLED for a goal cancelled before it arrived.
 *   <li>Status: every tracked goal at {@link #STATUS_RATE_HZ}, and on every change; finished goals
 *       stay in the list for {@link #STATUS_LIST_TIMEOUT_S} s (actionlib's status_list_timeout).
 *       Feedback is published by the control loop through {@link #feedbackGoal()} and {@link
 *       #publishFeedback}.
 * </ul>
 *
 * <p>Threads: goal and cancel callbacks (subscriber threads) and the monitor thread synchronise on
 * this object; the control loop only reads a volatile reference and fills preallocated feedback
 * messages. Stamps, the status list timeout and cancel stamps are ROS time (the node's, wall or
 * {@code /clock}); a trajectory's header stamp is moved onto the control clock's time line before
 * the controller gets it.
 */
public final class FollowJointTrajectoryServer {
  /** Rate of the status array (Hz). */
  public static final double STATUS_RATE_HZ = 10;

  /** How long finished goals stay in the status array (s), as actionlib's status_list_timeout. */
  public static final double STATUS_LIST_TIMEOUT_S = 5;

  /** Rate at which the monitor checks the active goal's outcome (Hz). */
  private static final double MONITOR_RATE_HZ = 100;

  private static final int FEEDBACK_RING = 8;

  private final ConnectedNode node;
  private final Logger log;
  private final JointController controller;
  private final LongSupplier rosMinusControlNanos;
  private final String actionNs;
  private final List<String> joints;
  private final int n;
  private final Supplier<String> jointStateProblem;

  private Publisher<GoalStatusArray> statusPub;
  private Publisher<FollowJointTrajectoryActionResult> resultPub;
  private Publisher<FollowJointTrajectoryActionFeedback> feedbackPub;
  private ScheduledExecutorService monitor;

  /** Goals by id, in arrival order. */
  private final Map<String, Tracker> goals = new LinkedHashMap<>();

  private Tracker active;
  private long cancelAllBeforeNanos = Long.MIN_VALUE;
  private long goalCounter;
  private long ticks;
  private int statusSeq;

  /** The active goal's id for the loop's feedback; null when no goal is active. */
  private volatile GoalID feedbackGoal;

  private final FollowJointTrajectoryActionFeedback[] feedbackRing =
      new FollowJointTrajectoryActionFeedback[FEEDBACK_RING];
  private int feedbackIndex;

  private static final class Tracker {
    final GoalID id;
    GoalStatus status;
    TrajectoryExecution execution;
    long finishedNanos = Long.MAX_VALUE;

    Tracker(GoalID id, byte state) {
      this.id = id;
      this.status = new GoalStatus().setGoalId(id).setStatus(state);
    }
  }

  /**
   * A server for {@code controller} under {@code controllerNs}; nothing is advertised before {@link
   * #start}.
   *
   * @param rosMinusControlNanos ROS time minus the control clock's time (ns), to convert trajectory
   *     stamps
   * @param jointStateProblem why goals cannot be executed now (no or stale joint states), or null
   */
  public FollowJointTrajectoryServer(
      ConnectedNode node,
      String controllerNs,
      JointController controller,
      LongSupplier rosMinusControlNanos,
      Supplier<String> jointStateProblem) {
    this.node = node;
    this.log = node.getLog();
    this.controller = controller;
    this.rosMinusControlNanos = rosMinusControlNanos;
    this.actionNs = controllerNs + "/follow_joint_trajectory";
    this.joints = controller.jointNames();
    this.n = joints.size();
    this.jointStateProblem = jointStateProblem;
    String[] names = joints.toArray(new String[0]);
    for (int k = 0; k < FEEDBACK_RING; k++) {
      FollowJointTrajectoryActionFeedback f = new FollowJointTrajectoryActionFeedback();
      f.getStatus().setStatus(GoalStatus.ACTIVE);
      f.getFeedback().setJointNames(names);
      f.getFeedback()
          .getDesired()
          .setPositions(new double[n])
          .setVelocities(new double[n])
          .setAccelerations(new double[n]);
      f.getFeedback().getActual().setPositions(new double[n]).setVelocities(new double[n]);
      f.getFeedback().getError().setPositions(new double[n]).setVelocities(new double[n]);
      feedbackRing[k] = f;
    }
  }

  private long rosNowNanos() {
    return node.getCurrentTime().toNanos();
  }

  /**
   * {@code traj} with its header stamp moved from ROS time onto the control clock's time line (a
   * shallow copy; stamp 0, "now", stays 0).
   */
  static JointTrajectory onControlTimeLine(JointTrajectory traj, long rosMinusControlNanos) {
    long stamp = traj.getHeader().getStamp().toNanos();
    if (stamp == 0 || rosMinusControlNanos == 0) {
      return traj;
    }
    JointTrajectory copy = new JointTrajectory();
    copy.getHeader().setFrameId(traj.getHeader().getFrameId());
    copy.getHeader().setStamp(Time.fromNanos(Math.max(1, stamp - rosMinusControlNanos)));
    copy.setJointNames(traj.getJointNames());
    copy.setPoints(traj.getPoints());
    return copy;
  }

  /** The action namespace ({@code <controller ns>/follow_joint_trajectory}). */
  public String actionNamespace() {
    return actionNs;
  }

  /** Advertises, subscribes and starts the monitor thread. */
  public void start() {
    statusPub =
        node.newPublisher(actionNs + "/status", GoalStatusArray.TYPE, PublisherOptions.latched());
    resultPub = node.newPublisher(actionNs + "/result", FollowJointTrajectoryActionResult.TYPE);
    feedbackPub =
        node.newPublisher(actionNs + "/feedback", FollowJointTrajectoryActionFeedback.TYPE);
    node.newSubscriber(actionNs + "/goal", FollowJointTrajectoryActionGoal.TYPE)
        .addMessageListener(this::onGoal, 32);
    node.newSubscriber(actionNs + "/cancel", GoalID.TYPE).addMessageListener(this::onCancel, 32);
    monitor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "follow-joint-trajectory");
              t.setDaemon(true);
              return t;
            });
    long periodUs = Math.round(1e6 / MONITOR_RATE_HZ);
    monitor.scheduleAtFixedRate(this::tick, periodUs, periodUs, TimeUnit.MICROSECONDS);
  }

  /** Stops the monitor thread. */
  public void stop() {
    if (monitor != null) {
      monitor.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ goals

  private void onGoal(FollowJointTrajectoryActionGoal m) {
    try {
      handleGoal(m);
    } catch (RuntimeException e) {
      log.error("{}: goal handling failed: {}", actionNs, e.toString());
    }
  }

  private synchronized void handleGoal(FollowJointTrajectoryActionGoal m) {
    long now = rosNowNanos();
    String idText = m.getGoalId().getId();
    if (idText.isEmpty()) {
      idText = node.getName() + "-" + (++goalCounter) + "-" + Time.fromNanos(now);
    }
    Tracker known = goals.get(idText);
    if (known != null) {
      if (known.status.getStatus() == GoalStatus.RECALLING) {
        // The cancel arrived before the goal.
        finish(known, GoalStatus.RECALLED, FollowJointTrajectoryResult.SUCCESSFUL, "cancelled");
        publishStatus();
      }
      return; // a goal id is used once
    }
    GoalID id = new GoalID().setId(idText).setStamp(m.getGoalId().getStamp());
    Tracker t = new Tracker(id, GoalStatus.PENDING);
    goals.put(idText, t);
    long stamp = id.getStamp().toNanos();
    if (stamp != 0 && stamp <= cancelAllBeforeNanos) {
      finish(t, GoalStatus.RECALLED, FollowJointTrajectoryResult.SUCCESSFUL, "cancelled");
      publishStatus();
      return;
    }
    FollowJointTrajectoryGoal goal = m.getGoal();
    String problem = jointStateProblem == null ? null : jointStateProblem.get();
    String jointsProblem = checkJoints(goal.getTrajectory().getJointNames());
    TrajectoryTolerances tol;
    if (goal.getTrajectory().getPoints().isEmpty() && jointsProblem != null) {
      jointsProblem = null; // an empty trajectory may name no joints: it means "stop"
    }
    if (jointsProblem != null) {
      reject(t, FollowJointTrajectoryResult.INVALID_JOINTS, jointsProblem);
      return;
    }
    if (problem != null) {
      reject(t, FollowJointTrajectoryResult.INVALID_GOAL, "cannot execute goals: " + problem);
      return;
    }
    try {
      tol = tolerances(goal);
    } catch (IllegalArgumentException e) {
      reject(t, FollowJointTrajectoryResult.INVALID_GOAL, e.getMessage());
      return;
    }
    JointTrajectory traj = goal.getTrajectory();
    List<JointTrajectoryPoint> pts = traj.getPoints();
    long trajStamp = traj.getHeader().getStamp().toNanos();
    if (!pts.isEmpty()
        && trajStamp != 0
        && trajStamp + pts.get(pts.size() - 1).getTimeFromStart().toNanos() < now) {
      reject(
          t,
          FollowJointTrajectoryResult.OLD_HEADER_TIMESTAMP,
          "every point of the trajectory lies in the past (header stamp "
              + traj.getHeader().getStamp()
              + ", now "
              + Time.fromNanos(now)
              + ")");
      return;
    }
    TrajectoryExecution execution;
    try {
      execution =
          controller.commandTrajectory(
              onControlTimeLine(traj, rosMinusControlNanos.getAsLong()), tol);
    } catch (CommandRejectedException e) {
      reject(t, FollowJointTrajectoryResult.INVALID_GOAL, e.getMessage());
      return;
    }
    Tracker previous = active;
    if (previous != null) {
      finish(
          previous,
          GoalStatus.PREEMPTED,
          FollowJointTrajectoryResult.SUCCESSFUL,
          "preempted by goal " + idText);
    }
    t.execution = execution;
    t.status = new GoalStatus().setGoalId(id).setStatus(GoalStatus.ACTIVE);
    active = t;
    feedbackGoal = id;
    log.info("{}: goal {} accepted ({} points)", actionNs, idText, pts.size());
    publishStatus();
  }

  private String checkJoints(String[] names) {
    Set<String> given = new HashSet<>(List.of(names));
    if (names.length != n || given.size() != n || !given.containsAll(joints)) {
      return "goal joints "
          + List.of(names)
          + " are not the controller's joints "
          + joints
          + " (any order, each once)";
    }
    return null;
  }

  /** The goal's tolerances merged into the controller's defaults (JTC semantics). */
  private TrajectoryTolerances tolerances(FollowJointTrajectoryGoal goal) {
    TrajectoryTolerances d = TrajectoryTolerances.defaults(controller.settings());
    double[] pathPos = new double[n];
    double[] pathVel = new double[n];
    double[] goalPos = new double[n];
    double[] goalVel = new double[n];
    for (int j = 0; j < n; j++) {
      pathPos[j] = d.pathPositionRad(j);
      pathVel[j] = d.pathVelocityRadPerS(j);
      goalPos[j] = d.goalPositionRad(j);
      goalVel[j] = d.goalVelocityRadPerS(j);
    }
    for (JointTolerance t : goal.getPathTolerance()) {
      int j = toleranceJoint(t, "path_tolerance");
      pathPos[j] = merge(pathPos[j], t.getPosition(), "path_tolerance", t);
      pathVel[j] = merge(pathVel[j], t.getVelocity(), "path_tolerance", t);
      merge(0, t.getAcceleration(), "path_tolerance", t);
    }
    for (JointTolerance t : goal.getGoalTolerance()) {
      int j = toleranceJoint(t, "goal_tolerance");
      goalPos[j] = merge(goalPos[j], t.getPosition(), "goal_tolerance", t);
      goalVel[j] = merge(goalVel[j], t.getVelocity(), "goal_tolerance", t);
      merge(0, t.getAcceleration(), "goal_tolerance", t);
    }
    double goalTimeS = goal.getGoalTimeTolerance().toSeconds();
    if (goalTimeS < 0) {
      throw new IllegalArgumentException(
          "goal_time_tolerance must be >= 0 s, got " + goalTimeS + " s");
    }
    return new TrajectoryTolerances(
        pathPos, pathVel, goalPos, goalVel, goalTimeS > 0 ? goalTimeS : d.goalTimeS());
  }

  private int toleranceJoint(JointTolerance t, String field) {
    int j = joints.indexOf(t.getName());
    if (j < 0) {
      throw new IllegalArgumentException(
          field + " names joint '" + t.getName() + "', not one of the controller's " + joints);
    }
    return j;
  }

  /** 0 keeps the default, -1 removes the tolerance, a positive value replaces it. */
  private static double merge(double current, double requested, String field, JointTolerance t) {
    if (requested == 0) {
      return current;
    }
    if (requested == -1) {
      return 0;
    }
    if (requested > 0 && Double.isFinite(requested)) {
      return requested;
    }
    throw new IllegalArgumentException(
        field
            + " of joint '"
            + t.getName()
            + "' has "
            + requested
            + ": a tolerance must be > 0, 0 (default) or -1 (none)");
  }

  private void reject(Tracker t, int errorCode, String why) {
    finish(t, GoalStatus.REJECTED, errorCode, why);
    publishStatus();
  }

  // ------------------------------------------------------------------ cancel

  private void onCancel(GoalID c) {
    try {
      handleCancel(c.getId(), c.getStamp().toNanos());
    } catch (RuntimeException e) {
      log.error("{}: cancel handling failed: {}", actionNs, e.toString());
    }
  }

  private synchronized void handleCancel(String id, long stampNanos) {
    boolean cancelAll = id.isEmpty() && stampNanos == 0;
    boolean found = false;
    for (Tracker t : new ArrayList<>(goals.values())) {
      boolean matches =
          cancelAll
              || t.id.getId().equals(id)
              || (stampNanos != 0 && t.id.getStamp().toNanos() <= stampNanos);
      if (!matches) {
        continue;
      }
      found |= t.id.getId().equals(id);
      byte s = t.status.getStatus();
      if (s == GoalStatus.ACTIVE) {
        cancelActive(t);
      } else if (s == GoalStatus.PENDING) {
        finish(t, GoalStatus.RECALLED, FollowJointTrajectoryResult.SUCCESSFUL, "cancelled");
      }
    }
    if (!id.isEmpty() && !found) {
      // The goal has not arrived yet: remember the cancel (actionlib does the same).
      Tracker t =
          new Tracker(
              new GoalID().setId(id).setStamp(Time.fromNanos(stampNanos)), GoalStatus.RECALLING);
      t.finishedNanos = rosNowNanos();
      goals.put(id, t);
    }
    if (stampNanos != 0) {
      // Goals stamped at or before a cancel's stamp are recalled when they arrive (actionlib).
      cancelAllBeforeNanos = Math.max(cancelAllBeforeNanos, stampNanos);
    }
    publishStatus();
  }

  private void cancelActive(Tracker t) {
    TrajectoryStatus s = t.execution.status();
    if (!s.isFinal()) {
      try {
        controller.commandTrajectory(new JointTrajectory()); // stop and hold
      } catch (CommandRejectedException e) {
        log.warn("{}: stopping for cancel: {}", actionNs, e.getMessage());
      }
    }
    finish(
        t,
        GoalStatus.PREEMPTED,
        FollowJointTrajectoryResult.SUCCESSFUL,
        "cancelled: the controller stops and holds its position");
  }

  // ------------------------------------------------------------------ monitoring

  private void tick() {
    try {
      synchronized (this) {
        boolean changed = checkActive();
        changed |= prune();
        if (changed || ++ticks % Math.round(MONITOR_RATE_HZ / STATUS_RATE_HZ) == 0) {
          publishStatus();
        }
      }
    } catch (RuntimeException e) {
      log.error("{}: action monitor: {}", actionNs, e.toString());
    }
  }

  /** Reports the active goal's outcome once it is final. */
  private boolean checkActive() {
    Tracker t = active;
    if (t == null) {
      return false;
    }
    TrajectoryStatus s = t.execution.status();
    String problem = jointStateProblem == null ? null : jointStateProblem.get();
    if (!s.isFinal() && problem != null) {
      try {
        controller.commandTrajectory(new JointTrajectory());
      } catch (CommandRejectedException e) {
        log.warn("{}: stopping: {}", actionNs, e.getMessage());
      }
      finish(
          t,
          GoalStatus.ABORTED,
          FollowJointTrajectoryResult.PATH_TOLERANCE_VIOLATED,
          "joint state watchdog: " + problem + "; motion stopped");
      return true;
    }
    switch (s) {
      case SUCCEEDED -> finish(t, GoalStatus.SUCCEEDED, FollowJointTrajectoryResult.SUCCESSFUL, "");
      case ABORTED_PATH_TOLERANCE ->
          finish(
              t,
              GoalStatus.ABORTED,
              FollowJointTrajectoryResult.PATH_TOLERANCE_VIOLATED,
              t.execution.detail());
      case ABORTED_GOAL_TOLERANCE ->
          finish(
              t,
              GoalStatus.ABORTED,
              FollowJointTrajectoryResult.GOAL_TOLERANCE_VIOLATED,
              t.execution.detail());
      case STOPPED ->
          finish(
              t,
              GoalStatus.ABORTED,
              FollowJointTrajectoryResult.PATH_TOLERANCE_VIOLATED,
              t.execution.detail());
      case DROPPED ->
          finish(
              t,
              GoalStatus.ABORTED,
              FollowJointTrajectoryResult.OLD_HEADER_TIMESTAMP,
              t.execution.detail());
      case PREEMPTED ->
          finish(
              t,
              GoalStatus.PREEMPTED,
              FollowJointTrajectoryResult.SUCCESSFUL,
              "replaced by another command to the controller");
      default -> {
        return false;
      }
    }
    return true;
  }

  /** Drops finished goals older than the status list timeout. */
  private boolean prune() {
    long limit = rosNowNanos() - Math.round(STATUS_LIST_TIMEOUT_S * 1e9);
    boolean removed = false;
    for (Iterator<Tracker> it = goals.values().iterator(); it.hasNext(); ) {
      Tracker t = it.next();
      if (t.finishedNanos < limit) {
        it.remove();
        removed = true;
      }
    }
    return removed;
  }

  /** Moves {@code t} to a terminal state and publishes its result. */
  private void finish(Tracker t, byte state, int errorCode, String errorString) {
    t.status = new GoalStatus().setGoalId(t.id).setStatus(state).setText(errorString);
    t.finishedNanos = rosNowNanos();
    if (t == active) {
      active = null;
      feedbackGoal = null;
    }
    FollowJointTrajectoryActionResult r = new FollowJointTrajectoryActionResult();
    r.getHeader().setStamp(Time.fromNanos(t.finishedNanos));
    r.setStatus(t.status);
    r.getResult().setErrorCode(errorCode).setErrorString(errorString);
    if (state != GoalStatus.SUCCEEDED) {
      log.warn(
          "{}: goal {} {} (error_code {}): {}",
          actionNs,
          t.id.getId(),
          stateName(state),
          errorCode,
          errorString);
    } else {
      log.info("{}: goal {} succeeded", actionNs, t.id.getId());
    }
    resultPub.publish(r);
  }

  private void publishStatus() {
    GoalStatusArray a = new GoalStatusArray();
    a.getHeader().setSeq(statusSeq++).setStamp(Time.fromNanos(rosNowNanos()));
    for (Tracker t : goals.values()) {
      a.getStatusList().add(t.status);
    }
    statusPub.publish(a);
  }

  /** The name of a GoalStatus constant. */
  static String stateName(byte s) {
    return switch (s) {
      case GoalStatus.PENDING -> "PENDING";
      case GoalStatus.ACTIVE -> "ACTIVE";
      case GoalStatus.PREEMPTED -> "PREEMPTED";
      case GoalStatus.SUCCEEDED -> "SUCCEEDED";
      case GoalStatus.ABORTED -> "ABORTED";
      case GoalStatus.REJECTED -> "REJECTED";
      case GoalStatus.PREEMPTING -> "PREEMPTING";
      case GoalStatus.RECALLING -> "RECALLING";
      case GoalStatus.RECALLED -> "RECALLED";
      default -> "LOST";
    };
  }

  // ------------------------------------------------------------------ feedback (loop thread)

  /** The id of the goal being executed, or null (read by the control loop each cycle). */
  public GoalID feedbackGoal() {
    return feedbackGoal;
  }

  /**
   * The next preallocated feedback message for goal {@code id}: the caller fills its desired,
   * actual and error points (arrays of the controller's length) and passes it to {@link
   * #publishFeedback}. Loop thread only; allocates nothing.
   */
  public FollowJointTrajectoryActionFeedback nextFeedback(GoalID id) {
    feedbackIndex = (feedbackIndex + 1) % FEEDBACK_RING;
    FollowJointTrajectoryActionFeedback f = feedbackRing[feedbackIndex];
    f.getStatus().setGoalId(id);
    return f;
  }

  /** Publishes a feedback message from {@link #nextFeedback}. */
  public void publishFeedback(FollowJointTrajectoryActionFeedback f) {
    feedbackPub.publish(f);
  }
}
