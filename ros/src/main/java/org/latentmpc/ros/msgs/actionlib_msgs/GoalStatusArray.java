package org.latentmpc.ros.msgs.actionlib_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;
import org.latentmpc.ros.msgs.std_msgs.Header;

/**
 * The ROS message {@code actionlib_msgs/GoalStatusArray}: the statuses of every goal an action
 * server tracks (its {@code status} topic). md5 and definition are computed at run time from the
 * .msg text on the classpath.
 */
public final class GoalStatusArray implements Message {
  /** The type descriptor of {@code actionlib_msgs/GoalStatusArray}. */
  public static final MessageType<GoalStatusArray> TYPE =
      MessageType.of("actionlib_msgs/GoalStatusArray", GoalStatusArray::new);

  private Header header = new Header();
  private List<GoalStatus> statusList = new ArrayList<>();

  /** An empty message. */
  public GoalStatusArray() {}

  /** Field {@code Header header} (held by reference). */
  public Header getHeader() {
    return header;
  }

  /** Sets field {@code header} (by reference); returns this. */
  public GoalStatusArray setHeader(Header header) {
    this.header = Objects.requireNonNull(header, "header");
    return this;
  }

  /** Field {@code GoalStatus[] status_list} (held by reference). */
  public List<GoalStatus> getStatusList() {
    return statusList;
  }

  /** Sets field {@code status_list} (by reference); returns this. */
  public GoalStatusArray setStatusList(List<GoalStatus> statusList) {
    this.statusList = Objects.requireNonNull(statusList, "status_list");
    return this;
  }

  @Override
  public MessageType<GoalStatusArray> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return header.serializedSize() + Wire.messageListSize(statusList);
  }

  @Override
  public void serialize(ByteBuffer out) {
    header.serialize(out);
    out.putInt(statusList.size());
    for (int i = 0, n = statusList.size(); i < n; i++) {
      statusList.get(i).serialize(out);
    }
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      header.deserialize(in);
      int count = Wire.readCount(in, 17, "status_list");
      if (!(statusList instanceof ArrayList)) {
        statusList = new ArrayList<>(count);
      }
      while (statusList.size() > count) {
        statusList.remove(statusList.size() - 1);
      }
      for (int i = 0; i < count; i++) {
        if (i == statusList.size()) {
          statusList.add(new GoalStatus());
        }
        statusList.get(i).deserialize(in);
      }
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("actionlib_msgs/GoalStatusArray", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoalStatusArray other
        && header.equals(other.header)
        && statusList.equals(other.statusList);
  }

  @Override
  public int hashCode() {
    return 31 * header.hashCode() + statusList.hashCode();
  }

  @Override
  public String toString() {
    return "actionlib_msgs/GoalStatusArray{header=" + header + ", status_list=" + statusList + "}";
  }
}
