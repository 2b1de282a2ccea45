package org.latentmpc.planner;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.latentmpc.worldmodel.ModelConfig;
import org.latentmpc.worldmodel.NormalisationStats;
import org.latentmpc.worldmodel.WorldModel;
import org.latentmpc.worldmodel.internal.model.DjlWorldModel;
import org.latentmpc.worldmodel.internal.model.JepaNetwork;

/**
 * Plan time p50/p95 for CEM 256x10x4 and MPPI with the same budget: (a) a cheap linear latent
 * dynamics (planner overhead), (b) a randomly initialised DJL world model of the default config.
 * Run: {@code mvn -q -pl planner test -Dtest=PlannerBenchmark -Dsurefire.excludedGroups=none}.
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

  private static PlanCost cost() {
    float[] lo = new float[ARM_JOINTS];
    float[] hi = new float[ARM_JOINTS];
    Arrays.fill(lo, -2.5f);
    Arrays.fill(hi, 2.5f);
    return new LatentGoalCost(LatentNorm.L2, 1.0, 0.1)
        .plus(new ActionMagnitudeCost(0.01))
        .plus(new ActionSmoothnessCost(0.05))
        .plus(new JointLimitCost(lo, hi, 0.05, 100));
  }

  private static void run(String label, LatentDynamics model) {
    TimedDynamics dyn = new TimedDynamics(model);
    int d = dyn.latentDim();
    ActionBounds bounds = ActionBounds.symmetric(ARM_JOINTS, 0.1f);
    Planner cem =
        Planners.cem(
            new CemConfig(256, 32, 4, 10, 0.05, 1e-3, 0.1, 4, 0, 0),
            dyn,
            cost(),
            bounds,
            System::nanoTime);
    Planner mppi =
        Planners.mppi(
            new MppiConfig(256, 4, 10, 0.05, 0.05, 0, 0), dyn, cost(), bounds, System::nanoTime);
    for (Planner p : new Planner[] {cem, mppi}) {
      float[] z = new float[d];
      float[] goal = new float[d];
      java.util.SplittableRandom r = new java.util.SplittableRandom(3);
      for (int i = 0; i < d; i++) {
        z[i] = (float) r.nextDouble();
        goal[i] = (float) r.nextDouble();
      }
      p.setJointPositions(new float[ARM_JOINTS]);
      PlanResult res = p.newResult();
      long[] times = new long[MEASURED];
      long[] overhead = new long[MEASURED];
      for (int i = 0; i < WARMUP + MEASURED; i++) {
        dyn.rolloutNanos = 0;
        long t0 = System.nanoTime();
        p.plan(z, goal, res);
        long t = System.nanoTime() - t0;
        if (i >= WARMUP) {
          times[i - WARMUP] = t;
          overhead[i - WARMUP] = t - dyn.rolloutNanos;
        }
      }
      Arrays.sort(times);
      Arrays.sort(overhead);
      System.out.printf(
          "%-40s %-4s 256x10x4 D=%d A=%d  plan p50 %7.2f ms p95 %7.2f ms;"
              + " without rollouts p50 %6.2f ms p95 %6.2f ms (cost %.4f)%n",
          label,
          p == cem ? "CEM" : "MPPI",
          d,
          ARM_JOINTS,
          times[MEASURED / 2] / 1e6,
          times[(int) (MEASURED * 0.95)] / 1e6,
          overhead[MEASURED / 2] / 1e6,
          overhead[(int) (MEASURED * 0.95)] / 1e6,
          res.bestCost());
    }
  }

  @Test
  void cheapLinearDynamics() {
    run("(a) linear z'=z+Ba (planner overhead)", new CheapDynamics(32, ARM_JOINTS));
    run("(a) linear z'=z+Ba (planner overhead)", new CheapDynamics(64, ARM_JOINTS));
  }

  @Test
  void randomDjlWorldModel() throws Exception {
    ModelConfig config = ModelConfig.defaults();
    NDManager manager = Engine.getEngine("PyTorch").newBaseManager();
    JepaNetwork net = new JepaNetwork(manager, config, 0, ARM_JOINTS);
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
    try (WorldModel model = new DjlWorldModel(manager, net, stats, "random-init")) {
      LatentDynamics dyn = LatentDynamics.of(model);
      float[] z0 = new float[dyn.latentDim()];
      float[] actions = new float[256 * 10 * ARM_JOINTS];
      float[] out = new float[256 * 10 * dyn.latentDim()];
      long[] times = new long[50];
      for (int i = 0; i < 70; i++) {
        long t0 = System.nanoTime();
        dyn.rollout(z0, actions, 256, 10, out);
        if (i >= 20) {
          times[i - 20] = System.nanoTime() - t0;
        }
      }
      Arrays.sort(times);
      System.out.printf(
          "(b) DJL world model rollout 256x10 alone: p50 %.2f ms p95 %.2f ms (latent %d)%n",
          times[25] / 1e6, times[47] / 1e6, dyn.latentDim());
      run("(b) DJL world model, random init", dyn);
    }
  }
}
