package org.latentmpc.launch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.latentmpc.controllers.ControllerNode;
import org.latentmpc.launch.internal.PlannerLaunchNode;
import org.latentmpc.launch.internal.RecordNode;
import org.latentmpc.perception.internal.node.PerceptionNode;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.sim.SimNodes;
import org.latentmpc.worldmodel.internal.node.WorldModelNode;

/**
 * The node types that {@code latent-mpc run TYPE} and launch files' {@code <node type=...>} can
 * start, each a factory of a fresh {@link NodeMain}: {@code sim}, {@code controllers}, {@code
 * perception}, {@code world_model}, {@code planner} (renders {@code /planner/goal_joints} when its
 * {@code ~scene} is set) and {@code record} (a bag recorder, like {@code rosbag record}).
 * Parameters come from the usual ROS arguments ({@code _scene:=...}) or the launch file.
 */
public final class NodeRegistry {
  private static final Map<String, Supplier<NodeMain>> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("sim", SimNodes::newSimNode);
    TYPES.put("controllers", ControllerNode::new);
    TYPES.put("perception", PerceptionNode::new);
    TYPES.put("world_model", WorldModelNode::new);
    TYPES.put("planner", PlannerLaunchNode::new);
    TYPES.put("record", RecordNode::new);
  }

  private NodeRegistry() {}

  /** The registered type names, in a stable order. */
  public static Set<String> types() {
    return Collections.unmodifiableSet(TYPES.keySet());
  }

  /**
   * A new node of {@code type}.
   *
   * @throws IllegalArgumentException naming the known types when {@code type} is not one of them
   */
  public static NodeMain create(String type) {
    Supplier<NodeMain> factory = TYPES.get(type);
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown node type '" + type + "' (known: " + TYPES.keySet() + ")");
    }
    return factory.get();
  }
}
