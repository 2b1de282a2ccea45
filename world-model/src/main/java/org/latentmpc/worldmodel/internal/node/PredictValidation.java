package org.latentmpc.worldmodel.internal.node;

import org.latentmpc.ros.msgs.latent_mpc_msgs.PredictRequest;

/** Checks a Predict request against a model's sizes; returns a message naming what is wrong. */
final class PredictValidation {
  /** Upper bound on num_sequences * horizon per request (predicted latents per call). */
  static final int MAX_SEQUENCE_STEPS = 65_536;

  private PredictValidation() {}

  /**
   * The error in {@code request} for a model of latent size {@code latentDim}, action size {@code
   * actionDim}, {@code jointDim} joint-position inputs to its predictor (0: none, and then {@code
   * joint_positions} must be empty) and identifier {@code modelId}, or null when it is valid.
   */
  static String check(
      PredictRequest request, int latentDim, int actionDim, int jointDim, String modelId) {
    String model = request.getModel();
    if (model != null && !model.isEmpty() && !model.equals(modelId)) {
      return "request is for model '" + model + "' but this node serves '" + modelId + "'";
    }
    float[] latent = request.getLatent();
    int latentLength = latent == null ? 0 : latent.length;
    if (latentLength != latentDim) {
      return "latent has length " + latentLength + ", the model's latent_dim is " + latentDim;
    }
    int n = request.getNumSequences();
    int h = request.getHorizon();
    if (n < 0 || h < 0) {
      return "num_sequences (" + n + ") and horizon (" + h + ") must not be negative";
    }
    if ((long) n * h > MAX_SEQUENCE_STEPS) {
      return "num_sequences*horizon = "
          + ((long) n * h)
          + " exceeds the limit of "
          + MAX_SEQUENCE_STEPS
          + " per request";
    }
    if (request.getActionDim() != actionDim) {
      return "action_dim is " + request.getActionDim() + ", the model's is " + actionDim;
    }
    float[] actions = request.getActions();
    long actionsLength = actions == null ? 0 : actions.length;
    long expected = (long) n * h * actionDim;
    if (actionsLength != expected) {
      return "actions has length "
          + actionsLength
          + ", expected num_sequences*horizon*action_dim = "
          + n
          + "*"
          + h
          + "*"
          + actionDim
          + " = "
          + expected;
    }
    float[] joints = request.getJointPositions();
    int jointsLength = joints == null ? 0 : joints.length;
    if (jointDim == 0 && jointsLength != 0) {
      return "joint_positions has length "
          + jointsLength
          + " but the predictor of model '"
          + modelId
          + "' takes no joint positions: send it empty";
    }
    if (jointDim > 0 && jointsLength != jointDim) {
      return "joint_positions has length "
          + jointsLength
          + ", the predictor of model '"
          + modelId
          + "' takes the "
          + jointDim
          + " start joint positions (rad, in the model's joint order)";
    }
    for (int i = 0; i < jointsLength; i++) {
      if (!Float.isFinite(joints[i])) {
        return "joint_positions[" + i + "] is not finite (" + joints[i] + ")";
      }
    }
    for (int i = 0; i < latentLength; i++) {
      if (!Float.isFinite(latent[i])) {
        return "latent[" + i + "] is not finite (" + latent[i] + ")";
      }
    }
    for (int i = 0; i < actionsLength; i++) {
      if (!Float.isFinite(actions[i])) {
        return "actions[" + i + "] is not finite (" + actions[i] + ")";
      }
    }
    return null;
  }
}
