package org.latentmpc.robot;

/** The URDF joint types this model supports. */
public enum JointType {
  /** Rotation about the axis, limited by lower/upper. */
  REVOLUTE,
  /** Unlimited rotation about the axis. */
  CONTINUOUS,
  /** Translation along the axis. */
  PRISMATIC,
  /** No motion. */
  FIXED;

  /** True for joints with one degree of freedom. */
  public boolean isMoving() {
    return this != FIXED;
  }

  /** The URDF spelling of this type. */
  public String urdfName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
