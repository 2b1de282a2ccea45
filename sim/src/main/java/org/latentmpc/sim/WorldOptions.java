package org.latentmpc.sim;

/**
 * Settings of a {@link SimWorld}. Immutable; use the {@code with...} methods to derive variants.
 *
 * @param timeStepS the fixed step (s), default 0.001
 * @param integrator the integration scheme, default semi-implicit Euler
 * @param gravityXMps2 gravity along world x (m/s^2)
 * @param gravityYMps2 gravity along world y (m/s^2)
 * @param gravityZMps2 gravity along world z (m/s^2), default -9.80665
 * @param jointDamping apply the URDF {@code <dynamics damping>} viscous damping
 * @param jointFriction apply the URDF {@code <dynamics friction>} as smoothed Coulomb friction
 * @param frictionSmoothingVelocity velocity scale (rad/s or m/s) of the friction's tanh smoothing;
 *     raised per joint where needed for the explicit step to stay stable
 * @param jointLimits enforce position limits with stiff spring-dampers
 * @param limitNaturalFrequencyRadPerS natural frequency of the limit springs (rad/s); stiffness is
 *     set per joint from its effective inertia at the initial configuration, critically damped
 * @param effortSaturation clamp commanded efforts to the URDF effort limits
 */
public record WorldOptions(
    double timeStepS,
    Integrator integrator,
    double gravityXMps2,
    double gravityYMps2,
    double gravityZMps2,
    boolean jointDamping,
    boolean jointFriction,
    double frictionSmoothingVelocity,
    boolean jointLimits,
    double limitNaturalFrequencyRadPerS,
    boolean effortSaturation) {

  /** Standard gravity (m/s^2). */
  public static final double STANDARD_GRAVITY = 9.80665;

  /** Validates the settings. */
  public WorldOptions {
    if (!(timeStepS > 0) || !Double.isFinite(timeStepS)) {
      throw new IllegalArgumentException("time step must be a positive number of seconds");
    }
    if (integrator == null) {
      throw new IllegalArgumentException("integrator must not be null");
    }
    if (!Double.isFinite(gravityXMps2)
        || !Double.isFinite(gravityYMps2)
        || !Double.isFinite(gravityZMps2)) {
      throw new IllegalArgumentException("gravity must be finite");
    }
    if (!(frictionSmoothingVelocity > 0)) {
      throw new IllegalArgumentException("friction smoothing velocity must be > 0");
    }
    if (!(limitNaturalFrequencyRadPerS > 0)) {
      throw new IllegalArgumentException("limit natural frequency must be > 0");
    }
  }

  /** The defaults: 1 ms, semi-implicit Euler, standard gravity along -z, everything enabled. */
  public static WorldOptions defaults() {
    return new WorldOptions(
        0.001,
        Integrator.SEMI_IMPLICIT_EULER,
        0,
        0,
        -STANDARD_GRAVITY,
        true,
        true,
        0.05,
        true,
        200,
        true);
  }

  /** A copy with another time step (s); the limit frequency is kept at 0.2 / dt. */
  public WorldOptions withTimeStep(double dtS) {
    return new WorldOptions(
        dtS,
        integrator,
        gravityXMps2,
        gravityYMps2,
        gravityZMps2,
        jointDamping,
        jointFriction,
        frictionSmoothingVelocity,
        jointLimits,
        0.2 / dtS,
        effortSaturation);
  }

  /** A copy with another integrator. */
  public WorldOptions withIntegrator(Integrator i) {
    return new WorldOptions(
        timeStepS,
        i,
        gravityXMps2,
        gravityYMps2,
        gravityZMps2,
        jointDamping,
        jointFriction,
        frictionSmoothingVelocity,
        jointLimits,
        limitNaturalFrequencyRadPerS,
        effortSaturation);
  }

  /** A copy with another gravity vector (m/s^2, world frame). */
  public WorldOptions withGravity(double gx, double gy, double gz) {
    return new WorldOptions(
        timeStepS,
        integrator,
        gx,
        gy,
        gz,
        jointDamping,
        jointFriction,
        frictionSmoothingVelocity,
        jointLimits,
        limitNaturalFrequencyRadPerS,
        effortSaturation);
  }

  /** A copy with damping, friction, limits and saturation switched on or off together. */
  public WorldOptions withJointEffects(
      boolean damping, boolean friction, boolean limits, boolean saturation) {
    return new WorldOptions(
        timeStepS,
        integrator,
        gravityXMps2,
        gravityYMps2,
        gravityZMps2,
        damping,
        friction,
        frictionSmoothingVelocity,
        limits,
        limitNaturalFrequencyRadPerS,
        saturation);
  }

  /** A frictionless, undamped, unlimited, unsaturated copy (for physics validation). */
  public WorldOptions conservative() {
    return withJointEffects(false, false, false, false);
  }
}
