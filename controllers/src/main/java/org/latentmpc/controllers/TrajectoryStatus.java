package org.latentmpc.controllers;

/**
 * The outcome of a trajectory: of the last one ({@link JointController#trajectoryStatus()}) or of
 * one particular trajectory ({@link TrajectoryExecution#status()}, which the
 * follow_joint_trajectory action reports).
 */
public enum TrajectoryStatus {
  /** Handed to the controller, not yet taken up by the control loop (per trajectory only). */
  PENDING,
  /** No trajectory has been received. */
  IDLE,
  /** A trajectory is being followed. */
  EXECUTING,
  /** The goal was reached within the goal tolerances. */
  SUCCEEDED,
  /** The tracking error exceeded a path tolerance: the controller stopped and holds. */
  ABORTED_PATH_TOLERANCE,
  /** The goal was not reached within goal_time after the last point: the controller holds. */
  ABORTED_GOAL_TOLERANCE,
  /** An empty trajectory, watchdog or e-stop stopped the motion (per trajectory: the e-stop). */
  STOPPED,
  /**
   * Replaced by another command (a newer trajectory, an empty one, or a position, velocity or
   * effort command) before it finished (per trajectory only).
   */
  PREEMPTED,
  /** Every point lay in the past when the loop took it up: never executed (per trajectory only). */
  DROPPED;

  /** True once the outcome can no longer change. */
  public boolean isFinal() {
    return this != PENDING && this != EXECUTING && this != IDLE;
  }
}
