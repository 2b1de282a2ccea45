package org.latentmpc.controllers.msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code control_msgs/FollowJointTrajectoryResult}: an error code (the constants
 * below) and a human-readable explanation. md5 and definition are computed from the .msg text on
 * the classpath.
 */
public final class FollowJointTrajectoryResult implements Message {
  /** The type descriptor. */
  public static final MessageType<FollowJointTrajectoryResult> TYPE =
      MessageType.of("control_msgs/FollowJointTrajectoryResult", FollowJointTrajectoryResult::new);

  /** The goal was reached. */
  public static final int SUCCESSFUL = 0;

  /** The goal is malformed (times, values, lengths, limits). */
  public static final int INVALID_GOAL = -1;

  /** The goal's joint names do not match the controller's joints. */
  public static final int INVALID_JOINTS = -2;

  /** The goal's header stamp is too old. */
  public static final int OLD_HEADER_TIMESTAMP = -3;

  /** A joint left its path tolerance during execution. */
  public static final int PATH_TOLERANCE_VIOLATED = -4;

  /** The joints were not within the goal tolerance in time. */
  public static final int GOAL_TOLERANCE_VIOLATED = -5;

  private int errorCode;
  private String errorString = "";

  /** An empty message (SUCCESSFUL). */
  public FollowJointTrajectoryResult() {}

  /** Field {@code error_code}. */
  public int getErrorCode() {
    return errorCode;
  }

  /** Sets {@code error_code}; returns this. */
  public FollowJointTrajectoryResult setErrorCode(int errorCode) {
    this.errorCode = errorCode;
    return this;
  }

  /** Field {@code error_string}. */
  public String getErrorString() {
    return errorString;
  }

  /** Sets {@code error_string}; returns this. */
  public FollowJointTrajectoryResult setErrorString(String errorString) {
    this.errorString = Objects.requireNonNull(errorString, "error_string");
    return this;
  }

  @Override
  public MessageType<FollowJointTrajectoryResult> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 4 + Wire.stringSize(errorString);
  }

  @Override
  public void serialize(ByteBuffer out) {
    out.putInt(errorCode);
    Wire.putString(out, errorString);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      errorCode = in.getInt();
      errorString = Wire.getString(in, errorString, "error_string");
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("control_msgs/FollowJointTrajectoryResult", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FollowJointTrajectoryResult other
        && errorCode == other.errorCode
        && errorString.equals(other.errorString);
  }

  @Override
  public int hashCode() {
    return 31 * errorCode + errorString.hashCode();
  }

  @Override
  public String toString() {
    return "control_msgs/FollowJointTrajectoryResult{error_code="
        + errorCode
        + ", error_string=\""
        + errorString
        + "\"}";
  }
}
