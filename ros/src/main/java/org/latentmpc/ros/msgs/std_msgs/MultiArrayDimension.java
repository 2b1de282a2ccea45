package org.latentmpc.ros.msgs.std_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code std_msgs/MultiArrayDimension}.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class MultiArrayDimension implements Message {
  /** The type descriptor of {@code std_msgs/MultiArrayDimension}. */
  public static final MessageType<MultiArrayDimension> TYPE =
      MessageType.of("std_msgs/MultiArrayDimension", MultiArrayDimension::new);

  private java.lang.String label = "";
  private int size = 0;
  private int stride = 0;

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public MultiArrayDimension() {}

  /** Field {@code string label}. */
  public java.lang.String getLabel() {
    return label;
  }

  /** Sets field {@code label}; returns this. */
  public MultiArrayDimension setLabel(java.lang.String label) {
    this.label = Objects.requireNonNull(label, "label");
    return this;
  }

  /** Field {@code uint32 size}. */
  public int getSize() {
    return size;
  }

  /** Sets field {@code size}; returns this. */
  public MultiArrayDimension setSize(int size) {
    this.size = size;
    return this;
  }

  /** Field {@code uint32 stride}. */
  public int getStride() {
    return stride;
  }

  /** Sets field {@code stride}; returns this. */
  public MultiArrayDimension setStride(int stride) {
    this.stride = stride;
    return this;
  }

  @Override
  public MessageType<MultiArrayDimension> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 8 + Wire.stringSize(label);
  }

  @Override
  public void serialize(ByteBuffer out) {
    Wire.putString(out, label);
    out.putInt(size);
    out.putInt(stride);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      label = Wire.getString(in, label, "label");
      size = in.getInt();
      stride = in.getInt();
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("std_msgs/MultiArrayDimension", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MultiArrayDimension)) {
      return false;
    }
    MultiArrayDimension other = (MultiArrayDimension) o;
    return label.equals(other.label) && size == other.size && stride == other.stride;
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + label.hashCode();
    h = 31 * h + Integer.hashCode(size);
    h = 31 * h + Integer.hashCode(stride);
    return h;
  }

  @Override
  public java.lang.String toString() {
    return "std_msgs/MultiArrayDimension{"
        + "label="
        + "\""
        + label
        + "\""
        + ", size="
        + size
        + ", stride="
        + stride
        + "}";
  }
}
