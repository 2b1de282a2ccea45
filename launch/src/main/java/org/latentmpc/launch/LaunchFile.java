package org.latentmpc.launch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed, fully substituted roslaunch-style launch file: the global parameters (full names, in
 * file order) and the nodes to start, in file order.
 *
 * @param globalParams parameter full name (e.g. {@code /use_sim_time}) to value (String, Integer,
 *     Double, Boolean, List or Map)
 * @param nodes the nodes in the order they appear (includes expanded in place)
 */
public record LaunchFile(Map<String, Object> globalParams, List<LaunchFile.NodeSpec> nodes) {
  /** Immutable copies. */
  public LaunchFile {
    globalParams = Collections.unmodifiableMap(new LinkedHashMap<>(globalParams));
    nodes = List.copyOf(nodes);
  }

  /**
   * One {@code <node>}.
   *
   * @param type the {@link NodeRegistry} type
   * @param namespace resolved namespace, {@code /} or {@code /a/b}
   * @param name resolved full graph name, e.g. {@code /a/b/sim}
   * @param remaps from to, in file order (scope remaps first, then the node's own)
   * @param privateParams parameters relative to the node's private namespace (no {@code ~})
   * @param args the raw {@code args} attribute (substituted), empty when absent
   * @param respawn restart the node when it shuts down
   * @param respawnDelayS delay before a restart, seconds
   * @param required shut everything down when this node shuts down
   * @param source file and line of the tag, for messages
   */
  public record NodeSpec(
      String type,
      String namespace,
      String name,
      Map<String, String> remaps,
      Map<String, Object> privateParams,
      String args,
      boolean respawn,
      double respawnDelayS,
      boolean required,
      String source) {
    /** Immutable copies. */
    public NodeSpec {
      remaps = Collections.unmodifiableMap(new LinkedHashMap<>(remaps));
      privateParams = Collections.unmodifiableMap(new LinkedHashMap<>(privateParams));
    }

    /** The base name (last segment of {@link #name()}). */
    public String baseName() {
      return name.substring(name.lastIndexOf('/') + 1);
    }
  }
}
