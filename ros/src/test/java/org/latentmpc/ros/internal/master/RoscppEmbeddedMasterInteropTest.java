package org.latentmpc.ros.internal.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.ros.internal.testing.RecordingSlave;
import org.latentmpc.ros.internal.testing.RosTools;
import org.latentmpc.ros.internal.testing.RosTools.Background;
import org.latentmpc.ros.internal.testing.Roscore;

/**
 * A real roscpp node (XmlRpc++: {@code <i4>}, untyped string values) against our {@link
 * EmbeddedMaster}: registration, parameters both ways, publisherUpdate to its XmlRpc++ server and
 * its requestTopic to our slave server, and the duplicate-name shutdown.
 */
@Tag("interop")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RoscppEmbeddedMasterInteropTest {
  private static Path binary;
  private static Path home;

  @BeforeAll
  static void build() throws Exception {
    Assumptions.assumeTrue(
        new File("/usr/include/ros/ros.h").exists()
            && new File("/usr/include/std_msgs/String.h").exists()
            && new File("/usr/bin/g++").canExecute()
            && new File("/usr/bin/pkg-config").canExecute()
            && Roscore.available(),
        "libroscpp-dev, g++ or Debian ROS not installed: skipping roscpp interop");
    home = Files.createTempDirectory("roscpp");
    Path source = home.resolve("roscpp_node.cpp");
    try (InputStream in =
        RoscppEmbeddedMasterInteropTest.class.getResourceAsStream("/interop/roscpp_node.cpp")) {
      Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
    }
    binary = home.resolve("roscpp_node");
    Process flags =
        new ProcessBuilder("/usr/bin/pkg-config", "--cflags", "--libs", "roscpp")
            .redirectErrorStream(true)
            .start();
    String f = new String(flags.getInputStream().readAllBytes()).trim();
    assertTrue(flags.waitFor(30, TimeUnit.SECONDS));
    List<String> cmd =
        new ArrayList<>(List.of("/usr/bin/g++", "-O0", "-o", binary.toString(), source.toString()));
    cmd.addAll(Arrays.asList(f.split("\\s+")));
    Process gcc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(gcc.getInputStream().readAllBytes());
    assertTrue(gcc.waitFor(240, TimeUnit.SECONDS), "g++ timed out");
    Assumptions.assumeTrue(gcc.exitValue() == 0, "roscpp test node does not compile here: " + out);
  }

  @AfterAll
  static void cleanup() {
    // temp files are left for post-mortem; processes are closed per test
  }

  private static Background startNode(String masterUri, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(binary.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(Roscore.rosEnvironment(masterUri, home));
    return RosTools.background(pb.start());
  }

  @Test
  void roscppNodeWorksWithOurMaster() throws Exception {
    try (EmbeddedMaster master = EmbeddedMaster.start("127.0.0.1", 0);
        RecordingSlave javaPub = new RecordingSlave(master.uri())) {
      MasterClient c = new MasterClient(URI.create(master.uri()), "/java");
      c.setParam("/cfg/int", 7);
      c.setParam("/cfg/str", "from <java> & co");
      c.setParam("/cfg/double", 1.5);
      c.setParam("/cfg/bool", true);
      try (Background node = startNode(master.uri())) {
        String got = node.awaitLine("GOT", 60);
        assertEquals("GOT 7|from <java> & co|1.5|1", got.trim());
        node.awaitLine("READY", 30);
        // Values set by XmlRpc++ (<i4>, untyped strings) decode to our types.
        assertEquals(42, c.getParam("/cpp/int"));
        assertEquals("hello <xml> & more", c.getParam("/cpp/str"));
        assertEquals(0.25, c.getParam("/cpp/double"));
        assertEquals(true, c.getParam("/cpp/bool"));
        SystemState state = c.getSystemState();
        assertEquals(List.of("/cpp_node"), state.publishers().get("/cpp_chatter"));
        assertEquals(List.of("/cpp_node"), state.subscribers().get("/java_topic"));

        // Our master's publisherUpdate reaches roscpp's XmlRpc++ server; roscpp then calls our
        // slave server's requestTopic.
        c.registerPublisher("/java_topic", "std_msgs/String", javaPub.uri());
        RecordingSlave.Call request = RecordingSlave.next(javaPub.topicRequests);
        assertEquals("/cpp_node", request.callerId());
        assertEquals("/java_topic", request.key());
        assertTrue(request.value().toString().contains("TCPROS"), request.toString());

        // rosnode info asks roscpp's slave API (found through our master).
        RosTools tools = new RosTools(master.uri(), home);
        RosTools.Result info = tools.run("rosnode", "info", "/cpp_node");
        assertEquals(0, info.exitCode(), info.output());
        assertTrue(info.output().contains("/cpp_chatter [std_msgs/String]"), info.output());

        // A second node with the same name: our master shuts the first down, and refuses the
        // registration the first still makes while shutting down (roscpp's rosout appender
        // subscribes a parameter when it logs the shutdown), which with rosmaster shuts the new
        // node down in turn. Wait until the first has finished its own start-up registrations.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!master
                .paramSubscribers()
                .getOrDefault("/rosout_disable_topics_generation/", List.of())
                .contains("/cpp_node")
            && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        try (Background twin = startNode(master.uri())) {
          twin.awaitLine("READY", 60);
          node.awaitLine("EXITING", 30);
          assertTrue(node.process().waitFor(30, TimeUnit.SECONDS), node.output());
          assertTrue(twin.process().isAlive(), twin.output());
          assertTrue(!twin.output().contains("Shutdown request"), twin.output());
          assertEquals(List.of("/cpp_node"), c.getSystemState().publishers().get("/cpp_chatter"));
        }
      }
    }
  }
}
