package org.latentmpc.ros.msgs.geometry_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code geometry_msgs/Quaternion}. This represents an orientation in free space in
 * quaternion form.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class Quaternion implements Message {
  /** The type descriptor of {@code geometry_msgs/Quaternion}. */
  public static final MessageType<Quaternion> TYPE =
      MessageType.of("geometry_msgs/Quaternion", Quaternion::new);

  private double x = 0;
  private double y = 0;
  private double z = 0;
  private double w = 0;

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public Quaternion() {}

  /** Field {@code float64 x}. */
  public double getX() {
    return x;
  }

  /** Sets field {@code x}; returns this. */
  public Quaternion setX(double x) {
    this.x = x;
    return this;
  }

  /** Field {@code float64 y}. */
  public double getY() {
    return y;
  }

  /** Sets field {@code y}; returns this. */
  public Quaternion setY(double y) {
    this.y = y;
    return this;
  }

  /** Field {@code float64 z}. */
  public double getZ() {
    return z;
  }

  /** Sets field {@code z}; returns this. */
  public Quaternion setZ(double z) {
    this.z = z;
    return this;
  }

  /** Field {@code float64 w}. */
  public double getW() {
    return w;
  }

  /** Sets field {@code w}; returns this. */
  public Quaternion setW(double w) {
    this.w = w;
    return this;
  }

  @Override
  public MessageType<Quaternion> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 32;
  }

  @Override
  public void serialize(ByteBuffer out) {
    out.putDouble(x);
    out.putDouble(y);
    out.putDouble(z);
    out.putDouble(w);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      x = in.getDouble();
      y = in.getDouble();
      z = in.getDouble();
      w = in.getDouble();
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("geometry_msgs/Quaternion", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Quaternion)) {
      return false;
    }
    Quaternion other = (Quaternion) o;
    return Double.compare(x, other.x) == 0
        && Double.compare(y, other.y) == 0
        && Double.compare(z, other.z) == 0
        && Double.compare(w, other.w) == 0;
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + Double.hashCode(x);
    h = 31 * h + Double.hashCode(y);
    h = 31 * h + Double.hashCode(z);
    h = 31 * h + Double.hashCode(w);
    return h;
  }

  @Override
  public String toString() {
    return "geometry_msgs/Quaternion{" + "x=" + x + ", y=" + y + ", z=" + z + ", w=" + w + "}";
  }
}
