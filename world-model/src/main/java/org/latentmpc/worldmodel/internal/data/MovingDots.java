package org.latentmpc.worldmodel.internal.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.latentmpc.worldmodel.Episode;
import org.latentmpc.worldmodel.SequenceDataset;

/**
 * A synthetic dataset with known dynamics, for tests and benchmarks: a red dot moves in the unit
 * square under 2-D position-delta actions ({@code p_{t+1} = clip(p_t + a_t)}), rendered into RGB
 * images on a dim background. The "joint state" is the dot's position, so a linear probe from the
 * latent to it measures what the encoder captured.
 */
public final class MovingDots {

  /** Positions stay in [MARGIN, 1 - MARGIN]. */
  public static final double MARGIN = 0.12;

  private final int width;
  private final int height;
  private final double maxStep;

  /**
   * @param width image width in pixels
   * @param height image height in pixels
   * @param maxStep largest action entry (position delta per step, in units of the square)
   */
  public MovingDots(int width, int height, double maxStep) {
    this.width = width;
    this.height = height;
    this.maxStep = maxStep;
  }

  /** {@code episodes} seeded random-smooth episodes of {@code steps} actions each. */
  public SequenceDataset generate(int episodes, int steps, long seed) {
    Random rng = new Random(seed);
    List<Episode> out = new ArrayList<>();
    for (int e = 0; e < episodes; e++) {
      out.add(episode("dots#" + e, steps, rng));
    }
    return new SequenceDataset(
        out,
        List.of("x", "y"),
        "synthetic-moving-dots:"
            + width
            + "x"
            + height
            + ":"
            + episodes
            + "x"
            + steps
            + ":"
            + seed);
  }

  private Episode episode(String id, int steps, Random rng) {
    byte[][] frames = new byte[steps + 1][];
    double[][] pos = new double[steps + 1][];
    double[][] vel = new double[steps + 1][];
    float[][] act = new float[steps][2];
    double[] times = new double[steps + 1];
    double x = MARGIN + rng.nextDouble() * (1 - 2 * MARGIN);
    double y = MARGIN + rng.nextDouble() * (1 - 2 * MARGIN);
    double ax = 0;
    double ay = 0;
    for (int t = 0; t <= steps; t++) {
      pos[t] = new double[] {x, y};
      vel[t] = new double[0];
      frames[t] = render(x, y);
      times[t] = 0.1 * t;
      if (t == steps) {
        break;
      }
      // Smooth random exploration, bounded.
      ax = clip(0.6 * ax + 0.8 * maxStep * (2 * rng.nextDouble() - 1), maxStep);
      ay = clip(0.6 * ay + 0.8 * maxStep * (2 * rng.nextDouble() - 1), maxStep);
      act[t][0] = (float) ax;
      act[t][1] = (float) ay;
      x = Math.min(1 - MARGIN, Math.max(MARGIN, x + act[t][0]));
      y = Math.min(1 - MARGIN, Math.max(MARGIN, y + act[t][1]));
    }
    return new Episode(id, width, height, frames, pos, vel, act, times);
  }

  /** Renders the dot at (x, y) in the unit square (y down) as rgb8, antialiased. */
  public byte[] render(double x, double y) {
    byte[] rgb = new byte[width * height * 3];
    double cx = x * width;
    double cy = y * height;
    double r = 0.1 * Math.min(width, height);
    for (int j = 0; j < height; j++) {
      for (int i = 0; i < width; i++) {
        double d = Math.hypot(i + 0.5 - cx, j + 0.5 - cy);
        double cover = Math.max(0, Math.min(1, r + 0.5 - d));
        int k = 3 * (j * width + i);
        int bg = 30 + (int) (20.0 * j / height);
        rgb[k] = (byte) (bg + cover * (230 - bg));
        rgb[k + 1] = (byte) (bg + cover * (40 - bg));
        rgb[k + 2] = (byte) (bg + 10 + cover * (40 - bg - 10));
      }
    }
    return rgb;
  }

  private static double clip(double v, double bound) {
    return Math.max(-bound, Math.min(bound, v));
  }
}
