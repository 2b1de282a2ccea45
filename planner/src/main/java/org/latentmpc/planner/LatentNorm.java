package org.latentmpc.planner;

/** How distance between latents is measured. */
public enum LatentNorm {
  /** Sum of absolute differences. */
  L1,
  /** Euclidean distance. */
  L2,
  /** Squared Euclidean distance (quadratic: the LQR-comparable choice). */
  L2_SQUARED
}
