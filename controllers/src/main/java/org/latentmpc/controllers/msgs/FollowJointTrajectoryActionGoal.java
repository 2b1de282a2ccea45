package org.latentmpc.controllers.msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;
import org.latentmpc.ros.msgs.actionlib_msgs.GoalID;
import org.latentmpc.ros.msgs.std_msgs.Header;

/**
 * The ROS message {@code control_msgs/FollowJointTrajectoryActionGoal}: a follow_joint_trajectory
 * goal with its id (the action's {@code goal} topic). md5 and definition are computed from the .msg
 * text on the classpath. Nested messages are held by reference.
 */
public final class FollowJointTrajectoryActionGoal implements Message {
  /** The type descriptor. */
  public static final MessageType<FollowJointTrajectoryActionGoal> TYPE =
      MessageType.of(
          "control_msgs/FollowJointTrajectoryActionGoal", FollowJointTrajectoryActionGoal::new);

  private Header header = new Header();
  private GoalID goalId = new GoalID();
  private FollowJointTrajectoryGoal goal = new FollowJointTrajectoryGoal();

  /** An empty message. */
  public FollowJointTrajectoryActionGoal() {}

  /** Field {@code header} (held by reference). */
  public Header getHeader() {
    return header;
  }

  /** Sets {@code header} (by reference); returns this. */
  public FollowJointTrajectoryActionGoal setHeader(Header header) {
    this.header = Objects.requireNonNull(header, "header");
    return this;
  }

  /** Field {@code goal_id} (held by reference). */
  public GoalID getGoalId() {
    return goalId;
  }

  /** Sets {@code goal_id} (by reference); returns this. */
  public FollowJointTrajectoryActionGoal setGoalId(GoalID goalId) {
    this.goalId = Objects.requireNonNull(goalId, "goal_id");
    return this;
  }

  /** Field {@code goal} (held by reference). */
  public FollowJointTrajectoryGoal getGoal() {
    return goal;
  }

  /** Sets {@code goal} (by reference); returns this. */
  public FollowJointTrajectoryActionGoal setGoal(FollowJointTrajectoryGoal goal) {
    this.goal = Objects.requireNonNull(goal, "goal");
    return this;
  }

  @Override
  public MessageType<FollowJointTrajectoryActionGoal> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return header.serializedSize() + goalId.serializedSize() + goal.serializedSize();
  }

  @Override
  public void serialize(ByteBuffer out) {
    header.serialize(out);
    goalId.serialize(out);
    goal.serialize(out);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      header.deserialize(in);
      goalId.deserialize(in);
      goal.deserialize(in);
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("control_msgs/FollowJointTrajectoryActionGoal", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FollowJointTrajectoryActionGoal other
        && header.equals(other.header)
        && goalId.equals(other.goalId)
        && goal.equals(other.goal);
  }

  @Override
  public int hashCode() {
    return Objects.hash(header, goalId, goal);
  }

  @Override
  public String toString() {
    return "control_msgs/FollowJointTrajectoryActionGoal{header="
        + header
        + ", goal_id="
        + goalId
        + ", goal="
        + goal
        + "}";
  }
}
