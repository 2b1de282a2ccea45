package org.latentmpc.launch.internal.eval;

import org.latentmpc.controllers.ControllerSettings;
import org.latentmpc.controllers.JointController;
import org.latentmpc.controllers.JointSafetyLimits;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.sim.SimWorld;
import org.latentmpc.sim.WorldOptions;

/**
 * The simulated robot under its joint position controller, driven in lock-step in this thread (the
 * approach of {@code DataCollector}): per controller cycle read the joint state, run {@link
 * JointController#update} at the simulator's time, apply the efforts and step the physics. One
 * {@link #advance()} runs one control period (the planner's action period). Stepping allocates
 * nothing; {@link #reset} and {@link #setState} create a fresh controller (once per episode or
 * rollout, never per cycle).
 *
 * <p>The physics step may be coarser than the controller period (a faster, less exact oracle): the
 * controller then runs once per physics step with that step as its period.
 */
final class LockStepPlant {
  private final RobotModel model;
  private final ControllerSettings settings;
  private final SimWorld world;
  private final int dof;
  private final int simStepsPerCycle;
  private final int cyclesPerPeriod;
  private final long stepNanos;
  private final double[] lowerRad;
  private final double[] upperRad;
  private final double[] q;
  private final double[] qd;
  private final double[] effort;
  private final double[] target;
  private JointController controller;

  /**
   * @param physicsStepS the simulator step (s); the control period must be a whole number of
   *     controller cycles, each a whole number of physics steps (or one step if the step is longer)
   * @param controlPeriodS the action period (s)
   * @throws IllegalArgumentException if the periods do not divide
   */
  LockStepPlant(
      RobotModel model, ControllerSettings settings, double physicsStepS, double controlPeriodS) {
    this.model = model;
    this.settings = settings;
    this.dof = model.dof();
    if (settings.dof() != dof) {
      throw new IllegalArgumentException(
          "the controller must drive every joint of " + model.name() + " (" + dof + ")");
    }
    this.world = SimWorld.create(model, WorldOptions.defaults().withTimeStep(physicsStepS));
    double cycleS = Math.max(1.0 / settings.rateHz(), physicsStepS);
    this.simStepsPerCycle = wholeRatio(cycleS, physicsStepS, "controller period", "physics step");
    this.cyclesPerPeriod =
        wholeRatio(controlPeriodS, cycleS, "control period", "controller period");
    this.stepNanos = Math.round(physicsStepS * 1e9);
    this.lowerRad = new double[dof];
    this.upperRad = new double[dof];
    for (int j = 0; j < dof; j++) {
      JointSafetyLimits l = settings.limits(j);
      lowerRad[j] = l.hasSoftLimits() ? Math.max(l.lowerRad(), l.softLowerRad()) : l.lowerRad();
      upperRad[j] = l.hasSoftLimits() ? Math.min(l.upperRad(), l.softUpperRad()) : l.upperRad();
    }
    this.q = new double[dof];
    this.qd = new double[dof];
    this.effort = new double[dof];
    this.target = new double[dof];
  }

  static int wholeRatio(double a, double b, String nameA, String nameB) {
    double r = a / b;
    long n = Math.round(r);
    if (n < 1 || Math.abs(r - n) > 1e-6 * Math.max(1, r)) {
      throw new IllegalArgumentException(
          "the " + nameA + " (" + a + " s) is not a whole number of " + nameB + "s (" + b + " s)");
    }
    return (int) n;
  }

  /** Number of joints. */
  int dof() {
    return dof;
  }

  /** The robot. */
  RobotModel model() {
    return model;
  }

  /** The lower command bound of joint {@code j}: the soft limit if any, else the hard one (rad). */
  double lowerRad(int j) {
    return lowerRad[j];
  }

  /** The upper command bound of joint {@code j} (rad). */
  double upperRad(int j) {
    return upperRad[j];
  }

  /** Puts the robot at rest at {@code q0} under a fresh controller holding it. */
  void reset(double[] q0) {
    world.setInitialPositions(q0);
    world.reset();
    controller = JointController.create(model, settings);
  }

  /**
   * Puts the robot at positions {@code qRad} moving with {@code qdRadPerS} under a fresh controller
   * (which starts by holding the measured position); zero effort until the first cycle.
   */
  void setState(double[] qRad, double[] qdRadPerS) {
    world.setPositions(qRad);
    world.setVelocities(qdRadPerS);
    controller = JointController.create(model, settings);
  }

  /**
   * Commands the position target {@code q + deltaRad[j]} clamped into the command bounds, and
   * writes the delta actually commanded (target minus current position) back into {@code deltaRad}.
   */
  void commandDelta(double[] deltaRad) {
    world.getPositions(q);
    for (int j = 0; j < dof; j++) {
      double t = q[j] + deltaRad[j];
      target[j] = t < lowerRad[j] ? lowerRad[j] : (t > upperRad[j] ? upperRad[j] : t);
      deltaRad[j] = target[j] - q[j];
    }
    controller.commandPositions(target);
  }

  /** Runs the controller and physics in lock-step for one control period. */
  void advance() {
    for (int c = 0; c < cyclesPerPeriod; c++) {
      world.getPositions(q);
      world.getVelocities(qd);
      controller.update(timeNanos(), q, qd, effort);
      world.setEffortCommand(effort);
      world.step(simStepsPerCycle);
    }
  }

  /** Copies the joint positions (rad) into {@code out}. */
  void getPositions(double[] out) {
    world.getPositions(out);
  }

  /** Copies the joint velocities (rad/s) into {@code out}. */
  void getVelocities(double[] out) {
    world.getVelocities(out);
  }

  /** Simulation time (ns): the clock the controller and the planner see. */
  long timeNanos() {
    return world.stepCount() * stepNanos;
  }

  /** The position of joint {@code j} (rad). */
  double position(int j) {
    return world.position(j);
  }

  /** The velocity of joint {@code j} (rad/s). */
  double velocity(int j) {
    return world.velocity(j);
  }
}
