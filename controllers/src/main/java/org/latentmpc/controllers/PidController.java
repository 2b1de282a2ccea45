package org.latentmpc.controllers;

import org.latentmpc.controllers.internal.Pid;

/**
 * A PID controller in the style of WPILib's {@code PIDController}: {@link #calculate} once per
 * control period with the period passed in (the controller never reads a clock), {@link #reset}
 * when the loop restarts, {@link #atSetpoint} against tolerances. The derivative acts on the
 * measurement (through a first-order filter), the integral term is clamped and optionally stops on
 * output saturation. Allocation-free; not thread-safe.
 */
public interface PidController {
  /** A new controller with {@code gains} and an unbounded output. */
  static PidController create(PidGains gains) {
    return new Pid(gains);
  }

  /**
   * One step: the output for {@code setpoint} given {@code measurement}; the derivative is the
   * filtered finite difference of the measurement (zero on the first call after a reset).
   *
   * @param dtS the time since the previous call (s), > 0
   */
  double calculate(double measurement, double setpoint, double dtS);

  /**
   * One step with known rates: the derivative term is {@code d * (setpointRate - measurementRate)},
   * with the measurement rate filtered (use when a velocity measurement exists, e.g. joint encoder
   * velocities, and the setpoint moves with a known rate, e.g. a trajectory).
   */
  double calculate(
      double measurement, double measurementRate, double setpoint, double setpointRate, double dtS);

  /** Clears the integral, the filter and the previous measurement. */
  void reset();

  /** Replaces the gains (the integral term is re-clamped to the new bounds, not cleared). */
  void setGains(PidGains gains);

  /** The gains in use. */
  PidGains getGains();

  /** Bounds the output to {@code [min, max]} (used by anti-windup); infinite bounds by default. */
  void setOutputLimits(double min, double max);

  /** Sets the tolerances used by {@link #atSetpoint}. */
  void setTolerance(double errorTolerance, double errorRateTolerance);

  /**
   * True when the last error and error rate were within the tolerances (false before the first
   * call).
   */
  boolean atSetpoint();

  /** The last error (setpoint - measurement). */
  double getError();

  /** The current integral term (output units). */
  double getIntegralTerm();
}
