package org.latentmpc.worldmodel;

import java.util.List;

/**
 * A learned world model: an encoder from observations to latents and an action-conditioned
 * predictor rolled out in latent space. Implementations: the in-process DJL model ({@link
 * WorldModels#load}) and a client of the world-model node's {@code /world_model/predict} service
 * ({@link WorldModels#remote}), which also rolls out models whose predictor takes the joint
 * positions.
 *
 * <p>Actions are raw (not normalised): joint-position deltas in rad per control step for the robots
 * here; the model normalises them internally. The flat, preallocated-output methods are for
 * per-cycle callers (the planner): they allocate no Java output arrays. Implementations are not
 * thread-safe: use one instance per thread or synchronise.
 */
public interface WorldModel extends AutoCloseable {

  /** Latent size D. */
  int latentDim();

  /** Action size A. */
  int actionDim();

  /** Image width in pixels the encoder takes. */
  int imageWidth();

  /** Image height in pixels the encoder takes. */
  int imageHeight();

  /** Proprioception inputs the encoder takes (0: image only; else positions, then velocities). */
  int proprioDim();

  /** An identifier of the model (checkpoint name and digest), e.g. for Latent.model. */
  String modelId();

  /**
   * Encodes one observation into {@code zOut} (length {@link #latentDim()}).
   *
   * @throws IllegalArgumentException when the image size or joint state does not fit the model
   */
  void encode(Observation observation, float[] zOut);

  /** Encodes one observation into a new array. */
  default float[] encode(Observation observation) {
    float[] z = new float[latentDim()];
    encode(observation, z);
    return z;
  }

  /**
   * Joint positions the predictor takes besides latent and action (0: none). When positive, the
   * model predicts with {@link #rollout(float[], double[], float[], int, int, float[])} from the
   * current joint positions, and the plain {@link #rollout(float[], float[], int, int, float[])} is
   * refused.
   */
  default int predictorJointDim() {
    return 0;
  }

  /**
   * Batched rollout from the current joint positions {@code q0Rad} (length {@link
   * #predictorJointDim}, shared by every sequence): as {@link #rollout(float[], float[], int, int,
   * float[])}, with the predictor also given the joint positions before each step ({@code q0} plus
   * the actions so far, actions being joint-position deltas). Models whose predictor takes no joint
   * positions ignore {@code q0Rad}.
   *
   * @throws IllegalArgumentException when a length does not match
   */
  default void rollout(float[] z0, double[] q0Rad, float[] actions, int n, int h, float[] out) {
    if (predictorJointDim() > 0) {
      throw new UnsupportedOperationException(
          "this world model does not support rollouts from joint positions");
    }
    rollout(z0, actions, n, h, out);
  }

  /**
   * The model's state readout, when it was trained with a state probe ({@code state_probe_weight >
   * 0}): the probe's weights as a row-major {@code [K][D]} matrix {@code W}, so that {@code W (z1 -
   * z2)} is the difference of the standardised states (e.g. end-effector positions) two latents
   * encode. Empty when the model has none (or, for a remote model, does not publish it).
   */
  default float[] stateReadout() {
    return new float[0];
  }

  /** Encodes a batch of observations, one latent per observation. */
  float[][] encode(List<Observation> observations);

  /**
   * Batched rollout, flat arrays (row-major): from {@code z0} (length D: the same start for every
   * sequence, or N*D: one start per sequence), apply {@code actions} ([N][H][A]) autoregressively
   * and write the predicted latents z_1..z_H to {@code out} ([N][H][D]).
   *
   * @throws IllegalArgumentException when a length does not match
   */
  void rollout(float[] z0, float[] actions, int n, int h, float[] out);

  /** Batched rollout from one start latent with nested arrays: returns [N][H][D]. */
  default float[][][] rollout(float[] z0, float[][][] actions) {
    float[][][] out = new float[actions.length][actions.length == 0 ? 0 : actions[0].length][];
    for (float[][] o : out) {
      for (int k = 0; k < o.length; k++) {
        o[k] = new float[latentDim()];
      }
    }
    rollout(z0, actions, out);
    return out;
  }

  /** Batched rollout from one start latent into preallocated nested arrays [N][H][D]. */
  default void rollout(float[] z0, float[][][] actions, float[][][] out) {
    int n = actions.length;
    int h = n == 0 ? 0 : actions[0].length;
    int a = actionDim();
    int d = latentDim();
    float[] flatActions = new float[n * h * a];
    for (int i = 0; i < n; i++) {
      if (actions[i].length != h) {
        throw new IllegalArgumentException(
            "sequence " + i + " has " + actions[i].length + " steps, expected " + h);
      }
      for (int k = 0; k < h; k++) {
        if (actions[i][k].length != a) {
          throw new IllegalArgumentException(
              "action ["
                  + i
                  + "]["
                  + k
                  + "] has "
                  + actions[i][k].length
                  + " entries, expected "
                  + a);
        }
        System.arraycopy(actions[i][k], 0, flatActions, (i * h + k) * a, a);
      }
    }
    float[] flatOut = new float[n * h * d];
    rollout(z0, flatActions, n, h, flatOut);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < h; k++) {
        System.arraycopy(flatOut, (i * h + k) * d, out[i][k], 0, d);
      }
    }
  }

  /** Releases the native memory. */
  @Override
  void close();
}
