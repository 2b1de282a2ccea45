package org.latentmpc.ros.internal.node;

import java.util.concurrent.TimeUnit;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.NodeMainExecutor;

/** Runs nodes in this JVM. (Being written.) */
public final class DefaultNodeMainExecutor implements NodeMainExecutor {
  @Override
  public ConnectedNode execute(NodeMain nodeMain, NodeConfiguration configuration) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public void shutdownNodeMain(NodeMain nodeMain) {}

  @Override
  public void shutdown() {}

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }
}
