package org.latentmpc.worldmodel.internal.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * Anti-collapse regularisers on a batch of latents {@code z [N,D]}.
 *
 * <p>SIGReg (LeJEPA, Balestriero and LeCun 2025): project the batch on random unit directions and
 * compare each 1-D sample with a standard Gaussian by the Epps-Pulley statistic, the weighted
 * squared distance between the empirical characteristic function and {@code exp(-t^2/2)}: {@code EP
 * = \int |phi_N(t) - exp(-t^2/2)|^2 exp(-t^2/2) dt}, integrated by the trapezoid rule on {@code
 * [-3, 3]} (symmetric, so twice [0, 3]). Returned without the factor N, so it estimates a distance
 * between distributions: about {@code 1.06 / N} for Gaussian samples, about 0.41 for a collapsed
 * batch (every z equal).
 *
 * <p>VICReg (Bardes et al. 2022): a hinge on each dimension's standard deviation (below 1) plus the
 * squared off-diagonal covariances divided by D.
 */
public final class Regularizers {

  /** Upper end of the integration interval of the Epps-Pulley statistic. */
  public static final double SIGREG_T_MAX = 3.0;

  private Regularizers() {}

  /**
   * The SIGReg statistic, averaged over {@code projections} random directions drawn from {@code
   * rng}. Differentiable in {@code z}.
   */
  public static NDArray sigreg(NDArray z, int projections, int knots, Random rng) {
    NDManager m = z.getManager();
    int d = (int) z.getShape().get(1);
    float[] dirs = new float[d * projections];
    for (int j = 0; j < projections; j++) {
      double norm = 0;
      for (int i = 0; i < d; i++) {
        double g = rng.nextGaussian();
        dirs[i * projections + j] = (float) g;
        norm += g * g;
      }
      float inv = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < d; i++) {
        dirs[i * projections + j] *= inv;
      }
    }
    float[] t = new float[knots];
    float[] target = new float[knots];
    float[] weight = new float[knots];
    double dt = SIGREG_T_MAX / (knots - 1);
    for (int k = 0; k < knots; k++) {
      double tk = k * dt;
      t[k] = (float) tk;
      target[k] = (float) Math.exp(-tk * tk / 2);
      double trapezoid = (k == 0 || k == knots - 1) ? dt / 2 : dt;
      // Twice the half-line integral: the integrand is even in t.
      weight[k] = (float) (2 * trapezoid * Math.exp(-tk * tk / 2));
    }
    NDArray proj = z.matMul(m.create(dirs, new Shape(d, projections)));
    NDArray xt = proj.expandDims(2).mul(m.create(t, new Shape(1, 1, knots)));
    NDArray cosMean = xt.cos().mean(new int[] {0});
    NDArray sinMean = xt.sin().mean(new int[] {0});
    NDArray err = cosMean.sub(m.create(target, new Shape(1, knots))).square().add(sinMean.square());
    return err.mul(m.create(weight, new Shape(1, knots))).sum(new int[] {1}).mean();
  }

  /** VICReg's variance and covariance terms, weighted. Differentiable in {@code z}. */
  public static NDArray vicreg(NDArray z, double varianceWeight, double covarianceWeight) {
    long n = z.getShape().get(0);
    long d = z.getShape().get(1);
    NDArray centred = z.sub(z.mean(new int[] {0}, true));
    NDArray var = centred.square().sum(new int[] {0}).div(n - 1);
    NDArray std = var.add(1e-4f).sqrt();
    NDArray varianceLoss = std.neg().add(1f).maximum(0f).mean();
    NDArray cov = centred.transpose().matMul(centred).div(n - 1);
    NDArray offDiagonal = cov.square().sum().sub(var.square().sum()).div(d);
    return varianceLoss.mul((float) varianceWeight).add(offDiagonal.mul((float) covarianceWeight));
  }
}
