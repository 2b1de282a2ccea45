package org.latentmpc.ros.internal.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.internal.transport.IntraProcessRegistry;

/**
 * Runs nodes in this JVM. Nodes of one executor share an {@link IntraProcessRegistry}, so their
 * topics are delivered by reference; a JVM shutdown hook (SIGTERM, Ctrl-C) shuts every node down
 * cleanly.
 */
public final class DefaultNodeMainExecutor implements NodeMainExecutor {
  private final IntraProcessRegistry registry = new IntraProcessRegistry();
  private final Map<NodeMain, DefaultNode> nodes = new ConcurrentHashMap<>();
  private final Thread shutdownHook;

  public DefaultNodeMainExecutor() {
    shutdownHook = new Thread(this::shutdownNodes, "ros-executor-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  @Override
  public ConnectedNode execute(NodeMain nodeMain, NodeConfiguration configuration) {
    if (nodes.containsKey(nodeMain)) {
      throw new IllegalStateException("this NodeMain is already running: " + nodeMain);
    }
    DefaultNode[] holder = new DefaultNode[1];
    DefaultNode node =
        new DefaultNode(nodeMain, configuration, registry, () -> nodes.remove(nodeMain, holder[0]));
    holder[0] = node;
    nodes.put(nodeMain, node);
    try {
      node.start();
    } catch (RuntimeException e) {
      node.shutdown();
      throw e;
    }
    return node;
  }

  @Override
  public void shutdownNodeMain(NodeMain nodeMain) {
    DefaultNode node = nodes.get(nodeMain);
    if (node != null) {
      node.shutdown();
    }
  }

  @Override
  public void shutdown() {
    shutdownNodes();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook is running or has run.
    }
  }

  private void shutdownNodes() {
    List<DefaultNode> running = new ArrayList<>(nodes.values());
    for (DefaultNode node : running) {
      node.shutdown();
    }
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    for (DefaultNode node : new ArrayList<>(nodes.values())) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !node.awaitTermination(left, TimeUnit.NANOSECONDS)) {
        return false;
      }
    }
    return true;
  }
}
