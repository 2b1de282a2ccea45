package org.latentmpc.ros.msgs.trajectory_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;
import org.latentmpc.ros.msgs.std_msgs.Header;

/**
 * The ROS message {@code trajectory_msgs/JointTrajectory}.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class JointTrajectory implements Message {
  /** The type descriptor of {@code trajectory_msgs/JointTrajectory}. */
  public static final MessageType<JointTrajectory> TYPE =
      MessageType.of("trajectory_msgs/JointTrajectory", JointTrajectory::new);

  private Header header = new Header();
  private String[] jointNames = new String[0];
  private List<JointTrajectoryPoint> points = new ArrayList<>();

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public JointTrajectory() {}

  /** Field {@code std_msgs/Header header} (held by reference). */
  public Header getHeader() {
    return header;
  }

  /** Sets field {@code header} (stored by reference, not copied); returns this. */
  public JointTrajectory setHeader(Header header) {
    this.header = Objects.requireNonNull(header, "header");
    return this;
  }

  /** Field {@code string[] joint_names} (held by reference). */
  public String[] getJointNames() {
    return jointNames;
  }

  /** Sets field {@code joint_names} (stored by reference, not copied); returns this. */
  public JointTrajectory setJointNames(String[] jointNames) {
    this.jointNames = Objects.requireNonNull(jointNames, "joint_names");
    return this;
  }

  /** Field {@code trajectory_msgs/JointTrajectoryPoint[] points} (held by reference). */
  public List<JointTrajectoryPoint> getPoints() {
    return points;
  }

  /** Sets field {@code points} (stored by reference, not copied); returns this. */
  public JointTrajectory setPoints(List<JointTrajectoryPoint> points) {
    this.points = Objects.requireNonNull(points, "points");
    return this;
  }

  @Override
  public MessageType<JointTrajectory> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return header.serializedSize()
        + Wire.stringArraySize(jointNames)
        + Wire.messageListSize(points);
  }

  @Override
  public void serialize(ByteBuffer out) {
    header.serialize(out);
    Wire.putStringArray(out, jointNames);
    out.putInt(points.size());
    for (int i = 0, n = points.size(); i < n; i++) {
      points.get(i).serialize(out);
    }
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      header.deserialize(in);
      jointNames = Wire.getStringArray(in, jointNames, "joint_names");
      int pointsCount = Wire.readCount(in, 24, "points");
      if (!(points instanceof ArrayList)) {
        points = new ArrayList<>(pointsCount);
      }
      while (points.size() > pointsCount) {
        points.remove(points.size() - 1);
      }
      for (int i = 0; i < pointsCount; i++) {
        if (i == points.size()) {
          points.add(new JointTrajectoryPoint());
        }
        points.get(i).deserialize(in);
      }
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("trajectory_msgs/JointTrajectory", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof JointTrajectory)) {
      return false;
    }
    JointTrajectory other = (JointTrajectory) o;
    return header.equals(other.header)
        && Arrays.equals(jointNames, other.jointNames)
        && points.equals(other.points);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + header.hashCode();
    h = 31 * h + Arrays.hashCode(jointNames);
    h = 31 * h + points.hashCode();
    return h;
  }

  @Override
  public String toString() {
    return "trajectory_msgs/JointTrajectory{"
        + "header="
        + header
        + ", joint_names="
        + Arrays.toString(jointNames)
        + ", points="
        + points
        + "}";
  }
}
