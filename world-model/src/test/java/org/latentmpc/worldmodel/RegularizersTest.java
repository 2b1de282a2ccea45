package org.latentmpc.worldmodel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latentmpc.worldmodel.internal.train.Regularizers;

class RegularizersTest {

  static final int N = 1024;
  static final int D = 16;

  /** Expected statistic for Gaussian samples is about 1.06 / N ~ 0.001. */
  static final double GAUSSIAN_MAX = 0.01;

  /** A collapsed batch gives about 0.41. */
  static final double COLLAPSED_MIN = 0.3;

  static float[] gaussian(long seed, double scale, int usedDims) {
    Random rng = new Random(seed);
    float[] z = new float[N * D];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < usedDims; j++) {
        z[i * D + j] = (float) (scale * rng.nextGaussian());
      }
    }
    return z;
  }

  static double sigreg(float[] z) {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      NDArray a = m.create(z, new Shape(N, D));
      return Regularizers.sigreg(a, 64, 17, new Random(1)).getFloat();
    }
  }

  static double vicreg(float[] z) {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      return Regularizers.vicreg(m.create(z, new Shape(N, D)), 1.0, 0.04).getFloat();
    }
  }

  @Test
  void sigregIsNearZeroForGaussianSamples() {
    double s = sigreg(gaussian(1, 1.0, D));
    assertTrue(s < GAUSSIAN_MAX, "SIGReg of N(0, I) samples: " + s);
  }

  @Test
  void sigregIsLargeForCollapsedSamples() {
    float[] z = new float[N * D];
    java.util.Arrays.fill(z, 0.7f);
    double s = sigreg(z);
    assertTrue(s > COLLAPSED_MIN, "SIGReg of a collapsed batch: " + s);
    double shrunk = sigreg(gaussian(2, 0.05, D));
    assertTrue(shrunk > COLLAPSED_MIN * 0.9, "SIGReg of a near-collapsed batch: " + shrunk);
    double twoDims = sigreg(gaussian(3, 1.0, 2));
    double gauss = sigreg(gaussian(3, 1.0, D));
    assertTrue(twoDims > 10 * gauss, "dimensional collapse " + twoDims + " vs " + gauss);
  }

  @Test
  void vicregPenalisesCollapse() {
    double gauss = vicreg(gaussian(4, 1.0, D));
    double collapsed = vicreg(gaussian(4, 0.01, D));
    assertTrue(gauss < 0.1, "VICReg of N(0, I): " + gauss);
    assertTrue(collapsed > 0.9, "VICReg of a collapsed batch: " + collapsed);
  }
}
