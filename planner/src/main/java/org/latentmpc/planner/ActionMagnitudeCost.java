package org.latentmpc.planner;

/** Action magnitude: {@code weight * sum over steps and dimensions of a^2}. */
public final class ActionMagnitudeCost implements PlanCost {
  private final double weight;

  /** A magnitude cost with a finite non-negative weight. */
  public ActionMagnitudeCost(double weight) {
    CostWeights.check("action weight", weight);
    this.weight = weight;
  }

  @Override
  public void addCosts(CostBatch b, double[] costs) {
    int len = b.horizon() * b.actionDim();
    float[] a = b.actions();
    for (int i = 0; i < b.samples(); i++) {
      double s = 0;
      int base = i * len;
      for (int j = 0; j < len; j++) {
        double v = a[base + j];
        s += v * v;
      }
      costs[i] += weight * s;
    }
  }
}
