package org.latentmpc.ros.msgs.rosgraph_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code rosgraph_msgs/Clock}. roslib/Clock is used for publishing simulated time
 * in ROS. This message simply communicates the current time. For more information, see
 * http://www.ros.org/wiki/Clock
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class Clock implements Message {
  /** The type descriptor of {@code rosgraph_msgs/Clock}. */
  public static final MessageType<Clock> TYPE = MessageType.of("rosgraph_msgs/Clock", Clock::new);

  private Time clock = Time.ZERO;

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public Clock() {}

  /** Field {@code time clock}. */
  public Time getClock() {
    return clock;
  }

  /** Sets field {@code clock}; returns this. */
  public Clock setClock(Time clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  @Override
  public MessageType<Clock> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 8;
  }

  @Override
  public void serialize(ByteBuffer out) {
    Wire.putTime(out, clock);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      clock = Wire.getTime(in, clock);
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("rosgraph_msgs/Clock", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Clock)) {
      return false;
    }
    Clock other = (Clock) o;
    return clock.equals(other.clock);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + clock.hashCode();
    return h;
  }

  @Override
  public String toString() {
    return "rosgraph_msgs/Clock{" + "clock=" + clock + "}";
  }
}
