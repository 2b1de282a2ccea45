package org.latentmpc.controllers.internal;

/**
 * One-dimensional polynomial segments between two knots, as ROS's joint_trajectory_controller
 * interpolates: linear when only positions are given, cubic (Hermite) with velocities, quintic with
 * velocities and accelerations. The boundary conditions are met exactly: at {@code t <= 0} the
 * start state is returned and at {@code t >= T} the end state, bit for bit. Results go to {@code
 * out[offset..offset+2]} as position, velocity, acceleration. No allocation.
 */
public final class Spline {
  /** Linear interpolation (velocity constant, acceleration zero inside the segment). */
  public static final int LINEAR = 1;

  /** Cubic interpolation (positions and velocities at both ends). */
  public static final int CUBIC = 3;

  /** Quintic interpolation (positions, velocities and accelerations at both ends). */
  public static final int QUINTIC = 5;

  private Spline() {}

  /**
   * Samples the segment from {@code (p0, v0, a0)} to {@code (p1, v1, a1)} of duration {@code T} s
   * at time {@code t} s after its start.
   *
   * @param order {@link #LINEAR}, {@link #CUBIC} or {@link #QUINTIC}
   */
  public static void sample(
      int order,
      double p0,
      double v0,
      double a0,
      double p1,
      double v1,
      double a1,
      double durationS,
      double t,
      double[] out,
      int offset) {
    if (t <= 0 && durationS > 0) {
      out[offset] = p0;
      out[offset + 1] = order == LINEAR ? (p1 - p0) / durationS : v0;
      out[offset + 2] =
          order == QUINTIC ? a0 : order == CUBIC ? cubicAcc0(p0, v0, p1, v1, durationS) : 0;
      return;
    }
    if (t >= durationS) {
      out[offset] = p1;
      if (order == LINEAR) {
        out[offset + 1] = durationS > 0 ? (p1 - p0) / durationS : 0;
        out[offset + 2] = 0;
      } else {
        out[offset + 1] = v1;
        out[offset + 2] =
            order == QUINTIC ? a1 : durationS > 0 ? cubicAcc1(p0, v0, p1, v1, durationS) : 0;
      }
      return;
    }
    double T = durationS;
    switch (order) {
      case LINEAR:
        {
          double v = (p1 - p0) / T;
          out[offset] = p0 + v * t;
          out[offset + 1] = v;
          out[offset + 2] = 0;
          return;
        }
      case CUBIC:
        {
          double c2 = (3 * (p1 - p0) - (2 * v0 + v1) * T) / (T * T);
          double c3 = (2 * (p0 - p1) + (v0 + v1) * T) / (T * T * T);
          out[offset] = p0 + t * (v0 + t * (c2 + t * c3));
          out[offset + 1] = v0 + t * (2 * c2 + 3 * c3 * t);
          out[offset + 2] = 2 * c2 + 6 * c3 * t;
          return;
        }
      case QUINTIC:
        {
          double T2 = T * T;
          double T3 = T2 * T;
          double c2 = a0 / 2;
          double c3 = (20 * (p1 - p0) - (8 * v1 + 12 * v0) * T - (3 * a0 - a1) * T2) / (2 * T3);
          double c4 =
              (30 * (p0 - p1) + (14 * v1 + 16 * v0) * T + (3 * a0 - 2 * a1) * T2) / (2 * T3 * T);
          double c5 = (12 * (p1 - p0) - 6 * (v1 + v0) * T - (a0 - a1) * T2) / (2 * T3 * T2);
          out[offset] = p0 + t * (v0 + t * (c2 + t * (c3 + t * (c4 + t * c5))));
          out[offset + 1] = v0 + t * (2 * c2 + t * (3 * c3 + t * (4 * c4 + t * 5 * c5)));
          out[offset + 2] = 2 * c2 + t * (6 * c3 + t * (12 * c4 + t * 20 * c5));
          return;
        }
      default:
        throw new IllegalArgumentException("spline order must be 1, 3 or 5: " + order);
    }
  }

  private static double cubicAcc0(double p0, double v0, double p1, double v1, double T) {
    return 2 * (3 * (p1 - p0) - (2 * v0 + v1) * T) / (T * T);
  }

  private static double cubicAcc1(double p0, double v0, double p1, double v1, double T) {
    double c2 = (3 * (p1 - p0) - (2 * v0 + v1) * T) / (T * T);
    double c3 = (2 * (p0 - p1) + (v0 + v1) * T) / (T * T * T);
    return 2 * c2 + 6 * c3 * T;
  }
}
