package org.latentmpc.controllers;

import java.util.Locale;

/**
 * The command interface a controller namespace offers, as ros_controllers names them (the {@code
 * type} parameter: {@code position}, {@code velocity}, {@code effort}, {@code trajectory}).
 */
public enum ControllerType {
  /** JointGroupPositionController: std_msgs/Float64MultiArray positions (rad). */
  POSITION,
  /** JointGroupVelocityController: std_msgs/Float64MultiArray velocities (rad/s). */
  VELOCITY,
  /** JointGroupEffortController: std_msgs/Float64MultiArray efforts (N m). */
  EFFORT,
  /** JointTrajectoryController: trajectory_msgs/JointTrajectory. */
  TRAJECTORY;

  /**
   * Parses {@code position}, {@code velocity}, {@code effort} or {@code trajectory}; the ROS type
   * names ({@code position_controllers/JointTrajectoryController}, {@code
   * effort_controllers/JointGroupPositionController}, ...) are accepted too.
   *
   * @throws IllegalArgumentException naming the value otherwise
   */
  public static ControllerType parse(String s) {
    String v = s.toLowerCase(Locale.ROOT);
    if (v.contains("trajectory")) {
      return TRAJECTORY;
    }
    if (v.endsWith("jointgrouppositioncontroller") || v.equals("position")) {
      return POSITION;
    }
    if (v.endsWith("jointgroupvelocitycontroller") || v.equals("velocity")) {
      return VELOCITY;
    }
    if (v.endsWith("jointgroupeffortcontroller") || v.equals("effort")) {
      return EFFORT;
    }
    throw new IllegalArgumentException(
        "unknown controller type '" + s + "' (expected position, velocity, effort or trajectory)");
  }
}
