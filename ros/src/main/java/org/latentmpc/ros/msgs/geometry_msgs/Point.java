package org.latentmpc.ros.msgs.geometry_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code geometry_msgs/Point}. This contains the position of a point in free space
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class Point implements Message {
  /** The type descriptor of {@code geometry_msgs/Point}. */
  public static final MessageType<Point> TYPE = MessageType.of("geometry_msgs/Point", Point::new);

  private double x = 0;
  private double y = 0;
  private double z = 0;

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public Point() {}

  /** Field {@code float64 x}. */
  public double getX() {
    return x;
  }

  /** Sets field {@code x}; returns this. */
  public Point setX(double x) {
    this.x = x;
    return this;
  }

  /** Field {@code float64 y}. */
  public double getY() {
    return y;
  }

  /** Sets field {@code y}; returns this. */
  public Point setY(double y) {
    this.y = y;
    return this;
  }

  /** Field {@code float64 z}. */
  public double getZ() {
    return z;
  }

  /** Sets field {@code z}; returns this. */
  public Point setZ(double z) {
    this.z = z;
    return this;
  }

  @Override
  public MessageType<Point> messageType() {
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
      throw Wire.truncated("geometry_msgs/Point", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Point)) {
      return false;
    }
    Point other = (Point) o;
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
    return "geometry_msgs/Point{" + "x=" + x + ", y=" + y + ", z=" + z + "}";
  }
}
