package org.latentmpc.controllers.msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;
import org.latentmpc.ros.msgs.actionlib_msgs.GoalStatus;
import org.latentmpc.ros.msgs.std_msgs.Header;

/**
 * The ROS message {@code control_msgs/FollowJointTrajectoryActionFeedback}: feedback of an
 * executing goal with its status (the action's {@code feedback} topic). md5 and definition are
 * computed from the .msg text on the classpath. Nested messages are held by reference.
 */
public final class FollowJointTrajectoryActionFeedback implements Message {
  /** The type descriptor. */
  public static final MessageType<FollowJointTrajectoryActionFeedback> TYPE =
      MessageType.of(
          "control_msgs/FollowJointTrajectoryActionFeedback",
          FollowJointTrajectoryActionFeedback::new);

  private Header header = new Header();
  private GoalStatus status = new GoalStatus();
  private FollowJointTrajectoryFeedback feedback = new FollowJointTrajectoryFeedback();

  /** An empty message. */
  public FollowJointTrajectoryActionFeedback() {}

  /** Field {@code header} (held by reference). */
  public Header getHeader() {
    return header;
  }

  /** Sets {@code header} (by reference); returns this. */
  public FollowJointTrajectoryActionFeedback setHeader(Header header) {
    this.header = Objects.requireNonNull(header, "header");
    return this;
  }

  /** Field {@code status} (held by reference). */
  public GoalStatus getStatus() {
    return status;
  }

  /** Sets {@code status} (by reference); returns this. */
  public FollowJointTrajectoryActionFeedback setStatus(GoalStatus status) {
    this.status = Objects.requireNonNull(status, "status");
    return this;
  }

  /** Field {@code feedback} (held by reference). */
  public FollowJointTrajectoryFeedback getFeedback() {
    return feedback;
  }

  /** Sets {@code feedback} (by reference); returns this. */
  public FollowJointTrajectoryActionFeedback setFeedback(FollowJointTrajectoryFeedback feedback) {
    this.feedback = Objects.requireNonNull(feedback, "feedback");
    return this;
  }

  @Override
  public MessageType<FollowJointTrajectoryActionFeedback> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return header.serializedSize() + status.serializedSize() + feedback.serializedSize();
  }

  @Override
  public void serialize(ByteBuffer out) {
    header.serialize(out);
    status.serialize(out);
    feedback.serialize(out);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      header.deserialize(in);
      status.deserialize(in);
      feedback.deserialize(in);
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("control_msgs/FollowJointTrajectoryActionFeedback", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FollowJointTrajectoryActionFeedback other
        && header.equals(other.header)
        && status.equals(other.status)
        && feedback.equals(other.feedback);
  }

  @Override
  public int hashCode() {
    return Objects.hash(header, status, feedback);
  }

  @Override
  public String toString() {
    return "control_msgs/FollowJointTrajectoryActionFeedback{header="
        + header
        + ", status="
        + status
        + ", feedback="
        + feedback
        + "}";
  }
}
