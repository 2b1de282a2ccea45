package org.latentmpc.planner;

/**
 * Cross-entropy method settings.
 *
 * @param samples sequences sampled per iteration (N)
 * @param elites best sequences that refit the sampling distribution (K <= N)
 * @param iterations refits per plan
 * @param horizon steps per sequence (H)
 * @param initialStd standard deviation of the sampling distribution at the start of each plan
 * @param minStd floor on the standard deviation
 * @param momentum weight of the old mean/std in each refit, in [0, 1)
 * @param eliteCarryOver elites kept as samples in the next iteration and the next plan (shifted)
 * @param seed random seed
 * @param timeBudgetNanos time budget per plan in nanoseconds, 0 for none
 */
public record CemConfig(
    int samples,
    int elites,
    int iterations,
    int horizon,
    double initialStd,
    double minStd,
    double momentum,
    int eliteCarryOver,
    long seed,
    long timeBudgetNanos) {

  /** Validates every field with a message naming the bad one. */
  public CemConfig {
    ConfigChecks.positive("cem.samples", samples);
    ConfigChecks.positive("cem.elites", elites);
    ConfigChecks.positive("cem.iterations", iterations);
    ConfigChecks.positive("cem.horizon", horizon);
    if (elites > samples) {
      throw new IllegalArgumentException(
          "cem.elites (" + elites + ") must not exceed cem.samples (" + samples + ")");
    }
    if (eliteCarryOver < 0 || eliteCarryOver > elites || eliteCarryOver >= samples) {
      throw new IllegalArgumentException(
          "cem.eliteCarryOver must be in [0, elites] and below samples, got " + eliteCarryOver);
    }
    ConfigChecks.nonNegative("cem.initialStd", initialStd);
    ConfigChecks.nonNegative("cem.minStd", minStd);
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("cem.momentum must be in [0, 1), got " + momentum);
    }
    ConfigChecks.nonNegative("cem.timeBudgetNanos", timeBudgetNanos);
  }
}
