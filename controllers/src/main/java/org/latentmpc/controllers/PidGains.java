package org.latentmpc.controllers;

/**
 * Gains of one PID loop, in the ros_controllers layout ({@code p, i, d, i_clamp_min, i_clamp_max,
 * antiwindup}) plus the time constant of the derivative filter.
 *
 * <p>Units follow the loop: for a position loop to effort, {@code p} is N m/rad, {@code i} N m/(rad
 * s), {@code d} N m s/rad and the integral clamps are N m (they bound the integral term's
 * contribution {@code i * integral(e dt)}, as in control_toolbox).
 *
 * @param p proportional gain
 * @param i integral gain
 * @param d derivative gain (acts on the measurement's rate, not the error's, so setpoint steps do
 *     not kick)
 * @param iClampMin lower bound of the integral term (<= 0)
 * @param iClampMax upper bound of the integral term (>= 0)
 * @param antiWindup when true the integral also stops growing while the output is saturated in the
 *     direction of the error (conditional integration)
 * @param derivativeFilterTimeConstantS time constant (s) of the first-order low-pass filter on the
 *     derivative; 0 disables the filter
 */
public record PidGains(
    double p,
    double i,
    double d,
    double iClampMin,
    double iClampMax,
    boolean antiWindup,
    double derivativeFilterTimeConstantS) {

  /** Validates the gains. */
  public PidGains {
    check("p", p);
    check("i", i);
    check("d", d);
    check("derivative filter time constant", derivativeFilterTimeConstantS);
    if (Double.isNaN(iClampMin) || iClampMin > 0) {
      throw new IllegalArgumentException("i_clamp_min must be <= 0, got " + iClampMin);
    }
    if (Double.isNaN(iClampMax) || iClampMax < 0) {
      throw new IllegalArgumentException("i_clamp_max must be >= 0, got " + iClampMax);
    }
  }

  private static void check(String name, double v) {
    if (!Double.isFinite(v) || v < 0) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
    }
  }

  /**
   * PID gains with a symmetric integral clamp {@code [-iClamp, iClamp]}, anti-windup on, no filter.
   */
  public static PidGains of(double p, double i, double d, double iClamp) {
    return new PidGains(p, i, d, -Math.abs(iClamp), Math.abs(iClamp), true, 0);
  }

  /** A copy with another derivative filter time constant (s). */
  public PidGains withDerivativeFilter(double timeConstantS) {
    return new PidGains(p, i, d, iClampMin, iClampMax, antiWindup, timeConstantS);
  }
}
