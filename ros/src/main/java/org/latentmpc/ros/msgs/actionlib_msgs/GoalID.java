package org.latentmpc.ros.msgs.actionlib_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code actionlib_msgs/GoalID}: the identity of an action goal (a unique id and
 * the time the goal was requested). An empty id with a zero stamp in a cancel request means "every
 * goal". md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class GoalID implements Message {
  /** The type descriptor of {@code actionlib_msgs/GoalID}. */
  public static final MessageType<GoalID> TYPE =
      MessageType.of("actionlib_msgs/GoalID", GoalID::new);

  private Time stamp = Time.ZERO;
  private String id = "";

  /** An empty message: zero stamp, empty id. */
  public GoalID() {}

  /** Field {@code time stamp}: when the goal was requested. */
  public Time getStamp() {
    return stamp;
  }

  /** Sets field {@code stamp}; returns this. */
  public GoalID setStamp(Time stamp) {
    this.stamp = Objects.requireNonNull(stamp, "stamp");
    return this;
  }

  /** Field {@code string id}. */
  public String getId() {
    return id;
  }

  /** Sets field {@code id}; returns this. */
  public GoalID setId(String id) {
    this.id = Objects.requireNonNull(id, "id");
    return this;
  }

  @Override
  public MessageType<GoalID> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 8 + Wire.stringSize(id);
  }

  @Override
  public void serialize(ByteBuffer out) {
    Wire.putTime(out, stamp);
    Wire.putString(out, id);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      stamp = Wire.getTime(in, stamp);
      id = Wire.getString(in, id, "id");
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("actionlib_msgs/GoalID", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoalID other && stamp.equals(other.stamp) && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return 31 * stamp.hashCode() + id.hashCode();
  }

  @Override
  public String toString() {
    return "actionlib_msgs/GoalID{stamp=" + stamp + ", id=\"" + id + "\"}";
  }
}
