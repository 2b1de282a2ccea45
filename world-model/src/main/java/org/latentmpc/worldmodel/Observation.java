package org.latentmpc.worldmodel;

/**
 * One observation: an RGB image (rgb8, row-major, {@code height * width * 3} bytes) and the robot's
 * joint state at the same time.
 *
 * @param width image width in pixels
 * @param height image height in pixels
 * @param rgb pixel bytes, row-major, 3 per pixel (not copied: do not modify while in use)
 * @param positions joint positions in rad (or m for prismatic joints); may be empty
 * @param velocities joint velocities in rad/s (or m/s); empty or the same length as positions
 */
public record Observation(
    int width, int height, byte[] rgb, double[] positions, double[] velocities) {

  /** Checks the sizes. */
  public Observation {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "image size must be positive, got " + width + "x" + height);
    }
    if (rgb == null || rgb.length != width * height * 3) {
      throw new IllegalArgumentException(
          "an rgb8 image of "
              + width
              + "x"
              + height
              + " needs "
              + (width * height * 3)
              + " bytes, got "
              + (rgb == null ? "null" : rgb.length));
    }
    positions = positions == null ? new double[0] : positions;
    velocities = velocities == null ? new double[0] : velocities;
    if (velocities.length != 0 && velocities.length != positions.length) {
      throw new IllegalArgumentException(
          "velocities has " + velocities.length + " entries but positions has " + positions.length);
    }
  }

  /** An image-only observation. */
  public static Observation ofImage(int width, int height, byte[] rgb) {
    return new Observation(width, height, rgb, new double[0], new double[0]);
  }
}
