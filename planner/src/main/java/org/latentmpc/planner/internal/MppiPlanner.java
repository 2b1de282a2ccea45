package org.latentmpc.planner.internal;

import java.util.function.LongSupplier;
import org.latentmpc.planner.ActionBounds;
import org.latentmpc.planner.LatentDynamics;
import org.latentmpc.planner.MppiConfig;
import org.latentmpc.planner.PlanCost;

/**
 * Model-predictive path integral: sample 0 is the mean, the rest Gaussian perturbations of it
 * (clipped); the new mean is the softmin-weighted average {@code exp(-(c - cmin) / temperature)}.
 */
public final class MppiPlanner extends SamplingPlanner {
  private final MppiConfig config;
  private final double[] weights;

  /** An MPPI planner; {@code nanoTime} is the clock for the time budget. */
  public MppiPlanner(
      MppiConfig config,
      LatentDynamics dynamics,
      PlanCost cost,
      ActionBounds bounds,
      LongSupplier nanoTime) {
    super(
        config.samples(),
        config.horizon(),
        config.iterations(),
        config.seed(),
        config.timeBudgetNanos(),
        dynamics,
        cost,
        bounds,
        nanoTime);
    this.config = config;
    this.weights = new double[n];
  }

  @Override
  protected void beginPlan() {}

  @Override
  protected void sample(int iteration) {
    sampleMean(0);
    for (int i = 1; i < n; i++) {
      samplePerturbed(i, null, config.noiseStd());
    }
  }

  @Override
  protected void update(int iteration) {
    double cmin = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      cmin = Math.min(cmin, costs[i]);
    }
    if (!Double.isFinite(cmin)) {
      return;
    }
    double total = 0;
    double invT = 1.0 / config.temperature();
    for (int i = 0; i < n; i++) {
      double c = costs[i];
      double w = Double.isFinite(c) ? Math.exp(-(c - cmin) * invT) : 0;
      weights[i] = w;
      total += w;
    }
    for (int j = 0; j < seqLen; j++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        double w = weights[i];
        if (w != 0) {
          s += w * samples[i * seqLen + j];
        }
      }
      mean[j] = (float) (s / total);
    }
  }

  @Override
  protected void shiftState() {}

  @Override
  protected void resetState() {}
}
