package org.latentmpc.ros.internal.name;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves graph names for one node: {@code /x} stays, {@code x} becomes namespace + {@code /x},
 * {@code ~x} becomes the node's full name + {@code /x}; then remappings apply. Remapping sources
 * and targets are themselves resolved the same way (without remapping) when the resolver is built,
 * and matched on the full resolved name, as rospy and roscpp do.
 */
public final class NameResolver {
  private final String namespace;
  private final String nodeName;
  private final Map<String, String> remappings;

  /**
   * @param namespace the node's namespace (made global and canonical)
   * @param nodeName the node's name: a base or relative name (resolved in {@code namespace}) or a
   *     global name
   * @param rawRemappings remappings as given on the command line ({@code from -> to}, unresolved)
   * @throws IllegalArgumentException naming the offending name when one is malformed
   */
  public NameResolver(String namespace, String nodeName, Map<String, String> rawRemappings) {
    this.namespace = GraphNames.toNamespace(namespace, "namespace");
    Objects.requireNonNull(nodeName, "nodeName");
    GraphNames.checkLegal(nodeName, "node name");
    if (GraphNames.isPrivate(nodeName)) {
      throw new IllegalArgumentException("a node name cannot be private: '" + nodeName + "'");
    }
    this.nodeName =
        GraphNames.isGlobal(nodeName)
            ? GraphNames.canonicalize(nodeName)
            : GraphNames.join(this.namespace, nodeName);
    Map<String, String> resolved = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : rawRemappings.entrySet()) {
      String from = GraphNames.checkLegal(e.getKey(), "remapping source");
      String to = GraphNames.checkLegal(e.getValue(), "remapping target of " + from);
      resolved.put(resolveWithoutRemapping(from), resolveWithoutRemapping(to));
    }
    this.remappings = Collections.unmodifiableMap(resolved);
  }

  /** A resolver without remappings. */
  public NameResolver(String namespace, String nodeName) {
    this(namespace, nodeName, Map.of());
  }

  /** The node's namespace, global, without trailing slash (except the root {@code /}). */
  public String namespace() {
    return namespace;
  }

  /** The node's full (global) name, e.g. {@code /arm/controller}. */
  public String nodeName() {
    return nodeName;
  }

  /** The resolved remappings (full source name to full target name). */
  public Map<String, String> remappings() {
    return remappings;
  }

  /**
   * Resolves {@code name} and applies remapping.
   *
   * @throws IllegalArgumentException when the name is not a legal graph name
   */
  public String resolve(String name) {
    String full = resolveWithoutRemapping(GraphNames.checkLegal(name, "name"));
    return remappings.getOrDefault(full, full);
  }

  /** Resolves {@code name} without applying remappings. */
  public String resolveWithoutRemapping(String name) {
    GraphNames.checkLegal(name, "name");
    if (GraphNames.isGlobal(name)) {
      return GraphNames.canonicalize(name);
    }
    if (GraphNames.isPrivate(name)) {
      String rest = name.substring(1);
      while (rest.startsWith("/")) {
        rest = rest.substring(1);
      }
      return GraphNames.join(nodeName, rest);
    }
    return GraphNames.join(namespace, name);
  }

  @Override
  public String toString() {
    return "NameResolver[ns=" + namespace + ", node=" + nodeName + ", remap=" + remappings + "]";
  }
}
