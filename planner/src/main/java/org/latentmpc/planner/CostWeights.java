package org.latentmpc.planner;

/** Weight validation for cost terms. */
final class CostWeights {
  private CostWeights() {}

  static void check(String name, double w) {
    if (!Double.isFinite(w) || w < 0) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + w);
    }
  }
}
