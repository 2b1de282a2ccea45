package org.latentmpc.ros.msgs.std_srvs;

import java.nio.ByteBuffer;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;

/**
 * The ROS message {@code std_srvs/EmptyRequest}.
 *
 * <p>The request of service {@link Empty}.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class EmptyRequest implements Message {
  /** The type descriptor of {@code std_srvs/EmptyRequest}. */
  public static final MessageType<EmptyRequest> TYPE = Empty.TYPE.requestType();

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public EmptyRequest() {}

  @Override
  public MessageType<EmptyRequest> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 0;
  }

  @Override
  public void serialize(ByteBuffer out) {}

  @Override
  public void deserialize(ByteBuffer in) {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof EmptyRequest;
  }

  @Override
  public int hashCode() {
    int h = 1;
    return h;
  }

  @Override
  public String toString() {
    return "std_srvs/EmptyRequest{}";
  }
}
