package org.latentmpc.launch.internal.eval;

import java.util.SplittableRandom;

/**
 * The random reference: each delta uniform in [-bound, bound] per joint, independent across steps,
 * seeded per episode (the same actions for the same seed and episode).
 */
final class RandomPolicy implements Policy {
  private final double boundRad;
  private final long seed;
  private SplittableRandom random;

  /** Deltas bounded by {@code boundRad} (the planner's action bound), seeded by {@code seed}. */
  RandomPolicy(double boundRad, long seed) {
    this.boundRad = boundRad;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "random";
  }

  @Override
  public boolean plans() {
    return false;
  }

  @Override
  public void startEpisode(EpisodeSpec episode) {
    random = new SplittableRandom(seed * 1_000_003L + episode.index());
  }

  @Override
  public long act(double[] qRad, double[] qdRadPerS, double[] deltaOut) {
    for (int j = 0; j < deltaOut.length; j++) {
      deltaOut[j] = boundRad * (2 * random.nextDouble() - 1);
    }
    return -1;
  }

  @Override
  public void executed(double[] deltaRad) {}
}
