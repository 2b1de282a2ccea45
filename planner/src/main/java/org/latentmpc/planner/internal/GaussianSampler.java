package org.latentmpc.planner.internal;

import java.util.SplittableRandom;

/** Seeded standard-normal samples (Marsaglia polar method), allocation-free per draw. */
public final class GaussianSampler {
  private final long seed;
  private SplittableRandom random;
  private double spare;
  private boolean hasSpare;

  /** A sampler with the given seed. */
  public GaussianSampler(long seed) {
    this.seed = seed;
    reset();
  }

  /** Restarts the sequence from the seed. */
  public void reset() {
    random = new SplittableRandom(seed);
    hasSpare = false;
  }

  /** The next standard-normal sample. */
  public double next() {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * random.nextDouble() - 1;
      v = 2 * random.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double m = Math.sqrt(-2 * Math.log(s) / s);
    spare = v * m;
    hasSpare = true;
    return u * m;
  }
}
