package org.latentmpc.robot;

/**
 * URDF {@code <safety_controller>}: soft position limits (rad or m) inside the hard limits and the
 * gains of the ROS soft-limit law ({@code joint_limits_interface}'s effort soft limits): {@code
 * kPosition} (1/s) turns the distance to a soft limit into a velocity bound, {@code kVelocity} (N m
 * s/rad or N s/m) turns the velocity excess into an effort bound.
 */
public record SafetyController(
    double softLowerLimit, double softUpperLimit, double kPosition, double kVelocity) {

  /**
   * Clamps an effort command by the soft-limit law: the allowed velocity range is {@code
   * [-kPosition (q - softLower), -kPosition (q - softUpper)]} (within the velocity limit), and the
   * allowed effort range is {@code [-kVelocity (qd - vMin), -kVelocity (qd - vMax)]} (within the
   * effort limit). Near a soft limit this brakes the joint before it reaches the hard limit.
   *
   * @param effort the commanded effort (N m or N)
   * @param position the joint position (rad or m)
   * @param velocity the joint velocity (rad/s or m/s)
   * @param limits the joint's hard limits (velocity and effort bounds)
   * @return the clamped effort
   */
  public double clampEffort(double effort, double position, double velocity, JointLimits limits) {
    double vMax = limits.velocity();
    double vLow = clamp(-kPosition * (position - softLowerLimit), -vMax, vMax);
    double vHigh = clamp(-kPosition * (position - softUpperLimit), -vMax, vMax);
    double eMax = limits.effort();
    double eLow = clamp(-kVelocity * (velocity - vLow), -eMax, eMax);
    double eHigh = clamp(-kVelocity * (velocity - vHigh), -eMax, eMax);
    return clamp(effort, eLow, eHigh);
  }

  private static double clamp(double x, double lo, double hi) {
    return x < lo ? lo : (x > hi ? hi : x);
  }
}
