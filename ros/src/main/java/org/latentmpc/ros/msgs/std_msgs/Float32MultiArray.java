package org.latentmpc.ros.msgs.std_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code std_msgs/Float32MultiArray}. Please look at the MultiArrayLayout message
 * definition for documentation on all multiarrays.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class Float32MultiArray implements Message {
  /** The type descriptor of {@code std_msgs/Float32MultiArray}. */
  public static final MessageType<Float32MultiArray> TYPE =
      MessageType.of("std_msgs/Float32MultiArray", Float32MultiArray::new);

  private MultiArrayLayout layout = new MultiArrayLayout();
  private float[] data = new float[0];

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public Float32MultiArray() {}

  /** Field {@code std_msgs/MultiArrayLayout layout} (held by reference). */
  public MultiArrayLayout getLayout() {
    return layout;
  }

  /** Sets field {@code layout} (stored by reference, not copied); returns this. */
  public Float32MultiArray setLayout(MultiArrayLayout layout) {
    this.layout = Objects.requireNonNull(layout, "layout");
    return this;
  }

  /** Field {@code float32[] data} (held by reference). */
  public float[] getData() {
    return data;
  }

  /** Sets field {@code data} (stored by reference, not copied); returns this. */
  public Float32MultiArray setData(float[] data) {
    this.data = Objects.requireNonNull(data, "data");
    return this;
  }

  @Override
  public MessageType<Float32MultiArray> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 4 + layout.serializedSize() + 4 * data.length;
  }

  @Override
  public void serialize(ByteBuffer out) {
    layout.serialize(out);
    Wire.putFloat32Array(out, data, -1, "data");
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      layout.deserialize(in);
      data = Wire.getFloat32Array(in, data, -1, "data");
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("std_msgs/Float32MultiArray", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Float32MultiArray)) {
      return false;
    }
    Float32MultiArray other = (Float32MultiArray) o;
    return layout.equals(other.layout) && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + layout.hashCode();
    h = 31 * h + Arrays.hashCode(data);
    return h;
  }

  @Override
  public java.lang.String toString() {
    return "std_msgs/Float32MultiArray{"
        + "layout="
        + layout
        + ", data="
        + Arrays.toString(data)
        + "}";
  }
}
