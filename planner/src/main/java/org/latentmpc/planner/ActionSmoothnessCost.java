package org.latentmpc.planner;

/**
 * Smoothness: {@code weight * sum over k of |a_k - a_(k-1)|^2}, where a_(-1) is the previously
 * executed action (if known; otherwise the first step is not penalised).
 */
public final class ActionSmoothnessCost implements PlanCost {
  private final double weight;

  /** A smoothness cost with a finite non-negative weight. */
  public ActionSmoothnessCost(double weight) {
    CostWeights.check("smoothness weight", weight);
    this.weight = weight;
  }

  @Override
  public void addCosts(CostBatch b, double[] costs) {
    int h = b.horizon();
    int ad = b.actionDim();
    float[] a = b.actions();
    float[] prev = b.previousAction();
    boolean hasPrev = b.hasPreviousAction();
    for (int i = 0; i < b.samples(); i++) {
      int base = i * h * ad;
      double s = 0;
      if (hasPrev) {
        for (int j = 0; j < ad; j++) {
          double e = a[base + j] - prev[j];
          s += e * e;
        }
      }
      for (int k = 1; k < h; k++) {
        int cur = base + k * ad;
        for (int j = 0; j < ad; j++) {
          double e = a[cur + j] - a[cur - ad + j];
          s += e * e;
        }
      }
      costs[i] += weight * s;
    }
  }
}
