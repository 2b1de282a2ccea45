package org.latentmpc.controllers.internal;

import org.latentmpc.controllers.LoopStatistics;

/**
 * A fixed-size histogram of loop-period jitter {@code |period - nominal|} in 1 us bins up to 100 ms
 * (larger values land in the last bin; the maximum is kept exactly). Recording allocates nothing;
 * it synchronises on this object so snapshots from another thread are consistent.
 */
public final class PeriodHistogram {
  private static final int BINS = 100_001;
  private final long nominalNanos;
  private final long[] bins = new long[BINS];
  private long cycles;
  private long sumPeriodNanos;
  private long maxJitterNanos;
  private long overruns;

  /** A histogram for the nominal period {@code nominalNanos}. */
  public PeriodHistogram(long nominalNanos) {
    this.nominalNanos = nominalNanos;
  }

  /** Records one measured period (ns). */
  public synchronized void record(long periodNanos) {
    long jitter = Math.abs(periodNanos - nominalNanos);
    int bin = (int) Math.min(BINS - 1, jitter / 1000);
    bins[bin]++;
    cycles++;
    sumPeriodNanos += periodNanos;
    if (jitter > maxJitterNanos) {
      maxJitterNanos = jitter;
    }
  }

  /** Counts a cycle that started more than a period late. */
  public synchronized void overrun() {
    overruns++;
  }

  /** Cycles recorded. */
  public synchronized long cycles() {
    return cycles;
  }

  /** Clears everything. */
  public synchronized void reset() {
    java.util.Arrays.fill(bins, 0);
    cycles = 0;
    sumPeriodNanos = 0;
    maxJitterNanos = 0;
    overruns = 0;
  }

  /** The statistics so far. */
  public synchronized LoopStatistics snapshot() {
    return new LoopStatistics(
        cycles,
        nominalNanos / 1e3,
        cycles == 0 ? 0 : sumPeriodNanos / 1e3 / cycles,
        percentile(0.50),
        percentile(0.99),
        percentile(0.999),
        maxJitterNanos / 1e3,
        overruns);
  }

  private double percentile(double p) {
    if (cycles == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(p * cycles);
    long seen = 0;
    for (int b = 0; b < BINS; b++) {
      seen += bins[b];
      if (seen >= rank) {
        return b;
      }
    }
    return BINS - 1;
  }
}
