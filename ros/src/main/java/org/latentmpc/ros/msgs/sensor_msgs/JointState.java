package org.latentmpc.ros.msgs.sensor_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;
import org.latentmpc.ros.msgs.std_msgs.Header;

/**
 * The ROS message {@code sensor_msgs/JointState}. This is a message that holds data to describe the
 * state of a set of torque controlled joints. The state of each joint (revolute or prismatic) is
 * defined by: * the position of the joint (rad or m), * the velocity of the joint (rad/s or m/s)
 * and * the effort that is applied in the joint (Nm or N). Each joint is uniquely identified by its
 * name The header specifies the time at which the joint states were recorded. All the joint states
 * in one message have to be recorded at the same time. This message consists of a multiple arrays,
 * one for each part of the joint state. The goal is to make each of the fields optional. When e.g.
 * your joints have no effort associated with them, you can leave the effort array empty. All arrays
 * in this message should have the same size, or be empty. This is the only way to uniquely
 * associate the joint name with the correct states.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class JointState implements Message {
  /** The type descriptor of {@code sensor_msgs/JointState}. */
  public static final MessageType<JointState> TYPE =
      MessageType.of("sensor_msgs/JointState", JointState::new);

  private Header header = new Header();
  private String[] name = new String[0];
  private double[] position = new double[0];
  private double[] velocity = new double[0];
  private double[] effort = new double[0];

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public JointState() {}

  /** Field {@code std_msgs/Header header} (held by reference). */
  public Header getHeader() {
    return header;
  }

  /** Sets field {@code header} (stored by reference, not copied); returns this. */
  public JointState setHeader(Header header) {
    this.header = Objects.requireNonNull(header, "header");
    return this;
  }

  /** Field {@code string[] name} (held by reference). */
  public String[] getName() {
    return name;
  }

  /** Sets field {@code name} (stored by reference, not copied); returns this. */
  public JointState setName(String[] name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /** Field {@code float64[] position} (held by reference). */
  public double[] getPosition() {
    return position;
  }

  /** Sets field {@code position} (stored by reference, not copied); returns this. */
  public JointState setPosition(double[] position) {
    this.position = Objects.requireNonNull(position, "position");
    return this;
  }

  /** Field {@code float64[] velocity} (held by reference). */
  public double[] getVelocity() {
    return velocity;
  }

  /** Sets field {@code velocity} (stored by reference, not copied); returns this. */
  public JointState setVelocity(double[] velocity) {
    this.velocity = Objects.requireNonNull(velocity, "velocity");
    return this;
  }

  /** Field {@code float64[] effort} (held by reference). */
  public double[] getEffort() {
    return effort;
  }

  /** Sets field {@code effort} (stored by reference, not copied); returns this. */
  public JointState setEffort(double[] effort) {
    this.effort = Objects.requireNonNull(effort, "effort");
    return this;
  }

  @Override
  public MessageType<JointState> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 12
        + header.serializedSize()
        + Wire.stringArraySize(name)
        + 8 * position.length
        + 8 * velocity.length
        + 8 * effort.length;
  }

  @Override
  public void serialize(ByteBuffer out) {
    header.serialize(out);
    Wire.putStringArray(out, name);
    Wire.putFloat64Array(out, position, -1, "position");
    Wire.putFloat64Array(out, velocity, -1, "velocity");
    Wire.putFloat64Array(out, effort, -1, "effort");
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      header.deserialize(in);
      name = Wire.getStringArray(in, name, "name");
      position = Wire.getFloat64Array(in, position, -1, "position");
      velocity = Wire.getFloat64Array(in, velocity, -1, "velocity");
      effort = Wire.getFloat64Array(in, effort, -1, "effort");
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("sensor_msgs/JointState", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof JointState)) {
      return false;
    }
    JointState other = (JointState) o;
    return header.equals(other.header)
        && Arrays.equals(name, other.name)
        && Arrays.equals(position, other.position)
        && Arrays.equals(velocity, other.velocity)
        && Arrays.equals(effort, other.effort);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + header.hashCode();
    h = 31 * h + Arrays.hashCode(name);
    h = 31 * h + Arrays.hashCode(position);
    h = 31 * h + Arrays.hashCode(velocity);
    h = 31 * h + Arrays.hashCode(effort);
    return h;
  }

  @Override
  public String toString() {
    return "sensor_msgs/JointState{"
        + "header="
        + header
        + ", name="
        + Arrays.toString(name)
        + ", position="
        + Arrays.toString(position)
        + ", velocity="
        + Arrays.toString(velocity)
        + ", effort="
        + Arrays.toString(effort)
        + "}";
  }
}
