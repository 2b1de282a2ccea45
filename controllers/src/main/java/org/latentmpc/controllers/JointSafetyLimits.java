package org.latentmpc.controllers;

import java.util.Map;
import org.latentmpc.robot.Joint;
import org.latentmpc.robot.JointLimits;
import org.latentmpc.robot.SafetyController;

/**
 * The safety limits of one joint, as ROS's joint_limits_interface knows them: hard position,
 * velocity, acceleration and effort limits (from the URDF {@code <limit>}, tightened by YAML
 * overrides) and soft limits (URDF {@code <safety_controller>} or YAML) with the ROS soft-limit
 * law. Positions in rad (m for prismatic joints), velocities rad/s, accelerations rad/s^2, efforts
 * N m. An infinite bound means unlimited. Methods do not allocate.
 *
 * @param name joint name
 * @param lowerRad hard lower position limit
 * @param upperRad hard upper position limit
 * @param maxVelocity velocity limit (> 0)
 * @param maxAcceleration acceleration limit (> 0; infinite when not given)
 * @param maxEffort effort limit (> 0)
 * @param hasSoftLimits whether the soft limits below apply
 * @param softLowerRad soft lower position limit (inside the hard range)
 * @param softUpperRad soft upper position limit
 * @param kPosition soft-limit position gain (1/s)
 * @param kVelocity soft-limit velocity gain (N m s/rad)
 */
public record JointSafetyLimits(
    String name,
    double lowerRad,
    double upperRad,
    double maxVelocity,
    double maxAcceleration,
    double maxEffort,
    boolean hasSoftLimits,
    double softLowerRad,
    double softUpperRad,
    double kPosition,
    double kVelocity) {

  /** Validates the limits. */
  public JointSafetyLimits {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("joint limits need a joint name");
    }
    if (Double.isNaN(lowerRad) || Double.isNaN(upperRad) || lowerRad > upperRad) {
      throw new IllegalArgumentException(
          name
              + ": position limits must satisfy lower <= upper, got "
              + lowerRad
              + ", "
              + upperRad);
    }
    positive(name, "max_velocity", maxVelocity);
    positive(name, "max_acceleration", maxAcceleration);
    positive(name, "max_effort", maxEffort);
    if (hasSoftLimits) {
      if (!(softLowerRad >= lowerRad && softUpperRad <= upperRad && softLowerRad <= softUpperRad)) {
        throw new IllegalArgumentException(
            name
                + ": soft limits ["
                + softLowerRad
                + ", "
                + softUpperRad
                + "] must lie inside the hard limits ["
                + lowerRad
                + ", "
                + upperRad
                + "]");
      }
      if (!(kPosition >= 0) || !(kVelocity >= 0)) {
        throw new IllegalArgumentException(name + ": k_position and k_velocity must be >= 0");
      }
    }
  }

  private static void positive(String joint, String what, double v) {
    if (!(v > 0)) {
      throw new IllegalArgumentException(joint + ": " + what + " must be > 0, got " + v);
    }
  }

  /** The limits a URDF joint declares ({@code <limit>} and {@code <safety_controller>}). */
  public static JointSafetyLimits fromUrdf(Joint joint) {
    JointLimits l = joint.limits() == null ? JointLimits.UNLIMITED : joint.limits();
    double lower = l.hasPositionLimits() ? l.lower() : Double.NEGATIVE_INFINITY;
    double upper = l.hasPositionLimits() ? l.upper() : Double.POSITIVE_INFINITY;
    double velocity = l.velocity() > 0 ? l.velocity() : Double.POSITIVE_INFINITY;
    double effort = l.effort() > 0 ? l.effort() : Double.POSITIVE_INFINITY;
    SafetyController sc = joint.safetyController();
    if (sc != null) {
      return new JointSafetyLimits(
          joint.name(),
          lower,
          upper,
          velocity,
          Double.POSITIVE_INFINITY,
          effort,
          true,
          Math.max(lower, sc.softLowerLimit()),
          Math.min(upper, sc.softUpperLimit()),
          sc.kPosition(),
          sc.kVelocity());
    }
    return new JointSafetyLimits(
        joint.name(),
        lower,
        upper,
        velocity,
        Double.POSITIVE_INFINITY,
        effort,
        false,
        lower,
        upper,
        0,
        0);
  }

  /**
   * These limits with YAML overrides in the ros joint_limits layout: {@code min_position,
   * max_position, max_velocity, max_acceleration, max_effort} (each honoured when its {@code
   * has_..._limits} flag is absent or true) and {@code soft_lower_limit, soft_upper_limit,
   * k_position, k_velocity}. Overrides may only tighten the hard limits: a controller must never
   * allow more than the robot description.
   *
   * @throws IllegalArgumentException naming the joint and key for a non-numeric value or a limit
   *     looser than the URDF's
   */
  public JointSafetyLimits withOverrides(Map<String, ?> o) {
    double lo = tighten(o, "min_position", "has_position_limits", lowerRad, true);
    double hi = tighten(o, "max_position", "has_position_limits", upperRad, false);
    double v = tighten(o, "max_velocity", "has_velocity_limits", maxVelocity, false);
    double a = tighten(o, "max_acceleration", "has_acceleration_limits", maxAcceleration, false);
    double e = tighten(o, "max_effort", "has_effort_limits", maxEffort, false);
    boolean soft =
        hasSoftLimits || o.containsKey("soft_lower_limit") || o.containsKey("soft_upper_limit");
    double sl = number(o, "soft_lower_limit", hasSoftLimits ? softLowerRad : lo);
    double su = number(o, "soft_upper_limit", hasSoftLimits ? softUpperRad : hi);
    double kp = number(o, "k_position", kPosition);
    double kv = number(o, "k_velocity", kVelocity);
    return new JointSafetyLimits(
        name, lo, hi, v, a, e, soft, Math.max(lo, sl), Math.min(hi, su), kp, kv);
  }

  private double tighten(
      Map<String, ?> o, String key, String flag, double urdf, boolean isLowerBound) {
    if (!o.containsKey(key)) {
      return urdf;
    }
    Object f = o.get(flag);
    if (f != null && !Boolean.TRUE.equals(f)) {
      if (!(f instanceof Boolean)) {
        throw new IllegalArgumentException(name + ": " + flag + " must be a boolean, got " + f);
      }
      return urdf;
    }
    double v = number(o, key, urdf);
    boolean looser = isLowerBound ? v < urdf : v > urdf;
    if (looser) {
      throw new IllegalArgumentException(
          name + ": " + key + " = " + v + " is looser than the robot description's " + urdf);
    }
    return v;
  }

  private double number(Map<String, ?> o, String key, double fallback) {
    Object v = o.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Number)) {
      throw new IllegalArgumentException(name + ": " + key + " must be a number, got '" + v + "'");
    }
    double d = ((Number) v).doubleValue();
    if (Double.isNaN(d)) {
      throw new IllegalArgumentException(name + ": " + key + " must not be NaN");
    }
    return d;
  }

  /** True when {@code positionRad} lies within the hard limits. */
  public boolean positionAllowed(double positionRad) {
    return positionRad >= lowerRad && positionRad <= upperRad;
  }

  /** {@code positionRad} clamped into the soft range (the hard range without soft limits). */
  public double clampToSoft(double positionRad) {
    double lo = hasSoftLimits ? softLowerRad : lowerRad;
    double hi = hasSoftLimits ? softUpperRad : upperRad;
    return Math.max(lo, Math.min(hi, positionRad));
  }

  /**
   * The lowest velocity allowed at {@code positionRad}: {@code -maxVelocity}, raised near the soft
   * lower limit by the soft-limit law {@code -kPosition (q - softLower)}.
   */
  public double lowerVelocity(double positionRad) {
    if (!hasSoftLimits) {
      return -maxVelocity;
    }
    return clamp(-kPosition * (positionRad - softLowerRad), -maxVelocity, maxVelocity);
  }

  /** The highest velocity allowed at {@code positionRad} (mirror of {@link #lowerVelocity}). */
  public double upperVelocity(double positionRad) {
    if (!hasSoftLimits) {
      return maxVelocity;
    }
    return clamp(-kPosition * (positionRad - softUpperRad), -maxVelocity, maxVelocity);
  }

  /**
   * The lowest effort allowed at position {@code q} and velocity {@code qd}: with soft limits the
   * ROS law {@code clamp(-kVelocity (qd - lowerVelocity(q)), -maxEffort, maxEffort)}, else {@code
   * -maxEffort}.
   */
  public double lowerEffort(double q, double qd) {
    if (!hasSoftLimits || Double.isInfinite(maxVelocity)) {
      return -maxEffort;
    }
    return clamp(-kVelocity * (qd - lowerVelocity(q)), -maxEffort, maxEffort);
  }

  /** The highest effort allowed at {@code q}, {@code qd} (mirror of {@link #lowerEffort}). */
  public double upperEffort(double q, double qd) {
    if (!hasSoftLimits || Double.isInfinite(maxVelocity)) {
      return maxEffort;
    }
    return clamp(-kVelocity * (qd - upperVelocity(q)), -maxEffort, maxEffort);
  }

  /** {@code effort} clamped into {@code [lowerEffort(q, qd), upperEffort(q, qd)]}. */
  public double clampEffort(double effort, double q, double qd) {
    return clamp(effort, lowerEffort(q, qd), upperEffort(q, qd));
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
