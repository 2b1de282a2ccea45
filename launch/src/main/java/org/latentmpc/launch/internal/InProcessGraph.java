package org.latentmpc.launch.internal;

import java.io.PrintStream;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.latentmpc.launch.LaunchFile;
import org.latentmpc.launch.NodeRegistry;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.Node;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.NodeMainExecutor;

/**
 * A launch file's nodes running in this JVM with one {@link NodeMainExecutor} (intra-process
 * topics), supervised as in {@link SupervisedGraph}.
 */
public final class InProcessGraph extends SupervisedGraph {
  private final NodeMainExecutor executor = NodeMainExecutor.newDefault();

  private InProcessGraph(LaunchFile launch, URI master, PrintStream log) {
    super(launch, master, log);
  }

  /**
   * Sets the file's parameters on {@code master} and starts every node, in file order. A node whose
   * start fails is reported like a node that ended (a required one stops the graph in {@link
   * #supervise}).
   */
  public static InProcessGraph start(LaunchFile launch, URI master, PrintStream log) {
    InProcessGraph graph = new InProcessGraph(launch, master, log);
    graph.startAll();
    return graph;
  }

  /** The executor the nodes run in (start more nodes in it to share intra-process topics). */
  public NodeMainExecutor executor() {
    return executor;
  }

  @Override
  protected void stopNodes() {
    executor.shutdown();
  }

  @Override
  public void close() {
    stop();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  protected void startNode(LaunchFile.NodeSpec spec) {
    NodeConfiguration configuration = configuration(spec, master);
    Watch watch = new Watch(spec, NodeRegistry.create(spec.type()), this::ended, log);
    try {
      ConnectedNode node = executor.execute(watch, configuration);
      log.println("launch: started " + spec.type() + " as " + node.getName());
    } catch (RuntimeException e) {
      log.println("launch: " + spec.source() + ": " + spec.name() + " failed to start: " + e);
      ended(spec);
    }
  }

  /** The node's configuration: name, namespace, args' remaps and params, then the file's. */
  static NodeConfiguration configuration(LaunchFile.NodeSpec spec, URI master) {
    NodeConfiguration.Builder builder =
        NodeConfiguration.builder()
            .masterUri(master)
            .nodeName(spec.baseName())
            .namespace(spec.namespace());
    if (!spec.args().isBlank()) {
      NodeConfiguration fromArgs = NodeConfiguration.fromArgs(spec.args().trim().split("\\s+"));
      fromArgs.remappings().forEach(builder::remap);
      fromArgs.privateParameters().forEach(builder::privateParameter);
    }
    spec.remaps().forEach(builder::remap);
    spec.privateParams().forEach(builder::privateParameter);
    return builder.build();
  }

  /** Delegates to the node; reports its end once, and shuts it down when a callback fails. */
  private static final class Watch implements NodeMain {
    final LaunchFile.NodeSpec spec;
    private final NodeMain delegate;
    private final java.util.function.Consumer<LaunchFile.NodeSpec> ended;
    private final PrintStream log;
    private boolean reported;
    private volatile boolean shuttingDown;

    Watch(
        LaunchFile.NodeSpec spec,
        NodeMain delegate,
        java.util.function.Consumer<LaunchFile.NodeSpec> ended,
        PrintStream log) {
      this.spec = spec;
      this.delegate = delegate;
      this.ended = ended;
      this.log = log;
    }

    @Override
    public String getDefaultNodeName() {
      return delegate.getDefaultNodeName();
    }

    @Override
    public void onStart(ConnectedNode node) {
      try {
        delegate.onStart(node);
      } catch (RuntimeException | Error e) {
        onError(node, e);
      }
    }

    @Override
    public void onShutdown(Node node) {
      shuttingDown = true;
      delegate.onShutdown(node);
    }

    @Override
    public void onShutdownComplete(Node node) {
      try {
        delegate.onShutdownComplete(node);
      } finally {
        synchronized (this) {
          if (!reported) {
            reported = true;
            ended.accept(spec);
          }
        }
      }
    }

    @Override
    public void onError(Node node, Throwable error) {
      if (shuttingDown) {
        return; // a start interrupted by a shutdown request (rosnode kill, Ctrl-C) is no failure
      }
      log.println("launch: " + spec.name() + " failed: " + error);
      delegate.onError(node, error);
      node.shutdown();
    }
  }
}
