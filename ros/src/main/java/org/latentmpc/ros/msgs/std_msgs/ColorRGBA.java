package org.latentmpc.ros.msgs.std_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code std_msgs/ColorRGBA}.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class ColorRGBA implements Message {
  /** The type descriptor of {@code std_msgs/ColorRGBA}. */
  public static final MessageType<ColorRGBA> TYPE =
      MessageType.of("std_msgs/ColorRGBA", ColorRGBA::new);

  private float r = 0;
  private float g = 0;
  private float b = 0;
  private float a = 0;

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public ColorRGBA() {}

  /** Field {@code float32 r}. */
  public float getR() {
    return r;
  }

  /** Sets field {@code r}; returns this. */
  public ColorRGBA setR(float r) {
    this.r = r;
    return this;
  }

  /** Field {@code float32 g}. */
  public float getG() {
    return g;
  }

  /** Sets field {@code g}; returns this. */
  public ColorRGBA setG(float g) {
    this.g = g;
    return this;
  }

  /** Field {@code float32 b}. */
  public float getB() {
    return b;
  }

  /** Sets field {@code b}; returns this. */
  public ColorRGBA setB(float b) {
    this.b = b;
    return this;
  }

  /** Field {@code float32 a}. */
  public float getA() {
    return a;
  }

  /** Sets field {@code a}; returns this. */
  public ColorRGBA setA(float a) {
    this.a = a;
    return this;
  }

  @Override
  public MessageType<ColorRGBA> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 16;
  }

  @Override
  public void serialize(ByteBuffer out) {
    out.putFloat(r);
    out.putFloat(g);
    out.putFloat(b);
    out.putFloat(a);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      r = in.getFloat();
      g = in.getFloat();
      b = in.getFloat();
      a = in.getFloat();
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("std_msgs/ColorRGBA", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ColorRGBA)) {
      return false;
    }
    ColorRGBA other = (ColorRGBA) o;
    return Float.compare(r, other.r) == 0
        && Float.compare(g, other.g) == 0
        && Float.compare(b, other.b) == 0
        && Float.compare(a, other.a) == 0;
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + Float.hashCode(r);
    h = 31 * h + Float.hashCode(g);
    h = 31 * h + Float.hashCode(b);
    h = 31 * h + Float.hashCode(a);
    return h;
  }

  @Override
  public java.lang.String toString() {
    return "std_msgs/ColorRGBA{" + "r=" + r + ", g=" + g + ", b=" + b + ", a=" + a + "}";
  }
}
