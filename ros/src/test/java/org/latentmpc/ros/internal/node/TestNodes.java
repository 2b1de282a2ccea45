package org.latentmpc.ros.internal.node;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.NodeMainExecutor;

/** Helpers for tests that start real nodes against a real master on loopback. */
final class TestNodes {
  /** Bound on every wait in these tests: generous, since the machine is shared. */
  static final long TIMEOUT_MS = 20_000;

  private TestNodes() {}

  /** A NodeMain that does nothing on start: the test drives the returned ConnectedNode. */
  static NodeMain idle(String name) {
    return new NodeMain() {
      @Override
      public String getDefaultNodeName() {
        return name;
      }

      @Override
      public void onStart(ConnectedNode node) {}
    };
  }

  static NodeConfiguration config(String masterUri) {
    return NodeConfiguration.builder().masterUri(URI.create(masterUri)).build();
  }

  static ConnectedNode start(NodeMainExecutor executor, String masterUri, String name) {
    return executor.execute(idle(name), config(masterUri));
  }

  /**
   * Polls {@code condition} until it holds or {@link #TIMEOUT_MS} passes; returns whether it held.
   */
  static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }
}
