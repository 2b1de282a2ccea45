package org.latentmpc.ros.msgs.std_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code std_msgs/Float32}.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class Float32 implements Message {
  /** The type descriptor of {@code std_msgs/Float32}. */
  public static final MessageType<Float32> TYPE = MessageType.of("std_msgs/Float32", Float32::new);

  private float data = 0;

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public Float32() {}

  /** Field {@code float32 data}. */
  public float getData() {
    return data;
  }

  /** Sets field {@code data}; returns this. */
  public Float32 setData(float data) {
    this.data = data;
    return this;
  }

  @Override
  public MessageType<Float32> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 4;
  }

  @Override
  public void serialize(ByteBuffer out) {
    out.putFloat(data);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      data = in.getFloat();
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("std_msgs/Float32", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Float32)) {
      return false;
    }
    Float32 other = (Float32) o;
    return Float.compare(data, other.data) == 0;
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + Float.hashCode(data);
    return h;
  }

  @Override
  public java.lang.String toString() {
    return "std_msgs/Float32{" + "data=" + data + "}";
  }
}
