package org.latentmpc.planner.internal.node;

import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.Node;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.msgs.sensor_msgs.Image;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;

/**
 * The latent MPC planner node (default name {@code planner}): plans towards the latent of a goal
 * image with the world model's dynamics and sends the next joint target to the controllers.
 *
 * <p>Parameters: {@code ~model} (checkpoint folder, required), {@code ~planner_config} (a planner
 * YAML path, or {@code cem}/{@code mppi} for {@code sim-configs/planner/<name>.yaml} under the
 * {@code latentmpc.home} system property or the working directory; default {@code cem}), {@code
 * ~robot_description_file} (URDF for the joint-limit cost; optional), {@code ~plan_rate} (Hz,
 * default 10), {@code ~goal_tolerance} (Euclidean latent distance under which the goal counts as
 * reached, default 1.0), {@code ~latent_timeout} (s, default 0.5: older latents are stale), {@code
 * ~roadmap} (default true: if the model folder holds a {@code roadmap.bin}, plan towards its
 * waypoints, see {@link org.latentmpc.planner.LatentRoadmap}), {@code ~world_model_service}
 * (default empty: rollouts in-process; else the world-model node's Predict service, e.g. {@code
 * /world_model/predict}, serves them while {@code ~model} still encodes the goal images; for a
 * model whose predictor takes the joint positions each request carries the current positions from
 * {@code /joint_states}) and {@code ~world_model_wait} (s to wait for that service at start,
 * default 30).
 *
 * <p>Topics: in, {@code /perception/latent} (latent_mpc_msgs/Latent), {@code /joint_states}, {@code
 * /planner/goal_image} (sensor_msgs/Image, encoded with the model's encoder) and {@code
 * /planner/goal_joints} (sensor_msgs/JointState: only with a {@link GoalRenderer}); out, {@code
 * /arm_controller/group_command} (std_msgs/Float64MultiArray: current joint positions plus the
 * first planned action, in the model's joint order) and {@code /planner/status}
 * (latent_mpc_msgs/PlanStatus, every plan cycle).
 */
public final class PlannerNode implements NodeMain {
  /**
   * Renders the camera image the robot would see at a joint configuration (the simulator's
   * renderer), so that {@code /planner/goal_joints} can be turned into a goal image.
   */
  @FunctionalInterface
  public interface GoalRenderer {
    /** The image at the goal joint state (any encoding {@code ImageConversion} accepts). */
    Image render(JointState goal);
  }

  private final GoalRenderer renderer;
  private volatile PlannerNodeRuntime runtime;

  /** A node without a goal renderer: {@code /planner/goal_joints} is logged and ignored. */
  public PlannerNode() {
    this(null);
  }

  /** A node that renders {@code /planner/goal_joints} goals with {@code renderer} (may be null). */
  public PlannerNode(GoalRenderer renderer) {
    this.renderer = renderer;
  }

  @Override
  public String getDefaultNodeName() {
    return "planner";
  }

  @Override
  public void onStart(ConnectedNode node) {
    PlannerNodeRuntime r = new PlannerNodeRuntime(node, renderer);
    runtime = r;
    r.start();
  }

  @Override
  public void onShutdown(Node node) {
    PlannerNodeRuntime r = runtime;
    if (r != null) {
      r.stop();
    }
  }

  /** Plan cycles run so far (0 before start). */
  public long cycles() {
    PlannerNodeRuntime r = runtime;
    return r == null ? 0 : r.cycles();
  }
}
