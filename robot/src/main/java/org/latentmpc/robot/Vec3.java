package org.latentmpc.robot;

/** An immutable 3-vector (metres, radians or a unit direction, as the owner documents). */
public record Vec3(double x, double y, double z) {
  /** The zero vector. */
  public static final Vec3 ZERO = new Vec3(0, 0, 0);

  /** Returns component {@code i} (0, 1 or 2). */
  public double get(int i) {
    return switch (i) {
      case 0 -> x;
      case 1 -> y;
      case 2 -> z;
      default -> throw new IndexOutOfBoundsException("Vec3 index " + i);
    };
  }

  /** Euclidean norm. */
  public double norm() {
    return Math.sqrt(x * x + y * y + z * z);
  }
}
