package org.latentmpc.worldmodel.internal.train;

import java.util.Arrays;
import java.util.function.Function;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.latentmpc.worldmodel.Episode;
import org.latentmpc.worldmodel.SequenceDataset;

/**
 * The state probe's targets: the robot's state per frame (joint positions in rad, the end
 * effector's position in m, or both), each dimension standardised with the mean and standard
 * deviation of the training split so that radians and metres weigh alike.
 */
public final class StateTargets {

  private final Function<double[], double[]> raw;
  private final double[] mean;
  private final double[] std;

  private StateTargets(Function<double[], double[]> raw, double[] mean, double[] std) {
    this.raw = raw;
    this.mean = mean;
    this.std = std;
  }

  /**
   * The raw state for a {@code state_probe} choice.
   *
   * @param choice joints, end_effector or joints_end_effector
   * @param endEffector forward kinematics from joint positions (rad) to the end effector's position
   *     (m); needed by the end-effector choices
   */
  public static Function<double[], double[]> raw(
      String choice, Function<double[], double[]> endEffector) {
    return switch (choice) {
      case "end_effector" -> q -> endEffector.apply(q).clone();
      case "joints_end_effector" ->
          q -> {
            double[] ee = endEffector.apply(q);
            double[] out = Arrays.copyOf(q, q.length + ee.length);
            System.arraycopy(ee, 0, out, q.length, ee.length);
            return out;
          };
      default -> double[]::clone;
    };
  }

  /** Fits the standardisation on every frame of {@code data}. */
  public static StateTargets fit(SequenceDataset data, Function<double[], double[]> raw) {
    SummaryStatistics[] s = null;
    for (Episode e : data.episodes()) {
      for (double[] q : e.positions()) {
        double[] x = raw.apply(q);
        if (s == null) {
          s = new SummaryStatistics[x.length];
          for (int i = 0; i < x.length; i++) {
            s[i] = new SummaryStatistics();
          }
        }
        for (int i = 0; i < x.length; i++) {
          s[i].addValue(x[i]);
        }
      }
    }
    if (s == null) {
      throw new IllegalArgumentException("the data has no frames to fit the state probe on");
    }
    double[] mean = new double[s.length];
    double[] std = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      mean[i] = s[i].getMean();
      // A dimension that never moves (a locked joint) would divide by zero.
      std[i] = Math.max(s[i].getStandardDeviation(), 1e-6);
    }
    return new StateTargets(raw, mean, std);
  }

  /** The standardised targets of every frame of {@code data}, by episode and frame. */
  public float[][][] of(SequenceDataset data) {
    float[][][] out = new float[data.episodes().size()][][];
    for (int e = 0; e < out.length; e++) {
      double[][] q = data.episodes().get(e).positions();
      out[e] = new float[q.length][];
      for (int t = 0; t < q.length; t++) {
        double[] x = raw.apply(q[t]);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
          y[i] = (float) ((x[i] - mean[i]) / std[i]);
        }
        out[e][t] = y;
      }
    }
    return out;
  }
}
