package org.latentmpc.ros.msgs.geometry_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code geometry_msgs/Vector3}. This represents a vector in free space. It is only
 * meant to represent a direction. Therefore, it does not make sense to apply a translation to it
 * (e.g., when applying a generic rigid transformation to a Vector3, tf2 will only apply the
 * rotation). If you want your data to be translatable too, use the geometry_msgs/Point message
 * instead.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class Vector3 implements Message {
  /** The type descriptor of {@code geometry_msgs/Vector3}. */
  public static final MessageType<Vector3> TYPE =
      MessageType.of("geometry_msgs/Vector3", Vector3::new);

  private double x = 0;
  private double y = 0;
  private double z = 0;

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public Vector3() {}

  /** Field {@code float64 x}. */
  public double getX() {
    return x;
  }

  /** Sets field {@code x}; returns this. */
  public Vector3 setX(double x) {
    this.x = x;
    return this;
  }

  /** Field {@code float64 y}. */
  public double getY() {
    return y;
  }

  /** Sets field {@code y}; returns this. */
  public Vector3 setY(double y) {
    this.y = y;
    return this;
  }

  /** Field {@code float64 z}. */
  public double getZ() {
    return z;
  }

  /** Sets field {@code z}; returns this. */
  public Vector3 setZ(double z) {
    this.z = z;
    return this;
  }

  @Override
  public MessageType<Vector3> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 24;
  }

  @Override
  public void serialize(ByteBuffer out) {
    out.putDouble(x);
    out.putDouble(y);
    out.putDouble(z);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      x = in.getDouble();
      y = in.getDouble();
      z = in.getDouble();
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("geometry_msgs/Vector3", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Vector3)) {
      return false;
    }
    Vector3 other = (Vector3) o;
    return Double.compare(x, other.x) == 0
        && Double.compare(y, other.y) == 0
        && Double.compare(z, other.z) == 0;
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + Double.hashCode(x);
    h = 31 * h + Double.hashCode(y);
    h = 31 * h + Double.hashCode(z);
    return h;
  }

  @Override
  public String toString() {
    return "geometry_msgs/Vector3{" + "x=" + x + ", y=" + y + ", z=" + z + "}";
  }
}
