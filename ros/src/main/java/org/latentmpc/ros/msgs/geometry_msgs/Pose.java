package org.latentmpc.ros.msgs.geometry_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code geometry_msgs/Pose}. A representation of pose in free space, composed of
 * position and orientation.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class Pose implements Message {
  /** The type descriptor of {@code geometry_msgs/Pose}. */
  public static final MessageType<Pose> TYPE = MessageType.of("geometry_msgs/Pose", Pose::new);

  private Point position = new Point();
  private Quaternion orientation = new Quaternion();

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public Pose() {}

  /** Field {@code geometry_msgs/Point position} (held by reference). */
  public Point getPosition() {
    return position;
  }

  /** Sets field {@code position} (stored by reference, not copied); returns this. */
  public Pose setPosition(Point position) {
    this.position = Objects.requireNonNull(position, "position");
    return this;
  }

  /** Field {@code geometry_msgs/Quaternion orientation} (held by reference). */
  public Quaternion getOrientation() {
    return orientation;
  }

  /** Sets field {@code orientation} (stored by reference, not copied); returns this. */
  public Pose setOrientation(Quaternion orientation) {
    this.orientation = Objects.requireNonNull(orientation, "orientation");
    return this;
  }

  @Override
  public MessageType<Pose> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return position.serializedSize() + orientation.serializedSize();
  }

  @Override
  public void serialize(ByteBuffer out) {
    position.serialize(out);
    orientation.serialize(out);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      position.deserialize(in);
      orientation.deserialize(in);
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("geometry_msgs/Pose", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Pose)) {
      return false;
    }
    Pose other = (Pose) o;
    return position.equals(other.position) && orientation.equals(other.orientation);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + position.hashCode();
    h = 31 * h + orientation.hashCode();
    return h;
  }

  @Override
  public String toString() {
    return "geometry_msgs/Pose{" + "position=" + position + ", orientation=" + orientation + "}";
  }
}
