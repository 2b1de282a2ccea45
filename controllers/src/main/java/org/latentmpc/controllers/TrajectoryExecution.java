package org.latentmpc.controllers;

/**
 * One trajectory handed to {@link JointController#commandTrajectory(
 * org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectory, TrajectoryTolerances)}: its own outcome,
 * which the control loop updates (readable from any thread).
 */
public interface TrajectoryExecution {
  /**
   * The outcome so far: {@link TrajectoryStatus#PENDING} until the loop takes the trajectory up,
   * then {@link TrajectoryStatus#EXECUTING}, then one final value ({@link
   * TrajectoryStatus#isFinal()}).
   */
  TrajectoryStatus status();

  /**
   * Why it ended when it did not succeed (which joint violated which tolerance by how much, the
   * e-stop, ...); empty otherwise.
   */
  String detail();
}
