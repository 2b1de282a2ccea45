package org.latentmpc.worldmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.worldmodel.internal.data.MovingDots;
import org.latentmpc.worldmodel.internal.model.DjlWorldModel;

/** Repeated rollouts and encodes keep the number of live NDArrays and the native memory flat. */
class RolloutLeakTest {

  static final int CALLS = 800;

  /** A leak of one batch-64 rollout's intermediates would be ~0.5 MB per call, ~1 GB in total. */
  static final long MAX_RSS_GROWTH_BYTES = 64L << 20;

  static long rssBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS");
  }

  static void calls(
      WorldModel model,
      float[] z0,
      float[] actions,
      int n,
      int h,
      float[] out,
      Observation o,
      float[] z) {
    for (int i = 0; i < CALLS; i++) {
      actions[i % actions.length] = 0.01f * (i % 7);
      model.rollout(z0, actions, n, h, out);
      model.encode(o, z);
    }
  }

  @Test
  void rolloutAndEncodeDoNotLeak(@TempDir Path dir) throws IOException {
    SequenceDataset data = new MovingDots(32, 32, 0.08).generate(3, 10, 1);
    ModelConfig config = TrainerTest.tiny().with(Map.of("epochs", 1, "steps_per_epoch", 1));
    new Trainer(config, dir.resolve("m"), new PrintStream(OutputStream.nullOutputStream()))
        .train(data, false);
    try (DjlWorldModel model = DjlWorldModel.load(dir.resolve("m"))) {
      int n = 64;
      int h = 10;
      float[] z0 = model.encode(data.episodes().get(0).observation(0));
      float[] actions = new float[n * h * 2];
      float[] out = new float[n * h * model.latentDim()];
      float[] z = new float[model.latentDim()];
      Observation o = data.episodes().get(0).observation(1);
      // Phase 1 warms up (allocator pools, JIT, direct-buffer churn up to a GC); phase 2 must
      // not grow the resident memory further: a leak grows it linearly with the calls.
      calls(model, z0, actions, n, h, out, o, z);
      int arrays = model.managedArrayCount();
      System.gc();
      long rss = rssBytes();
      calls(model, z0, actions, n, h, out, o, z);
      assertEquals(arrays, model.managedArrayCount(), "live NDArrays after " + CALLS + " calls");
      System.gc();
      long growth = rssBytes() - rss;
      System.out.println("RSS growth over " + CALLS + " calls: " + (growth >> 10) + " KiB");
      assertTrue(growth < MAX_RSS_GROWTH_BYTES, "RSS grew by " + growth + " bytes");
      // The same rollout twice gives the same latents (workspaces are refilled each call).
      float[] again = new float[out.length];
      model.rollout(z0, actions, n, h, again);
      assertEquals(java.util.Arrays.toString(out), java.util.Arrays.toString(again));
      // Bad input changes nothing and names the problem.
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> model.rollout(z0, new float[3], n, h, out));
      assertTrue(e.getMessage().contains("actions"), e.getMessage());
      float[] nan = z0.clone();
      nan[0] = Float.NaN;
      assertThrows(IllegalArgumentException.class, () -> model.rollout(nan, actions, n, h, out));
      assertThrows(
          IllegalArgumentException.class,
          () -> model.encode(Observation.ofImage(8, 8, new byte[8 * 8 * 3])));
    }
  }
}
