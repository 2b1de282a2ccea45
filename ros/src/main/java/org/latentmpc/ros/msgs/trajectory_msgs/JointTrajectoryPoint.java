package org.latentmpc.ros.msgs.trajectory_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.latentmpc.ros.Duration;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code trajectory_msgs/JointTrajectoryPoint}. Each trajectory point specifies
 * either positions[, velocities[, accelerations]] or positions[, effort] for the trajectory to be
 * executed. All specified values are in the same order as the joint names in JointTrajectory.msg
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class JointTrajectoryPoint implements Message {
  /** The type descriptor of {@code trajectory_msgs/JointTrajectoryPoint}. */
  public static final MessageType<JointTrajectoryPoint> TYPE =
      MessageType.of("trajectory_msgs/JointTrajectoryPoint", JointTrajectoryPoint::new);

  private double[] positions = new double[0];
  private double[] velocities = new double[0];
  private double[] accelerations = new double[0];
  private double[] effort = new double[0];
  private Duration timeFromStart = Duration.ZERO;

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public JointTrajectoryPoint() {}

  /** Field {@code float64[] positions} (held by reference). */
  public double[] getPositions() {
    return positions;
  }

  /** Sets field {@code positions} (stored by reference, not copied); returns this. */
  public JointTrajectoryPoint setPositions(double[] positions) {
    this.positions = Objects.requireNonNull(positions, "positions");
    return this;
  }

  /** Field {@code float64[] velocities} (held by reference). */
  public double[] getVelocities() {
    return velocities;
  }

  /** Sets field {@code velocities} (stored by reference, not copied); returns this. */
  public JointTrajectoryPoint setVelocities(double[] velocities) {
    this.velocities = Objects.requireNonNull(velocities, "velocities");
    return this;
  }

  /** Field {@code float64[] accelerations} (held by reference). */
  public double[] getAccelerations() {
    return accelerations;
  }

  /** Sets field {@code accelerations} (stored by reference, not copied); returns this. */
  public JointTrajectoryPoint setAccelerations(double[] accelerations) {
    this.accelerations = Objects.requireNonNull(accelerations, "accelerations");
    return this;
  }

  /** Field {@code float64[] effort} (held by reference). */
  public double[] getEffort() {
    return effort;
  }

  /** Sets field {@code effort} (stored by reference, not copied); returns this. */
  public JointTrajectoryPoint setEffort(double[] effort) {
    this.effort = Objects.requireNonNull(effort, "effort");
    return this;
  }

  /** Field {@code duration time_from_start}. */
  public Duration getTimeFromStart() {
    return timeFromStart;
  }

  /** Sets field {@code time_from_start}; returns this. */
  public JointTrajectoryPoint setTimeFromStart(Duration timeFromStart) {
    this.timeFromStart = Objects.requireNonNull(timeFromStart, "time_from_start");
    return this;
  }

  @Override
  public MessageType<JointTrajectoryPoint> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 24
        + 8 * positions.length
        + 8 * velocities.length
        + 8 * accelerations.length
        + 8 * effort.length;
  }

  @Override
  public void serialize(ByteBuffer out) {
    Wire.putFloat64Array(out, positions, -1, "positions");
    Wire.putFloat64Array(out, velocities, -1, "velocities");
    Wire.putFloat64Array(out, accelerations, -1, "accelerations");
    Wire.putFloat64Array(out, effort, -1, "effort");
    Wire.putDuration(out, timeFromStart);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      positions = Wire.getFloat64Array(in, positions, -1, "positions");
      velocities = Wire.getFloat64Array(in, velocities, -1, "velocities");
      accelerations = Wire.getFloat64Array(in, accelerations, -1, "accelerations");
      effort = Wire.getFloat64Array(in, effort, -1, "effort");
      timeFromStart = Wire.getDuration(in, timeFromStart);
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("trajectory_msgs/JointTrajectoryPoint", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof JointTrajectoryPoint)) {
      return false;
    }
    JointTrajectoryPoint other = (JointTrajectoryPoint) o;
    return Arrays.equals(positions, other.positions)
        && Arrays.equals(velocities, other.velocities)
        && Arrays.equals(accelerations, other.accelerations)
        && Arrays.equals(effort, other.effort)
        && timeFromStart.equals(other.timeFromStart);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + Arrays.hashCode(positions);
    h = 31 * h + Arrays.hashCode(velocities);
    h = 31 * h + Arrays.hashCode(accelerations);
    h = 31 * h + Arrays.hashCode(effort);
    h = 31 * h + timeFromStart.hashCode();
    return h;
  }

  @Override
  public String toString() {
    return "trajectory_msgs/JointTrajectoryPoint{"
        + "positions="
        + Arrays.toString(positions)
        + ", velocities="
        + Arrays.toString(velocities)
        + ", accelerations="
        + Arrays.toString(accelerations)
        + ", effort="
        + Arrays.toString(effort)
        + ", time_from_start="
        + timeFromStart
        + "}";
  }
}
