package org.latentmpc.worldmodel;

import java.util.Arrays;

/**
 * Per-channel normalisation of the model inputs, computed on the training data: {@code (x - mean) /
 * std} for the image channels (on values scaled to [0, 1]), the proprioception and the actions.
 *
 * @param imageMean mean of R, G, B in [0, 1]
 * @param imageStd standard deviation of R, G, B
 * @param proprioMean mean of each proprioception input (empty without proprioception)
 * @param proprioStd standard deviation of each proprioception input
 * @param actionMean mean of each action entry
 * @param actionStd standard deviation of each action entry
 */
public record NormalisationStats(
    float[] imageMean,
    float[] imageStd,
    float[] proprioMean,
    float[] proprioStd,
    float[] actionMean,
    float[] actionStd) {

  /** The smallest standard deviation used (constant inputs are only centred). */
  public static final float MIN_STD = 1e-3f;

  /** Checks sizes and that every value is finite and each std positive. */
  public NormalisationStats {
    if (imageMean.length != 3 || imageStd.length != 3) {
      throw new IllegalArgumentException("image statistics need 3 channels");
    }
    if (proprioMean.length != proprioStd.length || actionMean.length != actionStd.length) {
      throw new IllegalArgumentException("mean and std differ in length");
    }
    for (float[] a : new float[][] {imageMean, proprioMean, actionMean}) {
      for (float v : a) {
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException("non-finite mean " + Arrays.toString(a));
        }
      }
    }
    for (float[] a : new float[][] {imageStd, proprioStd, actionStd}) {
      for (float v : a) {
        if (!(v > 0) || !Float.isFinite(v)) {
          throw new IllegalArgumentException(
              "std must be positive and finite: " + Arrays.toString(a));
        }
      }
    }
  }

  /**
   * Statistics of {@code data}, with the proprioception the config asks for (positions, or
   * positions then velocities).
   */
  public static NormalisationStats of(SequenceDataset data, ModelConfig config) {
    int p = config.normalisedProprioDim(data.jointCount());
    double[] im = new double[3];
    double[] im2 = new double[3];
    long pixels = 0;
    double[] pm = new double[p];
    double[] pm2 = new double[p];
    long states = 0;
    int a = data.actionDim();
    double[] am = new double[a];
    double[] am2 = new double[a];
    long actions = 0;
    double[] proprio = new double[p];
    for (Episode e : data.episodes()) {
      for (int t = 0; t < e.frames().length; t++) {
        byte[] f = e.frames()[t];
        // Every 7th pixel is plenty for channel statistics (7 is coprime with 3 channels).
        for (int i = 0; i + 2 < f.length; i += 21) {
          for (int c = 0; c < 3; c++) {
            double v = (f[i + c] & 0xff) / 255.0;
            im[c] += v;
            im2[c] += v * v;
          }
          pixels++;
        }
        if (p > 0) {
          proprio(e.positions()[t], e.velocities()[t], p, proprio);
          for (int j = 0; j < p; j++) {
            pm[j] += proprio[j];
            pm2[j] += proprio[j] * proprio[j];
          }
          states++;
        }
      }
      for (float[] act : e.actions()) {
        for (int j = 0; j < a; j++) {
          am[j] += act[j];
          am2[j] += (double) act[j] * act[j];
        }
        actions++;
      }
    }
    return new NormalisationStats(
        mean(im, pixels),
        std(im, im2, pixels),
        mean(pm, states),
        std(pm, pm2, states),
        mean(am, actions),
        std(am, am2, actions));
  }

  /** Fills {@code out[0..p)} with positions then velocities (as many as p asks for). */
  public static void proprio(double[] positions, double[] velocities, int p, double[] out) {
    for (int j = 0; j < p; j++) {
      if (j < positions.length) {
        out[j] = positions[j];
      } else if (j - positions.length < velocities.length) {
        out[j] = velocities[j - positions.length];
      } else {
        throw new IllegalArgumentException(
            "the model needs "
                + p
                + " proprioception inputs; the observation has "
                + positions.length
                + " positions and "
                + velocities.length
                + " velocities");
      }
    }
  }

  private static float[] mean(double[] sum, long n) {
    float[] out = new float[sum.length];
    for (int i = 0; i < sum.length; i++) {
      out[i] = n == 0 ? 0f : (float) (sum[i] / n);
    }
    return out;
  }

  private static float[] std(double[] sum, double[] sum2, long n) {
    float[] out = new float[sum.length];
    for (int i = 0; i < sum.length; i++) {
      double m = n == 0 ? 0 : sum[i] / n;
      double var = n == 0 ? 1 : Math.max(0, sum2[i] / n - m * m);
      out[i] = (float) Math.max(MIN_STD, Math.sqrt(var));
    }
    return out;
  }
}
