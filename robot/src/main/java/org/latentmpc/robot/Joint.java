package org.latentmpc.robot;

/**
 * A joint (URDF {@code <joint>}): the child link's frame is the parent's frame moved by {@code
 * origin} and then by the joint motion about/along the unit {@code axis} (in the joint frame).
 * {@code dampingCoefficient} is viscous damping (N m s/rad or N s/m), {@code friction} the Coulomb
 * friction effort (N m or N). {@code safetyController} is {@code null} when absent.
 */
public record Joint(
    String name,
    JointType type,
    String parent,
    String child,
    Pose origin,
    Vec3 axis,
    JointLimits limits,
    double dampingCoefficient,
    double friction,
    SafetyController safetyController) {}
