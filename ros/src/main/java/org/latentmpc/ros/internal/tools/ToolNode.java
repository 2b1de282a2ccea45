package org.latentmpc.ros.internal.tools;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.NodeMainExecutor;

/**
 * A short-lived, anonymously named node for a command-line tool (like rostopic's {@code
 * /rostopic_<pid>_<ms>}), joined to the master of ROS_MASTER_URI or of {@code --master}.
 */
final class ToolNode implements AutoCloseable {
  private final NodeMainExecutor executor = NodeMainExecutor.newDefault();
  private final ConnectedNode node;

  private ToolNode(String tool, URI masterOverride) {
    NodeConfiguration.Builder builder = NodeConfiguration.fromArgs(new String[0]).toBuilder();
    if (masterOverride != null) {
      builder.masterUri(masterOverride);
    }
    builder.nodeName(
        "latent_mpc_"
            + tool
            + "_"
            + ProcessHandle.current().pid()
            + "_"
            + System.currentTimeMillis());
    NodeMain main =
        new NodeMain() {
          @Override
          public String getDefaultNodeName() {
            return tool;
          }

          @Override
          public void onStart(ConnectedNode connectedNode) {}
        };
    this.node = executor.execute(main, builder.build());
  }

  /** Starts the tool's node. */
  static ToolNode start(String tool, URI masterOverride) {
    return new ToolNode(tool, masterOverride);
  }

  ConnectedNode node() {
    return node;
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
