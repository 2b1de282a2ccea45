package org.latentmpc.ros.internal.node;

import java.net.URI;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;

/**
 * A separate process for {@link SigtermShutdownTest}: starts node {@code /sigterm_fixture}
 * publishing {@code /fixture_out} against the master given as the first argument, prints READY and
 * waits to be killed.
 */
public final class SigtermFixture {
  private SigtermFixture() {}

  public static void main(String[] args) throws Exception {
    NodeMainExecutor executor = NodeMainExecutor.newDefault();
    ConnectedNode node =
        executor.execute(
            TestNodes.idle("sigterm_fixture"),
            NodeConfiguration.builder().masterUri(URI.create(args[0])).build());
    node.newPublisher("/fixture_out", Float64MultiArray.TYPE);
    node.newSubscriber("/fixture_in", Float64MultiArray.TYPE);
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
