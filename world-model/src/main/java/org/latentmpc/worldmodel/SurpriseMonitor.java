package org.latentmpc.worldmodel;

import java.util.Objects;

/**
 * The world model's surprise: after an action, predict the next latent; when the next observation
 * is encoded, report the mean squared error per latent dimension between prediction and observation
 * (a cheap anomaly signal, e.g. for {@code /world_model/surprise}). Preallocated: no Java arrays
 * per call. Not thread-safe.
 */
public final class SurpriseMonitor {

  private final WorldModel model;
  private final float[] predicted;
  private boolean pending;

  /** A monitor for {@code model}. */
  public SurpriseMonitor(WorldModel model) {
    this.model = Objects.requireNonNull(model);
    predicted = new float[model.latentDim()];
  }

  /**
   * Predicts the latent after {@code action} (raw, length actionDim) from {@code z} (length
   * latentDim).
   */
  public void predict(float[] z, float[] action) {
    if (z.length != model.latentDim()) {
      throw new IllegalArgumentException(
          "z has length " + z.length + ", the latent size is " + model.latentDim());
    }
    model.rollout(z, action, 1, 1, predicted);
    pending = true;
  }

  /**
   * Predicts the latent after {@code action} (raw, length actionDim) from {@code z} (length
   * latentDim) and the joint positions {@code qRad} at the time of the action (length {@link
   * WorldModel#predictorJointDim}, in the model's joint order): for models whose predictor takes
   * the joint positions; other models ignore {@code qRad}.
   */
  public void predict(float[] z, double[] qRad, float[] action) {
    if (z.length != model.latentDim()) {
      throw new IllegalArgumentException(
          "z has length " + z.length + ", the latent size is " + model.latentDim());
    }
    model.rollout(z, qRad, action, 1, 1, predicted);
    pending = true;
  }

  /**
   * The surprise of observing {@code zNext}: {@code ||z_hat - zNext||^2 / D} for the last
   * prediction, or NaN when no prediction is pending. Clears the pending prediction.
   */
  public double observe(float[] zNext) {
    if (zNext.length != predicted.length) {
      throw new IllegalArgumentException(
          "zNext has length " + zNext.length + ", the latent size is " + predicted.length);
    }
    if (!pending) {
      return Double.NaN;
    }
    pending = false;
    double sum = 0;
    for (int i = 0; i < predicted.length; i++) {
      double d = predicted[i] - zNext[i];
      sum += d * d;
    }
    return sum / predicted.length;
  }

  /** The last predicted latent (valid after {@link #predict}). */
  public float[] lastPrediction() {
    return predicted.clone();
  }
}
