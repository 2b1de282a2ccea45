package org.latentmpc.ros.msgs.std_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code std_msgs/Bool}.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class Bool implements Message {
  /** The type descriptor of {@code std_msgs/Bool}. */
  public static final MessageType<Bool> TYPE = MessageType.of("std_msgs/Bool", Bool::new);

  private boolean data = false;

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public Bool() {}

  /** Field {@code bool data}. */
  public boolean isData() {
    return data;
  }

  /** Sets field {@code data}; returns this. */
  public Bool setData(boolean data) {
    this.data = data;
    return this;
  }

  @Override
  public MessageType<Bool> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 1;
  }

  @Override
  public void serialize(ByteBuffer out) {
    out.put((byte) (data ? 1 : 0));
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      data = in.get() != 0;
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("std_msgs/Bool", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Bool)) {
      return false;
    }
    Bool other = (Bool) o;
    return data == other.data;
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + Boolean.hashCode(data);
    return h;
  }

  @Override
  public java.lang.String toString() {
    return "std_msgs/Bool{" + "data=" + data + "}";
  }
}
