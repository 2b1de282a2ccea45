package org.latentmpc.ros.msgs.latent_mpc_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code latent_mpc_msgs/PredictRequest}. Batched world-model rollouts: predict
 * num_sequences latent trajectories of length horizon from one start latent. Identifier of the
 * world model (checkpoint) expected to serve the request
 *
 * <p>The request of service {@link Predict}.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class PredictRequest implements Message {
  /** The type descriptor of {@code latent_mpc_msgs/PredictRequest}. */
  public static final MessageType<PredictRequest> TYPE = Predict.TYPE.requestType();

  private String model = "";
  private float[] latent = new float[0];
  private int numSequences = 0;
  private int horizon = 0;
  private int actionDim = 0;
  private float[] actions = new float[0];
  private float[] jointPositions = new float[0];

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public PredictRequest() {}

  /** Field {@code string model}. */
  public String getModel() {
    return model;
  }

  /** Sets field {@code model}; returns this. */
  public PredictRequest setModel(String model) {
    this.model = Objects.requireNonNull(model, "model");
    return this;
  }

  /** Field {@code float32[] latent} (held by reference). */
  public float[] getLatent() {
    return latent;
  }

  /** Sets field {@code latent} (stored by reference, not copied); returns this. */
  public PredictRequest setLatent(float[] latent) {
    this.latent = Objects.requireNonNull(latent, "latent");
    return this;
  }

  /** Field {@code int32 num_sequences}. */
  public int getNumSequences() {
    return numSequences;
  }

  /** Sets field {@code num_sequences}; returns this. */
  public PredictRequest setNumSequences(int numSequences) {
    this.numSequences = numSequences;
    return this;
  }

  /** Field {@code int32 horizon}. */
  public int getHorizon() {
    return horizon;
  }

  /** Sets field {@code horizon}; returns this. */
  public PredictRequest setHorizon(int horizon) {
    this.horizon = horizon;
    return this;
  }

  /** Field {@code int32 action_dim}. */
  public int getActionDim() {
    return actionDim;
  }

  /** Sets field {@code action_dim}; returns this. */
  public PredictRequest setActionDim(int actionDim) {
    this.actionDim = actionDim;
    return this;
  }

  /** Field {@code float32[] actions} (held by reference). */
  public float[] getActions() {
    return actions;
  }

  /** Sets field {@code actions} (stored by reference, not copied); returns this. */
  public PredictRequest setActions(float[] actions) {
    this.actions = Objects.requireNonNull(actions, "actions");
    return this;
  }

  /**
   * Field {@code float32[] joint_positions} (held by reference): start joint positions in rad, in
   * the model's joint order; empty for models whose predictor takes no joint positions.
   */
  public float[] getJointPositions() {
    return jointPositions;
  }

  /** Sets field {@code joint_positions} (stored by reference, not copied); returns this. */
  public PredictRequest setJointPositions(float[] jointPositions) {
    this.jointPositions = Objects.requireNonNull(jointPositions, "jointPositions");
    return this;
  }

  @Override
  public MessageType<PredictRequest> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 24
        + Wire.stringSize(model)
        + 4 * latent.length
        + 4 * actions.length
        + 4 * jointPositions.length;
  }

  @Override
  public void serialize(ByteBuffer out) {
    Wire.putString(out, model);
    Wire.putFloat32Array(out, latent, -1, "latent");
    out.putInt(numSequences);
    out.putInt(horizon);
    out.putInt(actionDim);
    Wire.putFloat32Array(out, actions, -1, "actions");
    Wire.putFloat32Array(out, jointPositions, -1, "joint_positions");
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      model = Wire.getString(in, model, "model");
      latent = Wire.getFloat32Array(in, latent, -1, "latent");
      numSequences = in.getInt();
      horizon = in.getInt();
      actionDim = in.getInt();
      actions = Wire.getFloat32Array(in, actions, -1, "actions");
      jointPositions = Wire.getFloat32Array(in, jointPositions, -1, "joint_positions");
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("latent_mpc_msgs/PredictRequest", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PredictRequest)) {
      return false;
    }
    PredictRequest other = (PredictRequest) o;
    return model.equals(other.model)
        && Arrays.equals(latent, other.latent)
        && numSequences == other.numSequences
        && horizon == other.horizon
        && actionDim == other.actionDim
        && Arrays.equals(actions, other.actions)
        && Arrays.equals(jointPositions, other.jointPositions);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + model.hashCode();
    h = 31 * h + Arrays.hashCode(latent);
    h = 31 * h + Integer.hashCode(numSequences);
    h = 31 * h + Integer.hashCode(horizon);
    h = 31 * h + Integer.hashCode(actionDim);
    h = 31 * h + Arrays.hashCode(actions);
    h = 31 * h + Arrays.hashCode(jointPositions);
    return h;
  }

  @Override
  public String toString() {
    return "latent_mpc_msgs/PredictRequest{"
        + "model="
        + "\""
        + model
        + "\""
        + ", latent="
        + Arrays.toString(latent)
        + ", num_sequences="
        + numSequences
        + ", horizon="
        + horizon
        + ", action_dim="
        + actionDim
        + ", actions="
        + Arrays.toString(actions)
        + ", joint_positions="
        + Arrays.toString(jointPositions)
        + "}";
  }
}
