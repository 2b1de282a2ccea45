package org.latentmpc.sim.internal.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentmpc.sim.internal.node.SimHarness.REACHER_SCENE;
import static org.latentmpc.sim.internal.node.SimHarness.TIMEOUT_MS;
import static org.latentmpc.sim.internal.node.SimHarness.array;
import static org.latentmpc.sim.internal.node.SimHarness.eventually;
import static org.latentmpc.sim.internal.node.SimHarness.poll;
import static org.latentmpc.sim.internal.node.SimHarness.startIdle;
import static org.latentmpc.sim.internal.node.SimHarness.subscribe;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.sim.SimNodes;

/**
 * The public factory, with the harness's node in the same executor (in-process delivery by
 * reference), as launch and data collection use it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SimNodesInProcessTest {
  @Test
  void factoryNodeRunsInProcessAndDeliveredStatesStayIntact() throws Exception {
    try (EmbeddedMaster master = EmbeddedMaster.start("127.0.0.1", 0);
        NodeMainExecutor executor = NodeMainExecutor.newDefault()) {
      SimNodes.SimNodeMain sim = SimNodes.newSimNode();
      assertEquals("sim", sim.getDefaultNodeName());
      executor.execute(
          sim,
          NodeConfiguration.builder()
              .masterUri(URI.create(master.uri()))
              .privateParameter("scene", REACHER_SCENE.toString())
              .privateParameter("mode", "lockstep")
              .privateParameter("camera_rate", 0.0)
              .build());
      assertTrue(sim.awaitStarted(TIMEOUT_MS, TimeUnit.MILLISECONDS));
      assertEquals(2, (int) sim.<Integer>withWorld(w -> w.dof()));
      ConnectedNode harness = startIdle(executor, master.uri(), "collector");
      BlockingQueue<JointState> states = subscribe(harness, "/joint_states", JointState.TYPE);
      Publisher<Float64MultiArray> commands =
          harness.newPublisher("/sim/effort_command", Float64MultiArray.TYPE);
      assertTrue(eventually(() -> commands.getNumberOfSubscribers() == 1));
      List<JointState> received = new ArrayList<>();
      List<double[]> copies = new ArrayList<>();
      received.add(poll(states, "initial state"));
      copies.add(received.get(0).getPosition().clone());
      for (int i = 1; i <= 40; i++) {
        commands.publish(array(0.3, -0.1));
        JointState s = poll(states, "state " + i);
        assertNotSame(received.get(i - 1), s, "each state is its own object");
        received.add(s);
        copies.add(s.getPosition().clone());
      }
      assertEquals(40, sim.stepCount());
      for (int i = 0; i < received.size(); i++) {
        assertArrayEquals(
            copies.get(i), received.get(i).getPosition(), 0.0, "state " + i + " not overwritten");
        assertEquals(i * 0.001, received.get(i).getHeader().getStamp().toSeconds(), 1e-9);
      }
      assertTrue(copies.get(40)[0] > copies.get(0)[0], "positive effort turned joint1");
    }
  }
}
