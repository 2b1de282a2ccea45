package org.latentmpc.planner.internal;

import java.util.function.LongSupplier;
import org.latentmpc.planner.ActionBounds;
import org.latentmpc.planner.CostBatch;
import org.latentmpc.planner.LatentDynamics;
import org.latentmpc.planner.PlanCost;
import org.latentmpc.planner.PlanResult;
import org.latentmpc.planner.Planner;

/**
 * The loop shared by sampling planners: sample N sequences around a mean, roll them out in one
 * batch, cost them, keep the best sequence seen, refit; stop after the iterations or when the time
 * budget (on the injected clock) runs out; shift the result into the next warm start. All buffers
 * are allocated here, once.
 */
abstract class SamplingPlanner implements Planner {
  protected final int n;
  protected final int h;
  protected final int a;
  protected final int d;
  protected final int seqLen;
  protected final ActionBounds bounds;
  protected final GaussianSampler gauss;
  protected final float[] samples;
  protected final double[] costs;
  protected final float[] mean;
  private final int iterations;
  private final long budgetNanos;
  private final LatentDynamics dynamics;
  private final PlanCost cost;
  private final LongSupplier nanoTime;
  private final float[] latents;
  private final float[] best;
  private final float[] firstAction;
  private final CostBatch batch;

  /** The joint positions the dynamics roll out from, or null when they take none. */
  private final double[] jointsNow;

  private boolean previousOverridden;

  SamplingPlanner(
      int samples,
      int horizon,
      int iterations,
      long seed,
      long budgetNanos,
      LatentDynamics dynamics,
      PlanCost cost,
      ActionBounds bounds,
      LongSupplier nanoTime) {
    if (dynamics == null || cost == null || bounds == null || nanoTime == null) {
      throw new IllegalArgumentException("planner: dynamics, cost, bounds and clock must be given");
    }
    this.n = samples;
    this.h = horizon;
    this.a = dynamics.actionDim();
    this.d = dynamics.latentDim();
    if (a <= 0 || d <= 0) {
      throw new IllegalArgumentException(
          "planner: dynamics has actionDim " + a + " and latentDim " + d + "; both must be > 0");
    }
    if (bounds.dim() != a) {
      throw new IllegalArgumentException(
          "planner: action bounds have " + bounds.dim() + " dimensions, dynamics has " + a);
    }
    this.seqLen = h * a;
    this.iterations = iterations;
    this.budgetNanos = budgetNanos;
    this.dynamics = dynamics;
    this.cost = cost;
    this.bounds = bounds;
    this.nanoTime = nanoTime;
    this.gauss = new GaussianSampler(seed);
    this.samples = new float[n * seqLen];
    this.latents = new float[n * h * d];
    this.costs = new double[n];
    this.mean = new float[seqLen];
    this.best = new float[seqLen];
    this.firstAction = new float[a];
    this.batch = new CostBatch(h, a, d);
    int joints = dynamics.jointPositionInputs();
    if (joints > 0 && joints != a) {
      throw new IllegalArgumentException(
          "the dynamics take " + joints + " joint positions but " + a + " actions per step");
    }
    this.jointsNow = joints > 0 ? new double[joints] : null;
  }

  /** Called at the start of each plan (e.g. to reset the sampling spread). */
  protected abstract void beginPlan();

  /** Fills {@code samples} [N][H][A] for this iteration, clipped to the bounds. */
  protected abstract void sample(int iteration);

  /** Refits the sampling distribution from {@code samples} and {@code costs}. */
  protected abstract void update(int iteration);

  /** Shifts any per-planner state (besides the mean) into the next plan. */
  protected abstract void shiftState();

  /** Clears any per-planner state (besides the mean) on reset. */
  protected abstract void resetState();

  @Override
  public final void plan(float[] zNow, float[] zGoal, PlanResult out) {
    checkLatent("zNow", zNow);
    checkLatent("zGoal", zGoal);
    if (out == null || out.horizon() != h || out.actionDim() != a) {
      throw new IllegalArgumentException(
          "plan result must have horizon "
              + h
              + " and actionDim "
              + a
              + (out == null ? ", got null" : ", got " + out.horizon() + " x " + out.actionDim()));
    }
    if (jointsNow != null) {
      if (!batch.hasJointPositions()) {
        throw new IllegalStateException(
            "the dynamics roll out from the joint positions: call setJointPositions before plan");
      }
      float[] q = batch.jointPositions();
      for (int j = 0; j < jointsNow.length; j++) {
        jointsNow[j] = q[j];
      }
    }
    long start = nanoTime.getAsLong();
    beginPlan();
    double bestCost = Double.POSITIVE_INFINITY;
    for (int k = 0; k < seqLen; k++) {
      best[k] = bounds.clip(k % a, mean[k]);
    }
    int done = 0;
    boolean cut = false;
    for (int it = 0; it < iterations; it++) {
      if (it > 0 && budgetNanos > 0 && nanoTime.getAsLong() - start >= budgetNanos) {
        cut = true;
        break;
      }
      sample(it);
      if (jointsNow != null) {
        dynamics.rollout(zNow, jointsNow, samples, n, h, latents);
      } else {
        dynamics.rollout(zNow, samples, n, h, latents);
      }
      java.util.Arrays.fill(costs, 0.0);
      batch.bind(n, samples, latents, zGoal, zNow);
      cost.addCosts(batch, costs);
      for (int i = 0; i < n; i++) {
        double c = costs[i];
        if (Double.isNaN(c)) {
          costs[i] = Double.POSITIVE_INFINITY;
        } else if (c < bestCost) {
          bestCost = c;
          System.arraycopy(samples, i * seqLen, best, 0, seqLen);
        }
      }
      update(it);
      done++;
    }
    long elapsed = nanoTime.getAsLong() - start;
    out.set(best, bestCost, done, elapsed, cut);
    // Warm start: the returned sequence shifted by one step, the last step repeated.
    System.arraycopy(best, a, mean, 0, seqLen - a);
    System.arraycopy(best, seqLen - a, mean, seqLen - a, a);
    shiftState();
    if (!previousOverridden) {
      System.arraycopy(best, 0, firstAction, 0, a);
      batch.setPreviousAction(firstAction);
    }
    previousOverridden = false;
  }

  @Override
  public final void reset() {
    java.util.Arrays.fill(mean, 0f);
    gauss.reset();
    batch.setPreviousAction(null);
    batch.setJointPositions(null);
    previousOverridden = false;
    resetState();
  }

  @Override
  public final void setPreviousAction(float[] action) {
    batch.setPreviousAction(action);
    previousOverridden = action != null;
  }

  @Override
  public final void setJointPositions(float[] positionsRad) {
    batch.setJointPositions(positionsRad);
  }

  @Override
  public final void copyWarmStart(float[] out) {
    if (out == null || out.length != seqLen) {
      throw new IllegalArgumentException("warm start buffer must have length H*A = " + seqLen);
    }
    System.arraycopy(mean, 0, out, 0, seqLen);
  }

  @Override
  public final int horizon() {
    return h;
  }

  @Override
  public final int actionDim() {
    return a;
  }

  @Override
  public final int latentDim() {
    return d;
  }

  /** Writes clip(mean + std * noise) into sample {@code i}; {@code std} per element of [H][A]. */
  protected final void samplePerturbed(int i, float[] std, double scalarStd) {
    int base = i * seqLen;
    for (int k = 0; k < seqLen; k++) {
      double s = std != null ? std[k] : scalarStd;
      samples[base + k] = bounds.clip(k % a, (float) (mean[k] + s * gauss.next()));
    }
  }

  /** Writes clip(mean) into sample {@code i}. */
  protected final void sampleMean(int i) {
    int base = i * seqLen;
    for (int k = 0; k < seqLen; k++) {
      samples[base + k] = bounds.clip(k % a, mean[k]);
    }
  }

  private void checkLatent(String name, float[] z) {
    if (z == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (z.length != d) {
      throw new IllegalArgumentException(
          name + " has length " + z.length + ", expected latent dimension " + d);
    }
    for (int i = 0; i < d; i++) {
      if (!Float.isFinite(z[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + z[i]);
      }
    }
  }
}
