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
 * The ROS message {@code control_msgs/FollowJointTrajectoryActionResult}: the final status and
 * result of a goal (the action's {@code result} topic). md5 and definition are computed from the
 * .msg text on the classpath. Nested messages are held by reference.
 */
public final class FollowJointTrajectoryActionResult implements Message {
  /** The type descriptor. */
  public static final MessageType<FollowJointTrajectoryActionResult> TYPE =
      MessageType.of(
          "control_msgs/FollowJointTrajectoryActionResult", FollowJointTrajectoryActionResult::new);

  private Header header = new Header();
  private GoalStatus status = new GoalStatus();
  private FollowJointTrajectoryResult result = new FollowJointTrajectoryResult();

  /** An empty message. */
  public FollowJointTrajectoryActionResult() {}

  /** Field {@code header} (held by reference). */
  public Header getHeader() {
    return header;
  }

  /** Sets {@code header} (by reference); returns this. */
  public FollowJointTrajectoryActionResult setHeader(Header header) {
    this.header = Objects.requireNonNull(header, "header");
    return this;
  }

  /** Field {@code status} (held by reference). */
  public GoalStatus getStatus() {
    return status;
  }

  /** Sets {@code status} (by reference); returns this. */
  public FollowJointTrajectoryActionResult setStatus(GoalStatus status) {
    this.status = Objects.requireNonNull(status, "status");
    return this;
  }

  /** Field {@code result} (held by reference). */
  public FollowJointTrajectoryResult getResult() {
    return result;
  }

  /** Sets {@code result} (by reference); returns this. */
  public FollowJointTrajectoryActionResult setResult(FollowJointTrajectoryResult result) {
    this.result = Objects.requireNonNull(result, "result");
    return this;
  }

  @Override
  public MessageType<FollowJointTrajectoryActionResult> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return header.serializedSize() + status.serializedSize() + result.serializedSize();
  }

  @Override
  public void serialize(ByteBuffer out) {
    header.serialize(out);
    status.serialize(out);
    result.serialize(out);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      header.deserialize(in);
      status.deserialize(in);
      result.deserialize(in);
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("control_msgs/FollowJointTrajectoryActionResult", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FollowJointTrajectoryActionResult other
        && header.equals(other.header)
        && status.equals(other.status)
        && result.equals(other.result);
  }

  @Override
  public int hashCode() {
    return Objects.hash(header, status, result);
  }

  @Override
  public String toString() {
    return "control_msgs/FollowJointTrajectoryActionResult{header="
        + header
        + ", status="
        + status
        + ", result="
        + result
        + "}";
  }
}
