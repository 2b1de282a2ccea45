package org.latentmpc.planner;

/** Field checks for planner configs. */
final class ConfigChecks {
  private ConfigChecks() {}

  static void positive(String name, long v) {
    if (v <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + v);
    }
  }

  static void nonNegative(String name, double v) {
    if (!Double.isFinite(v) || v < 0) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
    }
  }
}
