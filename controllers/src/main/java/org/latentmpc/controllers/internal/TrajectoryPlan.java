package org.latentmpc.controllers.internal;

import java.util.List;
import org.latentmpc.controllers.JointSafetyLimits;
import org.latentmpc.controllers.TrajectoryExecution;
import org.latentmpc.controllers.TrajectoryStatus;
import org.latentmpc.controllers.TrajectoryTolerances;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectory;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectoryPoint;

/**
 * A validated joint trajectory in the controller's joint order, ready to be sampled by the control
 * loop without allocation. Built (and validated) on the thread that received the command; {@link
 * #activate} splices it into the running motion on the loop thread: points that lie before "now"
 * are dropped and the first kept segment starts from the current desired state, as ROS's
 * joint_trajectory_controller does.
 */
public final class TrajectoryPlan implements TrajectoryExecution {
  /** What {@link #violationKind} records. */
  static final int NO_VIOLATION = 0;

  static final int PATH_POSITION = 1;
  static final int PATH_VELOCITY = 2;
  static final int GOAL_POSITION = 3;
  static final int GOAL_VELOCITY = 4;
  static final int EMERGENCY_STOP = 5;

  private final int dof;
  private int points;
  private int order;
  private final double[] timesS;
  private final double[] pos;
  private final double[] vel;
  private final double[] acc;
  private long stampNanos;

  // Run-time state, set by activate().
  private long startNanos;
  private int first;
  private int cursor;
  private final double[] knotPos;
  private final double[] knotVel;
  private final double[] knotAcc;
  private double knotTimeS;

  // Tolerances (null: the controller's defaults) and the outcome, written by the loop thread. The
  // violation fields are written before the volatile status, so a reader that sees the final
  // status sees them too.
  private TrajectoryTolerances tolerances;
  private List<String> jointNames = List.of();
  private volatile TrajectoryStatus status = TrajectoryStatus.PENDING;
  private int violationKind = NO_VIOLATION;
  private int violationJoint;
  private double violationValue;
  private double violationTolerance;

  private TrajectoryPlan(int dof, int points) {
    this.dof = dof;
    this.points = points;
    this.timesS = new double[Math.max(points, 1)];
    this.pos = new double[Math.max(points, 1) * dof];
    this.vel = new double[Math.max(points, 1) * dof];
    this.acc = new double[Math.max(points, 1) * dof];
    this.knotPos = new double[dof];
    this.knotVel = new double[dof];
    this.knotAcc = new double[dof];
  }

  /** A reusable one-point plan for stopping (see {@link #setStop}). */
  public static TrajectoryPlan newStopPlan(int dof) {
    TrajectoryPlan p = new TrajectoryPlan(dof, 1);
    p.order = Spline.QUINTIC;
    return p;
  }

  /**
   * Validates {@code msg} against the controller's joints and limits and converts it.
   *
   * @throws IllegalArgumentException naming what is wrong: joint names that are not a permutation
   *     of the controller's, a point with the wrong number of values, non-finite values, mixed
   *     fields, times not strictly increasing, positions outside the hard limits, velocities above
   *     the limit, or consecutive points further apart than the velocity limit allows
   */
  public static TrajectoryPlan fromMessage(
      JointTrajectory msg, List<String> jointNames, JointSafetyLimits[] limits) {
    int n = jointNames.size();
    String[] names = msg.getJointNames();
    List<JointTrajectoryPoint> pts = msg.getPoints();
    if (pts.isEmpty() && names.length == 0) {
      TrajectoryPlan hold = new TrajectoryPlan(n, 0);
      hold.jointNames = jointNames;
      hold.stampNanos = msg.getHeader().getStamp().toNanos();
      return hold;
    }
    if (names.length != n) {
      throw new IllegalArgumentException(
          "trajectory has "
              + names.length
              + " joint names, the controller has "
              + n
              + " joints "
              + jointNames);
    }
    int[] map = new int[n];
    boolean[] seen = new boolean[n];
    for (int i = 0; i < n; i++) {
      int j = jointNames.indexOf(names[i]);
      if (j < 0) {
        throw new IllegalArgumentException("trajectory names unknown joint '" + names[i] + "'");
      }
      if (seen[j]) {
        throw new IllegalArgumentException("trajectory names joint '" + names[i] + "' twice");
      }
      seen[j] = true;
      map[i] = j;
    }
    TrajectoryPlan plan = new TrajectoryPlan(n, pts.size());
    plan.jointNames = jointNames;
    plan.stampNanos = msg.getHeader().getStamp().toNanos();
    if (pts.isEmpty()) {
      return plan;
    }
    boolean hasVel = pts.get(0).getVelocities().length > 0;
    boolean hasAcc = pts.get(0).getAccelerations().length > 0;
    if (hasAcc && !hasVel) {
      throw new IllegalArgumentException("trajectory points give accelerations without velocities");
    }
    plan.order = hasAcc ? Spline.QUINTIC : hasVel ? Spline.CUBIC : Spline.LINEAR;
    double previousT = -1;
    for (int k = 0; k < pts.size(); k++) {
      JointTrajectoryPoint p = pts.get(k);
      String where = "trajectory point " + k;
      expectLength(where, "positions", p.getPositions(), n);
      expectLength(where, "velocities", p.getVelocities(), hasVel ? n : 0);
      expectLength(where, "accelerations", p.getAccelerations(), hasAcc ? n : 0);
      double t = p.getTimeFromStart().toSeconds();
      if (!(t > previousT) || t < 0) {
        throw new IllegalArgumentException(
            where + ": time_from_start " + t + " s must be >= 0 and after the previous point's");
      }
      plan.timesS[k] = t;
      for (int i = 0; i < n; i++) {
        int j = map[i];
        JointSafetyLimits lim = limits[j];
        double q = p.getPositions()[i];
        double v = hasVel ? p.getVelocities()[i] : 0;
        double a = hasAcc ? p.getAccelerations()[i] : 0;
        if (!Double.isFinite(q) || !Double.isFinite(v) || !Double.isFinite(a)) {
          throw new IllegalArgumentException(
              where + ": joint '" + names[i] + "' has a non-finite value");
        }
        if (!lim.positionAllowed(q)) {
          throw new IllegalArgumentException(
              where
                  + ": joint '"
                  + names[i]
                  + "' position "
                  + q
                  + " is outside its limits ["
                  + lim.lowerRad()
                  + ", "
                  + lim.upperRad()
                  + "]");
        }
        if (Math.abs(v) > lim.maxVelocity()) {
          throw new IllegalArgumentException(
              where + ": joint '" + names[i] + "' velocity " + v + " exceeds " + lim.maxVelocity());
        }
        if (k > 0) {
          double dq = Math.abs(q - plan.pos[(k - 1) * n + j]);
          double needed = dq / (t - previousT);
          if (needed > lim.maxVelocity() * (1 + 1e-9)) {
            throw new IllegalArgumentException(
                where
                    + ": joint '"
                    + names[i]
                    + "' would move at "
                    + needed
                    + " rad/s from the previous point, above its velocity limit "
                    + lim.maxVelocity());
          }
        }
        plan.pos[k * n + j] = q;
        plan.vel[k * n + j] = v;
        plan.acc[k * n + j] = a;
      }
      previousT = t;
    }
    return plan;
  }

  private static void expectLength(String where, String field, double[] a, int n) {
    if (a.length != n) {
      throw new IllegalArgumentException(
          where + ": " + field + " has " + a.length + " values, expected " + n);
    }
  }

  /** Sets the tolerances (null: the controller's defaults); before handing the plan over. */
  void setTolerances(TrajectoryTolerances t) {
    this.tolerances = t;
  }

  /** The tolerances, or {@code defaults} if none were set. */
  TrajectoryTolerances tolerancesOr(TrajectoryTolerances defaults) {
    return tolerances != null ? tolerances : defaults;
  }

  @Override
  public TrajectoryStatus status() {
    return status;
  }

  /** Sets the outcome (the loop thread, or the commanding thread for a plan never taken up). */
  void finish(TrajectoryStatus s) {
    status = s;
  }

  /** Records a tolerance violation of joint {@code j}, then sets the final status. */
  void finish(TrajectoryStatus s, int kind, int j, double value, double tolerance) {
    violationKind = kind;
    violationJoint = j;
    violationValue = value;
    violationTolerance = tolerance;
    status = s;
  }

  @Override
  public String detail() {
    TrajectoryStatus s = status;
    String joint =
        violationJoint < jointNames.size()
            ? "joint '" + jointNames.get(violationJoint) + "'"
            : "joint " + violationJoint;
    return switch (violationKind) {
      case PATH_POSITION ->
          joint
              + " was "
              + violationValue
              + " rad off its path (path tolerance "
              + violationTolerance
              + " rad)";
      case PATH_VELOCITY ->
          joint
              + " velocity was "
              + violationValue
              + " rad/s off its path (path tolerance "
              + violationTolerance
              + " rad/s)";
      case GOAL_POSITION ->
          joint
              + " was "
              + violationValue
              + " rad from the goal when the goal time ran out (goal tolerance "
              + violationTolerance
              + " rad)";
      case GOAL_VELOCITY ->
          joint
              + " still moved at "
              + violationValue
              + " rad/s when the goal time ran out (goal velocity tolerance "
              + violationTolerance
              + " rad/s)";
      case EMERGENCY_STOP -> "the emergency stop was latched: motion stopped";
      default ->
          s == TrajectoryStatus.DROPPED
              ? "every point lay in the past when the controller took the trajectory up"
              : s == TrajectoryStatus.PREEMPTED
                  ? "replaced by another command before it finished"
                  : "";
    };
  }

  /** True for an empty trajectory (the ROS way of saying "stop and hold"). */
  public boolean isEmpty() {
    return points == 0;
  }

  /** Number of points. */
  public int pointCount() {
    return points;
  }

  /** The interpolation order ({@link Spline#LINEAR}, CUBIC or QUINTIC). */
  public int order() {
    return order;
  }

  /** The header stamp (ns); 0 means "start when received". */
  public long stampNanos() {
    return stampNanos;
  }

  /**
   * Splices this plan into the motion at {@code nowNanos}, starting from the desired state {@code
   * (p, v, a)}. Drops the points at or before now.
   *
   * @return false when every point lies in the past (the plan is then unusable)
   */
  public boolean activate(long nowNanos, double[] p, double[] v, double[] a) {
    startNanos = stampNanos == 0 ? nowNanos : stampNanos;
    double now = (nowNanos - startNanos) * 1e-9;
    int k = 0;
    while (k < points && timesS[k] <= now) {
      k++;
    }
    if (k == points) {
      return false;
    }
    first = k;
    cursor = k;
    knotTimeS = now;
    System.arraycopy(p, 0, knotPos, 0, dof);
    System.arraycopy(v, 0, knotVel, 0, dof);
    System.arraycopy(a, 0, knotAcc, 0, dof);
    return true;
  }

  /**
   * Makes this (stop) plan decelerate from {@code (p, v, a)} at {@code nowNanos} to rest at {@code
   * p + v T / 2} (clamped into the soft limits) in {@code stopDurationS} s, quintic.
   */
  public void setStop(
      long nowNanos,
      double[] p,
      double[] v,
      double[] a,
      double stopDurationS,
      JointSafetyLimits[] limits) {
    points = 1;
    order = Spline.QUINTIC;
    stampNanos = nowNanos;
    timesS[0] = Math.max(0, stopDurationS);
    for (int j = 0; j < dof; j++) {
      double target = stopDurationS > 0 ? p[j] + 0.5 * v[j] * stopDurationS : p[j];
      pos[j] = limits[j].clampToSoft(target);
      vel[j] = 0;
      acc[j] = 0;
    }
    startNanos = nowNanos;
    first = 0;
    cursor = 0;
    knotTimeS = 0;
    System.arraycopy(p, 0, knotPos, 0, dof);
    System.arraycopy(v, 0, knotVel, 0, dof);
    System.arraycopy(a, 0, knotAcc, 0, dof);
  }

  /** The time (ns) of the last point, once activated. */
  public long endNanos() {
    return startNanos + Math.round(timesS[points - 1] * 1e9);
  }

  /** The last point's position of joint {@code j}. */
  public double goalPosition(int j) {
    return pos[(points - 1) * dof + j];
  }

  /**
   * Samples the desired state of every joint at {@code nowNanos} into {@code p, v, a}; after the
   * last point the last position with zero velocity and acceleration.
   */
  public void sample(long nowNanos, double[] p, double[] v, double[] a, double[] scratch3) {
    double t = (nowNanos - startNanos) * 1e-9;
    if (t >= timesS[points - 1]) {
      int base = (points - 1) * dof;
      for (int j = 0; j < dof; j++) {
        p[j] = pos[base + j];
        v[j] = 0;
        a[j] = 0;
      }
      return;
    }
    while (cursor < points - 1 && timesS[cursor] <= t) {
      cursor++;
    }
    int k = cursor;
    double t0 = k == first ? knotTimeS : timesS[k - 1];
    double dur = timesS[k] - t0;
    for (int j = 0; j < dof; j++) {
      double p0;
      double v0;
      double a0;
      if (k == first) {
        p0 = knotPos[j];
        v0 = knotVel[j];
        a0 = knotAcc[j];
      } else {
        int b = (k - 1) * dof + j;
        p0 = pos[b];
        v0 = vel[b];
        a0 = acc[b];
      }
      int e = k * dof + j;
      Spline.sample(order, p0, v0, a0, pos[e], vel[e], acc[e], dur, t - t0, scratch3, 0);
      p[j] = scratch3[0];
      v[j] = scratch3[1];
      a[j] = scratch3[2];
    }
  }
}
