package org.latentmpc.worldmodel.internal.collect;

import java.util.Random;

/**
 * The {@code random-smooth} exploration policy: per joint, a first-order autoregressive (discrete
 * Ornstein-Uhlenbeck) process {@code x_k = rho x_(k-1) + sqrt(1 - rho^2) e_k} with standard normal
 * {@code e_k}, stationary N(0, 1), squashed into a bounded joint-position delta {@code maxDeltaRad
 * tanh(x_k)}. Seeded and allocation-free.
 */
public final class RandomSmoothPolicy {
  private final double maxDeltaRad;
  private final double rho;
  private final double innovation;
  private final double[] state;
  private final Random random;

  /**
   * @param dof number of joints
   * @param maxDeltaRad bound of each delta (rad), > 0
   * @param rho correlation between consecutive actions, in [0, 1)
   * @param seed the random seed
   */
  public RandomSmoothPolicy(int dof, double maxDeltaRad, double rho, long seed) {
    if (dof <= 0) {
      throw new IllegalArgumentException("dof must be positive, got " + dof);
    }
    if (!(maxDeltaRad > 0) || !Double.isFinite(maxDeltaRad)) {
      throw new IllegalArgumentException("max delta must be > 0 rad, got " + maxDeltaRad);
    }
    if (!(rho >= 0 && rho < 1)) {
      throw new IllegalArgumentException("smoothness must be in [0, 1), got " + rho);
    }
    this.maxDeltaRad = maxDeltaRad;
    this.rho = rho;
    this.innovation = Math.sqrt(1 - rho * rho);
    this.state = new double[dof];
    this.random = new Random(seed);
    reset();
  }

  /** Starts a new episode: the state is drawn from the stationary distribution. */
  public void reset() {
    for (int j = 0; j < state.length; j++) {
      state[j] = random.nextGaussian();
    }
  }

  /** Writes the next delta (rad per joint) into {@code deltaOut}. */
  public void next(double[] deltaOut) {
    for (int j = 0; j < state.length; j++) {
      state[j] = rho * state[j] + innovation * random.nextGaussian();
      deltaOut[j] = maxDeltaRad * Math.tanh(state[j]);
    }
  }

  /** The bound of each delta (rad). */
  public double maxDeltaRad() {
    return maxDeltaRad;
  }
}
