package org.latentmpc.worldmodel;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.worldmodel.internal.data.MovingDots;

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
