package org.latentmpc.planner;

/**
 * Distance to the goal in the world model's state readout (see {@link
 * LatentDynamics#stateReadout}): {@code weight * (terminalWeight * |W (z_H - g)| + runningWeight *
 * sum over steps 1..H-1 of |W (z_k - g)|)} with the Euclidean norm. For a model trained with an
 * end-effector state probe this measures how far the end effector the predicted latent encodes is
 * from the one the goal image encodes (in standardised units), which the plain latent distance
 * weighs as little as any other image feature. No allocation per call.
 */
public final class StateReadoutCost implements PlanCost {
  private final float[] readout;
  private final int rows;
  private final int latentDim;
  private final double weight;
  private final double terminalWeight;
  private final double runningWeight;
  private final double[] goalReadout;

  /**
   * @param readout row-major {@code [K][D]} readout matrix (K >= 1)
   * @param latentDim D
   * @param weight overall weight of the term
   * @param terminalWeight weight of the last predicted step
   * @param runningWeight weight of each earlier step
   * @throws IllegalArgumentException when the matrix does not fit D or a weight is invalid
   */
  public StateReadoutCost(
      float[] readout, int latentDim, double weight, double terminalWeight, double runningWeight) {
    if (readout == null
        || latentDim <= 0
        || readout.length == 0
        || readout.length % latentDim != 0) {
      throw new IllegalArgumentException(
          "state readout: a [K][D] matrix with D = "
              + latentDim
              + " is needed, got "
              + (readout == null ? "none" : readout.length + " entries"));
    }
    CostWeights.check("stateReadoutWeight", weight);
    CostWeights.check("terminalWeight", terminalWeight);
    CostWeights.check("runningWeight", runningWeight);
    this.readout = readout.clone();
    this.rows = readout.length / latentDim;
    this.latentDim = latentDim;
    this.weight = weight;
    this.terminalWeight = terminalWeight;
    this.runningWeight = runningWeight;
    this.goalReadout = new double[rows];
  }

  /** Rows K of the readout. */
  public int rows() {
    return rows;
  }

  @Override
  public void addCosts(CostBatch b, double[] costs) {
    if (b.latentDim() != latentDim) {
      throw new IllegalArgumentException(
          "state readout is for latents of " + latentDim + ", the batch has " + b.latentDim());
    }
    float[] g = b.goal();
    for (int r = 0; r < rows; r++) {
      goalReadout[r] = dot(r, g, 0);
    }
    int n = b.samples();
    int h = b.horizon();
    float[] z = b.latents();
    for (int i = 0; i < n; i++) {
      double total = 0;
      for (int k = 0; k < h; k++) {
        double w = k == h - 1 ? terminalWeight : runningWeight;
        if (w == 0) {
          continue;
        }
        int offset = (i * h + k) * latentDim;
        double s = 0;
        for (int r = 0; r < rows; r++) {
          double e = dot(r, z, offset) - goalReadout[r];
          s += e * e;
        }
        total += w * Math.sqrt(s);
      }
      costs[i] += weight * total;
    }
  }

  private double dot(int row, float[] z, int offset) {
    int base = row * latentDim;
    double s = 0;
    for (int j = 0; j < latentDim; j++) {
      s += readout[base + j] * z[offset + j];
    }
    return s;
  }
}
