package org.latentmpc.ros.msgs.latent_mpc_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;
import org.latentmpc.ros.msgs.std_msgs.Header;

/**
 * The ROS message {@code latent_mpc_msgs/PlanStatus}. The status of one planning cycle of the
 * latent MPC planner. header.stamp is the time the plan was computed.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class PlanStatus implements Message {
  /** The type descriptor of {@code latent_mpc_msgs/PlanStatus}. */
  public static final MessageType<PlanStatus> TYPE =
      MessageType.of("latent_mpc_msgs/PlanStatus", PlanStatus::new);

  private Header header = new Header();
  private String planner = "";
  private double cost = 0;
  private int iterations = 0;
  private double solveTimeS = 0;
  private double goalDistance = 0;
  private boolean goalReached = false;
  private String message = "";

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public PlanStatus() {}

  /** Field {@code std_msgs/Header header} (held by reference). */
  public Header getHeader() {
    return header;
  }

  /** Sets field {@code header} (stored by reference, not copied); returns this. */
  public PlanStatus setHeader(Header header) {
    this.header = Objects.requireNonNull(header, "header");
    return this;
  }

  /** Field {@code string planner}. */
  public String getPlanner() {
    return planner;
  }

  /** Sets field {@code planner}; returns this. */
  public PlanStatus setPlanner(String planner) {
    this.planner = Objects.requireNonNull(planner, "planner");
    return this;
  }

  /** Field {@code float64 cost}. */
  public double getCost() {
    return cost;
  }

  /** Sets field {@code cost}; returns this. */
  public PlanStatus setCost(double cost) {
    this.cost = cost;
    return this;
  }

  /** Field {@code int32 iterations}. */
  public int getIterations() {
    return iterations;
  }

  /** Sets field {@code iterations}; returns this. */
  public PlanStatus setIterations(int iterations) {
    this.iterations = iterations;
    return this;
  }

  /** Field {@code float64 solve_time_s}. */
  public double getSolveTimeS() {
    return solveTimeS;
  }

  /** Sets field {@code solve_time_s}; returns this. */
  public PlanStatus setSolveTimeS(double solveTimeS) {
    this.solveTimeS = solveTimeS;
    return this;
  }

  /** Field {@code float64 goal_distance}. */
  public double getGoalDistance() {
    return goalDistance;
  }

  /** Sets field {@code goal_distance}; returns this. */
  public PlanStatus setGoalDistance(double goalDistance) {
    this.goalDistance = goalDistance;
    return this;
  }

  /** Field {@code bool goal_reached}. */
  public boolean isGoalReached() {
    return goalReached;
  }

  /** Sets field {@code goal_reached}; returns this. */
  public PlanStatus setGoalReached(boolean goalReached) {
    this.goalReached = goalReached;
    return this;
  }

  /** Field {@code string message}. */
  public String getMessage() {
    return message;
  }

  /** Sets field {@code message}; returns this. */
  public PlanStatus setMessage(String message) {
    this.message = Objects.requireNonNull(message, "message");
    return this;
  }

  @Override
  public MessageType<PlanStatus> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 29 + header.serializedSize() + Wire.stringSize(planner) + Wire.stringSize(message);
  }

  @Override
  public void serialize(ByteBuffer out) {
    header.serialize(out);
    Wire.putString(out, planner);
    out.putDouble(cost);
    out.putInt(iterations);
    out.putDouble(solveTimeS);
    out.putDouble(goalDistance);
    out.put((byte) (goalReached ? 1 : 0));
    Wire.putString(out, message);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      header.deserialize(in);
      planner = Wire.getString(in, planner, "planner");
      cost = in.getDouble();
      iterations = in.getInt();
      solveTimeS = in.getDouble();
      goalDistance = in.getDouble();
      goalReached = in.get() != 0;
      message = Wire.getString(in, message, "message");
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("latent_mpc_msgs/PlanStatus", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PlanStatus)) {
      return false;
    }
    PlanStatus other = (PlanStatus) o;
    return header.equals(other.header)
        && planner.equals(other.planner)
        && Double.compare(cost, other.cost) == 0
        && iterations == other.iterations
        && Double.compare(solveTimeS, other.solveTimeS) == 0
        && Double.compare(goalDistance, other.goalDistance) == 0
        && goalReached == other.goalReached
        && message.equals(other.message);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + header.hashCode();
    h = 31 * h + planner.hashCode();
    h = 31 * h + Double.hashCode(cost);
    h = 31 * h + Integer.hashCode(iterations);
    h = 31 * h + Double.hashCode(solveTimeS);
    h = 31 * h + Double.hashCode(goalDistance);
    h = 31 * h + Boolean.hashCode(goalReached);
    h = 31 * h + message.hashCode();
    return h;
  }

  @Override
  public String toString() {
    return "latent_mpc_msgs/PlanStatus{"
        + "header="
        + header
        + ", planner="
        + "\""
        + planner
        + "\""
        + ", cost="
        + cost
        + ", iterations="
        + iterations
        + ", solve_time_s="
        + solveTimeS
        + ", goal_distance="
        + goalDistance
        + ", goal_reached="
        + goalReached
        + ", message="
        + "\""
        + message
        + "\""
        + "}";
  }
}
