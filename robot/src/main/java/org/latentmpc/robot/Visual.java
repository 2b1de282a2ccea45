package org.latentmpc.robot;

/**
 * A visual shape of a link: its pose in the link frame, the geometry, and the material ({@code
 * null} when the URDF gives none or names an undefined material without a colour).
 */
public record Visual(Pose origin, Geometry geometry, Material material) {}
