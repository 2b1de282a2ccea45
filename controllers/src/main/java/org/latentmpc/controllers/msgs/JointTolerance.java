package org.latentmpc.controllers.msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code control_msgs/JointTolerance}: position (rad or m), velocity (rad/s or m/s)
 * and acceleration (rad/s^2 or m/s^2) tolerances of one joint; 0 = the server's default, -1 = no
 * tolerance. md5 and definition are computed from the .msg text on the classpath.
 */
public final class JointTolerance implements Message {
  /** The type descriptor. */
  public static final MessageType<JointTolerance> TYPE =
      MessageType.of("control_msgs/JointTolerance", JointTolerance::new);

  private String name = "";
  private double position;
  private double velocity;
  private double acceleration;

  /** An empty message. */
  public JointTolerance() {}

  /** Field {@code name} (the joint). */
  public String getName() {
    return name;
  }

  /** Sets {@code name}; returns this. */
  public JointTolerance setName(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /** Field {@code position} (rad or m). */
  public double getPosition() {
    return position;
  }

  /** Sets {@code position} (rad or m); returns this. */
  public JointTolerance setPosition(double position) {
    this.position = position;
    return this;
  }

  /** Field {@code velocity} (rad/s or m/s). */
  public double getVelocity() {
    return velocity;
  }

  /** Sets {@code velocity} (rad/s or m/s); returns this. */
  public JointTolerance setVelocity(double velocity) {
    this.velocity = velocity;
    return this;
  }

  /** Field {@code acceleration} (rad/s^2 or m/s^2). */
  public double getAcceleration() {
    return acceleration;
  }

  /** Sets {@code acceleration} (rad/s^2 or m/s^2); returns this. */
  public JointTolerance setAcceleration(double acceleration) {
    this.acceleration = acceleration;
    return this;
  }

  @Override
  public MessageType<JointTolerance> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return Wire.stringSize(name) + 24;
  }

  @Override
  public void serialize(ByteBuffer out) {
    Wire.putString(out, name);
    out.putDouble(position);
    out.putDouble(velocity);
    out.putDouble(acceleration);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      name = Wire.getString(in, name, "name");
      position = in.getDouble();
      velocity = in.getDouble();
      acceleration = in.getDouble();
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("control_msgs/JointTolerance", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JointTolerance other
        && name.equals(other.name)
        && Double.compare(position, other.position) == 0
        && Double.compare(velocity, other.velocity) == 0
        && Double.compare(acceleration, other.acceleration) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, position, velocity, acceleration);
  }

  @Override
  public String toString() {
    return "control_msgs/JointTolerance{name=\""
        + name
        + "\", position="
        + position
        + ", velocity="
        + velocity
        + ", acceleration="
        + acceleration
        + "}";
  }
}
