package org.latentmpc.controllers;

import org.latentmpc.controllers.internal.ControllerNodeRuntime;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.Node;
import org.latentmpc.ros.NodeMain;

/**
 * The controllers node: one {@link JointController} in a fixed-rate {@link ControlLoop}, wired to
 * ROS.
 *
 * <p>Parameters: {@code ~controller_ns} (default {@code arm_controller}) names the controller
 * namespace, read as in {@link ControllerSettings} (if it is not on the parameter server, {@code
 * ~config_file} names a rosparam YAML file to load it from); the robot comes from the constructor,
 * {@code ~robot_description_file} or the {@code robot_description} parameter (URDF text); {@code
 * /use_sim_time} selects {@code /clock} time; {@code ~joint_states_topic} (default {@code
 * /joint_states}), {@code ~emergency_stop_topic} ({@code /emergency_stop}), {@code ~reset_service}
 * ({@code /emergency_stop/reset}), {@code ~spin_us} (wall clock busy-wait before each deadline,
 * default 50), {@code ~joint_state_timeout} (s, default 0.25: with older joint states the node
 * sends nothing until they flow again), {@code ~sim_mode} (the simulator's stepping mode when it is
 * in the loop: {@code lockstep} runs one cycle per received joint state at the state's stamp
 * instead of the fixed-rate loop, for a simulator that waits for each command, and latches the
 * effort output; {@code realtime}, {@code fast} or empty (default) run the fixed-rate loop; loop
 * statistics stay empty in lock-step).
 *
 * <p>Topics, relative to the node's namespace: in, {@code <ns>/command} (JointTrajectory for type
 * trajectory, Float64MultiArray otherwise), {@code <ns>/group_command} (Float64MultiArray
 * positions, type trajectory only), the joint states and the e-stop (std_msgs/Bool, {@code true}
 * latches); out, the effort topic (effort mode) or the driver's position/velocity/effort topics
 * (forward mode), {@code <ns>/state} (control_msgs/JointTrajectoryControllerState) and {@code
 * <ns>/loop_statistics} (std_msgs/Float64MultiArray, 1 Hz: cycles, nominal and mean period, jitter
 * p50/p99/p99.9/max in us, overruns, mode ordinal, rejected commands). The reset service is
 * std_srvs/Trigger. Gains under {@code <ns>/gains} are re-read when they change.
 *
 * <p>Type trajectory also serves the {@code control_msgs/FollowJointTrajectory} action (actionlib,
 * as ros_controllers' joint_trajectory_controller) on {@code
 * <ns>/follow_joint_trajectory/{goal,cancel,status,feedback,result}}: goals whose joints are not
 * the controller's are REJECTED with INVALID_JOINTS, malformed or out-of-limit ones (or any while
 * the e-stop is latched or joint states are missing) with INVALID_GOAL, ones wholly in the past
 * with OLD_HEADER_TIMESTAMP; an accepted goal preempts the running one, as does any topic command;
 * a cancel stops and holds (PREEMPTED, or RECALLED before the goal arrived); a goal SUCCEEDS when
 * its last point's time has passed within the goal tolerances, is ABORTED with
 * PATH_TOLERANCE_VIOLATED or GOAL_TOLERANCE_VIOLATED (then the controller stops and holds), and
 * ABORTED by the e-stop or stale joint states. The goal's tolerances override {@code constraints}
 * per joint (0 keeps the default, -1 removes it); feedback (desired/actual/error) comes at {@code
 * <ns>/action_monitor_rate} (Hz, default 20) from the control loop without allocating, the status
 * array at 10 Hz with finished goals kept for 5 s. See {@link
 * org.latentmpc.controllers.internal.FollowJointTrajectoryServer}.
 *
 * <p>Stamps published (state, feedback, action) are ROS time; a trajectory's non-zero header stamp
 * (ROS time) is moved onto the control clock's time line.
 */
public final class ControllerNode implements NodeMain {
  private final RobotModel model;
  private volatile ControllerNodeRuntime runtime;

  /** A node that reads the robot description from parameters. */
  public ControllerNode() {
    this(null);
  }

  /** A node for {@code model} (in-JVM use: the launcher already parsed the URDF). */
  public ControllerNode(RobotModel model) {
    this.model = model;
  }

  @Override
  public String getDefaultNodeName() {
    return "controllers";
  }

  @Override
  public void onStart(ConnectedNode node) {
    ControllerNodeRuntime r = new ControllerNodeRuntime(node, model);
    runtime = r;
    r.start();
  }

  @Override
  public void onShutdown(Node node) {
    ControllerNodeRuntime r = runtime;
    if (r != null) {
      r.stop();
    }
  }

  /** The controller, once started (null before). */
  public JointController controller() {
    ControllerNodeRuntime r = runtime;
    return r == null ? null : r.controller();
  }

  /** The control loop's statistics, once started (null before). */
  public LoopStatistics loopStatistics() {
    ControllerNodeRuntime r = runtime;
    return r == null ? null : r.loop().statistics();
  }
}
