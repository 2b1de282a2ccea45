package org.latentmpc.ros.msgs.geometry_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;
import org.latentmpc.ros.msgs.std_msgs.Header;

/**
 * The ROS message {@code geometry_msgs/PoseStamped}. A Pose with reference coordinate frame and
 * timestamp
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class PoseStamped implements Message {
  /** The type descriptor of {@code geometry_msgs/PoseStamped}. */
  public static final MessageType<PoseStamped> TYPE =
      MessageType.of("geometry_msgs/PoseStamped", PoseStamped::new);

  private Header header = new Header();
  private Pose pose = new Pose();

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public PoseStamped() {}

  /** Field {@code std_msgs/Header header} (held by reference). */
  public Header getHeader() {
    return header;
  }

  /** Sets field {@code header} (stored by reference, not copied); returns this. */
  public PoseStamped setHeader(Header header) {
    this.header = Objects.requireNonNull(header, "header");
    return this;
  }

  /** Field {@code geometry_msgs/Pose pose} (held by reference). */
  public Pose getPose() {
    return pose;
  }

  /** Sets field {@code pose} (stored by reference, not copied); returns this. */
  public PoseStamped setPose(Pose pose) {
    this.pose = Objects.requireNonNull(pose, "pose");
    return this;
  }

  @Override
  public MessageType<PoseStamped> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return header.serializedSize() + pose.serializedSize();
  }

  @Override
  public void serialize(ByteBuffer out) {
    header.serialize(out);
    pose.serialize(out);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      header.deserialize(in);
      pose.deserialize(in);
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("geometry_msgs/PoseStamped", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PoseStamped)) {
      return false;
    }
    PoseStamped other = (PoseStamped) o;
    return header.equals(other.header) && pose.equals(other.pose);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + header.hashCode();
    h = 31 * h + pose.hashCode();
    return h;
  }

  @Override
  public String toString() {
    return "geometry_msgs/PoseStamped{" + "header=" + header + ", pose=" + pose + "}";
  }
}
