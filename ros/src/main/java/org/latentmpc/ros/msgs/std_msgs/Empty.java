package org.latentmpc.ros.msgs.std_msgs;

import java.nio.ByteBuffer;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;

/**
 * The ROS message {@code std_msgs/Empty}.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class Empty implements Message {
  /** The type descriptor of {@code std_msgs/Empty}. */
  public static final MessageType<Empty> TYPE = MessageType.of("std_msgs/Empty", Empty::new);

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public Empty() {}

  @Override
  public MessageType<Empty> messageType() {
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
    return o instanceof Empty;
  }

  @Override
  public int hashCode() {
    int h = 1;
    return h;
  }

  @Override
  public java.lang.String toString() {
    return "std_msgs/Empty{}";
  }
}
