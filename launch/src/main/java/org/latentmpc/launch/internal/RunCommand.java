package org.latentmpc.launch.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.latentmpc.launch.NodeRegistry;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.Node;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.NodeMainExecutor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code latent-mpc run TYPE [ROS args]}: runs one node like rosrun, against ROS_MASTER_URI (or
 * {@code __master:=}), until it shuts down, Ctrl-C or SIGTERM. A node that fails to start ends the
 * command with exit code 1.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run one node like rosrun: latent-mpc run TYPE [name:=other] [__name:=n] [_param:=value] ...",
      "Types: sim, controllers, perception, world_model, planner, record. Examples:",
      "  latent-mpc run sim _scene:=sim-configs/scenes/reacher2.yaml _mode:=realtime",
      "  latent-mpc run controllers _robot_description_file:=sim-configs/robots/arm7.urdf"
          + " _config_file:=sim-configs/controllers/arm7_sim.yaml"
    })
public final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TYPE", description = "Node type.")
  String type;

  @Parameters(index = "1..*", paramLabel = "ROS_ARGS", description = "ROS arguments.")
  List<String> rosArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    NodeMain node = NodeRegistry.create(type);
    NodeConfiguration configuration = NodeConfiguration.fromArgs(rosArgs.toArray(String[]::new));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    NodeMain watched = new FailureWatch(node, failure);
    try (NodeMainExecutor executor = NodeMainExecutor.newDefault()) {
      ConnectedNode started = executor.execute(watched, configuration);
      System.err.println(
          "run: " + type + " node " + started.getName() + " joined " + started.getMasterUri());
      while (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
        // runs until the node shuts down (rosnode kill, a failed start) or the JVM is stopped
      }
    }
    Throwable error = failure.get();
    if (error != null) {
      System.err.println("run: " + type + " failed: " + error.getMessage());
      return 1;
    }
    return 0;
  }

  /**
   * Delegates to the node and shuts it down when its start (or a callback) fails, as rosrun's
   * process would end.
   */
  private static final class FailureWatch implements NodeMain {
    private final NodeMain delegate;
    private final AtomicReference<Throwable> failure;

    FailureWatch(NodeMain delegate, AtomicReference<Throwable> failure) {
      this.delegate = delegate;
      this.failure = failure;
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
      delegate.onShutdown(node);
    }

    @Override
    public void onShutdownComplete(Node node) {
      delegate.onShutdownComplete(node);
    }

    @Override
    public void onError(Node node, Throwable error) {
      delegate.onError(node, error);
      failure.compareAndSet(null, error);
      node.shutdown();
    }
  }
}
