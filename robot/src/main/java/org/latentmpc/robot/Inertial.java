package org.latentmpc.robot;

/**
 * Mass properties of a link (URDF {@code <inertial>}): {@code massKg}; the frame {@code origin} of
 * the centre of mass relative to the link frame; the inertia tensor about the centre of mass in
 * that frame (kg m^2).
 */
public record Inertial(
    double massKg,
    Pose origin,
    double ixx,
    double ixy,
    double ixz,
    double iyy,
    double iyz,
    double izz) {
  /** A massless inertial (a link without {@code <inertial>}). */
  public static final Inertial NONE = new Inertial(0, Pose.IDENTITY, 0, 0, 0, 0, 0, 0);
}
