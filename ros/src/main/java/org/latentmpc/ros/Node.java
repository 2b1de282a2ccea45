package org.latentmpc.ros;

import java.net.URI;
import org.slf4j.Logger;

/** A node as seen in every lifecycle state: its name, addresses, clock and log. */
public interface Node {
  /** The node's full graph name, e.g. {@code /arm/controllers}. */
  String getName();

  /**
   * Resolves a name the ROS way (global, relative to the namespace, or {@code ~private}) and
   * applies the remappings.
   */
  String resolveName(String name);

  /** The master this node registered with. */
  URI getMasterUri();

  /** The node's slave API (XML-RPC) URI. */
  URI getUri();

  /** Now: wall time, or the latest /clock message when /use_sim_time is true. */
  Time getCurrentTime();

  /** A logger whose warnings and errors are also published on /rosout. */
  Logger getLog();

  /**
   * Unregisters everything, closes the node's sockets and calls the {@link NodeMain}'s shutdown
   * callbacks.
   */
  void shutdown();
}
