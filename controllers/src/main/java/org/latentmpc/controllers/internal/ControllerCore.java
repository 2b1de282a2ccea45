package org.latentmpc.controllers.internal;

import java.util.List;
import org.latentmpc.controllers.CommandRejectedException;
import org.latentmpc.controllers.ControlMode;
import org.latentmpc.controllers.ControllerSettings;
import org.latentmpc.controllers.JointController;
import org.latentmpc.controllers.JointSafetyLimits;
import org.latentmpc.controllers.PidGains;
import org.latentmpc.controllers.TrajectoryExecution;
import org.latentmpc.controllers.TrajectoryStatus;
import org.latentmpc.controllers.TrajectoryTolerances;
import org.latentmpc.robot.Dynamics;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link JointController} implementation. Commands are validated on the calling thread and
 * handed over through a small lock-protected inbox (a copy into preallocated arrays, or a reference
 * to an immutable {@link TrajectoryPlan}); the loop takes them at the start of {@link #update}.
 * Everything the loop touches is preallocated.
 */
public final class ControllerCore implements JointController {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerCore.class);

  /** The longest step (in nominal periods) the integrators and rate limiters take at once. */
  private static final double MAX_STEP_PERIODS = 5;

  private enum Kind {
    NONE,
    POSITION,
    VELOCITY,
    EFFORT,
    TRAJECTORY
  }

  private final ControllerSettings settings;
  private final int n;
  private final JointSafetyLimits[] limits;
  private final Pid[] positionPid;
  private final Pid[] velocityPid;
  private final Dynamics dynamics;
  private final int[] modelDof;
  private final double nominalDtS;
  private final TrajectoryTolerances defaultTolerances;

  // Inbox (guarded by inbox).
  private final Object inbox = new Object();
  private Kind pendingKind = Kind.NONE;
  private final double[] pendingValues;
  private TrajectoryPlan pendingPlan;
  private final PidGains[] pendingGains;
  private boolean gainsPending;
  private volatile boolean estopRequested;
  private volatile boolean resetRequested;
  private final java.util.concurrent.atomic.AtomicLong rejected =
      new java.util.concurrent.atomic.AtomicLong();

  // Loop state.
  private boolean started;
  private long lastNanos;
  private long lastCommandNanos;
  private volatile ControlMode mode = ControlMode.HOLD;
  private volatile TrajectoryStatus trajectoryStatus = TrajectoryStatus.IDLE;
  private volatile boolean watchdogTripped;
  private boolean stopping;
  private final double[] positionTarget;
  private final double[] velocityTarget;
  private final double[] effortTarget;
  private final double[] desiredPos;
  private final double[] desiredVel;
  private final double[] desiredAcc;
  private TrajectoryPlan plan;
  private TrajectoryTolerances tolerances;
  private final TrajectoryPlan stopPlan;
  private final double[] scratch3 = new double[3];
  private final double[] qModel;
  private final double[] qdModel;
  private final double[] qddModel;
  private final double[] tauModel;
  private final double[] zeros;

  /** A controller for {@code settings} on {@code model}. */
  public ControllerCore(RobotModel model, ControllerSettings settings) {
    this.settings = settings;
    this.n = settings.dof();
    this.limits = new JointSafetyLimits[n];
    this.positionPid = new Pid[n];
    this.velocityPid = new Pid[n];
    this.modelDof = new int[n];
    for (int j = 0; j < n; j++) {
      limits[j] = settings.limits(j);
      positionPid[j] = new Pid(settings.positionGains(j));
      velocityPid[j] = new Pid(settings.velocityGains(j));
      modelDof[j] = model.dofIndex(settings.joints().get(j));
    }
    if (settings.gravityCompensation() && n != model.dof()) {
      throw new IllegalArgumentException(
          "gravity compensation needs every moving joint of '"
              + model.name()
              + "' in the controller ("
              + model.jointNames()
              + "), got "
              + settings.joints());
    }
    this.dynamics = settings.gravityCompensation() ? model.newDynamics() : null;
    this.nominalDtS = 1.0 / settings.rateHz();
    this.defaultTolerances = TrajectoryTolerances.defaults(settings);
    this.tolerances = defaultTolerances;
    this.pendingValues = new double[n];
    this.pendingGains = new PidGains[n];
    this.positionTarget = new double[n];
    this.velocityTarget = new double[n];
    this.effortTarget = new double[n];
    this.desiredPos = new double[n];
    this.desiredVel = new double[n];
    this.desiredAcc = new double[n];
    this.stopPlan = TrajectoryPlan.newStopPlan(n);
    this.qModel = new double[model.dof()];
    this.qdModel = new double[model.dof()];
    this.qddModel = new double[model.dof()];
    this.tauModel = new double[model.dof()];
    this.zeros = new double[n];
  }

  @Override
  public ControllerSettings settings() {
    return settings;
  }

  @Override
  public List<String> jointNames() {
    return settings.joints();
  }

  // ---------------------------------------------------------------- commands (any thread)

  private CommandRejectedException reject(String message) {
    rejected.incrementAndGet();
    return new CommandRejectedException(message);
  }

  private void checkVector(String what, double[] v) {
    if (estopRequested) {
      throw reject(
          what + " command rejected: the emergency stop is latched (call the reset service)");
    }
    if (v == null || v.length != n) {
      throw reject(
          what
              + " command has "
              + (v == null ? "no" : String.valueOf(v.length))
              + " values, expected "
              + n
              + " for joints "
              + settings.joints());
    }
    for (int j = 0; j < n; j++) {
      if (!Double.isFinite(v[j])) {
        throw reject(
            what + " command for joint '" + settings.joints().get(j) + "' is not finite: " + v[j]);
      }
    }
  }

  @Override
  public void commandPositions(double[] positionsRad) {
    checkVector("position", positionsRad);
    for (int j = 0; j < n; j++) {
      if (!limits[j].positionAllowed(positionsRad[j])) {
        throw reject(
            "position command for joint '"
                + limits[j].name()
                + "' is "
                + positionsRad[j]
                + ", outside its limits ["
                + limits[j].lowerRad()
                + ", "
                + limits[j].upperRad()
                + "]");
      }
    }
    synchronized (inbox) {
      for (int j = 0; j < n; j++) {
        pendingValues[j] = limits[j].clampToSoft(positionsRad[j]);
      }
      pendingKind = Kind.POSITION;
      supersedePending(null);
    }
  }

  @Override
  public void commandVelocities(double[] v) {
    checkVector("velocity", v);
    for (int j = 0; j < n; j++) {
      if (Math.abs(v[j]) > limits[j].maxVelocity()) {
        throw reject(
            "velocity command for joint '"
                + limits[j].name()
                + "' is "
                + v[j]
                + " rad/s, above its limit "
                + limits[j].maxVelocity());
      }
    }
    offer(Kind.VELOCITY, v);
  }

  @Override
  public void commandEfforts(double[] e) {
    checkVector("effort", e);
    for (int j = 0; j < n; j++) {
      if (Math.abs(e[j]) > limits[j].maxEffort()) {
        throw reject(
            "effort command for joint '"
                + limits[j].name()
                + "' is "
                + e[j]
                + " N m, above its limit "
                + limits[j].maxEffort());
      }
    }
    offer(Kind.EFFORT, e);
  }

  private void offer(Kind kind, double[] v) {
    synchronized (inbox) {
      System.arraycopy(v, 0, pendingValues, 0, n);
      pendingKind = kind;
      supersedePending(null);
    }
  }

  /** Replaces the pending plan (caller holds the inbox lock): one never taken up is preempted. */
  private void supersedePending(TrajectoryPlan next) {
    if (pendingPlan != null && pendingPlan != next) {
      pendingPlan.finish(TrajectoryStatus.PREEMPTED);
    }
    pendingPlan = next;
  }

  @Override
  public void commandTrajectory(JointTrajectory trajectory) {
    commandTrajectory(trajectory, null);
  }

  @Override
  public TrajectoryExecution commandTrajectory(
      JointTrajectory trajectory, TrajectoryTolerances tol) {
    if (estopRequested) {
      throw reject("trajectory rejected: the emergency stop is latched (call the reset service)");
    }
    if (tol != null && tol.dof() != n) {
      throw reject(
          "trajectory tolerances are for " + tol.dof() + " joints, the controller has " + n);
    }
    TrajectoryPlan p;
    try {
      p = TrajectoryPlan.fromMessage(trajectory, settings.joints(), limits);
    } catch (IllegalArgumentException e) {
      throw reject(e.getMessage());
    }
    p.setTolerances(tol);
    synchronized (inbox) {
      pendingKind = Kind.TRAJECTORY;
      supersedePending(p);
    }
    return p;
  }

  @Override
  public void emergencyStop() {
    if (!estopRequested) {
      LOG.error("emergency stop latched: holding position until the reset service is called");
    }
    estopRequested = true;
  }

  @Override
  public boolean resetEmergencyStop() {
    if (!estopRequested) {
      return false;
    }
    synchronized (inbox) {
      pendingKind = Kind.NONE;
      supersedePending(null);
    }
    resetRequested = true;
    estopRequested = false;
    LOG.warn("emergency stop reset: holding the current position until the next command");
    return true;
  }

  @Override
  public boolean isEmergencyStopped() {
    return estopRequested || mode == ControlMode.EMERGENCY_STOP;
  }

  @Override
  public PidGains positionGains(String joint) {
    int j = settings.joints().indexOf(joint);
    if (j < 0) {
      throw new IllegalArgumentException("no joint '" + joint + "' in " + settings.joints());
    }
    synchronized (inbox) {
      return pendingGains[j] != null ? pendingGains[j] : positionPid[j].getGains();
    }
  }

  @Override
  public void setPositionGains(String joint, PidGains gains) {
    int j = settings.joints().indexOf(joint);
    if (j < 0) {
      throw new IllegalArgumentException("no joint '" + joint + "' in " + settings.joints());
    }
    if (gains == null) {
      throw new IllegalArgumentException("gains must not be null");
    }
    synchronized (inbox) {
      pendingGains[j] = gains;
      gainsPending = true;
    }
  }

  // ---------------------------------------------------------------- loop

  @Override
  public void update(long nowNanos, double[] q, double[] qd, double[] effortOut) {
    double dt = started && nowNanos > lastNanos ? (nowNanos - lastNanos) * 1e-9 : nominalDtS;
    // After a stall (missed cycles, stale sensor data) never integrate or slew over more than a few
    // periods in one step: a setpoint must not jump by max velocity times the stall.
    dt = Math.min(dt, MAX_STEP_PERIODS * nominalDtS);
    if (!started) {
      started = true;
      hold(q);
      lastCommandNanos = nowNanos;
    }
    lastNanos = nowNanos;
    takeInbox(nowNanos, q, qd);
    checkWatchdog(nowNanos, q);
    switch (mode) {
      case HOLD, POSITION, EMERGENCY_STOP -> slewToTarget(dt);
      case VELOCITY -> velocitySetpoint(q, dt);
      case EFFORT -> {
        System.arraycopy(q, 0, desiredPos, 0, n);
        System.arraycopy(zeros, 0, desiredVel, 0, n);
        System.arraycopy(zeros, 0, desiredAcc, 0, n);
      }
      case TRAJECTORY -> followTrajectory(nowNanos, q, qd);
    }
    computeEfforts(q, qd, dt, effortOut);
  }

  private void hold(double[] positions) {
    mode = ControlMode.HOLD;
    for (int j = 0; j < n; j++) {
      positionTarget[j] = limits[j].clampToSoft(positions[j]);
      desiredPos[j] = positions[j];
      desiredVel[j] = 0;
      desiredAcc[j] = 0;
      positionPid[j].reset();
      velocityPid[j].reset();
    }
  }

  private void takeInbox(long nowNanos, double[] q, double[] qd) {
    if (estopRequested && mode != ControlMode.EMERGENCY_STOP) {
      if (plan != null && plan.status() == TrajectoryStatus.EXECUTING) {
        plan.finish(TrajectoryStatus.STOPPED, TrajectoryPlan.EMERGENCY_STOP, 0, 0, 0);
      }
      hold(q);
      mode = ControlMode.EMERGENCY_STOP;
      if (trajectoryStatus == TrajectoryStatus.EXECUTING) {
        trajectoryStatus = TrajectoryStatus.STOPPED;
      }
    }
    if (resetRequested) {
      resetRequested = false;
      hold(q);
      lastCommandNanos = nowNanos;
      watchdogTripped = false;
    }
    synchronized (inbox) {
      if (gainsPending) {
        for (int j = 0; j < n; j++) {
          if (pendingGains[j] != null) {
            positionPid[j].setGains(pendingGains[j]);
            pendingGains[j] = null;
          }
        }
        gainsPending = false;
      }
      if (pendingKind == Kind.NONE) {
        return;
      }
      if (mode == ControlMode.EMERGENCY_STOP) {
        if (pendingPlan != null) {
          pendingPlan.finish(TrajectoryStatus.STOPPED, TrajectoryPlan.EMERGENCY_STOP, 0, 0, 0);
        }
        pendingKind = Kind.NONE;
        pendingPlan = null;
        return;
      }
      if (pendingKind != Kind.TRAJECTORY) {
        preemptRunningPlan();
      }
      switch (pendingKind) {
        case POSITION -> {
          if (mode != ControlMode.POSITION && mode != ControlMode.HOLD) {
            enterPositionFromCurrent(q);
          }
          System.arraycopy(pendingValues, 0, positionTarget, 0, n);
          mode = ControlMode.POSITION;
        }
        case VELOCITY -> {
          if (mode != ControlMode.VELOCITY) {
            System.arraycopy(q, 0, desiredPos, 0, n);
            for (int j = 0; j < n; j++) {
              velocityPid[j].reset();
            }
          }
          System.arraycopy(pendingValues, 0, velocityTarget, 0, n);
          mode = ControlMode.VELOCITY;
        }
        case EFFORT -> {
          System.arraycopy(pendingValues, 0, effortTarget, 0, n);
          mode = ControlMode.EFFORT;
        }
        case TRAJECTORY -> takeTrajectory(nowNanos, q, qd, pendingPlan);
        case NONE -> {}
      }
      pendingKind = Kind.NONE;
      pendingPlan = null;
    }
    lastCommandNanos = nowNanos;
    watchdogTripped = false;
  }

  private void enterPositionFromCurrent(double[] q) {
    if (mode == ControlMode.EFFORT || mode == ControlMode.VELOCITY) {
      // Start the position setpoint where the arm is (bumpless from an open position loop).
      System.arraycopy(q, 0, desiredPos, 0, n);
      for (int j = 0; j < n; j++) {
        positionPid[j].reset();
      }
    }
  }

  /** The running trajectory (if any) was replaced by a command: its outcome is PREEMPTED. */
  private void preemptRunningPlan() {
    if (plan != null && plan.status() == TrajectoryStatus.EXECUTING) {
      plan.finish(TrajectoryStatus.PREEMPTED);
    }
  }

  private void takeTrajectory(long nowNanos, double[] q, double[] qd, TrajectoryPlan p) {
    if (mode == ControlMode.EFFORT || mode == ControlMode.VELOCITY) {
      System.arraycopy(q, 0, desiredPos, 0, n);
      System.arraycopy(zeros, 0, desiredAcc, 0, n);
      for (int j = 0; j < n; j++) {
        positionPid[j].reset();
      }
    }
    if (p.isEmpty()) {
      preemptRunningPlan();
      p.finish(TrajectoryStatus.SUCCEEDED);
      stopPlan.setStop(
          nowNanos, desiredPos, desiredVel, desiredAcc, settings.stopTrajectoryDurationS(), limits);
      plan = stopPlan;
      stopping = true;
      if (trajectoryStatus == TrajectoryStatus.EXECUTING) {
        trajectoryStatus = TrajectoryStatus.STOPPED;
      }
      mode = ControlMode.TRAJECTORY;
      return;
    }
    if (!p.activate(nowNanos, desiredPos, desiredVel, desiredAcc)) {
      LOG.error("trajectory dropped: all of its points lie in the past");
      p.finish(TrajectoryStatus.DROPPED);
      return;
    }
    preemptRunningPlan();
    p.finish(TrajectoryStatus.EXECUTING);
    tolerances = p.tolerancesOr(defaultTolerances);
    plan = p;
    stopping = false;
    trajectoryStatus = TrajectoryStatus.EXECUTING;
    mode = ControlMode.TRAJECTORY;
  }

  private void checkWatchdog(long nowNanos, double[] q) {
    if (watchdogTripped
        || (mode != ControlMode.POSITION
            && mode != ControlMode.VELOCITY
            && mode != ControlMode.EFFORT)
        || nowNanos - lastCommandNanos <= (long) (settings.watchdogTimeoutS() * 1e9)) {
      return;
    }
    watchdogTripped = true;
    LOG.warn(
        "command watchdog: no command for {} s in {} mode; stopping",
        settings.watchdogTimeoutS(),
        mode);
    switch (mode) {
      case POSITION -> {
        System.arraycopy(desiredPos, 0, positionTarget, 0, n);
        mode = ControlMode.HOLD;
      }
      case VELOCITY -> System.arraycopy(zeros, 0, velocityTarget, 0, n);
      case EFFORT -> hold(q);
      default -> {}
    }
  }

  /** Moves the position setpoint toward the target within the velocity and acceleration limits. */
  private void slewToTarget(double dt) {
    for (int j = 0; j < n; j++) {
      double sp = desiredPos[j];
      double target = positionTarget[j];
      double dist = target - sp;
      double vmax = limits[j].maxVelocity();
      double amax = limits[j].maxAcceleration();
      double v = Math.max(-vmax, Math.min(vmax, dist / dt));
      if (Double.isFinite(amax)) {
        double vStop = Math.sqrt(2 * amax * Math.abs(dist));
        v = Math.max(-vStop, Math.min(vStop, v));
        double dv = amax * dt;
        v = Math.max(desiredVel[j] - dv, Math.min(desiredVel[j] + dv, v));
      }
      double next = sp + v * dt;
      double vNew = v;
      if (Math.abs(dist) <= Math.abs(v) * dt) {
        // Arrives this cycle: the setpoint rests on the target from now on.
        next = target;
        vNew = 0;
      }
      desiredAcc[j] = (vNew - desiredVel[j]) / dt;
      desiredVel[j] = vNew;
      desiredPos[j] = next;
    }
  }

  private void velocitySetpoint(double[] q, double dt) {
    for (int j = 0; j < n; j++) {
      JointSafetyLimits l = limits[j];
      double v =
          Math.max(l.lowerVelocity(q[j]), Math.min(l.upperVelocity(q[j]), velocityTarget[j]));
      double amax = l.maxAcceleration();
      if (Double.isFinite(amax)) {
        double dv = amax * dt;
        v = Math.max(desiredVel[j] - dv, Math.min(desiredVel[j] + dv, v));
      }
      desiredAcc[j] = (v - desiredVel[j]) / dt;
      desiredVel[j] = v;
      desiredPos[j] = q[j];
    }
  }

  private void followTrajectory(long nowNanos, double[] q, double[] qd) {
    plan.sample(nowNanos, desiredPos, desiredVel, desiredAcc, scratch3);
    for (int j = 0; j < n; j++) {
      desiredPos[j] = limits[j].clampToSoft(desiredPos[j]);
    }
    if (stopping || trajectoryStatus != TrajectoryStatus.EXECUTING) {
      return;
    }
    TrajectoryTolerances tol = tolerances;
    if (nowNanos < plan.endNanos()) {
      for (int j = 0; j < n; j++) {
        double posTol = tol.pathPositionRad(j);
        double velTol = tol.pathVelocityRadPerS(j);
        double posErr = q[j] - desiredPos[j];
        double velErr = qd[j] - desiredVel[j];
        boolean posBad = posTol > 0 && Math.abs(posErr) > posTol;
        if (posBad || (velTol > 0 && Math.abs(velErr) > velTol)) {
          LOG.error(
              "trajectory aborted: joint '{}' is {} rad, {} rad/s off its path (tolerances {},"
                  + " {})",
              limits[j].name(),
              posErr,
              velErr,
              posTol,
              velTol);
          trajectoryStatus = TrajectoryStatus.ABORTED_PATH_TOLERANCE;
          plan.finish(
              TrajectoryStatus.ABORTED_PATH_TOLERANCE,
              posBad ? TrajectoryPlan.PATH_POSITION : TrajectoryPlan.PATH_VELOCITY,
              j,
              posBad ? posErr : velErr,
              posBad ? posTol : velTol);
          stopAt(nowNanos, q, qd);
          return;
        }
      }
      return;
    }
    int failedJoint = -1;
    boolean failedOnPosition = false;
    for (int j = 0; j < n; j++) {
      double goalTol = tol.goalPositionRad(j);
      double velTol = tol.goalVelocityRadPerS(j);
      if (goalTol > 0 && Math.abs(q[j] - plan.goalPosition(j)) > goalTol) {
        failedJoint = j;
        failedOnPosition = true;
        break;
      }
      if (velTol > 0 && Math.abs(qd[j]) > velTol) {
        failedJoint = j;
        break;
      }
    }
    if (failedJoint < 0) {
      trajectoryStatus = TrajectoryStatus.SUCCEEDED;
      plan.finish(TrajectoryStatus.SUCCEEDED);
    } else if (tol.goalTimeS() > 0 && nowNanos > plan.endNanos() + (long) (tol.goalTimeS() * 1e9)) {
      LOG.error("trajectory aborted: goal not reached within goal_time {} s", tol.goalTimeS());
      trajectoryStatus = TrajectoryStatus.ABORTED_GOAL_TOLERANCE;
      int j = failedJoint;
      plan.finish(
          TrajectoryStatus.ABORTED_GOAL_TOLERANCE,
          failedOnPosition ? TrajectoryPlan.GOAL_POSITION : TrajectoryPlan.GOAL_VELOCITY,
          j,
          failedOnPosition ? q[j] - plan.goalPosition(j) : qd[j],
          failedOnPosition ? tol.goalPositionRad(j) : tol.goalVelocityRadPerS(j));
      stopAt(nowNanos, q, qd);
    }
  }

  private void stopAt(long nowNanos, double[] q, double[] qd) {
    System.arraycopy(q, 0, desiredPos, 0, n);
    System.arraycopy(qd, 0, desiredVel, 0, n);
    System.arraycopy(zeros, 0, desiredAcc, 0, n);
    stopPlan.setStop(
        nowNanos, desiredPos, desiredVel, desiredAcc, settings.stopTrajectoryDurationS(), limits);
    plan = stopPlan;
    stopping = true;
    plan.sample(nowNanos, desiredPos, desiredVel, desiredAcc, scratch3);
  }

  private void computeEfforts(double[] q, double[] qd, double dt, double[] effortOut) {
    if (dynamics != null) {
      for (int j = 0; j < n; j++) {
        qModel[modelDof[j]] = q[j];
        qdModel[modelDof[j]] = qd[j];
        qddModel[modelDof[j]] = desiredAcc[j];
      }
      if (mode == ControlMode.TRAJECTORY) {
        dynamics.inverseDynamics(qModel, qdModel, qddModel, tauModel);
      } else if (mode != ControlMode.EFFORT) {
        dynamics.gravityTorques(qModel, tauModel);
      }
    }
    for (int j = 0; j < n; j++) {
      double u;
      if (mode == ControlMode.EFFORT) {
        u = effortTarget[j];
      } else {
        if (mode == ControlMode.VELOCITY) {
          u = velocityPid[j].calculate(qd[j], desiredVel[j], dt);
        } else {
          u = positionPid[j].calculate(q[j], qd[j], desiredPos[j], desiredVel[j], dt);
        }
        if (dynamics != null) {
          u += tauModel[modelDof[j]];
        }
      }
      effortOut[j] = limits[j].clampEffort(u, q[j], qd[j]);
    }
  }

  // ---------------------------------------------------------------- getters

  @Override
  public ControlMode mode() {
    return mode;
  }

  @Override
  public TrajectoryStatus trajectoryStatus() {
    return trajectoryStatus;
  }

  @Override
  public boolean watchdogTripped() {
    return watchdogTripped;
  }

  @Override
  public long rejectedCommandCount() {
    return rejected.get();
  }

  @Override
  public void getDesiredPositions(double[] out) {
    System.arraycopy(desiredPos, 0, out, 0, n);
  }

  @Override
  public void getDesiredVelocities(double[] out) {
    System.arraycopy(desiredVel, 0, out, 0, n);
  }

  @Override
  public void getDesiredAccelerations(double[] out) {
    System.arraycopy(desiredAcc, 0, out, 0, n);
  }
}
