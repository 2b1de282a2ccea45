package org.latentmpc.ros.msgs.latent_mpc_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;
import org.latentmpc.ros.msgs.geometry_msgs.Point;

/**
 * The ROS message {@code latent_mpc_msgs/SetTargetRequest}: the target marker's centre in the world
 * frame (m) and whether it is drawn.
 *
 * <p>The request of service {@link SetTarget}. The nested point is held by reference.
 */
public final class SetTargetRequest implements Message {
  /** The type descriptor of {@code latent_mpc_msgs/SetTargetRequest}. */
  public static final MessageType<SetTargetRequest> TYPE = SetTarget.TYPE.requestType();

  private Point position = new Point();
  private boolean visible = false;

  /** An empty request: the origin, hidden. */
  public SetTargetRequest() {}

  /** Field {@code geometry_msgs/Point position} (held by reference). */
  public Point getPosition() {
    return position;
  }

  /** Sets field {@code position} (stored by reference); returns this. */
  public SetTargetRequest setPosition(Point position) {
    this.position = Objects.requireNonNull(position, "position");
    return this;
  }

  /** Field {@code bool visible}. */
  public boolean isVisible() {
    return visible;
  }

  /** Sets field {@code visible}; returns this. */
  public SetTargetRequest setVisible(boolean visible) {
    this.visible = visible;
    return this;
  }

  @Override
  public MessageType<SetTargetRequest> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return position.serializedSize() + 1;
  }

  @Override
  public void serialize(ByteBuffer out) {
    position.serialize(out);
    out.put((byte) (visible ? 1 : 0));
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      position.deserialize(in);
      visible = in.get() != 0;
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("latent_mpc_msgs/SetTargetRequest", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SetTargetRequest)) {
      return false;
    }
    SetTargetRequest other = (SetTargetRequest) o;
    return position.equals(other.position) && visible == other.visible;
  }

  @Override
  public int hashCode() {
    return 31 * position.hashCode() + Boolean.hashCode(visible);
  }

  @Override
  public String toString() {
    return "latent_mpc_msgs/SetTargetRequest{position=" + position + ", visible=" + visible + "}";
  }
}
