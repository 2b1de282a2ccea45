package org.latentmpc.launch.internal.eval;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * The episodes of one method and its summary statistics (percentiles with linear interpolation
 * between order statistics, as numpy's default; NaN when there is nothing to summarise).
 *
 * @param method the method's name
 * @param episodes the per-episode outcomes
 * @param planNanos the wall time of every plan call (ns); empty for methods that do not plan
 */
record MethodResult(String method, List<EpisodeOutcome> episodes, long[] planNanos) {

  /** Number of episodes. */
  int episodeCount() {
    return episodes.size();
  }

  /** Episodes that succeeded. */
  int successes() {
    return (int) episodes.stream().filter(EpisodeOutcome::success).count();
  }

  /** Fraction of episodes that succeeded, in [0, 1]. */
  double successRate() {
    return episodes.isEmpty() ? Double.NaN : successes() / (double) episodes.size();
  }

  /** Median end-effector distance at the end of the episodes (m). */
  double medianFinalErrorM() {
    return percentile(episodes.stream().mapToDouble(EpisodeOutcome::finalErrorM).toArray(), 50);
  }

  /** Median control steps to success, over the successful episodes. */
  double medianStepsToSuccess() {
    return percentile(
        episodes.stream().filter(EpisodeOutcome::success).mapToDouble(o -> o.steps()).toArray(),
        50);
  }

  /**
   * Mean over the successful episodes of {@link EpisodeOutcome#heldFraction}: with episodes run to
   * the step limit, how much of the time after reaching the goal the end effector stayed there.
   */
  double meanHeldFraction() {
    return episodes.stream()
        .filter(EpisodeOutcome::success)
        .mapToDouble(EpisodeOutcome::heldFraction)
        .average()
        .orElse(Double.NaN);
  }

  /** The {@code p}-th percentile of the plan wall times (ms). */
  double planMs(double p) {
    double[] ms = new double[planNanos.length];
    for (int i = 0; i < ms.length; i++) {
      ms[i] = planNanos[i] / 1e6;
    }
    return percentile(ms, p);
  }

  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, p);
  }
}
