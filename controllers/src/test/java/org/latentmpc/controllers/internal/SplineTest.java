package org.latentmpc.controllers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SplineTest {
  private static final double CLOSE = 1e-4;
  private static final double EPS_T = 1e-7;

  @Test
  void boundaryConditionsAreExactForEveryOrder() {
    Random rnd = new Random(42);
    double[] out = new double[3];
    for (int order : new int[] {Spline.LINEAR, Spline.CUBIC, Spline.QUINTIC}) {
      for (int trial = 0; trial < 100; trial++) {
        double p0 = rnd.nextGaussian();
        double v0 = rnd.nextGaussian();
        double a0 = rnd.nextGaussian();
        double p1 = rnd.nextGaussian();
        double v1 = rnd.nextGaussian();
        double a1 = rnd.nextGaussian();
        double dur = 0.5 + rnd.nextDouble();
        Spline.sample(order, p0, v0, a0, p1, v1, a1, dur, 0, out, 0);
        assertEquals(p0, out[0], 0.0);
        if (order != Spline.LINEAR) {
          assertEquals(v0, out[1], 0.0);
        }
        if (order == Spline.QUINTIC) {
          assertEquals(a0, out[2], 0.0);
        }
        Spline.sample(order, p0, v0, a0, p1, v1, a1, dur, dur, out, 0);
        assertEquals(p1, out[0], 0.0);
        if (order != Spline.LINEAR) {
          assertEquals(v1, out[1], 0.0);
        }
        if (order == Spline.QUINTIC) {
          assertEquals(a1, out[2], 0.0);
        }
        // The polynomial itself meets the same conditions (continuity into the exact ends).
        Spline.sample(order, p0, v0, a0, p1, v1, a1, dur, EPS_T, out, 0);
        assertEquals(p0, out[0], CLOSE);
        Spline.sample(order, p0, v0, a0, p1, v1, a1, dur, dur - EPS_T, out, 0);
        assertEquals(p1, out[0], CLOSE);
        if (order != Spline.LINEAR) {
          assertEquals(v1, out[1], 1e-4);
        }
        if (order == Spline.QUINTIC) {
          assertEquals(a1, out[2], 1e-2);
        }
      }
    }
  }

  @Test
  void restToRestMidpointsMatchTheTextbook() {
    double[] out = new double[3];
    // Cubic rest-to-rest: peak velocity 1.5 (p1 - p0) / T at T/2; quintic: 15/8 (p1 - p0) / T.
    Spline.sample(Spline.CUBIC, 0, 0, 0, 2, 0, 0, 4, 2, out, 0);
    assertEquals(1.0, out[0], 1e-12);
    assertEquals(1.5 * 2 / 4, out[1], 1e-12);
    assertEquals(0, out[2], 1e-12);
    Spline.sample(Spline.QUINTIC, 0, 0, 0, 2, 0, 0, 4, 2, out, 0);
    assertEquals(1.0, out[0], 1e-12);
    assertEquals(15.0 / 8 * 2 / 4, out[1], 1e-12);
    assertEquals(0, out[2], 1e-12);
    Spline.sample(Spline.LINEAR, 1, 0, 0, 3, 0, 0, 4, 1, out, 0);
    assertEquals(1.5, out[0], 1e-12);
    assertEquals(0.5, out[1], 1e-12);
  }

  @Test
  void velocityIsTheDerivativeOfPosition() {
    double[] a = new double[3];
    double[] b = new double[3];
    double h = 1e-6;
    for (int order : new int[] {Spline.CUBIC, Spline.QUINTIC}) {
      for (double t = 0.05; t < 1; t += 0.1) {
        Spline.sample(order, 0.3, -1, 2, 1.2, 0.5, -1, 1.0, t, a, 0);
        Spline.sample(order, 0.3, -1, 2, 1.2, 0.5, -1, 1.0, t + h, b, 0);
        assertEquals((b[0] - a[0]) / h, a[1], 1e-4);
        assertEquals((b[1] - a[1]) / h, a[2], 1e-3);
      }
    }
  }
}
