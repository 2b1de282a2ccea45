package org.latentmpc.robot;

/**
 * URDF {@code <safety_controller>}: soft position limits (rad or m) inside the hard limits and the
 * gains {@code kPosition} (1/s) and {@code kVelocity} (N m s/rad or N s/m) of the ROS soft-limit
 * law: the allowed velocity range is {@code -kPosition * (q - softLower)} ...; the allowed effort
 * range is {@code -kVelocity * (qd - vBound)}.
 */
public record SafetyController(
    double softLowerLimit, double softUpperLimit, double kPosition, double kVelocity) {}
