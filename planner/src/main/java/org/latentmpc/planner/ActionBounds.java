package org.latentmpc.planner;

/**
 * Per-dimension action bounds (for joint-position delta actions: radians per plan step). Every
 * sampled action is clipped into [min, max].
 */
public final class ActionBounds {
  private final float[] min;
  private final float[] max;

  private ActionBounds(float[] min, float[] max) {
    this.min = min;
    this.max = max;
  }

  /**
   * Bounds per dimension; throws IllegalArgumentException on mismatched lengths, NaN or min > max.
   */
  public static ActionBounds of(float[] min, float[] max) {
    if (min == null || max == null) {
      throw new IllegalArgumentException("action bounds: min and max must be given");
    }
    if (min.length == 0 || min.length != max.length) {
      throw new IllegalArgumentException(
          "action bounds: min has " + min.length + " entries, max has " + max.length);
    }
    for (int i = 0; i < min.length; i++) {
      if (!Float.isFinite(min[i]) || !Float.isFinite(max[i])) {
        throw new IllegalArgumentException("action bounds: dimension " + i + " is not finite");
      }
      if (min[i] > max[i]) {
        throw new IllegalArgumentException(
            "action bounds: dimension " + i + " has min " + min[i] + " > max " + max[i]);
      }
    }
    return new ActionBounds(min.clone(), max.clone());
  }

  /** The same symmetric bound [-limit, limit] on each of {@code dim} dimensions. */
  public static ActionBounds symmetric(int dim, float limit) {
    if (dim <= 0) {
      throw new IllegalArgumentException("action bounds: dimension must be positive, got " + dim);
    }
    if (!(limit >= 0) || !Float.isFinite(limit)) {
      throw new IllegalArgumentException("action bounds: limit must be finite and >= 0: " + limit);
    }
    float[] lo = new float[dim];
    float[] hi = new float[dim];
    java.util.Arrays.fill(lo, -limit);
    java.util.Arrays.fill(hi, limit);
    return new ActionBounds(lo, hi);
  }

  /** Number of action dimensions. */
  public int dim() {
    return min.length;
  }

  /** Lower bound of dimension {@code i}. */
  public float min(int i) {
    return min[i];
  }

  /** Upper bound of dimension {@code i}. */
  public float max(int i) {
    return max[i];
  }

  /** Clips {@code value} of dimension {@code i} into the bounds. */
  public float clip(int i, float value) {
    return value < min[i] ? min[i] : (value > max[i] ? max[i] : value);
  }
}
