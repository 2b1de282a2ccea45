package org.latentmpc.ros.msgs.std_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code std_msgs/String}.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class String implements Message {
  /** The type descriptor of {@code std_msgs/String}. */
  public static final MessageType<String> TYPE = MessageType.of("std_msgs/String", String::new);

  private java.lang.String data = "";

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public String() {}

  /** Field {@code string data}. */
  public java.lang.String getData() {
    return data;
  }

  /** Sets field {@code data}; returns this. */
  public String setData(java.lang.String data) {
    this.data = Objects.requireNonNull(data, "data");
    return this;
  }

  @Override
  public MessageType<String> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return Wire.stringSize(data);
  }

  @Override
  public void serialize(ByteBuffer out) {
    Wire.putString(out, data);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      data = Wire.getString(in, data, "data");
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("std_msgs/String", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof String)) {
      return false;
    }
    String other = (String) o;
    return data.equals(other.data);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + data.hashCode();
    return h;
  }

  @Override
  public java.lang.String toString() {
    return "std_msgs/String{" + "data=" + "\"" + data + "\"" + "}";
  }
}
