package org.latentmpc.launch.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.latentmpc.planner.LatentDynamics;

/**
 * The true simulator as the planner's model: the "latent" is the joint state {@code [q (rad), qd
 * (rad/s)]} (length 2 x dof) and a rollout runs the position controller and physics in lock-step
 * for each sampled sequence, exactly as the evaluation loop executes an action: target = current
 * positions + delta, clamped into the command bounds, tracked for one control period.
 *
 * <p>Each sequence starts from the given joint state under a fresh controller holding the measured
 * position (the controller's internal state, e.g. its setpoint slew and integrators, is not part of
 * the state and starts afresh). The physics step may be coarser than the evaluation's for speed.
 * Sequences are independent, so they may be split over worker threads (one plant each) without
 * changing any result. Stepping allocates nothing; each sequence creates one controller.
 */
final class OracleDynamics implements LatentDynamics, AutoCloseable {
  private final Worker[] workers;
  private final ExecutorService executor;
  private final List<Callable<Void>> tasks = new ArrayList<>();
  private final int dof;

  /**
   * Rolls out on plants made by {@code plants}, one per thread; {@code threads} > 1 starts that
   * many daemon worker threads (stopped by {@link #close}).
   */
  OracleDynamics(Supplier<LockStepPlant> plants, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("oracle threads must be >= 1, got " + threads);
    }
    this.workers = new Worker[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Worker(plants.get());
      tasks.add(workers[t]);
    }
    this.dof = workers[0].plant.dof();
    this.executor =
        threads == 1
            ? null
            : Executors.newFixedThreadPool(
                threads,
                r -> {
                  Thread th = new Thread(r, "oracle-rollout");
                  th.setDaemon(true);
                  return th;
                });
  }

  @Override
  public int latentDim() {
    return 2 * dof;
  }

  @Override
  public int actionDim() {
    return dof;
  }

  /** Writes the joint state {@code [q, qd]} (qd zero if null) as a latent into {@code zOut}. */
  static void stateLatent(double[] qRad, double[] qdRadPerS, float[] zOut) {
    int n = qRad.length;
    for (int j = 0; j < n; j++) {
      zOut[j] = (float) qRad[j];
      zOut[n + j] = qdRadPerS == null ? 0f : (float) qdRadPerS[j];
    }
  }

  @Override
  public void rollout(float[] z0, float[] actions, int n, int h, float[] out) {
    int d = 2 * dof;
    if (z0.length < d || actions.length < n * h * dof || out.length < n * h * d) {
      throw new IllegalArgumentException(
          "oracle rollout: z0 "
              + z0.length
              + ", actions "
              + actions.length
              + ", out "
              + out.length
              + " too short for n "
              + n
              + ", h "
              + h
              + ", state "
              + d);
    }
    int per = (n + workers.length - 1) / workers.length;
    for (int t = 0; t < workers.length; t++) {
      workers[t].bind(z0, actions, h, out, Math.min(n, t * per), Math.min(n, (t + 1) * per));
    }
    if (executor == null) {
      workers[0].call();
      return;
    }
    try {
      for (Future<Void> f : executor.invokeAll(tasks)) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("oracle rollout interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("oracle rollout failed: " + e.getCause(), e.getCause());
    }
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** Rolls out sequences [from, to) on its own plant. */
  private static final class Worker implements Callable<Void> {
    final LockStepPlant plant;
    private final int dof;
    private final double[] q0;
    private final double[] qd0;
    private final double[] delta;
    private float[] z0;
    private float[] actions;
    private float[] out;
    private int h;
    private int from;
    private int to;

    Worker(LockStepPlant plant) {
      this.plant = plant;
      this.dof = plant.dof();
      this.q0 = new double[dof];
      this.qd0 = new double[dof];
      this.delta = new double[dof];
    }

    void bind(float[] z0, float[] actions, int h, float[] out, int from, int to) {
      this.z0 = z0;
      this.actions = actions;
      this.h = h;
      this.out = out;
      this.from = from;
      this.to = to;
    }

    @Override
    public Void call() {
      int d = 2 * dof;
      for (int j = 0; j < dof; j++) {
        q0[j] = z0[j];
        qd0[j] = z0[dof + j];
      }
      for (int i = from; i < to; i++) {
        plant.setState(q0, qd0);
        for (int k = 0; k < h; k++) {
          int a = (i * h + k) * dof;
          for (int j = 0; j < dof; j++) {
            delta[j] = actions[a + j];
          }
          plant.commandDelta(delta);
          plant.advance();
          int o = (i * h + k) * d;
          for (int j = 0; j < dof; j++) {
            out[o + j] = (float) plant.position(j);
            out[o + dof + j] = (float) plant.velocity(j);
          }
        }
      }
      return null;
    }
  }
}
