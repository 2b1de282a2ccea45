package org.latentmpc.worldmodel.internal.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded checks of {@link AdamOptimizer} against DJL's Adam and across save and load. */
class AdamOptimizerTest {
  private static final float LR = 0.01f;

  private static float[] randomGradient(Random rng, int n) {
    float[] g = new float[n];
    for (int i = 0; i < n; i++) {
      g[i] = (float) (rng.nextGaussian() * (1 + i % 3));
    }
    return g;
  }

  @Test
  void matchesDjlsAdamStepForStep() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Random init = new Random(1);
      float[] w0 = randomGradient(init, 12);
      NDArray ours = m.create(w0, new Shape(3, 4));
      NDArray theirs = m.create(w0, new Shape(3, 4));
      AdamOptimizer adam = new AdamOptimizer(LR);
      Optimizer djl = Optimizer.adam().optLearningRateTracker(Tracker.fixed(LR)).build();
      Random rng = new Random(7);
      for (int step = 0; step < 40; step++) {
        float[] g = randomGradient(rng, 12);
        try (NDManager s = m.newSubManager()) {
          NDArray grad = s.create(g, new Shape(3, 4));
          adam.step();
          adam.update("w", ours, grad);
          djl.update("w", theirs, grad);
        }
        assertArrayEquals(theirs.toFloatArray(), ours.toFloatArray(), 1e-5f, "step " + step);
      }
      assertEquals(40, adam.steps());
    }
  }

  @Test
  void savedAndRestoredMomentsContinueExactly() throws IOException {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      float[] w0 = randomGradient(new Random(2), 6);
      NDArray a = m.create(w0, new Shape(2, 3));
      NDArray bias = m.create(new float[] {0.5f, -0.5f});
      AdamOptimizer adam = new AdamOptimizer(LR);
      Random rng = new Random(3);
      for (int step = 0; step < 10; step++) {
        apply(adam, m, a, bias, rng);
      }
      Map<String, NDArray> params = new LinkedHashMap<>();
      params.put("a", a);
      params.put("bias", bias);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      adam.save(new DataOutputStream(bytes), params);

      // A resumed copy: the same weights, the moments from the file.
      NDArray a2 = a.duplicate();
      NDArray bias2 = bias.duplicate();
      Map<String, NDArray> params2 = new LinkedHashMap<>();
      params2.put("a", a2);
      params2.put("bias", bias2);
      AdamOptimizer resumed = new AdamOptimizer(LR);
      resumed.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), params2);
      assertEquals(10, resumed.steps());
      assertArrayEquals(adam.meanOf("a"), resumed.meanOf("a"));

      // A restart from zero moments, for contrast.
      NDArray a3 = a.duplicate();
      NDArray bias3 = bias.duplicate();
      AdamOptimizer fresh = new AdamOptimizer(LR);

      long seed = 4;
      Random r1 = new Random(seed);
      Random r2 = new Random(seed);
      Random r3 = new Random(seed);
      for (int step = 0; step < 10; step++) {
        apply(adam, m, a, bias, r1);
        apply(resumed, m, a2, bias2, r2);
        apply(fresh, m, a3, bias3, r3);
      }
      assertArrayEquals(a.toFloatArray(), a2.toFloatArray(), 0f);
      assertArrayEquals(bias.toFloatArray(), bias2.toFloatArray(), 0f);
      float maxDiff = 0;
      float[] x = a.toFloatArray();
      float[] y = a3.toFloatArray();
      for (int i = 0; i < x.length; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(x[i] - y[i]));
      }
      assertTrue(maxDiff > 1e-4, "restarting the moments changes the path: " + maxDiff);
    }
  }

  private static void apply(AdamOptimizer adam, NDManager m, NDArray a, NDArray bias, Random rng) {
    try (NDManager s = m.newSubManager()) {
      adam.step();
      adam.update("a", a, s.create(randomGradient(rng, 6), new Shape(2, 3)));
      adam.update("bias", bias, s.create(randomGradient(rng, 2), new Shape(2)));
    }
  }

  @Test
  void loadRejectsStatesThatDoNotFit() throws IOException {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      NDArray a = m.zeros(new Shape(2, 3));
      AdamOptimizer adam = new AdamOptimizer(LR);
      try (NDManager s = m.newSubManager()) {
        adam.step();
        adam.update("a", a, s.ones(new Shape(2, 3)));
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      adam.save(new DataOutputStream(bytes), Map.of("a", a));
      byte[] saved = bytes.toByteArray();

      assertLoadFails("bad magic", new byte[] {1, 2, 3, 4, 0, 0, 0, 0}, Map.of("a", a));
      assertLoadFails(
          "does not fit this network's 2 parameters",
          saved,
          Map.of("a", a, "b", m.zeros(new Shape(1))));
      assertLoadFails("unknown parameter 'a'", saved, Map.of("c", a));
      assertLoadFails("has shape (2, 3)", saved, Map.of("a", m.zeros(new Shape(3, 2))));
      byte[] truncated = java.util.Arrays.copyOf(saved, saved.length - 5);
      assertThrows(
          IOException.class,
          () ->
              new AdamOptimizer(LR)
                  .load(new DataInputStream(new ByteArrayInputStream(truncated)), Map.of("a", a)));
      // A failed load keeps the optimizer as it was.
      AdamOptimizer kept = new AdamOptimizer(LR);
      kept.load(new DataInputStream(new ByteArrayInputStream(saved)), Map.of("a", a));
      assertThrows(
          IOException.class,
          () ->
              kept.load(
                  new DataInputStream(new ByteArrayInputStream(saved)),
                  Map.of("a", m.zeros(new Shape(3, 2)))));
      assertEquals(1, kept.steps());
      assertArrayEquals(adam.meanOf("a"), kept.meanOf("a"));
    }
  }

  private static void assertLoadFails(String message, byte[] bytes, Map<String, NDArray> params) {
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                new AdamOptimizer(LR)
                    .load(new DataInputStream(new ByteArrayInputStream(bytes)), params));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void updateBeforeStepAndBadLearningRatesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new AdamOptimizer(0f));
    assertThrows(IllegalArgumentException.class, () -> new AdamOptimizer(Float.NaN));
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      NDArray a = m.zeros(new Shape(2));
      assertThrows(
          IllegalStateException.class,
          () -> new AdamOptimizer(LR).update("a", a, m.ones(new Shape(2))));
    }
  }
}
