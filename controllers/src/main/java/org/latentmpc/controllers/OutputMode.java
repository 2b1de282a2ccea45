package org.latentmpc.controllers;

/** Where the controller node sends its output. */
public enum OutputMode {
  /**
   * Efforts (N m) on one std_msgs/Float64MultiArray topic, default {@code /sim/effort_command}: the
   * simulator or a torque-controlled arm.
   */
  EFFORT,
  /**
   * The safety-filtered position or velocity targets to a physical arm driver's standard controller
   * topics (std_msgs/Float64MultiArray), which close the loop themselves.
   */
  FORWARD
}
