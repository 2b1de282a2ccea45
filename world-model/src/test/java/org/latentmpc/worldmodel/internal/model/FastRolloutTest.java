package org.latentmpc.worldmodel.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentmpc.worldmodel.ModelConfig;
import org.latentmpc.worldmodel.NormalisationStats;

/**
 * The batched rollout ({@link DjlWorldModel#rollout}) equals the step-by-step reference ({@link
 * DjlWorldModel#rolloutStepwise}: one {@link JepaNetwork#predict} per step) up to float rounding,
 * on seeded random networks, inputs and normalisation.
 */
class FastRolloutTest {

  /**
   * Per entry: |fast - reference| <= TOL * max(1, max |reference| over that latent vector). The two
   * paths sum the first layer in a different order (z-part and a-part separately); float32 rounding
   * of that, carried through 10 steps, stays well below this.
   */
  static final float TOL = 2e-5f;

  static final int ACTION_DIM = 7;

  /** A model whose predictor weights are redrawn at a scale that makes each step move z a lot. */
  static DjlWorldModel randomModel(int width, int depth, int latent, long seed) {
    return randomModel(width, depth, latent, seed, false);
  }

  /** As above; with {@code joints} the predictor also takes the joint positions. */
  static DjlWorldModel randomModel(int width, int depth, int latent, long seed, boolean joints) {
    Engine.getEngine("PyTorch").setRandomSeed((int) seed);
    ModelConfig config =
        ModelConfig.defaults()
            .with(
                Map.of(
                    "image_width",
                    16,
                    "image_height",
                    16,
                    "encoder_channels",
                    java.util.List.of(4),
                    "latent_dim",
                    latent,
                    "predictor_width",
                    width,
                    "predictor_depth",
                    depth,
                    "predictor_proprio",
                    joints ? "positions" : "none"));
    NDManager manager = Engine.getEngine("PyTorch").newBaseManager();
    JepaNetwork net = new JepaNetwork(manager, config, 0, ACTION_DIM, joints ? ACTION_DIM : 0);
    Random rng = new Random(seed);
    java.util.List<NDArray> params = new java.util.ArrayList<>();
    for (Map.Entry<String, Parameter> e : net.parameters().entrySet()) {
      if (e.getKey().startsWith("predictor.")) {
        params.add(e.getValue().getArray());
      }
    }
    for (int k = 0; k < params.size(); k++) {
      NDArray p = params.get(k);
      boolean weight = p.getShape().dimension() == 2;
      double fanIn = weight ? p.getShape().get(1) : 1;
      // Unit-gain hidden layers; the last layer gives steps of a few tenths per entry.
      double gain = k >= params.size() - 2 ? 0.5 : 1.0;
      double scale = weight ? gain / Math.sqrt(fanIn) : 0.1;
      float[] v = new float[Math.toIntExact(p.size())];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (scale * rng.nextGaussian());
      }
      p.set(v);
    }
    float[] mean = new float[ACTION_DIM];
    float[] std = new float[ACTION_DIM];
    for (int j = 0; j < ACTION_DIM; j++) {
      mean[j] = (float) (0.01 * rng.nextGaussian());
      std[j] = (float) (0.02 + 0.05 * rng.nextDouble());
    }
    float[] qMean = new float[joints ? ACTION_DIM : 0];
    float[] qStd = new float[qMean.length];
    for (int j = 0; j < qMean.length; j++) {
      qMean[j] = (float) (0.3 * rng.nextGaussian());
      qStd[j] = (float) (0.5 + rng.nextDouble());
    }
    NormalisationStats stats =
        new NormalisationStats(
            new float[] {0.5f, 0.5f, 0.5f},
            new float[] {0.25f, 0.25f, 0.25f},
            qMean,
            qStd,
            mean,
            std);
    return new DjlWorldModel(manager, net, stats, "random-" + seed);
  }

  static float[] gaussian(Random rng, int size, double sigma) {
    float[] v = new float[size];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (sigma * rng.nextGaussian());
    }
    return v;
  }

  /** Asserts {@link #TOL} and returns the largest relative error (see {@link #TOL}). */
  static double assertClose(float[] ref, float[] fast, int latent, String what) {
    assertEquals(ref.length, fast.length);
    double worst = 0;
    int at = -1;
    for (int i = 0; i < ref.length; i++) {
      int row = i - i % latent;
      double scale = 1.0;
      for (int d = row; d < row + latent; d++) {
        scale = Math.max(scale, Math.abs(ref[d]));
      }
      double err = Math.abs(fast[i] - ref[i]) / scale;
      if (!(err <= worst)) { // NaN counts as worst
        worst = err;
        at = i;
      }
    }
    assertTrue(
        worst <= TOL,
        what + ": entry " + at + " differs by " + worst + " (relative), tolerance " + TOL);
    return worst;
  }

  @ParameterizedTest(name = "width {0}, depth {1}, latent {2}, n {3}, h {4}, shared z0 {5}")
  @CsvSource({
    "128, 2, 32, 256, 10, true",
    "128, 2, 32, 256, 10, false",
    "256, 2, 32, 64, 10, true",
    "64, 1, 16, 33, 7, false",
    "64, 3, 16, 5, 1, true",
    "32, 2, 8, 1, 4, false",
  })
  void batchedRolloutEqualsStepwise(
      int width, int depth, int latent, int n, int h, boolean sharedZ0) {
    long seed = 11L * width + 7L * depth + n + h;
    try (DjlWorldModel m = randomModel(width, depth, latent, seed)) {
      Random rng = new Random(seed);
      float[] z0 = gaussian(rng, sharedZ0 ? latent : n * latent, 1.0);
      float[] actions = gaussian(rng, n * h * ACTION_DIM, 0.05);
      float[] ref = new float[n * h * latent];
      float[] fast = new float[ref.length];
      m.rolloutStepwise(z0, null, actions, n, h, ref);
      m.rollout(z0, actions, n, h, fast);
      double worst = assertClose(ref, fast, latent, "rollout");
      // The comparison means something: the latents move far more than the tolerance, and
      // differently per sequence (the actions matter).
      double moved = 0;
      double spread = 0;
      for (int i = 0; i < n; i++) {
        for (int d = 0; d < latent; d++) {
          float start = z0[sharedZ0 ? d : i * latent + d];
          float end = ref[(i * h + h - 1) * latent + d];
          moved = Math.max(moved, Math.abs(end - start));
          spread = Math.max(spread, Math.abs(end - ref[(h - 1) * latent + d]));
        }
      }
      assertTrue(moved > 1e3 * TOL, "the reference latents barely move: " + moved);
      if (n > 1) {
        assertTrue(spread > 1e3 * TOL, "sequences do not differ: " + spread);
      }
      System.out.printf(
          "width %d depth %d n %d h %d shared %b: worst relative error %.2e, max move %.3f%n",
          width, depth, n, h, sharedZ0, worst, moved);
    }
  }

  @Test
  void eachStepOfTheBatchedRolloutEqualsOnePredictorStep() {
    int latent = 32;
    int n = 16;
    int h = 10;
    try (DjlWorldModel m = randomModel(128, 2, latent, 5)) {
      Random rng = new Random(5);
      float[] z0 = gaussian(rng, latent, 1.0);
      float[] actions = gaussian(rng, n * h * ACTION_DIM, 0.05);
      float[] fast = new float[n * h * latent];
      m.rollout(z0, actions, n, h, fast);
      // Feed the reference one step at a time from the batched path's own previous latent.
      float[] z = new float[n * latent];
      for (int i = 0; i < n; i++) {
        System.arraycopy(z0, 0, z, i * latent, latent);
      }
      float[] a = new float[n * ACTION_DIM];
      float[] one = new float[n * latent];
      for (int k = 0; k < h; k++) {
        for (int i = 0; i < n; i++) {
          System.arraycopy(actions, (i * h + k) * ACTION_DIM, a, i * ACTION_DIM, ACTION_DIM);
        }
        m.rolloutStepwise(z, null, a, n, 1, one);
        float[] step = new float[n * latent];
        for (int i = 0; i < n; i++) {
          System.arraycopy(fast, (i * h + k) * latent, step, i * latent, latent);
        }
        assertClose(one, step, latent, "step " + k);
        z = step;
      }
    }
  }

  @Test
  void badActionsAreRejectedByTheBatchedPath() {
    try (DjlWorldModel m = randomModel(32, 2, 8, 3)) {
      float[] z0 = new float[8];
      float[] actions = new float[2 * 3 * ACTION_DIM];
      actions[ACTION_DIM * 4 + 2] = Float.NaN;
      float[] out = new float[2 * 3 * 8];
      Arrays.fill(out, 7f);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> m.rollout(z0, actions, 2, 3, out));
      assertTrue(e.getMessage().contains("action entry " + (ACTION_DIM * 4 + 2)), e.getMessage());
      for (float v : out) {
        assertEquals(7f, v, "out changed on bad input");
      }
    }
  }

  @Test
  void aPredictorOnJointPositionsRollsOutFromThemAndAddsEachAction() {
    int latent = 16;
    int n = 12;
    int h = 6;
    try (DjlWorldModel m = randomModel(64, 2, latent, 21, true)) {
      assertEquals(ACTION_DIM, m.predictorJointDim());
      Random rng = new Random(21);
      float[] z0 = gaussian(rng, latent, 1.0);
      float[] actions = gaussian(rng, n * h * ACTION_DIM, 0.05);
      double[] q0 = new double[ACTION_DIM];
      for (int j = 0; j < q0.length; j++) {
        q0[j] = rng.nextGaussian();
      }
      float[] ref = new float[n * h * latent];
      float[] fast = new float[ref.length];
      m.rolloutStepwise(z0, q0, actions, n, h, ref);
      m.rollout(z0, q0, actions, n, h, fast);
      assertClose(ref, fast, latent, "rollout from joint positions");
      // The joint positions matter.
      double[] elsewhere = q0.clone();
      elsewhere[2] += 1.0;
      float[] moved = new float[ref.length];
      m.rollout(z0, elsewhere, actions, n, h, moved);
      double diff = 0;
      for (int i = 0; i < moved.length; i++) {
        diff = Math.max(diff, Math.abs(moved[i] - fast[i]));
      }
      assertTrue(diff > 1e3 * TOL, "the joint positions do not change the prediction: " + diff);
      // Step k starts from q0 plus the first k actions: two one-step rollouts chained by hand
      // equal the first two steps of sequence 0.
      float[] one = new float[latent];
      float[] a0 = Arrays.copyOfRange(actions, 0, ACTION_DIM);
      float[] a1 = Arrays.copyOfRange(actions, ACTION_DIM, 2 * ACTION_DIM);
      m.rollout(z0, q0, a0, 1, 1, one);
      assertClose(Arrays.copyOfRange(fast, 0, latent), one, latent, "step 1");
      double[] q1 = q0.clone();
      for (int j = 0; j < q1.length; j++) {
        q1[j] += a0[j];
      }
      float[] two = new float[latent];
      m.rollout(one, q1, a1, 1, 1, two);
      assertClose(Arrays.copyOfRange(fast, latent, 2 * latent), two, latent, "step 2");
      // Without the joint positions, or with the wrong number, the model refuses.
      IllegalStateException plain =
          assertThrows(IllegalStateException.class, () -> m.rollout(z0, actions, n, h, fast));
      assertTrue(plain.getMessage().contains("joint positions"), plain.getMessage());
      assertThrows(
          IllegalArgumentException.class, () -> m.rollout(z0, new double[3], actions, n, h, fast));
      double[] bad = q0.clone();
      bad[0] = Double.NaN;
      assertThrows(IllegalArgumentException.class, () -> m.rollout(z0, bad, actions, n, h, fast));
    }
  }
}
