package org.latentmpc.ros;

import java.util.concurrent.TimeUnit;

/**
 * Runs several nodes in one JVM. Nodes started by the same executor exchange messages in-process
 * (no serialization) when they share a topic, and every node is shut down cleanly by {@link
 * #shutdown()} or on SIGTERM / Ctrl-C.
 */
public interface NodeMainExecutor extends AutoCloseable {
  /** A new executor; nodes it starts share in-process transport. */
  static NodeMainExecutor newDefault() {
    return new org.latentmpc.ros.internal.node.DefaultNodeMainExecutor();
  }

  /**
   * Starts {@code nodeMain} with {@code configuration}: registers it with the master and calls
   * {@link NodeMain#onStart} on the node's own thread.
   *
   * @return the started node
   * @throws RosException if the master cannot be reached or the servers cannot bind
   */
  ConnectedNode execute(NodeMain nodeMain, NodeConfiguration configuration);

  /** Shuts down one node started by this executor. */
  void shutdownNodeMain(NodeMain nodeMain);

  /** Shuts down every node and waits for their shutdown callbacks. */
  void shutdown();

  /** Blocks until every node has shut down (by itself, a master request or {@link #shutdown()}). */
  boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException;

  @Override
  default void close() {
    shutdown();
  }
}
