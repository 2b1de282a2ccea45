package org.latentmpc.ros.msgs.latent_mpc_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code latent_mpc_msgs/SetTargetResponse}.
 *
 * <p>The response of service {@link SetTarget}.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class SetTargetResponse implements Message {
  /** The type descriptor of {@code latent_mpc_msgs/SetTargetResponse}. */
  public static final MessageType<SetTargetResponse> TYPE = SetTarget.TYPE.responseType();

  private boolean success = false;
  private String message = "";

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public SetTargetResponse() {}

  /** Field {@code bool success}. */
  public boolean isSuccess() {
    return success;
  }

  /** Sets field {@code success}; returns this. */
  public SetTargetResponse setSuccess(boolean success) {
    this.success = success;
    return this;
  }

  /** Field {@code string message}. */
  public String getMessage() {
    return message;
  }

  /** Sets field {@code message}; returns this. */
  public SetTargetResponse setMessage(String message) {
    this.message = Objects.requireNonNull(message, "message");
    return this;
  }

  @Override
  public MessageType<SetTargetResponse> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 1 + Wire.stringSize(message);
  }

  @Override
  public void serialize(ByteBuffer out) {
    out.put((byte) (success ? 1 : 0));
    Wire.putString(out, message);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      success = in.get() != 0;
      message = Wire.getString(in, message, "message");
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("latent_mpc_msgs/SetTargetResponse", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SetTargetResponse)) {
      return false;
    }
    SetTargetResponse other = (SetTargetResponse) o;
    return success == other.success && message.equals(other.message);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + Boolean.hashCode(success);
    h = 31 * h + message.hashCode();
    return h;
  }

  @Override
  public String toString() {
    return "latent_mpc_msgs/SetTargetResponse{"
        + "success="
        + success
        + ", message="
        + "\""
        + message
        + "\""
        + "}";
  }
}
