package org.latentmpc.sim.internal.node;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;

/** Helpers for sim node tests: real nodes against a real master on loopback. */
final class SimHarness {
  /** Bound on every wait in these tests: generous, since the machine is shared. */
  static final long TIMEOUT_MS = 30_000;

  static final Path REACHER_SCENE = Path.of("../sim-configs/scenes/reacher2.yaml").toAbsolutePath();
  static final Path ARM7_SCENE = Path.of("../sim-configs/scenes/arm7.yaml").toAbsolutePath();
  static final Path ARM7_TWO_VIEWS_SCENE =
      Path.of("../sim-configs/scenes/arm7_two_views.yaml").toAbsolutePath();

  private SimHarness() {}

  /** Starts a sim node with {@code params} as private parameters and waits for its onStart. */
  static SimNode startSim(NodeMainExecutor executor, String masterUri, Map<String, Object> params)
      throws InterruptedException {
    return startSim(executor, masterUri, params, new SimNode());
  }

  /** Starts {@code sim} with {@code params} as private parameters and waits for its onStart. */
  static SimNode startSim(
      NodeMainExecutor executor, String masterUri, Map<String, Object> params, SimNode sim)
      throws InterruptedException {
    NodeConfiguration.Builder builder =
        NodeConfiguration.builder().masterUri(URI.create(masterUri));
    params.forEach(builder::privateParameter);
    executor.execute(sim, builder.build());
    if (!sim.awaitStarted(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
      throw new AssertionError("sim node did not start within " + TIMEOUT_MS + " ms");
    }
    return sim;
  }

  /** A node that does nothing on start: the test drives it. */
  static ConnectedNode startIdle(NodeMainExecutor executor, String masterUri, String name) {
    return executor.execute(
        new NodeMain() {
          @Override
          public String getDefaultNodeName() {
            return name;
          }

          @Override
          public void onStart(ConnectedNode node) {}
        },
        NodeConfiguration.builder().masterUri(URI.create(masterUri)).build());
  }

  /** Subscribes {@code topic} into a large queue. */
  static <T extends Message> BlockingQueue<T> subscribe(
      ConnectedNode node, String topic, MessageType<T> type) {
    BlockingQueue<T> queue = new ArrayBlockingQueue<>(100_000);
    node.newSubscriber(topic, type).addMessageListener(queue::offer, 10_000);
    return queue;
  }

  static <T> T poll(BlockingQueue<T> queue, String what) throws InterruptedException {
    T value = queue.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    if (value == null) {
      throw new AssertionError("no " + what + " within " + TIMEOUT_MS + " ms");
    }
    return value;
  }

  static Float64MultiArray array(double... data) {
    Float64MultiArray m = new Float64MultiArray();
    m.setData(data);
    return m;
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
      Thread.sleep(10);
    }
    return condition.getAsBoolean();
  }
}
