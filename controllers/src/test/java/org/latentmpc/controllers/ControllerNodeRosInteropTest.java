package org.latentmpc.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.internal.testing.Roscore;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;

/**
 * The controller node with Debian's real ROS: a real roscore, {@code rosparam load} of the shipped
 * YAML, {@code rostopic echo} of our efforts, a rospy JointTrajectory publisher, {@code rostopic
 * pub} of the e-stop and {@code rosservice call} of the reset. Skipped where ROS is not installed.
 */
@Tag("interop")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ControllerNodeRosInteropTest {
  private static final long TIMEOUT_MS = 60_000;
  private static final double[] START = {0, -0.3, 0, -2.0, 0, 1.6, 0.8};
  private static Roscore roscore;
  private static Path home;
  private static String masterUri;
  private static NodeMainExecutor executor;
  private static ControllerNode controllerNode;
  private static ScheduledExecutorService statePublisher;

  private static boolean rosAvailable() {
    if (!new File("/usr/bin/roscore").canExecute()) {
      return false;
    }
    try {
      Process p =
          new ProcessBuilder("/usr/bin/python3", "-c", "import rospy, trajectory_msgs.msg").start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static String run(long timeoutS, String... command) throws Exception {
    return Roscore.run(masterUri, home, List.of(command), timeoutS).output();
  }

  private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }

  @BeforeAll
  static void startRos() throws Exception {
    Assumptions.assumeTrue(
        rosAvailable(),
        "Debian ROS (roscore, /usr/bin/python3 with rospy) not installed: skipping controller interop tests");
    roscore = new Roscore();
    masterUri = roscore.uri();
    home = roscore.home();
    String load =
        run(
            60,
            "rosparam",
            "load",
            Path.of("..", "sim-configs", "controllers", "arm7_sim.yaml")
                .toAbsolutePath()
                .toString());
    assertEquals("", load.trim(), "rosparam load output");

    RobotModel arm7 = TestRobots.arm7();
    NodeConfiguration config = NodeConfiguration.builder().masterUri(URI.create(masterUri)).build();
    executor = NodeMainExecutor.newDefault();
    ConnectedNode harness =
        executor.execute(
            new NodeMain() {
              @Override
              public String getDefaultNodeName() {
                return "joint_state_source";
              }

              @Override
              public void onStart(ConnectedNode node) {}
            },
            config);
    Publisher<JointState> js = harness.newPublisher("/joint_states", JointState.TYPE);
    String[] names = arm7.jointNames().toArray(new String[0]);
    statePublisher = Executors.newSingleThreadScheduledExecutor();
    statePublisher.scheduleAtFixedRate(
        () ->
            js.publish(
                new JointState()
                    .setName(names)
                    .setPosition(START.clone())
                    .setVelocity(new double[7])),
        0,
        10,
        TimeUnit.MILLISECONDS);
    controllerNode = new ControllerNode(arm7);
    executor.execute(controllerNode, config);
  }

  @AfterAll
  static void stopRos() {
    if (statePublisher != null) {
      statePublisher.shutdownNow();
    }
    if (executor != null) {
      executor.shutdown();
    }
    if (roscore != null) {
      roscore.close();
    }
  }

  @Test
  void realRosToolsTalkToTheControllerNode() throws Exception {
    String efforts = run(60, "rostopic", "echo", "-n", "1", "/sim/effort_command");
    assertTrue(efforts.contains("data: ["), "rostopic echo output: " + efforts);

    Path script = home.resolve("send_trajectory.py");
    Files.writeString(
        script,
        String.join(
            "\n",
            "import rospy",
            "from trajectory_msgs.msg import JointTrajectory, JointTrajectoryPoint",
            "rospy.init_node('trajectory_sender')",
            "pub = rospy.Publisher('/arm_controller/command', JointTrajectory, queue_size=1)",
            "deadline = rospy.Time.now() + rospy.Duration(30)",
            "while pub.get_num_connections() == 0 and rospy.Time.now() < deadline:",
            "    rospy.sleep(0.05)",
            "t = JointTrajectory()",
            "t.joint_names = ['arm7_joint%d' % i for i in range(1, 8)]",
            "p = JointTrajectoryPoint()",
            "p.positions = [0.1, -0.3, 0.0, -2.0, 0.0, 1.6, 0.8]",
            "p.time_from_start = rospy.Duration(30.0)",
            "t.points = [p]",
            "pub.publish(t)",
            "rospy.sleep(1.0)",
            "print('sent')",
            ""));
    String sent = run(90, "/usr/bin/python3", script.toString());
    assertTrue(sent.contains("sent"), sent);
    JointController c = controllerNode.controller();
    assertTrue(eventually(() -> c.mode() == ControlMode.TRAJECTORY), "mode " + c.mode());
    assertEquals(TrajectoryStatus.EXECUTING, c.trajectoryStatus());

    run(60, "rostopic", "pub", "-1", "/emergency_stop", "std_msgs/Bool", "data: true");
    assertTrue(eventually(() -> c.mode() == ControlMode.EMERGENCY_STOP), "mode " + c.mode());
    String reset = run(60, "rosservice", "call", "/emergency_stop/reset");
    assertTrue(reset.contains("success: True"), reset);
    assertTrue(eventually(() -> c.mode() == ControlMode.HOLD), "mode " + c.mode());
    String again = run(60, "rosservice", "call", "/emergency_stop/reset");
    assertTrue(again.contains("success: False"), again);
  }
}
