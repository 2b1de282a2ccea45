package org.latentmpc.robot;

/** A collision shape of a link: its pose in the link frame and the geometry. */
public record Collision(Pose origin, Geometry geometry) {}
