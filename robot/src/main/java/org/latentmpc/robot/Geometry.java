package org.latentmpc.robot;

/** A visual or collision shape (metres), centred at its element's origin. */
public sealed interface Geometry
    permits Geometry.Box, Geometry.Cylinder, Geometry.Sphere, Geometry.Capsule {
  /** A box with full side lengths along x, y, z. */
  record Box(double sizeXM, double sizeYM, double sizeZM) implements Geometry {}

  /** A cylinder along z, {@code lengthM} long in total, centred at the origin. */
  record Cylinder(double radiusM, double lengthM) implements Geometry {}

  /** A sphere. */
  record Sphere(double radiusM) implements Geometry {}

  /**
   * A capsule along z: a cylinder of {@code lengthM} between the centres of two hemispherical caps.
   */
  record Capsule(double radiusM, double lengthM) implements Geometry {}

  /** Radius (metres) of a sphere about the shape's origin that encloses the shape. */
  default double boundingRadiusM() {
    if (this instanceof Box b) {
      return 0.5 * Math.sqrt(b.sizeXM * b.sizeXM + b.sizeYM * b.sizeYM + b.sizeZM * b.sizeZM);
    } else if (this instanceof Cylinder c) {
      return Math.hypot(c.radiusM, 0.5 * c.lengthM);
    } else if (this instanceof Sphere s) {
      return s.radiusM;
    } else {
      Capsule c = (Capsule) this;
      return c.radiusM + 0.5 * c.lengthM;
    }
  }
}
