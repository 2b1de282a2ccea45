package org.latentmpc.sim.internal.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentmpc.sim.internal.node.SimHarness.REACHER_SCENE;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.internal.testing.Roscore;

/** The sim node under Debian's real roscore, seen by the real rostopic and rosservice. */
@Tag("interop")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SimNodeInteropTest {
  private Roscore roscore;
  private NodeMainExecutor executor;
  private SimNode sim;

  @BeforeAll
  void start() throws Exception {
    Assumptions.assumeTrue(
        Roscore.available(),
        "Debian ROS not installed (/usr/bin/roscore, rospy under /usr/bin/python3): skipping the"
            + " sim node interop test");
    roscore = new Roscore();
    executor = NodeMainExecutor.newDefault();
    sim = SimHarness.startSim(executor, roscore.uri(), Map.of("scene", REACHER_SCENE.toString()));
  }

  @AfterAll
  void stop() {
    if (executor != null) {
      executor.shutdown();
    }
    if (roscore != null) {
      roscore.close();
    }
  }

  @Test
  void rostopicEchoShowsOurJointNames() throws Exception {
    Roscore.Result r = roscore.run(List.of("rostopic", "echo", "-n", "1", "/joint_states"), 60);
    assertEquals(0, r.exitCode(), r.output());
    // rostopic prints string lists as YAML block sequences, in message (URDF) order.
    String out = r.output();
    int names = out.indexOf("name:");
    int first = out.indexOf("- joint1", names);
    int second = out.indexOf("- joint2", names);
    assertTrue(names >= 0 && first > names && second > first, out);
    assertTrue(r.output().contains("position: ["), r.output());
  }

  @Test
  void rosserviceCallResetSucceeds() throws Exception {
    sim.withWorld(
        w -> {
          w.setPositions(new double[] {1.0, -1.0});
          return null;
        });
    Roscore.Result r = roscore.run(List.of("rosservice", "call", "/sim/reset"), 60);
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("success: True"), r.output());
    assertEquals(0.0, sim.withWorld(w -> w.position(0)), 0.05, "back near the initial q");
  }
}
