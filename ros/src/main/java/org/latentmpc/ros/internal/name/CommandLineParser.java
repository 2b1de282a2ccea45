package org.latentmpc.ros.internal.name;

import java.util.Map;
import org.latentmpc.ros.NodeConfiguration;

/** Parses ROS command-line arguments and environment into a configuration. (Being written.) */
public final class CommandLineParser {
  private CommandLineParser() {}

  public static NodeConfiguration parse(String[] args, Map<String, String> environment) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
