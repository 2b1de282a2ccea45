package org.latentmpc.ros.msgs.latent_mpc_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;
import org.latentmpc.ros.msgs.std_msgs.Header;

/**
 * The ROS message {@code latent_mpc_msgs/Latent}. A latent observation: the world-model encoder's
 * embedding of one observation. header.stamp is the acquisition time of the observation that was
 * encoded.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class Latent implements Message {
  /** The type descriptor of {@code latent_mpc_msgs/Latent}. */
  public static final MessageType<Latent> TYPE =
      MessageType.of("latent_mpc_msgs/Latent", Latent::new);

  private Header header = new Header();
  private String model = "";
  private float[] data = new float[0];

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public Latent() {}

  /** Field {@code std_msgs/Header header} (held by reference). */
  public Header getHeader() {
    return header;
  }

  /** Sets field {@code header} (stored by reference, not copied); returns this. */
  public Latent setHeader(Header header) {
    this.header = Objects.requireNonNull(header, "header");
    return this;
  }

  /** Field {@code string model}. */
  public String getModel() {
    return model;
  }

  /** Sets field {@code model}; returns this. */
  public Latent setModel(String model) {
    this.model = Objects.requireNonNull(model, "model");
    return this;
  }

  /** Field {@code float32[] data} (held by reference). */
  public float[] getData() {
    return data;
  }

  /** Sets field {@code data} (stored by reference, not copied); returns this. */
  public Latent setData(float[] data) {
    this.data = Objects.requireNonNull(data, "data");
    return this;
  }

  @Override
  public MessageType<Latent> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 4 + header.serializedSize() + Wire.stringSize(model) + 4 * data.length;
  }

  @Override
  public void serialize(ByteBuffer out) {
    header.serialize(out);
    Wire.putString(out, model);
    Wire.putFloat32Array(out, data, -1, "data");
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      header.deserialize(in);
      model = Wire.getString(in, model, "model");
      data = Wire.getFloat32Array(in, data, -1, "data");
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("latent_mpc_msgs/Latent", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Latent)) {
      return false;
    }
    Latent other = (Latent) o;
    return header.equals(other.header)
        && model.equals(other.model)
        && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + header.hashCode();
    h = 31 * h + model.hashCode();
    h = 31 * h + Arrays.hashCode(data);
    return h;
  }

  @Override
  public String toString() {
    return "latent_mpc_msgs/Latent{"
        + "header="
        + header
        + ", model="
        + "\""
        + model
        + "\""
        + ", data="
        + Arrays.toString(data)
        + "}";
  }
}
