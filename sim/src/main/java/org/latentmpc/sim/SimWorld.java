package org.latentmpc.sim;

import org.latentmpc.robot.RobotModel;
import org.latentmpc.sim.internal.World;

/**
 * A fixed-step simulated robot. The state is the joint positions and velocities (dof order, see
 * {@link RobotModel#jointNames()}); the input is one effort command per moving joint, held until
 * replaced. Time is the step counter times the step: it only advances in {@link #step}. Stepping
 * allocates nothing. Not thread-safe: drive a world from one thread (or synchronise externally).
 *
 * <p>Each step applies, per joint: the commanded effort (clamped to the URDF effort limit when
 * saturation is on), viscous damping {@code -b qd}, smoothed Coulomb friction {@code -F
 * tanh(qd/vs)}, and, outside the position limits, a critically damped spring pushing back.
 */
public interface SimWorld {
  /** Creates a world at rest at the initial configuration (zeros clamped into the limits). */
  static SimWorld create(RobotModel model, WorldOptions options) {
    return new World(model, options);
  }

  /** The robot. */
  RobotModel model();

  /** The settings. */
  WorldOptions options();

  /** Number of moving joints. */
  int dof();

  /** Advances one fixed step. */
  void step();

  /** Advances {@code steps} fixed steps. */
  void step(int steps);

  /**
   * Sets the effort command (N m or N per joint, dof order), held until replaced.
   *
   * @throws IllegalArgumentException if the length is wrong or a value is not finite; the previous
   *     command then stays in force
   */
  void setEffortCommand(double[] effort);

  /** Copies the current effort command into {@code out}. */
  void getEffortCommand(double[] out);

  /** Copies the effort actually applied by the actuators (after saturation) into {@code out}. */
  void getAppliedEffort(double[] out);

  /** Copies the joint positions (rad or m) into {@code out}. */
  void getPositions(double[] out);

  /** Copies the joint velocities (rad/s or m/s) into {@code out}. */
  void getVelocities(double[] out);

  /** Copies the joint accelerations of the last step (rad/s^2 or m/s^2) into {@code out}. */
  void getAccelerations(double[] out);

  /** The position of joint {@code i}. */
  double position(int i);

  /** The velocity of joint {@code i}. */
  double velocity(int i);

  /**
   * Sets the joint positions (velocities unchanged).
   *
   * @throws IllegalArgumentException on a wrong length or a non-finite value (nothing changes)
   */
  void setPositions(double[] q);

  /**
   * Sets the joint velocities.
   *
   * @throws IllegalArgumentException on a wrong length or a non-finite value (nothing changes)
   */
  void setVelocities(double[] qd);

  /**
   * Sets the configuration that {@link #reset()} returns to.
   *
   * @throws IllegalArgumentException on a wrong length or a non-finite value (nothing changes)
   */
  void setInitialPositions(double[] q);

  /**
   * Returns to the initial configuration at rest with a zero effort command. The clock is not
   * rewound (simulation time stays monotonic for ROS clients).
   */
  void reset();

  /** Number of steps taken since creation. */
  long stepCount();

  /** Simulation time (s): {@code stepCount() * timeStepS()}. */
  double timeS();

  /** The fixed step (s). */
  double timeStepS();

  /** Kinetic plus gravitational potential energy (J), potential zero at the world origin. */
  double totalEnergyJ();
}
