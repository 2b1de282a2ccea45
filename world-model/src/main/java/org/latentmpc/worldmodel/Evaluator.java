package org.latentmpc.worldmodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Measures a world model on held-out episodes: k-step normalised latent prediction error, a linear
 * probe from the latent to the joint positions, per-dimension spread and effective rank, and the
 * energy-landscape check.
 */
public final class Evaluator {

  /** The prediction horizons of the k-step error. */
  public static final int[] K_STEPS = {1, 4, 8, 16};

  /** Random actions per sample in the energy check. */
  public static final int ENERGY_RANDOM_ACTIONS = 16;

  /** A sample passes the energy check when the true action beats this fraction of them. */
  public static final double ENERGY_MAJORITY = 0.75;

  /** Samples per k in the k-step error and in the energy check, at most. */
  public static final int MAX_SAMPLES = 2048;

  /** Ridge added to the probe's normal equations (relative to their trace / size). */
  public static final double PROBE_RIDGE = 1e-6;

  /** A probe target whose variance is below this fraction of its squared mean is constant. */
  static final double CONSTANT_TARGET_VARIANCE = 1e-12;

  private static final int ENCODE_BATCH = 128;
  private static final int ROLLOUT_BATCH = 512;

  private final WorldModel model;
  private final long seed;
  private final Function<double[], double[]> endEffector;

  /**
   * @param model the model under test
   * @param seed seed of the sample choices, the probe split and the random actions
   */
  public Evaluator(WorldModel model, long seed) {
    this(model, seed, null);
  }

  /**
   * An evaluator that also probes the end-effector position.
   *
   * @param model the model under test
   * @param seed seed of the sample choices, the probe split and the random actions
   * @param endEffector forward kinematics: joint positions to the end-effector position (m), or
   *     null to skip that probe
   */
  public Evaluator(WorldModel model, long seed, Function<double[], double[]> endEffector) {
    this.model = model;
    this.seed = seed;
    this.endEffector = endEffector;
  }

  /**
   * Evaluates on {@code data}: every metric on all its episodes, except the probe, fit on a seeded
   * half of the episodes and scored on the rest.
   *
   * @throws IllegalArgumentException when the data has fewer than 2 episodes or does not fit the
   *     model
   */
  public EvaluationReport evaluate(SequenceDataset data) {
    if (data.actionDim() != model.actionDim()) {
      throw new IllegalArgumentException(
          "the data has actions of size "
              + data.actionDim()
              + ", the model takes "
              + model.actionDim());
    }
    List<Episode> episodes = data.episodes();
    int d = model.latentDim();
    List<float[][]> latents = new ArrayList<>();
    int frames = 0;
    for (Episode e : episodes) {
      latents.add(encode(e));
      frames += e.frames().length;
    }
    // Spread and rank.
    DMatrixRMaj all = new DMatrixRMaj(frames, d);
    int row = 0;
    for (float[][] z : latents) {
      for (float[] v : z) {
        for (int j = 0; j < d; j++) {
          all.set(row, j, v[j]);
        }
        row++;
      }
    }
    double[] mean = new double[d];
    for (int i = 0; i < frames; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += all.get(i, j) / frames;
      }
    }
    double[] std = new double[d];
    double totalVar = 0;
    for (int i = 0; i < frames; i++) {
      for (int j = 0; j < d; j++) {
        double c = all.get(i, j) - mean[j];
        all.set(i, j, c);
        std[j] += c * c;
      }
    }
    for (int j = 0; j < d; j++) {
      totalVar += std[j] / frames;
      std[j] = Math.sqrt(std[j] / frames);
    }
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(frames, d, false, false, true);
    if (!svd.decompose(all)) {
      throw new IllegalStateException("SVD of the latent matrix failed");
    }
    double[] sv = Arrays.copyOf(svd.getSingularValues(), Math.min(frames, d));
    SingularOps_DDRM.descendingOrder(null, false, sv, sv.length, null, false);
    double svSum = Arrays.stream(sv).sum();
    double entropy = 0;
    for (double s : sv) {
      double p = s / svSum;
      if (p > 0) {
        entropy -= p * Math.log(p);
      }
    }
    double effectiveRank = svSum > 0 ? Math.exp(entropy) : 0;
    Map<Integer, Double> kErr = new LinkedHashMap<>();
    for (int k : K_STEPS) {
      kErr.put(k, kStepError(episodes, latents, k, totalVar));
    }
    double[] probe = probe(data, latents, p -> p, true);
    double[] eeProbe =
        endEffector == null ? new double[0] : probe(data, latents, endEffector, false);
    double probeMean = Arrays.stream(probe).filter(Double::isFinite).average().orElse(Double.NaN);
    double probeMin = Arrays.stream(probe).filter(Double::isFinite).min().orElse(Double.NaN);
    double[] fractions = energy(episodes, latents);
    double pass = 0;
    double meanFrac = 0;
    for (double f : fractions) {
      pass += f >= ENERGY_MAJORITY ? 1 : 0;
      meanFrac += f;
    }
    return new EvaluationReport(
        model.modelId(),
        frames,
        kErr,
        probe,
        data.jointNames(),
        probeMean,
        probeMin,
        std,
        sv,
        effectiveRank,
        pass / fractions.length,
        meanFrac / fractions.length,
        fractions,
        eeProbe);
  }

  private float[][] encode(Episode e) {
    float[][] out = new float[e.frames().length][];
    for (int start = 0; start < out.length; start += ENCODE_BATCH) {
      int end = Math.min(out.length, start + ENCODE_BATCH);
      List<Observation> batch = new ArrayList<>(end - start);
      for (int t = start; t < end; t++) {
        batch.add(e.observation(t));
      }
      float[][] z = model.encode(batch);
      System.arraycopy(z, 0, out, start, z.length);
    }
    return out;
  }

  /** Samples (episode, start) with start + k <= T, at most MAX_SAMPLES, seeded. */
  private List<int[]> samples(List<Episode> episodes, int k, Random rng) {
    List<int[]> all = new ArrayList<>();
    for (int e = 0; e < episodes.size(); e++) {
      for (int s = 0; s + k <= episodes.get(e).steps(); s++) {
        all.add(new int[] {e, s});
      }
    }
    java.util.Collections.shuffle(all, rng);
    return all.size() > MAX_SAMPLES ? all.subList(0, MAX_SAMPLES) : all;
  }

  private double kStepError(List<Episode> episodes, List<float[][]> latents, int k, double var) {
    List<int[]> samples = samples(episodes, k, new Random(seed + k));
    if (samples.isEmpty()) {
      return Double.NaN;
    }
    int d = model.latentDim();
    int a = model.actionDim();
    double sum = 0;
    // A predictor on joint positions rolls out from one start state per call.
    int batch = model.predictorJointDim() > 0 ? 1 : ROLLOUT_BATCH;
    for (int start = 0; start < samples.size(); start += batch) {
      int n = Math.min(batch, samples.size() - start);
      float[] z0 = new float[n * d];
      float[] act = new float[n * k * a];
      float[] out = new float[n * k * d];
      for (int i = 0; i < n; i++) {
        int[] s = samples.get(start + i);
        System.arraycopy(latents.get(s[0])[s[1]], 0, z0, i * d, d);
        for (int j = 0; j < k; j++) {
          System.arraycopy(episodes.get(s[0]).actions()[s[1] + j], 0, act, (i * k + j) * a, a);
        }
      }
      int[] first = samples.get(start);
      model.rollout(z0, episodes.get(first[0]).positions()[first[1]], act, n, k, out);
      for (int i = 0; i < n; i++) {
        int[] s = samples.get(start + i);
        float[] truth = latents.get(s[0])[s[1] + k];
        int off = (i * k + k - 1) * d;
        for (int j = 0; j < d; j++) {
          double diff = out[off + j] - truth[j];
          sum += diff * diff;
        }
      }
    }
    return sum / samples.size() / var;
  }

  private double[] probe(
      SequenceDataset data,
      List<float[][]> latents,
      Function<double[], double[]> target,
      boolean keepScatter) {
    if (data.jointCount() == 0) {
      return new double[0];
    }
    int joints = target.apply(data.episodes().get(0).positions()[0]).length;
    if (data.episodes().size() < 2) {
      throw new IllegalArgumentException("the probe needs at least 2 episodes (fit and test)");
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < data.episodes().size(); i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, new Random(seed));
    int half = order.size() / 2;
    List<Integer> fit = order.subList(0, half);
    List<Integer> test = order.subList(half, order.size());
    int d = model.latentDim();
    DMatrixRMaj x = design(data, latents, fit, d);
    DMatrixRMaj y = targets(data, fit, joints, target);
    DMatrixRMaj xtx = new DMatrixRMaj(d + 1, d + 1);
    CommonOps_DDRM.multTransA(x, x, xtx);
    double ridge = PROBE_RIDGE * CommonOps_DDRM.trace(xtx) / (d + 1);
    for (int i = 0; i < d; i++) {
      xtx.add(i, i, ridge);
    }
    DMatrixRMaj xty = new DMatrixRMaj(d + 1, joints);
    CommonOps_DDRM.multTransA(x, y, xty);
    DMatrixRMaj w = new DMatrixRMaj(d + 1, joints);
    if (!CommonOps_DDRM.solve(xtx, xty, w)) {
      throw new IllegalStateException("the probe's normal equations are singular");
    }
    DMatrixRMaj xt = design(data, latents, test, d);
    DMatrixRMaj yt = targets(data, test, joints, target);
    DMatrixRMaj pred = new DMatrixRMaj(xt.numRows, joints);
    CommonOps_DDRM.mult(xt, w, pred);
    double[] r2 = new double[joints];
    for (int j = 0; j < joints; j++) {
      double mean = 0;
      for (int i = 0; i < yt.numRows; i++) {
        mean += yt.get(i, j) / yt.numRows;
      }
      double ssRes = 0;
      double ssTot = 0;
      for (int i = 0; i < yt.numRows; i++) {
        double r = yt.get(i, j) - pred.get(i, j);
        double c = yt.get(i, j) - mean;
        ssRes += r * r;
        ssTot += c * c;
      }
      // A target that does not vary (the planar reacher's height) has no R^2: NaN, not a
      // huge negative number from dividing by rounding noise.
      double scale = Math.max(1e-12, mean * mean);
      r2[j] =
          ssTot > CONSTANT_TARGET_VARIANCE * scale * yt.numRows ? 1 - ssRes / ssTot : Double.NaN;
    }
    if (keepScatter) {
      lastProbe = new double[][] {column(yt, 0), column(pred, 0)};
    }
    return r2;
  }

  private double[][] lastProbe;

  /** True and predicted first joint on the probe's test episodes of the last evaluation. */
  public double[][] lastProbeScatter() {
    return lastProbe;
  }

  private static double[] column(DMatrixRMaj m, int c) {
    double[] out = new double[m.numRows];
    for (int i = 0; i < out.length; i++) {
      out[i] = m.get(i, c);
    }
    return out;
  }

  private static DMatrixRMaj design(
      SequenceDataset data, List<float[][]> latents, List<Integer> episodes, int d) {
    int n = 0;
    for (int e : episodes) {
      n += latents.get(e).length;
    }
    DMatrixRMaj x = new DMatrixRMaj(n, d + 1);
    int row = 0;
    for (int e : episodes) {
      for (float[] z : latents.get(e)) {
        for (int j = 0; j < d; j++) {
          x.set(row, j, z[j]);
        }
        x.set(row, d, 1);
        row++;
      }
    }
    return x;
  }

  private static DMatrixRMaj targets(
      SequenceDataset data,
      List<Integer> episodes,
      int joints,
      Function<double[], double[]> target) {
    int n = 0;
    for (int e : episodes) {
      n += data.episodes().get(e).positions().length;
    }
    DMatrixRMaj y = new DMatrixRMaj(n, joints);
    int row = 0;
    for (int e : episodes) {
      for (double[] q : data.episodes().get(e).positions()) {
        double[] p = target.apply(q);
        for (int j = 0; j < joints; j++) {
          y.set(row, j, p[j]);
        }
        row++;
      }
    }
    return y;
  }

  private double[] energy(List<Episode> episodes, List<float[][]> latents) {
    Random rng = new Random(seed + 1000);
    List<int[]> samples = samples(episodes, 1, rng);
    List<float[]> pool = new ArrayList<>();
    for (Episode e : episodes) {
      pool.addAll(Arrays.asList(e.actions()));
    }
    int d = model.latentDim();
    int a = model.actionDim();
    int r = ENERGY_RANDOM_ACTIONS;
    int n = r + 1;
    float[] z0 = new float[d];
    float[] act = new float[n * a];
    float[] out = new float[n * d];
    double[] fractions = new double[samples.size()];
    for (int i = 0; i < samples.size(); i++) {
      int[] s = samples.get(i);
      System.arraycopy(latents.get(s[0])[s[1]], 0, z0, 0, d);
      System.arraycopy(episodes.get(s[0]).actions()[s[1]], 0, act, 0, a);
      for (int j = 1; j < n; j++) {
        System.arraycopy(pool.get(rng.nextInt(pool.size())), 0, act, j * a, a);
      }
      model.rollout(z0, episodes.get(s[0]).positions()[s[1]], act, n, 1, out);
      float[] truth = latents.get(s[0])[s[1] + 1];
      double trueDist = dist(out, 0, truth);
      int beaten = 0;
      for (int j = 1; j < n; j++) {
        if (trueDist < dist(out, j * d, truth)) {
          beaten++;
        }
      }
      fractions[i] = beaten / (double) r;
    }
    return fractions;
  }

  private static double dist(float[] out, int off, float[] truth) {
    double s = 0;
    for (int j = 0; j < truth.length; j++) {
      double diff = out[off + j] - truth[j];
      s += diff * diff;
    }
    return s;
  }
}
