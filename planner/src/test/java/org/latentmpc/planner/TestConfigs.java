package org.latentmpc.planner;

/** Planner settings used across the tests. */
final class TestConfigs {
  private TestConfigs() {}

  static CemConfig cem(int samples, int iterations, int horizon, long seed) {
    return new CemConfig(
        samples,
        samples / 8,
        iterations,
        horizon,
        0.5,
        1e-4,
        0.0,
        Math.min(4, samples / 8),
        seed,
        0);
  }

  static MppiConfig mppi(int samples, int iterations, int horizon, long seed) {
    return new MppiConfig(samples, iterations, horizon, 0.01, 0.1, seed, 0);
  }

  static final long NO_CLOCK_NANOS = 0;

  static long[] fakeClock() {
    return new long[] {0};
  }
}
