package org.latentmpc.launch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.latentmpc.controllers.ControllerNode;
import org.latentmpc.perception.internal.node.PerceptionNode;
import org.latentmpc.planner.internal.node.PlannerNode;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.sim.SimNodes;
import org.latentmpc.worldmodel.internal.node.WorldModelNode;

/**
 * The node types that {@code latent-mpc run TYPE} (and, later, launch files' {@code <node
 * type=...>}) can start, each a factory of a fresh {@link NodeMain}. Parameters come from the usual
 * ROS arguments ({@code _scene:=...}).
 */
public final class NodeRegistry {
  private static final Map<String, Supplier<NodeMain>> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("sim", SimNodes::newSimNode);
    TYPES.put("controllers", ControllerNode::new);
    TYPES.put("perception", PerceptionNode::new);
    TYPES.put("world_model", WorldModelNode::new);
    TYPES.put("planner", PlannerNode::new);
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
