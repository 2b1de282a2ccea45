package org.latentmpc.worldmodel;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.worldmodel.internal.data.MovingDots;
import org.latentmpc.worldmodel.internal.model.DjlWorldModel;
import org.latentmpc.worldmodel.internal.model.JepaNetwork;

/**
 * Prints encoder latency per frame (batch 1), predictor rollout throughput (batch 256, H = 10) and
 * training samples per second, for the shipped reacher2 config (64x64 RGB, latent 32). Run with
 * {@code mvn -q -pl world-model test -Dtest=WorldModelBenchmark -Dsurefire.excludedGroups=none}.
 */
@Tag("benchmark")
class WorldModelBenchmark {

  static final int TRAIN_STEPS = Integer.getInteger("bench.trainSteps", 40);

  static double medianMicros(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[s.length / 2] / 1e3;
  }

  static final int ROUNDS = Integer.getInteger("bench.rounds", 60);

  /** Milliseconds at the given quantile of nanosecond samples. */
  static double ms(long[] nanos, double q) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) (q * s.length))] / 1e6;
  }

  /** A predictor-only model (random weights: the timing does not depend on their values). */
  static DjlWorldModel randomModel(int width, int actionDim) {
    Engine.getEngine("PyTorch").setRandomSeed(1);
    ModelConfig config =
        ModelConfig.defaults()
            .with(
                Map.of(
                    "image_width", 16,
                    "image_height", 16,
                    "encoder_channels", List.of(4),
                    "latent_dim", 32,
                    "predictor_width", width,
                    "predictor_depth", 2));
    NDManager manager = Engine.getEngine("PyTorch").newBaseManager();
    JepaNetwork net = new JepaNetwork(manager, config, 0, actionDim, 0);
    float[] zeros = new float[actionDim];
    float[] std = new float[actionDim];
    Arrays.fill(std, 0.05f);
    NormalisationStats stats =
        new NormalisationStats(
            new float[] {0.5f, 0.5f, 0.5f},
            new float[] {0.25f, 0.25f, 0.25f},
            new float[0],
            new float[0],
            zeros,
            std);
    return new DjlWorldModel(manager, net, stats, "random-w" + width);
  }

  interface Rollout {
    void run(float[] z0, float[] actions, int n, int h, float[] out);
  }

  /** Interleaves the paths round by round so machine noise hits them alike; prints p50/p95. */
  static void compare(String label, DjlWorldModel m, int n, int h, StringBuilder report) {
    Random rng = new Random(2);
    float[] z0 = new float[m.latentDim()];
    for (int i = 0; i < z0.length; i++) {
      z0[i] = (float) rng.nextGaussian();
    }
    float[] actions = new float[n * h * m.actionDim()];
    for (int i = 0; i < actions.length; i++) {
      actions[i] = (float) (0.05 * rng.nextGaussian());
    }
    float[] out = new float[n * h * m.latentDim()];
    String[] names = {"stepwise (before)", "batched (after)"};
    Rollout[] paths = {
      (z, a, nn, hh, o) -> m.rolloutStepwise(z, null, a, nn, hh, o),
      (z, a, nn, hh, o) -> m.rollout(z, a, nn, hh, o)
    };
    long[][] t = new long[paths.length][ROUNDS];
    long[][] cpu = new long[paths.length][ROUNDS];
    java.lang.management.ThreadMXBean bean =
        java.lang.management.ManagementFactory.getThreadMXBean();
    for (int r = -10; r < ROUNDS; r++) {
      for (int p = 0; p < paths.length; p++) {
        long c0 = bean.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        paths[p].run(z0, actions, n, h, out);
        if (r >= 0) {
          t[p][r] = System.nanoTime() - t0;
          cpu[p][r] = bean.getCurrentThreadCpuTime() - c0;
        }
      }
    }
    for (int p = 0; p < paths.length; p++) {
      report.append(
          String.format(
              Locale.ROOT,
              "  %-20s %-18s n %3d h %2d torch threads %d: wall p50 %7.3f ms p95 %7.3f ms"
                  + " (ratio to stepwise p50 %.2f); caller-thread CPU p50 %6.3f ms (ratio %.2f)%n",
              label,
              names[p],
              n,
              h,
              JniUtils.getNumThreads(),
              ms(t[p], 0.5),
              ms(t[p], 0.95),
              ms(t[p], 0.5) / ms(t[0], 0.5),
              ms(cpu[p], 0.5),
              ms(cpu[p], 0.5) / ms(cpu[0], 0.5)));
    }
  }

  /** Caller-thread CPU time per call of {@code op} in microseconds (median of repeats). */
  static double opMicros(
      NDManager m, boolean closeAtOnce, java.util.function.Supplier<NDArray> op) {
    java.lang.management.ThreadMXBean bean =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long[] t = new long[200];
    for (int r = -50; r < t.length; r++) {
      try (NDManager call = m.newSubManager()) {
        long c0 = bean.getCurrentThreadCpuTime();
        for (int i = 0; i < 10; i++) {
          NDArray out = op.get();
          if (closeAtOnce) {
            out.close(); // the batched rollout's pattern: the allocator reuses a warm buffer
          } else {
            out.tempAttach(call); // fresh memory per op, freed at the end of the call
          }
        }
        if (r >= 0) {
          t[r] = (bean.getCurrentThreadCpuTime() - c0) / 10;
        }
      }
    }
    return medianMicros(t);
  }

  /** Per-op CPU cost of one batched rollout step at n = 256 (the math, op by op). */
  static void stepOps(int width, StringBuilder report) {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      int n = 256;
      NDArray z = m.randomNormal(new Shape(n, 32));
      NDArray hid = m.randomNormal(new Shape(n, width));
      NDArray wz = m.randomNormal(new Shape(width, 32));
      NDArray wh = m.randomNormal(new Shape(width, width));
      NDArray bh = m.randomNormal(new Shape(width));
      NDArray wl = m.randomNormal(new Shape(32, width));
      NDArray bl = m.randomNormal(new Shape(32));
      double first = opMicros(m, true, () -> z.getNDArrayInternal().linear(z, wz, hid).head());
      double mid = opMicros(m, true, () -> hid.getNDArrayInternal().linear(hid, wh, bh).head());
      double last = opMicros(m, true, () -> hid.getNDArrayInternal().linear(hid, wl, bl).head());
      double gelu = opMicros(m, true, () -> ai.djl.nn.Activation.gelu(hid));
      double add = opMicros(m, true, () -> z.add(z));
      double geluFresh = opMicros(m, false, () -> ai.djl.nn.Activation.gelu(hid));
      double midFresh =
          opMicros(m, false, () -> hid.getNDArrayInternal().linear(hid, wh, bh).head());
      report.append(
          String.format(
              Locale.ROOT,
              "  width %d, one step at n 256 (CPU us, output closed at once): addmm z-part %.0f, hidden linear %.0f,"
                  + " last linear %.0f, gelu %.0f (x2), residual add %.0f; sum %.0f us,"
                  + " x10 steps = %.2f ms; hidden-linear rate %.1f GFLOP/s. Output kept to the"
                  + " end of the call (fresh memory): gelu %.0f, hidden linear %.0f%n",
              width,
              first,
              mid,
              last,
              gelu,
              add,
              first + mid + last + 2 * gelu + add,
              (first + mid + last + 2 * gelu + add) * 10 / 1e3,
              2.0 * n * width * width / (mid * 1e3),
              geluFresh,
              midFresh));
    }
  }

  /** Median cost of one engine call on a tiny array (the per-op overhead, no math). */
  static double tinyOpMicros() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      NDArray a = m.ones(new Shape(1, 1));
      long[] t = new long[2000];
      for (int r = -500; r < t.length; r++) {
        try (NDManager call = m.newSubManager()) {
          a.tempAttach(call);
          long t0 = System.nanoTime();
          for (int i = 0; i < 10; i++) {
            a.add(a);
          }
          if (r >= 0) {
            t[r] = (System.nanoTime() - t0) / 10;
          }
        }
      }
      return medianMicros(t);
    }
  }

  /**
   * Rollout 256 x 10 before (one predictor call per step) and after (batched action part), for
   * predictor widths 128 and 256, with 1 and 2 torch threads, and a checkpoint given by {@code
   * -Dbench.model=DIR}. Rollouts at n = 1 are almost all per-op overhead; the difference to n = 256
   * is the math.
   */
  @Test
  void rolloutPaths() throws Exception {
    StringBuilder report = new StringBuilder();
    Engine.getEngine("PyTorch"); // loads the native library before any JniUtils call
    int threads0 = JniUtils.getNumThreads();
    report.append(
        String.format(
            Locale.ROOT,
            "one engine call on a 1x1 array: %.1f us (ops per step: stepwise 8 + block"
                + " bookkeeping, batched 7)%n",
            tinyOpMicros()));
    String model = System.getProperty("bench.model", "");
    JniUtils.setNumThreads(1);
    for (int width : new int[] {128, 256}) {
      stepOps(width, report);
    }
    for (int width : new int[] {128, 256}) {
      try (DjlWorldModel m = randomModel(width, 2)) {
        for (int threads : new int[] {1, 2}) {
          JniUtils.setNumThreads(threads);
          compare("random width " + width, m, 256, 10, report);
        }
        JniUtils.setNumThreads(1);
        compare("random width " + width, m, 1, 10, report);
      }
    }
    if (!model.isEmpty()) {
      try (DjlWorldModel m = DjlWorldModel.load(Path.of(model))) {
        String label = "ckpt width " + m.network().config().predictorWidth();
        for (int threads : new int[] {1, 2}) {
          JniUtils.setNumThreads(threads);
          compare(label, m, 256, 10, report);
        }
      }
    }
    JniUtils.setNumThreads(threads0);
    report.append(
        String.format(
            Locale.ROOT,
            "load average at the end: %.1f on %d cores%n",
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage(),
            Runtime.getRuntime().availableProcessors()));
    System.out.print(report);
  }

  @Test
  void benchmark(@TempDir Path dir) throws Exception {
    ModelConfig config =
        ModelConfig.load(Path.of("..", "sim-configs", "models", "reacher2.yaml"))
            .with(Map.of("epochs", 1, "steps_per_epoch", TRAIN_STEPS));
    SequenceDataset data = new MovingDots(64, 64, 0.08).generate(6, 60, 1);
    Trainer.Result r =
        new Trainer(config, dir.resolve("m"), new PrintStream(OutputStream.nullOutputStream()))
            .train(data, false);
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "training: %.0f samples/s (batch %d windows of %d frames, %d steps, threads %s)%n",
            r.samplesPerSecond(),
            config.batchSize(),
            config.horizon() + 1,
            r.steps(),
            System.getProperty("ai.djl.pytorch.num_threads", "default")));
    try (WorldModel m = WorldModels.load(dir.resolve("m"))) {
      Observation o = data.episodes().get(0).observation(0);
      float[] z = new float[m.latentDim()];
      for (int i = 0; i < 50; i++) {
        m.encode(o, z);
      }
      java.lang.management.ThreadMXBean cpu =
          java.lang.management.ManagementFactory.getThreadMXBean();
      long[] enc = new long[300];
      long[] encCpu = new long[enc.length];
      for (int i = 0; i < enc.length; i++) {
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        m.encode(data.episodes().get(0).observation(i % 60), z);
        enc[i] = System.nanoTime() - t0;
        encCpu[i] = cpu.getCurrentThreadCpuTime() - c0;
      }
      int n = 256;
      int h = 10;
      float[] actions = new float[n * h * m.actionDim()];
      Random rng = new Random(1);
      for (int i = 0; i < actions.length; i++) {
        actions[i] = (float) (0.05 * rng.nextGaussian());
      }
      float[] out = new float[n * h * m.latentDim()];
      for (int i = 0; i < 20; i++) {
        m.rollout(z, actions, n, h, out);
      }
      long[] roll = new long[100];
      long[] rollCpu = new long[roll.length];
      for (int i = 0; i < roll.length; i++) {
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        m.rollout(z, actions, n, h, out);
        roll[i] = System.nanoTime() - t0;
        rollCpu[i] = cpu.getCurrentThreadCpuTime() - c0;
      }
      double rollUs = medianMicros(roll);
      report.append(
          String.format(
              Locale.ROOT,
              "encoder: %.0f us per frame wall, %.0f us CPU (batch 1, 64x64 RGB, median of %d)%n"
                  + "rollout: %.2f ms per call wall, %.2f ms CPU (batch %d, H %d) = %.0f"
                  + " sequences/s, %.0f predictor steps/s (wall)%n"
                  + "load average at the end: %.1f on %d cores%n",
              medianMicros(enc),
              medianMicros(encCpu),
              enc.length,
              rollUs / 1e3,
              medianMicros(rollCpu) / 1e3,
              n,
              h,
              n / (rollUs / 1e6),
              n * h / (rollUs / 1e6),
              java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                  .getSystemLoadAverage(),
              Runtime.getRuntime().availableProcessors()));
    }
    System.out.print(report);
  }
}
