package org.latentmpc.ros.msgs.latent_mpc_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code latent_mpc_msgs/SetJointStateRequest}: joint positions (rad or m) and
 * velocities (rad/s or m/s) in the URDF's dof order; an empty array keeps the current values.
 *
 * <p>The request of service {@link SetJointState}. Arrays are held by reference (setters do not
 * copy).
 */
public final class SetJointStateRequest implements Message {
  /** The type descriptor of {@code latent_mpc_msgs/SetJointStateRequest}. */
  public static final MessageType<SetJointStateRequest> TYPE = SetJointState.TYPE.requestType();

  private double[] position = new double[0];
  private double[] velocity = new double[0];

  /** An empty request (keeps both positions and velocities). */
  public SetJointStateRequest() {}

  /** Field {@code float64[] position} (held by reference). */
  public double[] getPosition() {
    return position;
  }

  /** Sets field {@code position} (stored by reference, not copied); returns this. */
  public SetJointStateRequest setPosition(double[] position) {
    this.position = Objects.requireNonNull(position, "position");
    return this;
  }

  /** Field {@code float64[] velocity} (held by reference). */
  public double[] getVelocity() {
    return velocity;
  }

  /** Sets field {@code velocity} (stored by reference, not copied); returns this. */
  public SetJointStateRequest setVelocity(double[] velocity) {
    this.velocity = Objects.requireNonNull(velocity, "velocity");
    return this;
  }

  @Override
  public MessageType<SetJointStateRequest> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 8 + 8 * position.length + 8 * velocity.length;
  }

  @Override
  public void serialize(ByteBuffer out) {
    Wire.putFloat64Array(out, position, -1, "position");
    Wire.putFloat64Array(out, velocity, -1, "velocity");
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      position = Wire.getFloat64Array(in, position, -1, "position");
      velocity = Wire.getFloat64Array(in, velocity, -1, "velocity");
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("latent_mpc_msgs/SetJointStateRequest", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SetJointStateRequest)) {
      return false;
    }
    SetJointStateRequest other = (SetJointStateRequest) o;
    return Arrays.equals(position, other.position) && Arrays.equals(velocity, other.velocity);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(position) + Arrays.hashCode(velocity);
  }

  @Override
  public String toString() {
    return "latent_mpc_msgs/SetJointStateRequest{position="
        + Arrays.toString(position)
        + ", velocity="
        + Arrays.toString(velocity)
        + "}";
  }
}
