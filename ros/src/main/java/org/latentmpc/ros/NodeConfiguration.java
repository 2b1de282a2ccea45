package org.latentmpc.ros;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a node needs to start: master URI, name, namespace, the host it advertises, remappings
 * and private parameters. Build one with {@link #builder()} or from ROS command-line arguments and
 * the environment with {@link #fromArgs}.
 */
public final class NodeConfiguration {
  /** The master URI when neither ROS_MASTER_URI nor {@code __master:=} gives one. */
  public static final URI DEFAULT_MASTER_URI = URI.create("http://localhost:11311/");

  private final URI masterUri;
  private final String nodeName;
  private final String namespace;
  private final String advertisedHost;
  private final Map<String, String> remappings;
  private final Map<String, Object> privateParameters;

  private NodeConfiguration(Builder builder) {
    this.masterUri = builder.masterUri;
    this.nodeName = builder.nodeName;
    this.namespace = builder.namespace;
    this.advertisedHost = builder.advertisedHost;
    this.remappings = Map.copyOf(builder.remappings);
    this.privateParameters = Map.copyOf(builder.privateParameters);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads ROS command-line arguments ({@code from:=to}, {@code __name:=}, {@code __ns:=}, {@code
   * __master:=}, {@code __ip:=}, {@code __hostname:=}, {@code _param:=value} with YAML typing) and
   * the environment (ROS_MASTER_URI, ROS_NAMESPACE, ROS_HOSTNAME, ROS_IP). Arguments without {@code
   * :=} are ignored (they belong to the program).
   *
   * @throws IllegalArgumentException naming the argument when one is malformed (an invalid name or
   *     URI)
   */
  public static NodeConfiguration fromArgs(String[] args, Map<String, String> environment) {
    return org.latentmpc.ros.internal.name.CommandLineParser.parse(args, environment);
  }

  /** {@link #fromArgs(String[], Map)} with the process environment. */
  public static NodeConfiguration fromArgs(String... args) {
    return fromArgs(args, System.getenv());
  }

  public URI masterUri() {
    return masterUri;
  }

  /**
   * The node's name relative to its namespace, or null to use {@link
   * NodeMain#getDefaultNodeName()}.
   */
  public String nodeName() {
    return nodeName;
  }

  /** The namespace, always global and ending without a slash except for the root {@code /}. */
  public String namespace() {
    return namespace;
  }

  /** The host name or address the node's servers bind to and advertise. */
  public String advertisedHost() {
    return advertisedHost;
  }

  /** Remappings as given (unresolved source name to unresolved target name). */
  public Map<String, String> remappings() {
    return remappings;
  }

  /**
   * Values of {@code _param:=value} arguments, keyed by the parameter name without the underscore.
   */
  public Map<String, Object> privateParameters() {
    return privateParameters;
  }

  public Builder toBuilder() {
    Builder builder =
        new Builder()
            .masterUri(masterUri)
            .nodeName(nodeName)
            .namespace(namespace)
            .advertisedHost(advertisedHost);
    builder.remappings.putAll(remappings);
    builder.privateParameters.putAll(privateParameters);
    return builder;
  }

  @Override
  public String toString() {
    return "NodeConfiguration[master="
        + masterUri
        + ", name="
        + nodeName
        + ", ns="
        + namespace
        + ", host="
        + advertisedHost
        + ", remappings="
        + remappings
        + ", params="
        + privateParameters
        + "]";
  }

  /**
   * Builds a {@link NodeConfiguration}; defaults: master localhost:11311, root namespace, host
   * 127.0.0.1.
   */
  public static final class Builder {
    private URI masterUri = DEFAULT_MASTER_URI;
    private String nodeName;
    private String namespace = "/";
    private String advertisedHost = "127.0.0.1";
    private final Map<String, String> remappings = new LinkedHashMap<>();
    private final Map<String, Object> privateParameters = new LinkedHashMap<>();

    private Builder() {}

    public Builder masterUri(URI uri) {
      this.masterUri = Objects.requireNonNull(uri, "masterUri");
      return this;
    }

    public Builder nodeName(String name) {
      this.nodeName = name;
      return this;
    }

    public Builder namespace(String ns) {
      this.namespace = Objects.requireNonNull(ns, "namespace");
      return this;
    }

    public Builder advertisedHost(String host) {
      this.advertisedHost = Objects.requireNonNull(host, "advertisedHost");
      return this;
    }

    public Builder remap(String from, String to) {
      remappings.put(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
      return this;
    }

    public Builder privateParameter(String name, Object value) {
      privateParameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value));
      return this;
    }

    public NodeConfiguration build() {
      return new NodeConfiguration(this);
    }
  }
}
