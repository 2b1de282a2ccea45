package org.latentmpc.ros.msgs.actionlib_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code actionlib_msgs/GoalStatus}: the state of one action goal as an action
 * server reports it (the constants below), with a free text. md5 and definition are computed at run
 * time from the .msg text on the classpath.
 */
public final class GoalStatus implements Message {
  /** The type descriptor of {@code actionlib_msgs/GoalStatus}. */
  public static final MessageType<GoalStatus> TYPE =
      MessageType.of("actionlib_msgs/GoalStatus", GoalStatus::new);

  /** The goal has yet to be processed by the action server. */
  public static final byte PENDING = 0;

  /** The goal is being processed. */
  public static final byte ACTIVE = 1;

  /** Cancelled after it started executing, and has since stopped (terminal). */
  public static final byte PREEMPTED = 2;

  /** Achieved (terminal). */
  public static final byte SUCCEEDED = 3;

  /** Aborted by the server during execution (terminal). */
  public static final byte ABORTED = 4;

  /** Rejected without being processed: unattainable or invalid (terminal). */
  public static final byte REJECTED = 5;

  /** Cancel requested while executing, not yet stopped. */
  public static final byte PREEMPTING = 6;

  /** Cancel requested before it started executing, not yet confirmed. */
  public static final byte RECALLING = 7;

  /** Cancelled before it started executing (terminal). */
  public static final byte RECALLED = 8;

  /** Client-side only: the client lost track of the goal. */
  public static final byte LOST = 9;

  private GoalID goalId = new GoalID();
  private byte status;
  private String text = "";

  /** An empty message (status PENDING). */
  public GoalStatus() {}

  /** Field {@code GoalID goal_id} (held by reference). */
  public GoalID getGoalId() {
    return goalId;
  }

  /** Sets field {@code goal_id} (by reference); returns this. */
  public GoalStatus setGoalId(GoalID goalId) {
    this.goalId = Objects.requireNonNull(goalId, "goal_id");
    return this;
  }

  /** Field {@code uint8 status} (one of the constants). */
  public byte getStatus() {
    return status;
  }

  /** Sets field {@code status}; returns this. */
  public GoalStatus setStatus(byte status) {
    this.status = status;
    return this;
  }

  /** Field {@code string text}. */
  public String getText() {
    return text;
  }

  /** Sets field {@code text}; returns this. */
  public GoalStatus setText(String text) {
    this.text = Objects.requireNonNull(text, "text");
    return this;
  }

  /** True for the terminal states (PREEMPTED, SUCCEEDED, ABORTED, REJECTED, RECALLED). */
  public static boolean isTerminal(byte status) {
    return status == PREEMPTED
        || status == SUCCEEDED
        || status == ABORTED
        || status == REJECTED
        || status == RECALLED;
  }

  @Override
  public MessageType<GoalStatus> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return goalId.serializedSize() + 1 + Wire.stringSize(text);
  }

  @Override
  public void serialize(ByteBuffer out) {
    goalId.serialize(out);
    out.put(status);
    Wire.putString(out, text);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      goalId.deserialize(in);
      status = in.get();
      text = Wire.getString(in, text, "text");
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("actionlib_msgs/GoalStatus", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoalStatus other
        && goalId.equals(other.goalId)
        && status == other.status
        && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(goalId, status, text);
  }

  @Override
  public String toString() {
    return "actionlib_msgs/GoalStatus{goal_id="
        + goalId
        + ", status="
        + status
        + ", text=\""
        + text
        + "\"}";
  }
}
