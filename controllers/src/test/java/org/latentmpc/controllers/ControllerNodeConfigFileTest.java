package org.latentmpc.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.internal.master.EmbeddedMaster;

/**
 * The node configured the way a launch file does it without a parameter-server namespace: the robot
 * from {@code ~robot_description_file}, the controller namespace from {@code ~config_file}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ControllerNodeConfigFileTest {
  @Test
  void loadsTheRobotAndTheControllerNamespaceFromFiles() throws Exception {
    try (EmbeddedMaster master = EmbeddedMaster.start("127.0.0.1", 0);
        NodeMainExecutor executor = NodeMainExecutor.newDefault()) {
      NodeConfiguration config =
          NodeConfiguration.builder()
              .masterUri(URI.create(master.uri()))
              .privateParameter(
                  "robot_description_file",
                  Path.of("..", "sim-configs", "robots", "arm7.urdf").toAbsolutePath().toString())
              .privateParameter(
                  "config_file",
                  Path.of("..", "sim-configs", "controllers", "arm7_sim.yaml")
                      .toAbsolutePath()
                      .toString())
              .build();
      ControllerNode node = new ControllerNode();
      executor.execute(node, config);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (node.controller() == null && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      JointController c = node.controller();
      assertEquals(ControllerType.TRAJECTORY, c.settings().type());
      assertEquals(7, c.settings().dof());
      assertEquals(600, c.positionGains("arm7_joint1").p(), 0.0);
      // The namespace was put on the parameter server for everyone else to see.
      Map<?, ?> ns =
          executor
              .execute(
                  new org.latentmpc.ros.NodeMain() {
                    @Override
                    public String getDefaultNodeName() {
                      return "reader";
                    }

                    @Override
                    public void onStart(org.latentmpc.ros.ConnectedNode n) {}
                  },
                  NodeConfiguration.builder().masterUri(URI.create(master.uri())).build())
              .getParameterTree()
              .getMap("/arm_controller");
      assertEquals("trajectory", ns.get("type"));
    }
  }
}
