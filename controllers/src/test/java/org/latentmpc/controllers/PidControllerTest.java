package org.latentmpc.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PidControllerTest {
  private static final double EXACT = 1e-12;
  private static final double DT = 0.001;

  @Test
  void proportionalStepOnAnIntegratorMatchesTheClosedForm() {
    // Plant x' = u, Euler: x_{k+1} = x_k + dt p (1 - x_k)  =>  x_k = 1 - (1 - p dt)^k.
    double p = 50;
    PidController pid = PidController.create(PidGains.of(p, 0, 0, 0));
    double x = 0;
    for (int k = 1; k <= 200; k++) {
      x += DT * pid.calculate(x, 1.0, DT);
      assertEquals(1 - Math.pow(1 - p * DT, k), x, EXACT, "step " + k);
    }
  }

  @Test
  void proportionalIntegralOutputsMatchHandComputedValues() {
    PidController pid = PidController.create(PidGains.of(2, 1, 0, 100));
    // e = 1 every step: u_k = p + i * k * dt.
    assertEquals(2.1, pid.calculate(0, 1, 0.1), EXACT);
    assertEquals(2.2, pid.calculate(0, 1, 0.1), EXACT);
    assertEquals(2.3, pid.calculate(0, 1, 0.1), EXACT);
    assertEquals(0.3, pid.getIntegralTerm(), EXACT);
    pid.reset();
    assertEquals(2.1, pid.calculate(0, 1, 0.1), EXACT);
  }

  @Test
  void pidStepOnAFirstOrderPlantSettlesWithoutSteadyStateError() {
    // Plant x' = -x + u, with a constant disturbance d = -0.5: only the integral removes the
    // offset.
    PidController pid = PidController.create(PidGains.of(4, 8, 0, 10));
    double x = 0;
    for (int k = 0; k < 20_000; k++) {
      double u = pid.calculate(x, 1.0, DT);
      x += DT * (-x + u - 0.5);
    }
    assertEquals(1.0, x, 1e-6);
    assertEquals(1.5, pid.getIntegralTerm(), 1e-5); // the integral carries x + 0.5
  }

  @Test
  void integralTermIsClamped() {
    PidController pid = PidController.create(new PidGains(0, 10, 0, -0.25, 0.5, false, 0));
    for (int k = 0; k < 100; k++) {
      pid.calculate(0, 1, 0.1);
    }
    assertEquals(0.5, pid.getIntegralTerm(), EXACT);
    for (int k = 0; k < 100; k++) {
      pid.calculate(0, -1, 0.1);
    }
    assertEquals(-0.25, pid.getIntegralTerm(), EXACT);
  }

  @Test
  void antiWindupStopsIntegratingIntoASaturatedOutput() {
    PidController with = PidController.create(new PidGains(1, 5, 0, -100, 100, true, 0));
    PidController without = PidController.create(new PidGains(1, 5, 0, -100, 100, false, 0));
    with.setOutputLimits(-1, 1);
    without.setOutputLimits(-1, 1);
    for (int k = 0; k < 1000; k++) {
      assertEquals(1, with.calculate(0, 10, DT), EXACT);
      assertEquals(1, without.calculate(0, 10, DT), EXACT);
    }
    assertEquals(0, with.getIntegralTerm(), EXACT);
    assertEquals(50, without.getIntegralTerm(), 1e-9);
    // When the error reverses, the anti-windup loop responds at once; the wound-up one stays
    // saturated the wrong way.
    assertEquals(-1, with.calculate(0, -10, DT), EXACT);
    assertEquals(1, without.calculate(0, -10, DT), EXACT);
  }

  @Test
  void derivativeActsOnTheMeasurementSoSetpointStepsDoNotKick() {
    PidController pid = PidController.create(PidGains.of(0, 0, 1, 0));
    assertEquals(0, pid.calculate(0, 0, DT), EXACT);
    assertEquals(0, pid.calculate(0, 5, DT), EXACT); // setpoint jumps: no derivative kick
    // Measurement steps by 0.001 in one period: rate 1, output -d * rate.
    assertEquals(-1, pid.calculate(0.001, 5, DT), 1e-9);
  }

  @Test
  void derivativeFilterIsAFirstOrderLowPass() {
    double tau = 0.01;
    double alpha = DT / (tau + DT);
    PidController pid = PidController.create(PidGains.of(0, 0, 2, 0).withDerivativeFilter(tau));
    double[] m = {0, 0, 0.001, 0.001, 0.001};
    double[] expectedRate = new double[m.length];
    double y = 0;
    expectedRate[1] = 0; // first difference initialises the filter
    y = 1.0; // raw rate at step 2
    expectedRate[2] = 0 + alpha * (y - 0);
    expectedRate[3] = expectedRate[2] + alpha * (0 - expectedRate[2]);
    expectedRate[4] = expectedRate[3] + alpha * (0 - expectedRate[3]);
    assertEquals(0, pid.calculate(m[0], 0, DT), EXACT);
    for (int k = 1; k < m.length; k++) {
      assertEquals(-2 * expectedRate[k], pid.calculate(m[k], m[k], DT), 1e-9, "step " + k);
    }
  }

  @Test
  void rateFormUsesTheGivenRatesForTheDerivative() {
    PidController pid = PidController.create(PidGains.of(10, 0, 3, 0));
    // u = p (sp - m) + d (spRate - mRate) = 10 * 0.5 + 3 * (1 - 0.25)
    assertEquals(7.25, pid.calculate(0.5, 0.25, 1.0, 1.0, DT), EXACT);
  }

  @Test
  void atSetpointUsesTheTolerances() {
    PidController pid = PidController.create(PidGains.of(1, 0, 0, 0));
    assertFalse(pid.atSetpoint());
    pid.setTolerance(0.1, Double.POSITIVE_INFINITY);
    pid.calculate(0.95, 1, DT);
    assertTrue(pid.atSetpoint());
    pid.calculate(0.5, 1, DT);
    assertFalse(pid.atSetpoint());
  }

  @Test
  void runtimeGainChangeKeepsTheOutputContinuous() {
    PidController pid = PidController.create(PidGains.of(0, 2, 0, 100));
    for (int k = 0; k < 10; k++) {
      pid.calculate(0, 1, 0.1);
    }
    double before = pid.getIntegralTerm();
    pid.setGains(PidGains.of(0, 20, 0, 100));
    // The integral term (not the integral of e) is stored, so a new i does not jump the output.
    assertEquals(before + 20 * 0.1, pid.calculate(0, 1, 0.1), EXACT);
  }

  @Test
  void badInputIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> PidGains.of(Double.NaN, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> PidGains.of(-1, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new PidGains(1, 0, 0, 1, 1, true, 0));
    PidController pid = PidController.create(PidGains.of(1, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> pid.calculate(0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> pid.calculate(0, 1, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> pid.setOutputLimits(1, -1));
  }
}
