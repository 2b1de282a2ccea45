package org.latentmpc.planner;

import java.util.Objects;
import org.latentmpc.worldmodel.WorldModel;

/**
 * The latent dynamics the planner searches through: a batched rollout of N action sequences of
 * length H from one start latent. Implementations used in a control loop should allocate nothing
 * per call.
 */
public interface LatentDynamics {

  /** Latent dimension D. */
  int latentDim();

  /** Action dimension A (joint-position deltas in radians for the robots here). */
  int actionDim();

  /**
   * Batched rollout, flat row-major arrays: from {@code z0} (length D, the same start for every
   * sequence) apply {@code actions} [N][H][A] and write the predicted latents [N][H][D] (the latent
   * after each step) into {@code out}.
   */
  void rollout(float[] z0, float[] actions, int n, int h, float[] out);

  /**
   * Joint positions the dynamics take besides latent and actions (0: none); when positive the
   * planner rolls out with {@link #rollout(float[], double[], float[], int, int, float[])} from the
   * joint positions given to {@link Planner#setJointPositions}.
   */
  default int jointPositionInputs() {
    return 0;
  }

  /**
   * Batched rollout from the current joint positions {@code q0Rad} (see {@link
   * WorldModel#rollout(float[], double[], float[], int, int, float[])}); dynamics without joint
   * position inputs ignore them.
   */
  default void rollout(float[] z0, double[] q0Rad, float[] actions, int n, int h, float[] out) {
    rollout(z0, actions, n, h, out);
  }

  /**
   * The model's state readout {@code W} ({@code [K][D]} row-major, see {@link
   * WorldModel#stateReadout}); empty when there is none.
   */
  default float[] stateReadout() {
    return new float[0];
  }

  /** Adapts a world model (in-process or remote) to the planner's dynamics interface. */
  static LatentDynamics of(WorldModel model) {
    Objects.requireNonNull(model, "model");
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
        model.rollout(z0, actions, n, h, out);
      }

      @Override
      public int jointPositionInputs() {
        return model.predictorJointDim();
      }

      @Override
      public void rollout(float[] z0, double[] q0Rad, float[] actions, int n, int h, float[] out) {
        model.rollout(z0, q0Rad, actions, n, h, out);
      }

      @Override
      public float[] stateReadout() {
        return model.stateReadout();
      }
    };
  }
}
