package org.latentmpc.planner;

/**
 * Model-predictive path integral settings.
 *
 * @param samples sequences sampled per iteration (N)
 * @param iterations weighted-average updates per plan
 * @param horizon steps per sequence (H)
 * @param temperature softmin temperature (lambda, cost units), > 0
 * @param noiseStd standard deviation of the action perturbations
 * @param seed random seed
 * @param timeBudgetNanos time budget per plan in nanoseconds, 0 for none
 */
public record MppiConfig(
    int samples,
    int iterations,
    int horizon,
    double temperature,
    double noiseStd,
    long seed,
    long timeBudgetNanos) {

  /** Validates every field with a message naming the bad one. */
  public MppiConfig {
    ConfigChecks.positive("mppi.samples", samples);
    ConfigChecks.positive("mppi.iterations", iterations);
    ConfigChecks.positive("mppi.horizon", horizon);
    if (!(temperature > 0) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException(
          "mppi.temperature must be finite and > 0, got " + temperature);
    }
    ConfigChecks.nonNegative("mppi.noiseStd", noiseStd);
    ConfigChecks.nonNegative("mppi.timeBudgetNanos", timeBudgetNanos);
  }
}
