package org.latentmpc.planner.internal;

import java.util.Arrays;
import java.util.function.LongSupplier;
import org.latentmpc.planner.ActionBounds;
import org.latentmpc.planner.CemConfig;
import org.latentmpc.planner.LatentDynamics;
import org.latentmpc.planner.PlanCost;

/**
 * Cross-entropy method: sample 0 is the mean, the next are carried-over elites, the rest Gaussian
 * around the mean; the K cheapest refit mean and per-element std with momentum.
 */
public final class CemPlanner extends SamplingPlanner {
  private final CemConfig config;
  private final float[] std;
  private final int[] eliteIdx;
  private final float[] carried;
  private int carriedCount;

  /** A CEM planner; {@code nanoTime} is the clock for the time budget. */
  public CemPlanner(
      CemConfig config,
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
    this.std = new float[seqLen];
    this.eliteIdx = new int[config.elites()];
    this.carried = new float[config.eliteCarryOver() * seqLen];
  }

  @Override
  protected void beginPlan() {
    Arrays.fill(std, (float) config.initialStd());
  }

  @Override
  protected void sample(int iteration) {
    sampleMean(0);
    int next = 1;
    for (int c = 0; c < carriedCount && next < n; c++, next++) {
      System.arraycopy(carried, c * seqLen, samples, next * seqLen, seqLen);
    }
    for (int i = next; i < n; i++) {
      samplePerturbed(i, std, 0);
    }
  }

  @Override
  protected void update(int iteration) {
    int k = selectElites();
    double m = config.momentum();
    for (int j = 0; j < seqLen; j++) {
      double s = 0;
      for (int e = 0; e < k; e++) {
        s += samples[eliteIdx[e] * seqLen + j];
      }
      double mu = s / k;
      double v = 0;
      for (int e = 0; e < k; e++) {
        double dev = samples[eliteIdx[e] * seqLen + j] - mu;
        v += dev * dev;
      }
      double sd = Math.sqrt(v / k);
      mean[j] = (float) (m * mean[j] + (1 - m) * mu);
      std[j] = (float) Math.max(config.minStd(), m * std[j] + (1 - m) * sd);
    }
    carriedCount = Math.min(config.eliteCarryOver(), k);
    for (int c = 0; c < carriedCount; c++) {
      System.arraycopy(samples, eliteIdx[c] * seqLen, carried, c * seqLen, seqLen);
    }
  }

  /** Fills eliteIdx with the indices of the cheapest samples, cheapest first; returns the count. */
  private int selectElites() {
    int k = eliteIdx.length;
    int count = 0;
    for (int i = 0; i < n; i++) {
      double c = costs[i];
      if (count == k && !(c < costs[eliteIdx[k - 1]])) {
        continue;
      }
      int pos = count < k ? count++ : k - 1;
      while (pos > 0 && c < costs[eliteIdx[pos - 1]]) {
        eliteIdx[pos] = eliteIdx[pos - 1];
        pos--;
      }
      eliteIdx[pos] = i;
    }
    return count;
  }

  @Override
  protected void shiftState() {
    for (int c = 0; c < carriedCount; c++) {
      int base = c * seqLen;
      System.arraycopy(carried, base + a, carried, base, seqLen - a);
    }
  }

  @Override
  protected void resetState() {
    carriedCount = 0;
  }
}
