package org.latentmpc.robot;

/**
 * The limits of one joint (URDF {@code <limit>}). Positions in rad (revolute) or m (prismatic);
 * velocity in rad/s or m/s; effort in N m or N. A continuous joint has no position limits ({@code
 * hasPositionLimits() == false}, bounds infinite). An effort or velocity of {@code
 * Double.POSITIVE_INFINITY} means unlimited.
 */
public record JointLimits(
    double lower, double upper, double effort, double velocity, boolean hasPositionLimits) {
  /** No limits at all (continuous joint without a {@code <limit>} element). */
  public static final JointLimits UNLIMITED =
      new JointLimits(
          Double.NEGATIVE_INFINITY,
          Double.POSITIVE_INFINITY,
          Double.POSITIVE_INFINITY,
          Double.POSITIVE_INFINITY,
          false);

  /** Clamps {@code position} into [lower, upper]. */
  public double clampPosition(double position) {
    return Math.max(lower, Math.min(upper, position));
  }

  /** Clamps {@code effort} into [-effort, effort]. */
  public double clampEffort(double value) {
    return Math.max(-effort, Math.min(effort, value));
  }
}
