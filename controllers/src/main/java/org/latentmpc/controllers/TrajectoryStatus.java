package org.latentmpc.controllers;

/** The outcome of the last trajectory (the follow_joint_trajectory result, without the action). */
public enum TrajectoryStatus {
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
  /** An empty trajectory, watchdog or e-stop stopped the motion. */
  STOPPED
}
