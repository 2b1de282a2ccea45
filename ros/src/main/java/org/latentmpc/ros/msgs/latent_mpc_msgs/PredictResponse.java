package org.latentmpc.ros.msgs.latent_mpc_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code latent_mpc_msgs/PredictResponse}. Latent dimension of the model
 *
 * <p>The response of service {@link Predict}.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class PredictResponse implements Message {
  /** The type descriptor of {@code latent_mpc_msgs/PredictResponse}. */
  public static final MessageType<PredictResponse> TYPE = Predict.TYPE.responseType();

  private int latentDim = 0;
  private float[] predicted = new float[0];

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public PredictResponse() {}

  /** Field {@code int32 latent_dim}. */
  public int getLatentDim() {
    return latentDim;
  }

  /** Sets field {@code latent_dim}; returns this. */
  public PredictResponse setLatentDim(int latentDim) {
    this.latentDim = latentDim;
    return this;
  }

  /** Field {@code float32[] predicted} (held by reference). */
  public float[] getPredicted() {
    return predicted;
  }

  /** Sets field {@code predicted} (stored by reference, not copied); returns this. */
  public PredictResponse setPredicted(float[] predicted) {
    this.predicted = Objects.requireNonNull(predicted, "predicted");
    return this;
  }

  @Override
  public MessageType<PredictResponse> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 8 + 4 * predicted.length;
  }

  @Override
  public void serialize(ByteBuffer out) {
    out.putInt(latentDim);
    Wire.putFloat32Array(out, predicted, -1, "predicted");
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      latentDim = in.getInt();
      predicted = Wire.getFloat32Array(in, predicted, -1, "predicted");
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("latent_mpc_msgs/PredictResponse", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PredictResponse)) {
      return false;
    }
    PredictResponse other = (PredictResponse) o;
    return latentDim == other.latentDim && Arrays.equals(predicted, other.predicted);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + Integer.hashCode(latentDim);
    h = 31 * h + Arrays.hashCode(predicted);
    return h;
  }

  @Override
  public String toString() {
    return "latent_mpc_msgs/PredictResponse{"
        + "latent_dim="
        + latentDim
        + ", predicted="
        + Arrays.toString(predicted)
        + "}";
  }
}
