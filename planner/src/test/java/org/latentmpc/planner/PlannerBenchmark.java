package org.latentmpc.planner;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.latentmpc.worldmodel.ModelConfig;
import org.latentmpc.worldmodel.NormalisationStats;
import org.latentmpc.worldmodel.internal.model.DjlWorldModel;
import org.latentmpc.worldmodel.internal.model.JepaNetwork;

/**
 * Plan time p50/p95 for CEM 256x10x4 and MPPI with the same budget: (a) a cheap linear latent
 * dynamics (planner overhead), (b) a randomly initialised DJL world model of the default config
 * with predictor width {@code -Dbench.width} (default 128), (c) with {@code -Dbench.model=DIR}, a
 * trained checkpoint. (b) and (c) compare the stepwise (before) and batched (after) rollout paths,
 * plan by plan in turn. Run: {@code mvn -q -pl planner test -Dtest=PlannerBenchmark
 * -Dsurefire.excludedGroups=none}.
 */
@Tag("benchmark")
class PlannerBenchmark {
  private static final int ARM_JOINTS = 7;
  private static final int WARMUP = 30;
  private static final int MEASURED = 200;

  /** z' = z + B a (no A matrix): about as cheap as a latent dynamics gets. */
  private static final class CheapDynamics implements LatentDynamics {
    private final int d;
    private final int ad;
    private final float[] b;

    CheapDynamics(int d, int ad) {
      this.d = d;
      this.ad = ad;
      b = new float[d * ad];
      java.util.SplittableRandom r = new java.util.SplittableRandom(1);
      for (int i = 0; i < b.length; i++) {
        b[i] = (float) (r.nextDouble() - 0.5);
      }
    }

    @Override
    public int latentDim() {
      return d;
    }

    @Override
    public int actionDim() {
      return ad;
    }

    @Override
    public void rollout(float[] z0, float[] actions, int n, int h, float[] out) {
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < h; k++) {
          int o = (i * h + k) * d;
          int a = (i * h + k) * ad;
          for (int r = 0; r < d; r++) {
            float prev = k == 0 ? z0[r] : out[o - d + r];
            float s = prev;
            for (int c = 0; c < ad; c++) {
              s += b[r * ad + c] * actions[a + c];
            }
            out[o + r] = s;
          }
        }
      }
    }
  }

  /** Wraps a dynamics and sums the time spent in its rollouts. */
  private static final class TimedDynamics implements LatentDynamics {
    private final LatentDynamics inner;
    long rolloutNanos;

    TimedDynamics(LatentDynamics inner) {
      this.inner = inner;
    }

    @Override
    public int latentDim() {
      return inner.latentDim();
    }

    @Override
    public int actionDim() {
      return inner.actionDim();
    }

    @Override
    public void rollout(float[] z0, float[] actions, int n, int h, float[] out) {
      long t0 = System.nanoTime();
      inner.rollout(z0, actions, n, h, out);
      rolloutNanos += System.nanoTime() - t0;
    }
  }

  private static PlanCost cost(int actionDim) {
    float[] lo = new float[actionDim];
    float[] hi = new float[actionDim];
    Arrays.fill(lo, -2.5f);
    Arrays.fill(hi, 2.5f);
    return new LatentGoalCost(LatentNorm.L2, 1.0, 0.1)
        .plus(new ActionMagnitudeCost(0.01))
        .plus(new ActionSmoothnessCost(0.05))
        .plus(new JointLimitCost(lo, hi, 0.05, 100));
  }

  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
  }

  private static void run(String label, LatentDynamics model) {
    run(new String[] {label}, new LatentDynamics[] {model});
  }

  /**
   * CEM and MPPI plan times for each dynamics; the dynamics take turns plan by plan so machine
   * noise hits them alike (same seeds, same start and goal).
   */
  private static void run(String[] labels, LatentDynamics[] models) {
    int k = models.length;
    TimedDynamics[] dyn = new TimedDynamics[k];
    Planner[][] planners = new Planner[2][k];
    int ad = models[0].actionDim();
    for (int j = 0; j < k; j++) {
      dyn[j] = new TimedDynamics(models[j]);
      ActionBounds bounds = ActionBounds.symmetric(ad, 0.1f);
      planners[0][j] =
          Planners.cem(
              new CemConfig(256, 32, 4, 10, 0.05, 1e-3, 0.1, 4, 0, 0),
              dyn[j],
              cost(ad),
              bounds,
              System::nanoTime);
      planners[1][j] =
          Planners.mppi(
              new MppiConfig(256, 4, 10, 0.05, 0.05, 0, 0),
              dyn[j],
              cost(ad),
              bounds,
              System::nanoTime);
    }
    for (int kind = 0; kind < 2; kind++) {
      int d = dyn[0].latentDim();
      float[] z = new float[d];
      float[] goal = new float[d];
      java.util.SplittableRandom r = new java.util.SplittableRandom(3);
      for (int i = 0; i < d; i++) {
        z[i] = (float) r.nextDouble();
        goal[i] = (float) r.nextDouble();
      }
      PlanResult[] res = new PlanResult[k];
      long[][] times = new long[k][MEASURED];
      long[][] overhead = new long[k][MEASURED];
      long[][] rollouts = new long[k][MEASURED];
      for (int j = 0; j < k; j++) {
        planners[kind][j].setJointPositions(new float[ad]);
        res[j] = planners[kind][j].newResult();
      }
      for (int i = 0; i < WARMUP + MEASURED; i++) {
        for (int j = 0; j < k; j++) {
          dyn[j].rolloutNanos = 0;
          long t0 = System.nanoTime();
          planners[kind][j].plan(z, goal, res[j]);
          long t = System.nanoTime() - t0;
          if (i >= WARMUP) {
            times[j][i - WARMUP] = t;
            overhead[j][i - WARMUP] = t - dyn[j].rolloutNanos;
            rollouts[j][i - WARMUP] = dyn[j].rolloutNanos;
          }
        }
      }
      for (int j = 0; j < k; j++) {
        Arrays.sort(times[j]);
        Arrays.sort(overhead[j]);
        Arrays.sort(rollouts[j]);
        System.out.printf(
            "%-44s %-4s 256x10x4 D=%d A=%d  plan p50 %7.2f ms p95 %7.2f ms (ratio p50 to first"
                + " %.2f); rollouts p50 %6.2f ms; without rollouts p50 %6.2f ms p95 %6.2f ms"
                + " (cost %.4f)%n",
            labels[j],
            kind == 0 ? "CEM" : "MPPI",
            d,
            ad,
            ms(times[j], 0.5),
            ms(times[j], 0.95),
            ms(times[j], 0.5) / ms(times[0], 0.5),
            ms(rollouts[j], 0.5),
            ms(overhead[j], 0.5),
            ms(overhead[j], 0.95),
            res[j].bestCost());
      }
    }
  }

  @Test
  void cheapLinearDynamics() {
    run("(a) linear z'=z+Ba (planner overhead)", new CheapDynamics(32, ARM_JOINTS));
    run("(a) linear z'=z+Ba (planner overhead)", new CheapDynamics(64, ARM_JOINTS));
  }

  /** The reference path of a DJL model (one predictor call per step) as planner dynamics. */
  private static LatentDynamics stepwise(DjlWorldModel model) {
    return new LatentDynamics() {
      @Override
      public int latentDim() {
        return model.latentDim();
      }

      @Override
      public int actionDim() {
        return model.actionDim();
      }

      @Override
      public void rollout(float[] z0, float[] actions, int n, int h, float[] out) {
        model.rolloutStepwise(z0, null, actions, n, h, out);
      }
    };
  }

  private static void compareRolloutPaths(String label, DjlWorldModel model) {
    LatentDynamics fast = LatentDynamics.of(model);
    LatentDynamics slow = stepwise(model);
    float[] z0 = new float[fast.latentDim()];
    float[] actions = new float[256 * 10 * fast.actionDim()];
    float[] out = new float[256 * 10 * fast.latentDim()];
    long[][] times = new long[2][50];
    for (int i = 0; i < 70; i++) {
      for (int j = 0; j < 2; j++) {
        long t0 = System.nanoTime();
        (j == 0 ? slow : fast).rollout(z0, actions, 256, 10, out);
        if (i >= 20) {
          times[j][i - 20] = System.nanoTime() - t0;
        }
      }
    }
    for (int j = 0; j < 2; j++) {
      Arrays.sort(times[j]);
      System.out.printf(
          "%s rollout 256x10 alone, %s: p50 %.2f ms p95 %.2f ms (latent %d)%n",
          label,
          j == 0 ? "stepwise (before)" : "batched (after)",
          ms(times[j], 0.5),
          ms(times[j], 0.95),
          fast.latentDim());
    }
    run(
        new String[] {label + ", stepwise (before)", label + ", batched (after)"},
        new LatentDynamics[] {slow, fast});
  }

  /**
   * A randomly initialised DJL world model of the default config with predictor width {@code
   * -Dbench.width} (default 128, the shipped reacher2 setting), 7 actions; and, with {@code
   * -Dbench.model=DIR}, a trained checkpoint.
   */
  @Test
  void randomDjlWorldModel() throws Exception {
    int width = Integer.getInteger("bench.width", 128);
    ModelConfig config = ModelConfig.defaults().with(java.util.Map.of("predictor_width", width));
    NDManager manager = Engine.getEngine("PyTorch").newBaseManager();
    JepaNetwork net = new JepaNetwork(manager, config, 0, ARM_JOINTS, 0);
    float[] zeros = new float[ARM_JOINTS];
    float[] ones = new float[ARM_JOINTS];
    Arrays.fill(ones, 0.05f);
    NormalisationStats stats =
        new NormalisationStats(
            new float[] {0.5f, 0.5f, 0.5f},
            new float[] {0.25f, 0.25f, 0.25f},
            new float[0],
            new float[0],
            zeros,
            ones);
    try (DjlWorldModel model = new DjlWorldModel(manager, net, stats, "random-init")) {
      compareRolloutPaths("(b) DJL random init, width " + width, model);
    }
    String dir = System.getProperty("bench.model", "");
    if (!dir.isEmpty()) {
      try (DjlWorldModel model = DjlWorldModel.load(java.nio.file.Path.of(dir))) {
        compareRolloutPaths(
            "(c) checkpoint width " + model.network().config().predictorWidth(), model);
      }
    }
  }
}
