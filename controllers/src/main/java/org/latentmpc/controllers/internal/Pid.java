package org.latentmpc.controllers.internal;

import org.latentmpc.controllers.PidController;
import org.latentmpc.controllers.PidGains;

/**
 * The {@link PidController} implementation: parallel form {@code u = p e + I + D}, integral term
 * {@code I += i e dt} clamped to {@code [iClampMin, iClampMax]} (integrating {@code i e} rather
 * than {@code e} keeps the output continuous when {@code i} changes at run time), derivative on the
 * measurement through a first-order low-pass filter {@code y += dt / (tau + dt) (x - y)}.
 */
public final class Pid implements PidController {
  private PidGains gains;
  private double outputMin = Double.NEGATIVE_INFINITY;
  private double outputMax = Double.POSITIVE_INFINITY;
  private double errorTolerance = 0.05;
  private double errorRateTolerance = Double.POSITIVE_INFINITY;

  private double integralTerm;
  private double filteredRate;
  private boolean filterInitialised;
  private double previousMeasurement;
  private boolean hasPrevious;
  private double error;
  private double errorRate;
  private boolean hasOutput;

  /** A controller with {@code gains}. */
  public Pid(PidGains gains) {
    setGains(gains);
  }

  @Override
  public double calculate(double measurement, double setpoint, double dtS) {
    checkDt(dtS);
    double derivativeTerm = 0;
    double rate = 0;
    if (hasPrevious) {
      rate = filter((measurement - previousMeasurement) / dtS, dtS);
      derivativeTerm = -gains.d() * rate;
    }
    previousMeasurement = measurement;
    hasPrevious = true;
    return finish(setpoint - measurement, -rate, derivativeTerm, dtS);
  }

  @Override
  public double calculate(
      double measurement,
      double measurementRate,
      double setpoint,
      double setpointRate,
      double dtS) {
    checkDt(dtS);
    double rate = filter(measurementRate, dtS);
    previousMeasurement = measurement;
    hasPrevious = true;
    double errRate = setpointRate - rate;
    return finish(setpoint - measurement, errRate, gains.d() * errRate, dtS);
  }

  private double finish(double e, double eRate, double derivativeTerm, double dtS) {
    error = e;
    errorRate = eRate;
    hasOutput = true;
    double proportional = gains.p() * e;
    double previousIntegral = integralTerm;
    double candidate = clampIntegral(integralTerm + gains.i() * e * dtS);
    double out = proportional + candidate + derivativeTerm;
    if (gains.antiWindup() && ((out > outputMax && e > 0) || (out < outputMin && e < 0))) {
      // Conditional integration: do not grow the integral further into a saturated output.
      candidate = clampIntegral(previousIntegral);
      out = proportional + candidate + derivativeTerm;
    }
    integralTerm = candidate;
    return Math.max(outputMin, Math.min(outputMax, out));
  }

  private double filter(double rate, double dtS) {
    double tau = gains.derivativeFilterTimeConstantS();
    if (!filterInitialised || tau == 0) {
      filteredRate = rate;
      filterInitialised = true;
    } else {
      filteredRate += dtS / (tau + dtS) * (rate - filteredRate);
    }
    return filteredRate;
  }

  private double clampIntegral(double v) {
    return Math.max(gains.iClampMin(), Math.min(gains.iClampMax(), v));
  }

  private static void checkDt(double dtS) {
    if (!(dtS > 0) || !Double.isFinite(dtS)) {
      throw new IllegalArgumentException("PID period must be a positive number of seconds: " + dtS);
    }
  }

  @Override
  public void reset() {
    integralTerm = 0;
    filteredRate = 0;
    filterInitialised = false;
    hasPrevious = false;
    error = 0;
    errorRate = 0;
    hasOutput = false;
  }

  @Override
  public void setGains(PidGains newGains) {
    if (newGains == null) {
      throw new IllegalArgumentException("gains must not be null");
    }
    this.gains = newGains;
    integralTerm = clampIntegral(integralTerm);
  }

  @Override
  public PidGains getGains() {
    return gains;
  }

  @Override
  public void setOutputLimits(double min, double max) {
    if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
      throw new IllegalArgumentException(
          "output limits must satisfy min <= max: " + min + ", " + max);
    }
    outputMin = min;
    outputMax = max;
  }

  @Override
  public void setTolerance(double errorTol, double errorRateTol) {
    if (!(errorTol >= 0) || !(errorRateTol >= 0)) {
      throw new IllegalArgumentException("tolerances must be >= 0");
    }
    errorTolerance = errorTol;
    errorRateTolerance = errorRateTol;
  }

  @Override
  public boolean atSetpoint() {
    return hasOutput
        && Math.abs(error) <= errorTolerance
        && Math.abs(errorRate) <= errorRateTolerance;
  }

  @Override
  public double getError() {
    return error;
  }

  @Override
  public double getIntegralTerm() {
    return integralTerm;
  }
}
