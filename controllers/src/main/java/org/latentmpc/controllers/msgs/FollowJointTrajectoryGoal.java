package org.latentmpc.controllers.msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.latentmpc.ros.Duration;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectory;

/**
 * The ROS message {@code control_msgs/FollowJointTrajectoryGoal}: a trajectory with optional path
 * and goal tolerances and the time allowed after its end to reach the goal. md5 and definition are
 * computed from the .msg text on the classpath.
 */
public final class FollowJointTrajectoryGoal implements Message {
  /** The type descriptor. */
  public static final MessageType<FollowJointTrajectoryGoal> TYPE =
      MessageType.of("control_msgs/FollowJointTrajectoryGoal", FollowJointTrajectoryGoal::new);

  private JointTrajectory trajectory = new JointTrajectory();
  private List<JointTolerance> pathTolerance = new ArrayList<>();
  private List<JointTolerance> goalTolerance = new ArrayList<>();
  private Duration goalTimeTolerance = Duration.ZERO;

  /** An empty message. */
  public FollowJointTrajectoryGoal() {}

  /** Field {@code trajectory} (held by reference). */
  public JointTrajectory getTrajectory() {
    return trajectory;
  }

  /** Sets {@code trajectory} (by reference); returns this. */
  public FollowJointTrajectoryGoal setTrajectory(JointTrajectory trajectory) {
    this.trajectory = Objects.requireNonNull(trajectory, "trajectory");
    return this;
  }

  /** Field {@code path_tolerance} (held by reference). */
  public List<JointTolerance> getPathTolerance() {
    return pathTolerance;
  }

  /** Sets {@code path_tolerance} (by reference); returns this. */
  public FollowJointTrajectoryGoal setPathTolerance(List<JointTolerance> tolerances) {
    this.pathTolerance = Objects.requireNonNull(tolerances, "path_tolerance");
    return this;
  }

  /** Field {@code goal_tolerance} (held by reference). */
  public List<JointTolerance> getGoalTolerance() {
    return goalTolerance;
  }

  /** Sets {@code goal_tolerance} (by reference); returns this. */
  public FollowJointTrajectoryGoal setGoalTolerance(List<JointTolerance> tolerances) {
    this.goalTolerance = Objects.requireNonNull(tolerances, "goal_tolerance");
    return this;
  }

  /** Field {@code goal_time_tolerance}. */
  public Duration getGoalTimeTolerance() {
    return goalTimeTolerance;
  }

  /** Sets {@code goal_time_tolerance}; returns this. */
  public FollowJointTrajectoryGoal setGoalTimeTolerance(Duration d) {
    this.goalTimeTolerance = Objects.requireNonNull(d, "goal_time_tolerance");
    return this;
  }

  @Override
  public MessageType<FollowJointTrajectoryGoal> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return trajectory.serializedSize()
        + Wire.messageListSize(pathTolerance)
        + Wire.messageListSize(goalTolerance)
        + 8;
  }

  @Override
  public void serialize(ByteBuffer out) {
    trajectory.serialize(out);
    putList(out, pathTolerance);
    putList(out, goalTolerance);
    Wire.putDuration(out, goalTimeTolerance);
  }

  static void putList(ByteBuffer out, List<? extends Message> list) {
    out.putInt(list.size());
    for (int i = 0, n = list.size(); i < n; i++) {
      list.get(i).serialize(out);
    }
  }

  private static List<JointTolerance> getList(
      ByteBuffer in, List<JointTolerance> reuse, String field) {
    int count = Wire.readCount(in, 28, field);
    List<JointTolerance> list = reuse instanceof ArrayList ? reuse : new ArrayList<>(count);
    while (list.size() > count) {
      list.remove(list.size() - 1);
    }
    for (int i = 0; i < count; i++) {
      if (i == list.size()) {
        list.add(new JointTolerance());
      }
      list.get(i).deserialize(in);
    }
    return list;
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      trajectory.deserialize(in);
      pathTolerance = getList(in, pathTolerance, "path_tolerance");
      goalTolerance = getList(in, goalTolerance, "goal_tolerance");
      goalTimeTolerance = Wire.getDuration(in, goalTimeTolerance);
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("control_msgs/FollowJointTrajectoryGoal", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FollowJointTrajectoryGoal other
        && trajectory.equals(other.trajectory)
        && pathTolerance.equals(other.pathTolerance)
        && goalTolerance.equals(other.goalTolerance)
        && goalTimeTolerance.equals(other.goalTimeTolerance);
  }

  @Override
  public int hashCode() {
    return Objects.hash(trajectory, pathTolerance, goalTolerance, goalTimeTolerance);
  }

  @Override
  public String toString() {
    return "control_msgs/FollowJointTrajectoryGoal{trajectory="
        + trajectory
        + ", path_tolerance="
        + pathTolerance
        + ", goal_tolerance="
        + goalTolerance
        + ", goal_time_tolerance="
        + goalTimeTolerance
        + "}";
  }
}
