package org.latentmpc.controllers.msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;
import org.latentmpc.ros.msgs.std_msgs.Header;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectoryPoint;

/**
 * The ROS message {@code control_msgs/FollowJointTrajectoryFeedback}: desired, actual and error
 * states of the joints while a follow_joint_trajectory goal executes (the fields of {@link
 * JointTrajectoryControllerState}). Arrays and nested messages are held by reference. md5 and
 * definition are computed from the .msg text on the classpath.
 */
public final class FollowJointTrajectoryFeedback implements Message {
  /** The type descriptor. */
  public static final MessageType<FollowJointTrajectoryFeedback> TYPE =
      MessageType.of(
          "control_msgs/FollowJointTrajectoryFeedback", FollowJointTrajectoryFeedback::new);

  private Header header = new Header();
  private String[] jointNames = new String[0];
  private JointTrajectoryPoint desired = new JointTrajectoryPoint();
  private JointTrajectoryPoint actual = new JointTrajectoryPoint();
  private JointTrajectoryPoint error = new JointTrajectoryPoint();

  /** An empty message. */
  public FollowJointTrajectoryFeedback() {}

  /** Field {@code header}. */
  public Header getHeader() {
    return header;
  }

  /** Sets {@code header} (by reference). */
  public FollowJointTrajectoryFeedback setHeader(Header h) {
    this.header = Objects.requireNonNull(h, "header");
    return this;
  }

  /** Field {@code joint_names}. */
  public String[] getJointNames() {
    return jointNames;
  }

  /** Sets {@code joint_names} (by reference). */
  public FollowJointTrajectoryFeedback setJointNames(String[] names) {
    this.jointNames = Objects.requireNonNull(names, "jointNames");
    return this;
  }

  /** Field {@code desired}. */
  public JointTrajectoryPoint getDesired() {
    return desired;
  }

  /** Field {@code actual}. */
  public JointTrajectoryPoint getActual() {
    return actual;
  }

  /** Field {@code error}. */
  public JointTrajectoryPoint getError() {
    return error;
  }

  @Override
  public MessageType<FollowJointTrajectoryFeedback> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return header.serializedSize()
        + Wire.stringArraySize(jointNames)
        + desired.serializedSize()
        + actual.serializedSize()
        + error.serializedSize();
  }

  @Override
  public void serialize(ByteBuffer out) {
    header.serialize(out);
    Wire.putStringArray(out, jointNames);
    desired.serialize(out);
    actual.serialize(out);
    error.serialize(out);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      header.deserialize(in);
      jointNames = Wire.getStringArray(in, jointNames, "joint_names");
      desired.deserialize(in);
      actual.deserialize(in);
      error.deserialize(in);
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("control_msgs/FollowJointTrajectoryFeedback", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FollowJointTrajectoryFeedback other
        && header.equals(other.header)
        && Arrays.equals(jointNames, other.jointNames)
        && desired.equals(other.desired)
        && actual.equals(other.actual)
        && error.equals(other.error);
  }

  @Override
  public int hashCode() {
    return Objects.hash(header, Arrays.hashCode(jointNames), desired, actual, error);
  }

  @Override
  public String toString() {
    return "control_msgs/FollowJointTrajectoryFeedback{joint_names="
        + Arrays.toString(jointNames)
        + ", desired="
        + desired
        + ", actual="
        + actual
        + ", error="
        + error
        + "}";
  }
}
