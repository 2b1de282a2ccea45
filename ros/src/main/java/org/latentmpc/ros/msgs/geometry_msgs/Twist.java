package org.latentmpc.ros.msgs.geometry_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code geometry_msgs/Twist}. This expresses velocity in free space broken into
 * its linear and angular parts.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class Twist implements Message {
  /** The type descriptor of {@code geometry_msgs/Twist}. */
  public static final MessageType<Twist> TYPE = MessageType.of("geometry_msgs/Twist", Twist::new);

  private Vector3 linear = new Vector3();
  private Vector3 angular = new Vector3();

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public Twist() {}

  /** Field {@code geometry_msgs/Vector3 linear} (held by reference). */
  public Vector3 getLinear() {
    return linear;
  }

  /** Sets field {@code linear} (stored by reference, not copied); returns this. */
  public Twist setLinear(Vector3 linear) {
    this.linear = Objects.requireNonNull(linear, "linear");
    return this;
  }

  /** Field {@code geometry_msgs/Vector3 angular} (held by reference). */
  public Vector3 getAngular() {
    return angular;
  }

  /** Sets field {@code angular} (stored by reference, not copied); returns this. */
  public Twist setAngular(Vector3 angular) {
    this.angular = Objects.requireNonNull(angular, "angular");
    return this;
  }

  @Override
  public MessageType<Twist> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return linear.serializedSize() + angular.serializedSize();
  }

  @Override
  public void serialize(ByteBuffer out) {
    linear.serialize(out);
    angular.serialize(out);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      linear.deserialize(in);
      angular.deserialize(in);
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("geometry_msgs/Twist", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Twist)) {
      return false;
    }
    Twist other = (Twist) o;
    return linear.equals(other.linear) && angular.equals(other.angular);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + linear.hashCode();
    h = 31 * h + angular.hashCode();
    return h;
  }

  @Override
  public String toString() {
    return "geometry_msgs/Twist{" + "linear=" + linear + ", angular=" + angular + "}";
  }
}
