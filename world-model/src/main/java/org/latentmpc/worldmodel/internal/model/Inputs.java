package org.latentmpc.worldmodel.internal.model;

import java.nio.FloatBuffer;
import org.latentmpc.worldmodel.NormalisationStats;
import org.latentmpc.worldmodel.Observation;

/** Normalises raw inputs into float buffers laid out as the networks take them. */
public final class Inputs {

  private static final float INV_255 = 1f / 255f;

  private Inputs() {}

  /**
   * Writes an rgb8 image (row-major HWC) as normalised CHW floats at {@code dst}'s position {@code
   * offset}: {@code (byte / 255 - mean[c]) / std[c]}.
   */
  public static void image(
      byte[] rgb, int width, int height, NormalisationStats stats, FloatBuffer dst, int offset) {
    int plane = width * height;
    float m0 = stats.imageMean()[0];
    float m1 = stats.imageMean()[1];
    float m2 = stats.imageMean()[2];
    float s0 = INV_255 / stats.imageStd()[0];
    float s1 = INV_255 / stats.imageStd()[1];
    float s2 = INV_255 / stats.imageStd()[2];
    float b0 = m0 / stats.imageStd()[0];
    float b1 = m1 / stats.imageStd()[1];
    float b2 = m2 / stats.imageStd()[2];
    for (int p = 0, i = 0; p < plane; p++, i += 3) {
      dst.put(offset + p, (rgb[i] & 0xff) * s0 - b0);
      dst.put(offset + plane + p, (rgb[i + 1] & 0xff) * s1 - b1);
      dst.put(offset + 2 * plane + p, (rgb[i + 2] & 0xff) * s2 - b2);
    }
  }

  /** Writes the normalised proprioception (positions, then velocities) at {@code offset}. */
  public static void proprio(
      double[] positions,
      double[] velocities,
      NormalisationStats stats,
      FloatBuffer dst,
      int offset) {
    int p = stats.proprioMean().length;
    for (int j = 0; j < p; j++) {
      double v;
      if (j < positions.length) {
        v = positions[j];
      } else if (j - positions.length < velocities.length) {
        v = velocities[j - positions.length];
      } else {
        throw new IllegalArgumentException(
            "the model needs "
                + p
                + " proprioception inputs (positions then velocities); the observation has "
                + positions.length
                + " positions and "
                + velocities.length
                + " velocities");
      }
      dst.put(offset + j, (float) ((v - stats.proprioMean()[j]) / stats.proprioStd()[j]));
    }
  }

  /** Writes {@code count} normalised action entries from {@code src[srcOffset..]}. */
  public static void actions(
      float[] src,
      int srcOffset,
      int count,
      NormalisationStats stats,
      FloatBuffer dst,
      int offset) {
    int a = stats.actionMean().length;
    for (int i = 0; i < count; i++) {
      int j = i % a;
      float v = src[srcOffset + i];
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("action entry " + (srcOffset + i) + " is " + v);
      }
      dst.put(offset + i, (v - stats.actionMean()[j]) / stats.actionStd()[j]);
    }
  }

  /** Checks that {@code o} fits a model of the given image size and proprioception. */
  public static void check(Observation o, int width, int height, int proprioDim) {
    if (o.width() != width || o.height() != height) {
      throw new IllegalArgumentException(
          "the model takes "
              + width
              + "x"
              + height
              + " images, got "
              + o.width()
              + "x"
              + o.height()
              + " (resize first)");
    }
    if (o.positions().length + o.velocities().length < proprioDim) {
      throw new IllegalArgumentException(
          "the model needs "
              + proprioDim
              + " proprioception inputs, the observation has "
              + o.positions().length
              + " positions and "
              + o.velocities().length
              + " velocities");
    }
  }
}
