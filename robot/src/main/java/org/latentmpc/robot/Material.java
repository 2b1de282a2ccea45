package org.latentmpc.robot;

/** A URDF material: a name and an RGBA colour with components in [0, 1]. */
public record Material(String name, double r, double g, double b, double a) {}
