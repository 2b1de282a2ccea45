package org.latentmpc.planner;

/**
 * Latent distance to the goal: {@code terminalWeight * dist(z_H, goal) + runningWeight * sum over
 * steps 1..H-1 of dist(z_k, goal)}.
 */
public final class LatentGoalCost implements PlanCost {
  private final LatentNorm norm;
  private final double terminalWeight;
  private final double runningWeight;

  /** A goal cost; weights must be finite and non-negative. */
  public LatentGoalCost(LatentNorm norm, double terminalWeight, double runningWeight) {
    if (norm == null) {
      throw new IllegalArgumentException("latent goal cost: norm must be given");
    }
    CostWeights.check("terminalWeight", terminalWeight);
    CostWeights.check("runningWeight", runningWeight);
    this.norm = norm;
    this.terminalWeight = terminalWeight;
    this.runningWeight = runningWeight;
  }

  @Override
  public void addCosts(CostBatch b, double[] costs) {
    int n = b.samples();
    int h = b.horizon();
    int d = b.latentDim();
    float[] z = b.latents();
    float[] g = b.goal();
    for (int i = 0; i < n; i++) {
      double total = 0;
      for (int k = 0; k < h; k++) {
        double w = k == h - 1 ? terminalWeight : runningWeight;
        if (w == 0) {
          continue;
        }
        total += w * distance(z, (i * h + k) * d, g, d);
      }
      costs[i] += total;
    }
  }

  private double distance(float[] z, int offset, float[] g, int d) {
    double s = 0;
    switch (norm) {
      case L1:
        for (int j = 0; j < d; j++) {
          s += Math.abs(z[offset + j] - g[j]);
        }
        return s;
      case L2:
      case L2_SQUARED:
      default:
        for (int j = 0; j < d; j++) {
          double e = z[offset + j] - g[j];
          s += e * e;
        }
        return norm == LatentNorm.L2 ? Math.sqrt(s) : s;
    }
  }
}
