package org.latentmpc.ros.msgs.std_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code std_msgs/Int32}.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class Int32 implements Message {
  /** The type descriptor of {@code std_msgs/Int32}. */
  public static final MessageType<Int32> TYPE = MessageType.of("std_msgs/Int32", Int32::new);

  private int data = 0;

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public Int32() {}

  /** Field {@code int32 data}. */
  public int getData() {
    return data;
  }

  /** Sets field {@code data}; returns this. */
  public Int32 setData(int data) {
    this.data = data;
    return this;
  }

  @Override
  public MessageType<Int32> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 4;
  }

  @Override
  public void serialize(ByteBuffer out) {
    out.putInt(data);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      data = in.getInt();
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("std_msgs/Int32", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Int32)) {
      return false;
    }
    Int32 other = (Int32) o;
    return data == other.data;
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + Integer.hashCode(data);
    return h;
  }

  @Override
  public java.lang.String toString() {
    return "std_msgs/Int32{" + "data=" + data + "}";
  }
}
