package org.latentmpc.ros.internal.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentmpc.ros.internal.node.TestNodes.TIMEOUT_MS;
import static org.latentmpc.ros.internal.node.TestNodes.eventually;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.ServiceClient;
import org.latentmpc.ros.ServiceException;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.internal.testing.Roscore;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.ros.msgs.std_srvs.SetBool;
import org.latentmpc.ros.msgs.std_srvs.SetBoolRequest;
import org.latentmpc.ros.msgs.std_srvs.SetBoolResponse;

/**
 * Our nodes with Debian's real ROS tools: rostopic echo/pub, rosservice call, rosnode, and a rospy
 * service, against a real roscore and against our embedded master. Skipped, with a message, where
 * Debian's ROS is not installed.
 */
@Tag("interop")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RealRosNodeInteropTest {
  private static Roscore roscore;
  private static Path home;
  private NodeMainExecutor executor;

  @BeforeAll
  static void startRoscore() throws Exception {
    Assumptions.assumeTrue(
        Roscore.available(),
        "Debian ROS (roscore, /usr/bin/python3 with rospy) not installed: skipping real-ROS interop tests");
    roscore = new Roscore();
    home = roscore.home();
  }

  @AfterAll
  static void stopRoscore() {
    if (roscore != null) {
      roscore.close();
    }
  }

  @BeforeEach
  void newExecutor() {
    executor = NodeMainExecutor.newDefault();
  }

  @AfterEach
  void shutdownExecutor() {
    executor.shutdown();
  }

  /**
   * Runs a ROS command line tool against {@code masterUri} and returns its output (stdout and
   * stderr).
   */
  static String run(String masterUri, long timeoutS, String... command)
      throws IOException, InterruptedException {
    return Roscore.run(masterUri, home, List.of(command), timeoutS).output();
  }

  static Process spawn(String masterUri, String... command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(Roscore.rosEnvironment(masterUri, home));
    pb.redirectOutput(Files.createTempFile(home, "spawn", ".out").toFile());
    return pb.start();
  }

  @Test
  void rostopicEchoPrintsOurJointStates() throws Exception {
    ConnectedNode node = TestNodes.start(executor, roscore.uri(), "our_sim");
    Publisher<JointState> pub = node.newPublisher("/joint_states", JointState.TYPE);
    JointState msg = new JointState();
    msg.getHeader().setSeq(7).setStamp(new Time(1, 200_000_000)).setFrameId("ab");
    msg.setName(new String[] {"j1", "j2"});
    msg.setPosition(new double[] {1.0, -0.5});
    msg.setVelocity(new double[] {0.25, 0.0});
    msg.setEffort(new double[0]);
    Thread publisher =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                pub.publish(msg);
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    publisher.start();
    try {
      String out = run(roscore.uri(), 60, "rostopic", "echo", "-n", "1", "/joint_states");
      assertTrue(out.contains("frame_id: \"ab\""), out);
      assertTrue(out.contains("name: [j1, j2]") || out.contains("name: \n  - j1"), out);
      assertTrue(out.contains("position: [1.0, -0.5]"), out);
      assertTrue(out.contains("velocity: [0.25, 0.0]"), out);
      assertTrue(out.contains("secs: 1") && out.contains("nsecs: 200000000"), out);
    } finally {
      publisher.interrupt();
      publisher.join();
    }
  }

  @Test
  void rostopicPubReachesOurSubscriber() throws Exception {
    ConnectedNode node = TestNodes.start(executor, roscore.uri(), "our_listener");
    BlockingQueue<Float64MultiArray> received = new ArrayBlockingQueue<>(10);
    node.newSubscriber("/group_command", Float64MultiArray.TYPE)
        .addMessageListener(received::offer);
    Process pub =
        spawn(
            roscore.uri(),
            "rostopic",
            "pub",
            "/group_command",
            "std_msgs/Float64MultiArray",
            "{data: [0.5, 1.5, -2.0]}");
    try {
      Float64MultiArray got = received.poll(60, TimeUnit.SECONDS);
      assertTrue(got != null, "no message from rostopic pub within 60 s");
      assertArrayEquals(new double[] {0.5, 1.5, -2.0}, got.getData());
    } finally {
      Roscore.killTree(pub);
    }
  }

  @Test
  void rosserviceCallsOurService() throws Exception {
    ConnectedNode node = TestNodes.start(executor, roscore.uri(), "our_server");
    node.newServiceServer(
        "/enable",
        SetBool.TYPE,
        (SetBoolRequest req, SetBoolResponse resp) -> {
          if (!req.isData()) {
            throw new IllegalArgumentException("cannot disable now");
          }
          resp.setSuccess(true);
          resp.setMessage("enabled by latent-mpc");
        });
    String ok = run(roscore.uri(), 60, "rosservice", "call", "/enable", "data: true");
    assertTrue(ok.contains("success: True"), ok);
    assertTrue(ok.contains("enabled by latent-mpc"), ok);
    String error = run(roscore.uri(), 60, "rosservice", "call", "/enable", "data: false");
    assertTrue(error.contains("cannot disable now"), error);
  }

  @Test
  void ourClientCallsARospyService() throws Exception {
    Path script = home.resolve("rospy_server.py");
    Files.writeString(
        script,
        String.join(
            "\n",
            "import rospy",
            "from std_srvs.srv import SetBool, SetBoolResponse",
            "def handle(req):",
            "    if not req.data:",
            "        raise rospy.ServiceException('rospy refuses false')",
            "    return SetBoolResponse(True, 'hello from rospy')",
            "rospy.init_node('rospy_server')",
            "rospy.Service('/rospy_enable', SetBool, handle)",
            "rospy.spin()",
            ""));
    Process server = spawn(roscore.uri(), "/usr/bin/python3", script.toString());
    try {
      ConnectedNode node = TestNodes.start(executor, roscore.uri(), "our_client");
      ServiceClient<SetBoolRequest, SetBoolResponse>[] client = newClientEventually(node);
      SetBoolRequest request = client[0].newRequest();
      request.setData(true);
      SetBoolResponse response = client[0].call(request);
      assertTrue(response.isSuccess());
      assertEquals("hello from rospy", response.getMessage());
      request.setData(false);
      try {
        client[0].call(request);
        throw new AssertionError("expected an error response");
      } catch (ServiceException e) {
        assertTrue(e.getMessage().contains("rospy refuses false"), e.getMessage());
      }
      client[0].close();
    } finally {
      Roscore.killTree(server);
    }
  }

  @SuppressWarnings("unchecked")
  private static ServiceClient<SetBoolRequest, SetBoolResponse>[] newClientEventually(
      ConnectedNode node) throws Exception {
    ServiceClient<SetBoolRequest, SetBoolResponse>[] holder = new ServiceClient[1];
    assertTrue(
        eventually(
            () -> {
              try {
                holder[0] = node.newServiceClient("/rospy_enable", SetBool.TYPE, false);
                return true;
              } catch (ServiceException notYet) {
                return false;
              }
            }),
        "rospy service came up");
    return holder;
  }

  @Test
  void rosnodeListInfoAndKillAgainstOurMaster() throws Exception {
    try (EmbeddedMaster master = EmbeddedMaster.start("127.0.0.1", 0)) {
      ConnectedNode node = TestNodes.start(executor, master.uri(), "victim");
      node.newPublisher("/victim_out", Float64MultiArray.TYPE);
      String list = run(master.uri(), 60, "rosnode", "list");
      assertTrue(list.contains("/victim"), list);
      String info = run(master.uri(), 60, "rosnode", "info", "/victim");
      assertTrue(info.contains("/victim_out"), info);
      assertTrue(info.contains("Pid: " + ProcessHandle.current().pid()), info);
      String kill = run(master.uri(), 60, "rosnode", "kill", "/victim");
      assertTrue(kill.contains("killed"), kill);
      assertTrue(executor.awaitTermination(TIMEOUT_MS, TimeUnit.MILLISECONDS), "node shut down");
      assertTrue(
          eventually(
              () -> {
                try {
                  return !run(master.uri(), 60, "rosnode", "list").contains("/victim");
                } catch (Exception e) {
                  return false;
                }
              }));
    }
  }

  @Test
  void rospyTalkerThroughOurMasterReachesOurNode() throws Exception {
    try (EmbeddedMaster master = EmbeddedMaster.start("127.0.0.1", 0)) {
      Path script = home.resolve("talker.py");
      Files.writeString(
          script,
          String.join(
              "\n",
              "import rospy",
              "from std_msgs.msg import Float64MultiArray",
              "rospy.init_node('rospy_talker')",
              "pub = rospy.Publisher('/py_chatter', Float64MultiArray, queue_size=10)",
              "r = rospy.Rate(20)",
              "while not rospy.is_shutdown():",
              "    pub.publish(Float64MultiArray(data=[3.0, 4.0]))",
              "    r.sleep()",
              ""));
      Process talker = spawn(master.uri(), "/usr/bin/python3", script.toString());
      try {
        ConnectedNode node = TestNodes.start(executor, master.uri(), "our_listener");
        BlockingQueue<Float64MultiArray> received = new ArrayBlockingQueue<>(100);
        node.newSubscriber("/py_chatter", Float64MultiArray.TYPE)
            .addMessageListener(received::offer);
        Float64MultiArray got = received.poll(60, TimeUnit.SECONDS);
        assertTrue(got != null, "no message from the rospy talker within 60 s");
        assertArrayEquals(new double[] {3.0, 4.0}, got.getData());
        List<String> lines =
            new ArrayList<>(List.of(run(master.uri(), 60, "rostopic", "list").split("\n")));
        assertTrue(lines.contains("/py_chatter"), lines.toString());
      } finally {
        Roscore.killTree(talker);
      }
    }
  }

  @Test
  void rosparamAgainstOurMasterSeesOurParameters() throws Exception {
    try (EmbeddedMaster master = EmbeddedMaster.start("127.0.0.1", 0)) {
      ConnectedNode node = TestNodes.start(executor, master.uri(), "params");
      node.getParameterTree().set("/arm/gains", Map.of("p", 50.0, "d", 2));
      String out = run(master.uri(), 60, "rosparam", "get", "/arm/gains/p");
      assertTrue(out.trim().equals("50.0"), out);
      run(master.uri(), 60, "rosparam", "set", "/arm/rate", "250");
      assertEquals(250, node.getParameterTree().getInteger("/arm/rate"));
    }
  }
}
