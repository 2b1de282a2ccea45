package org.latentmpc.ros.msgs.std_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code std_msgs/Header}. Standard metadata for higher-level stamped data types.
 * This is generally used to communicate timestamped data in a particular coordinate frame. sequence
 * ID: consecutively increasing ID
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class Header implements Message {
  /** The type descriptor of {@code std_msgs/Header}. */
  public static final MessageType<Header> TYPE = MessageType.of("std_msgs/Header", Header::new);

  private int seq = 0;
  private Time stamp = Time.ZERO;
  private java.lang.String frameId = "";

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public Header() {}

  /** Field {@code uint32 seq}. */
  public int getSeq() {
    return seq;
  }

  /** Sets field {@code seq}; returns this. */
  public Header setSeq(int seq) {
    this.seq = seq;
    return this;
  }

  /** Field {@code time stamp}. */
  public Time getStamp() {
    return stamp;
  }

  /** Sets field {@code stamp}; returns this. */
  public Header setStamp(Time stamp) {
    this.stamp = Objects.requireNonNull(stamp, "stamp");
    return this;
  }

  /** Field {@code string frame_id}. */
  public java.lang.String getFrameId() {
    return frameId;
  }

  /** Sets field {@code frame_id}; returns this. */
  public Header setFrameId(java.lang.String frameId) {
    this.frameId = Objects.requireNonNull(frameId, "frame_id");
    return this;
  }

  @Override
  public MessageType<Header> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 12 + Wire.stringSize(frameId);
  }

  @Override
  public void serialize(ByteBuffer out) {
    out.putInt(seq);
    Wire.putTime(out, stamp);
    Wire.putString(out, frameId);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      seq = in.getInt();
      stamp = Wire.getTime(in, stamp);
      frameId = Wire.getString(in, frameId, "frame_id");
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("std_msgs/Header", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Header)) {
      return false;
    }
    Header other = (Header) o;
    return seq == other.seq && stamp.equals(other.stamp) && frameId.equals(other.frameId);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + Integer.hashCode(seq);
    h = 31 * h + stamp.hashCode();
    h = 31 * h + frameId.hashCode();
    return h;
  }

  @Override
  public java.lang.String toString() {
    return "std_msgs/Header{"
        + "seq="
        + seq
        + ", stamp="
        + stamp
        + ", frame_id="
        + "\""
        + frameId
        + "\""
        + "}";
  }
}
