package org.latentmpc.ros.internal.tools;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Rate statistics over message arrival times, printed the way rostopic hz prints them.
 *
 * @param count intervals in the window
 * @param meanRateHz 1 / mean interval
 * @param minIntervalS shortest interval
 * @param maxIntervalS longest interval
 * @param stdDevS standard deviation of the intervals
 */
record RateStatistics(
    int count, double meanRateHz, double minIntervalS, double maxIntervalS, double stdDevS) {
  /** Statistics of the intervals between consecutive arrival times (nanoseconds, ascending). */
  static RateStatistics of(long[] arrivalTimesNs) {
    SummaryStatistics intervals = new SummaryStatistics();
    for (int i = 1; i < arrivalTimesNs.length; i++) {
      intervals.addValue((arrivalTimesNs[i] - arrivalTimesNs[i - 1]) * 1e-9);
    }
    if (intervals.getN() == 0) {
      return new RateStatistics(0, 0, 0, 0, 0);
    }
    return new RateStatistics(
        (int) intervals.getN(),
        1.0 / intervals.getMean(),
        intervals.getMin(),
        intervals.getMax(),
        intervals.getStandardDeviation());
  }

  String describe() {
    if (count == 0) {
      return "no new messages\n";
    }
    return String.format(
        "average rate: %.3f%n\tmin: %.3fs max: %.3fs std dev: %.5fs window: %d%n",
        meanRateHz, minIntervalS, maxIntervalS, stdDevS, count + 1);
  }
}
