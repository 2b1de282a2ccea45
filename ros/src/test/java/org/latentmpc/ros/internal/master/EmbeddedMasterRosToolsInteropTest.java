package org.latentmpc.ros.internal.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.ros.internal.slave.SlaveClient;
import org.latentmpc.ros.internal.testing.RecordingSlave;
import org.latentmpc.ros.internal.testing.RecordingSlave.Call;
import org.latentmpc.ros.internal.testing.RosTools;
import org.latentmpc.ros.internal.testing.RosTools.Background;
import org.latentmpc.ros.internal.testing.RosTools.Result;
import org.latentmpc.ros.internal.testing.Roscore;

/**
 * Real ROS tools and a real rospy node against our {@link EmbeddedMaster}: rosparam, rostopic,
 * rosnode, rosservice, and rospy's registration, duplicate-name shutdown and slave API.
 */
@Tag("interop")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class EmbeddedMasterRosToolsInteropTest {
  private static EmbeddedMaster master;
  private static RosTools tools;
  private static Path home;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        Roscore.available(),
        "Debian ROS not installed (roscore, rospy): skipping ROS tools interop");
    master = EmbeddedMaster.start("127.0.0.1", 0);
    home = Files.createTempDirectory("roshome");
    tools = new RosTools(master.uri(), home);
  }

  @AfterAll
  static void stop() {
    if (master != null) {
      master.close();
    }
  }

  private static Result ok(Result r) {
    assertEquals(0, r.exitCode(), r.output());
    return r;
  }

  @Test
  void rosparamSetGetListDelete() throws Exception {
    ok(tools.run("rosparam", "set", "/rp/rate", "2.5"));
    ok(tools.run("rosparam", "set", "/rp/cfg", "{a: 1, b: [x, y], c: true}"));
    MasterClient c = new MasterClient(URI.create(master.uri()), "/check");
    assertEquals(2.5, c.getParam("/rp/rate"));
    assertEquals(Map.of("a", 1, "b", List.of("x", "y"), "c", true), c.getParam("/rp/cfg"));

    assertEquals("2.5", ok(tools.run("rosparam", "get", "/rp/rate")).output().trim());
    String cfg = ok(tools.run("rosparam", "get", "/rp/cfg")).output();
    assertTrue(cfg.contains("a: 1") && cfg.contains("- x") && cfg.contains("c: true"), cfg);
    String list = ok(tools.run("rosparam", "list", "/rp")).output();
    assertTrue(
        list.contains("/rp/rate") && list.contains("/rp/cfg/a") && list.contains("/rp/cfg/b"),
        list);
    ok(tools.run("rosparam", "delete", "/rp/rate"));
    assertFalse(c.hasParam("/rp/rate"));
    Result missing = tools.run("rosparam", "get", "/rp/rate");
    assertTrue(missing.exitCode() != 0, missing.output());
  }

  @Test
  void rospyTalkerIsSeenByRostopicRosnodeAndRosservice() throws Exception {
    try (Background talker = tools.python(RosTools.talkerScript("talker", "/chatter"))) {
      talker.awaitLine("READY", 60);
      String topics = ok(tools.run("rostopic", "list")).output();
      assertTrue(topics.contains("/chatter"), topics);
      assertTrue(topics.contains("/rosout"), topics);
      String type = ok(tools.run("rostopic", "type", "/chatter")).output();
      assertTrue(type.contains("std_msgs/String"), type);
      String echo = ok(tools.run("rostopic", "echo", "-n", "1", "/chatter")).output();
      assertTrue(echo.contains("data: \"hello\""), echo);

      String nodes = ok(tools.run("rosnode", "list")).output();
      assertTrue(nodes.contains("/talker"), nodes);
      String info = ok(tools.run("rosnode", "info", "/talker")).output();
      assertTrue(
          info.contains("Publications:") && info.contains("/chatter [std_msgs/String]"), info);
      assertTrue(info.contains("Pid:"), info);

      String services = ok(tools.run("rosservice", "list")).output();
      assertTrue(services.contains("/talker/reset"), services);
      assertTrue(services.contains("/talker/get_loggers"), services);
      String call = ok(tools.run("rosservice", "call", "/talker/reset")).output();
      assertFalse(call.contains("ERROR"), call);

      // Our SlaveClient against rospy's slave API.
      MasterClient c = new MasterClient(URI.create(master.uri()), "/java_sub");
      String talkerUri = c.lookupNode("/talker");
      SlaveClient slave = new SlaveClient(talkerUri);
      SlaveClient.TcprosEndpoint endpoint = slave.requestTcpros("/java_sub", "/chatter");
      assertEquals("127.0.0.1", endpoint.host());
      assertTrue(endpoint.port() > 0);
      assertTrue(slave.getPid("/java_sub") > 0);
      assertEquals(
          master.uri().replaceAll("/$", ""), slave.getMasterUri("/java_sub").replaceAll("/$", ""));
      assertTrue(
          slave
              .getPublications("/java_sub")
              .contains(new TopicType("/chatter", "std_msgs/String")));

      ok(tools.run("rosnode", "kill", "/talker"));
      talker.awaitLine("SHUTDOWN", 30);
      assertTrue(talker.process().waitFor(30, TimeUnit.SECONDS), talker.output());
      // rospy unregisters on shutdown.
      String after = ok(tools.run("rosnode", "list")).output();
      assertFalse(after.contains("/talker"), after);
    }
  }

  @Test
  void duplicateRospyNodeNameShutsDownTheFirst() throws Exception {
    try (Background first = tools.python(RosTools.talkerScript("twin", "/twin_topic"))) {
      first.awaitLine("READY", 60);
      try (Background second = tools.python(RosTools.talkerScript("twin", "/twin_topic"))) {
        second.awaitLine("READY", 60);
        String reason = first.awaitLine("SHUTDOWN", 30);
        assertTrue(reason.contains("new node registered with same name"), reason);
        assertTrue(first.process().waitFor(30, TimeUnit.SECONDS), first.output());
        assertTrue(second.process().isAlive(), second.output());
      }
    }
  }

  @Test
  void rosnodeInfoAndKillReachOurSlaveServer() throws Exception {
    try (RecordingSlave ours = new RecordingSlave(master.uri())) {
      MasterClient c = new MasterClient(URI.create(master.uri()), "/java_node");
      c.registerPublisher("/chatter", "std_msgs/String", ours.uri());
      String info = ok(tools.run("rosnode", "info", "/java_node")).output();
      assertTrue(info.contains("/chatter [std_msgs/String]"), info);
      assertTrue(info.contains("Pid: " + ProcessHandle.current().pid()), info);
      assertTrue(info.contains("topic: /chatter"), info);
      ok(tools.run("rosnode", "kill", "/java_node"));
      Call kill = RecordingSlave.next(ours.shutdowns);
      assertEquals("/rosnode", kill.callerId());
      assertTrue(String.valueOf(kill.key()).contains("user request"), kill.toString());
    }
  }
}
