package org.latentmpc.controllers;

import java.util.List;
import org.latentmpc.controllers.internal.ControllerCore;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectory;

/**
 * Group position, velocity and effort control and joint trajectory following for one set of joints,
 * behind the safety layer: limits, soft limits, rate limiting of position targets, a command
 * watchdog and an emergency-stop latch.
 *
 * <p>Threading: the {@code command...}, {@link #emergencyStop}, {@link #resetEmergencyStop} and
 * {@link #setPositionGains} methods may be called from any thread (subscriber callbacks); they
 * validate on the caller's thread and hand the result to the loop. {@link #update} and the getters
 * belong to the control-loop thread. {@link #update} allocates nothing. Time is always passed in
 * (sim or wall nanoseconds); the controller never reads a clock.
 *
 * <p>A valid command of another kind switches the mode, starting from the current desired state
 * (bumpless). Watchdog: when no command arrives for {@link ControllerSettings#watchdogTimeoutS()},
 * position control holds its current setpoint, velocity control ramps to zero and effort control
 * holds the measured position; a running trajectory is not interrupted (it carries its own timing,
 * and holds its last point when it ends).
 */
public interface JointController {
  /** A controller for {@code settings.joints()} of {@code model}. */
  static JointController create(RobotModel model, ControllerSettings settings) {
    return new ControllerCore(model, settings);
  }

  /** The settings. */
  ControllerSettings settings();

  /** The joints, in the order of every array. */
  List<String> jointNames();

  /**
   * Commands positions (rad): accepted only with one finite value per joint inside the hard limits;
   * targets are then clamped into the soft limits and approached no faster than the velocity (and
   * acceleration) limits allow.
   *
   * @throws CommandRejectedException otherwise (nothing changes)
   */
  void commandPositions(double[] positionsRad);

  /**
   * Commands velocities (rad/s), each finite and within the velocity limit.
   *
   * @throws CommandRejectedException otherwise (nothing changes)
   */
  void commandVelocities(double[] velocitiesRadPerS);

  /**
   * Commands efforts (N m), each finite and within the effort limit.
   *
   * @throws CommandRejectedException otherwise (nothing changes)
   */
  void commandEfforts(double[] effortsNm);

  /**
   * Commands a trajectory (stamp 0 = now; points in the past dropped; spliced into the motion); an
   * empty trajectory stops and holds.
   *
   * @throws CommandRejectedException if it names other joints, has malformed points, or leaves the
   *     position or velocity limits (nothing changes)
   */
  void commandTrajectory(JointTrajectory trajectory);

  /**
   * Commands a trajectory as {@link #commandTrajectory(JointTrajectory)} does, checked against
   * {@code tolerances} instead of the settings' defaults, and returns a handle on this trajectory's
   * own outcome (the follow_joint_trajectory action tracks its goals with it).
   *
   * @param tolerances the tolerances, or null for {@link TrajectoryTolerances#defaults}
   * @throws CommandRejectedException as {@link #commandTrajectory(JointTrajectory)}, or when the
   *     tolerances are for another number of joints (nothing changes)
   */
  TrajectoryExecution commandTrajectory(
      JointTrajectory trajectory, TrajectoryTolerances tolerances);

  /**
   * Latches the emergency stop: every joint holds where it is until {@link #resetEmergencyStop}.
   */
  void emergencyStop();

  /**
   * Releases the latch; the controller then holds the measured position until the next command.
   *
   * @return false if no stop was latched
   */
  boolean resetEmergencyStop();

  /** True while the emergency stop is latched (requested or in effect). */
  boolean isEmergencyStopped();

  /** The position loop gains of joint {@code joint} (the latest set, applied or pending). */
  PidGains positionGains(String joint);

  /** Replaces the position loop gains of joint {@code joint} (applied at the next cycle). */
  void setPositionGains(String joint, PidGains gains);

  /**
   * Runs one control cycle at {@code nowNanos} with measured positions (rad) and velocities
   * (rad/s), writing the efforts (N m) to send in effort mode. The first call starts the controller
   * holding the measured position.
   */
  void update(long nowNanos, double[] positionRad, double[] velocityRadPerS, double[] effortOut);

  /** The current mode. */
  ControlMode mode();

  /** The outcome of the last trajectory. */
  TrajectoryStatus trajectoryStatus();

  /** Whether the watchdog has stopped the current command stream. */
  boolean watchdogTripped();

  /** Commands rejected since creation. */
  long rejectedCommandCount();

  /** Copies the desired positions (rad) of the last cycle into {@code out}. */
  void getDesiredPositions(double[] out);

  /** Copies the desired velocities (rad/s) of the last cycle into {@code out}. */
  void getDesiredVelocities(double[] out);

  /** Copies the desired accelerations (rad/s^2) of the last cycle into {@code out}. */
  void getDesiredAccelerations(double[] out);
}
