package org.latentmpc.planner;

/** Argument checks shared by the planner API: clear messages naming the offending input. */
final class PlannerChecks {
  private PlannerChecks() {}

  static void checkVector(String name, float[] v, int expectedLength) {
    if (v == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (v.length != expectedLength) {
      throw new IllegalArgumentException(
          name + " has length " + v.length + ", expected " + expectedLength);
    }
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + v[i]);
      }
    }
  }
}
