package org.latentmpc.ros.msgs.std_srvs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code std_srvs/SetBoolRequest}.
 *
 * <p>The request of service {@link SetBool}.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class SetBoolRequest implements Message {
  /** The type descriptor of {@code std_srvs/SetBoolRequest}. */
  public static final MessageType<SetBoolRequest> TYPE = SetBool.TYPE.requestType();

  private boolean data = false;

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public SetBoolRequest() {}

  /** Field {@code bool data}. */
  public boolean isData() {
    return data;
  }

  /** Sets field {@code data}; returns this. */
  public SetBoolRequest setData(boolean data) {
    this.data = data;
    return this;
  }

  @Override
  public MessageType<SetBoolRequest> messageType() {
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
      throw Wire.truncated("std_srvs/SetBoolRequest", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SetBoolRequest)) {
      return false;
    }
    SetBoolRequest other = (SetBoolRequest) o;
    return data == other.data;
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + Boolean.hashCode(data);
    return h;
  }

  @Override
  public String toString() {
    return "std_srvs/SetBoolRequest{" + "data=" + data + "}";
  }
}
