package org.latentmpc.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CEM and MPPI against known optima: a 1-D integrator with a quadratic cost (closed form), and a
 * 3-D linear latent system z' = A z + B a with a quadratic cost (least-squares optimum with EJML).
 */
class PlannerConvergenceTest {
  private static final double FIRST_ACTION_TOL = 0.015;
  private static final double RELATIVE_COST_GAP_TOL = 0.01;

  static Planner planner(String algo, LatentDynamics dyn, PlanCost cost, ActionBounds bounds) {
    long[] clock = {0};
    return "cem".equals(algo)
        ? Planners.cem(
            new CemConfig(
                512,
                64,
                30,
                dyn instanceof LinearDynamics l && l.d == 1 ? 5 : 6,
                0.5,
                1e-5,
                0.0,
                4,
                7,
                0),
            dyn,
            cost,
            bounds,
            () -> clock[0])
        : Planners.mppi(
            new MppiConfig(
                512, 40, dyn instanceof LinearDynamics l && l.d == 1 ? 5 : 6, 0.002, 0.1, 7, 0),
            dyn,
            cost,
            bounds,
            () -> clock[0]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cem", "mppi"})
  void integratorReachesGoalWithClosedFormActions(String algo) {
    // min (sum a - g)^2 + r * sum a^2 over H steps: every a equal to g / (H + r).
    double goal = 1.0;
    double r = 0.1;
    int horizon = 5;
    LinearDynamics dyn = LinearDynamics.integrator();
    PlanCost cost =
        new LatentGoalCost(LatentNorm.L2_SQUARED, 1.0, 0.0).plus(new ActionMagnitudeCost(r));
    Planner p = planner(algo, dyn, cost, ActionBounds.symmetric(1, 1f));
    PlanResult res = p.newResult();
    p.plan(new float[] {0f}, new float[] {(float) goal}, res);
    double optimum = goal / (horizon + r);
    assertEquals(optimum, res.firstAction()[0], FIRST_ACTION_TOL, algo + " first action");
    double optimalCost = Math.pow(horizon * optimum - goal, 2) + r * horizon * optimum * optimum;
    assertEquals(optimalCost, res.bestCost(), RELATIVE_COST_GAP_TOL * optimalCost, algo + " cost");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cem", "mppi"})
  void linearLatentSystemMatchesLeastSquaresOptimum(String algo) {
    int d = 3;
    int ad = 2;
    int horizon = 6;
    double[] matA = {0.95, 0.10, 0.0, -0.10, 0.95, 0.05, 0.0, 0.0, 0.9};
    double[] matB = {0.5, 0.0, 0.1, 0.4, 0.3, -0.2};
    double terminalW = 1.0;
    double runningW = 0.2;
    double r = 0.05;
    float[] z0 = {1.0f, -0.5f, 0.3f};
    float[] goal = {0.5f, 0.2f, -0.4f};
    LinearDynamics dyn = new LinearDynamics(d, ad, matA, matB, null, 0);
    PlanCost cost =
        new LatentGoalCost(LatentNorm.L2_SQUARED, terminalW, runningW)
            .plus(new ActionMagnitudeCost(r));

    // Least squares: z_k = f_k + G_k u, cost = sum_k w_k |G_k u + f_k - g|^2 + r |u|^2.
    SimpleMatrix a = new SimpleMatrix(d, d, true, matA);
    SimpleMatrix b = new SimpleMatrix(d, ad, true, matB);
    SimpleMatrix normal = SimpleMatrix.identity(horizon * ad).scale(r);
    SimpleMatrix rhs = new SimpleMatrix(horizon * ad, 1);
    SimpleMatrix g = new SimpleMatrix(d, 1, true, toDouble(goal));
    SimpleMatrix f = new SimpleMatrix(d, 1, true, toDouble(z0));
    SimpleMatrix bigG = new SimpleMatrix(d, horizon * ad);
    for (int k = 1; k <= horizon; k++) {
      // z_k = A z_(k-1) + B a_(k-1)
      f = a.mult(f);
      bigG = a.mult(bigG);
      bigG.insertIntoThis(0, (k - 1) * ad, b);
      double w = k == horizon ? terminalW : runningW;
      normal = normal.plus(bigG.transpose().mult(bigG).scale(w));
      rhs = rhs.plus(bigG.transpose().mult(g.minus(f)).scale(w));
    }
    SimpleMatrix u = normal.solve(rhs);
    double optimalCost = r * u.dot(u);
    f = new SimpleMatrix(d, 1, true, toDouble(z0));
    for (int k = 1; k <= horizon; k++) {
      SimpleMatrix ak = u.extractMatrix((k - 1) * ad, k * ad, 0, 1);
      f = a.mult(f).plus(b.mult(ak));
      SimpleMatrix e = f.minus(g);
      optimalCost += (k == horizon ? terminalW : runningW) * e.dot(e);
    }
    float bound = 5f;
    for (int i = 0; i < u.getNumRows(); i++) {
      assertTrue(Math.abs(u.get(i)) < bound, "the optimum lies inside the bounds");
    }

    Planner p = planner(algo, dyn, cost, ActionBounds.symmetric(ad, bound));
    PlanResult res = p.newResult();
    p.plan(z0, goal, res);
    for (int j = 0; j < ad; j++) {
      assertEquals(u.get(j), res.action(0, j), FIRST_ACTION_TOL, algo + " first action dim " + j);
    }
    assertTrue(
        res.bestCost() >= optimalCost - 1e-6, "no plan beats the optimum: " + res.bestCost());
    assertEquals(
        optimalCost, res.bestCost(), RELATIVE_COST_GAP_TOL * optimalCost, algo + " cost gap");
  }

  private static double[] toDouble(float[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }
}
