package org.latentmpc.ros.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentmpc.ros.BagConnection;
import org.latentmpc.ros.BagMessage;
import org.latentmpc.ros.BagReader;
import org.latentmpc.ros.BagWriter;
import org.latentmpc.ros.Compression;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.PublisherOptions;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.internal.testing.RosTools;
import org.latentmpc.ros.internal.testing.Roscore;
import org.latentmpc.ros.internal.transport.ConnectionHeader;
import org.latentmpc.ros.internal.transport.PublisherHeaderListener;
import org.latentmpc.ros.msgs.std_msgs.Float64;

/**
 * Real {@code rosbag play} (C++) plays our bags to our subscriber; real {@code rosbag record} (C++)
 * records our publisher into bags our reader reads; our {@code bag record} records rospy
 * publishers, each with its callerid and latching flag as the rosbag Python API reads them, and
 * real {@code rosbag play} latches what it recorded from a latched publisher. Against Debian's
 * roscore on a free loopback port.
 */
@Tag("interop")
class BagRoscoreInteropTest {
  private static final long TIMEOUT_MS = 60_000;
  private static Roscore roscore;

  @TempDir Path dir;
  private NodeMainExecutor executor;

  @BeforeAll
  static void startRoscore() throws Exception {
    assumeTrue(
        Roscore.available() && RosPython.rosbagCliAvailable(),
        "Debian ROS (roscore, rosbag, rospy) not installed: skipping rosbag play/record interop");
    roscore = new Roscore();
  }

  @AfterAll
  static void stopRoscore() {
    if (roscore != null) {
      roscore.close();
    }
  }

  @BeforeEach
  void startExecutor() {
    executor = NodeMainExecutor.newDefault();
  }

  @AfterEach
  void stopExecutor() {
    executor.shutdown();
  }

  private ConnectedNode node(String name) {
    return executor.execute(
        BagRecordPlayTest.idle(name),
        NodeConfiguration.builder().masterUri(URI.create(roscore.uri())).build());
  }

  private Process spawn(List<String> command) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(command.get(0) + "-" + command.get(1) + ".out").toFile());
    builder.environment().putAll(Roscore.rosEnvironment(roscore.uri(), roscore.home()));
    return builder.start();
  }

  private String output(List<String> command) throws IOException {
    return Files.readString(dir.resolve(command.get(0) + "-" + command.get(1) + ".out"));
  }

  @ParameterizedTest
  @EnumSource(
      value = Compression.class,
      names = {"NONE", "LZ4"})
  void rosbagPlayPlaysOurBagToOurSubscriber(Compression compression) throws Exception {
    Path bag = dir.resolve("ours.bag");
    int count = 40;
    try (BagWriter writer = BagWriter.open(bag, compression, 512)) {
      for (int i = 0; i < count; i++) {
        writer.write("/played", Time.fromSeconds(50 + 0.01 * i), new Float64().setData(i * 1.5));
      }
    }
    ConnectedNode listener = node("listener");
    List<Double> received = Collections.synchronizedList(new ArrayList<>());
    listener
        .newSubscriber("/played", Float64.TYPE)
        .addMessageListener(m -> received.add(m.getData()), 1000);
    List<String> command =
        List.of("rosbag", "play", "--wait-for-subscribers", "-q", bag.toString());
    Process play = spawn(command);
    try {
      assertTrue(play.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS), "rosbag play did not finish");
      assertEquals(0, play.exitValue(), output(command));
    } finally {
      Roscore.killTree(play);
    }
    assertTrue(
        BagRecordPlayTest.eventually(() -> received.size() == count),
        "received " + received + "\n" + output(command));
    for (int i = 0; i < count; i++) {
      assertEquals(i * 1.5, received.get(i));
    }
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void rosbagRecordOfOurPublisherIsReadByOurReader(Compression compression) throws Exception {
    ConnectedNode talker = node("talker");
    var publisher = talker.newPublisher("/values", Float64.TYPE);
    Path bag = dir.resolve("recorded.bag");
    List<String> command = new ArrayList<>(List.of("rosbag", "record", "-O", bag.toString()));
    if (compression == Compression.LZ4) {
      command.add("--lz4");
    } else if (compression == Compression.BZ2) {
      command.add("--bz2");
    }
    command.addAll(List.of("-l", "25", "/values"));
    Process record = spawn(command);
    try {
      int value = 0;
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
      while (record.isAlive() && System.nanoTime() < deadline) {
        publisher.publish(new Float64().setData(value++));
        Thread.sleep(10);
      }
      assertTrue(record.waitFor(10, TimeUnit.SECONDS), "rosbag record did not stop");
    } finally {
      Roscore.killTree(record);
    }
    try (BagReader reader = BagReader.open(bag)) {
      assertTrue(reader.isIndexed(), output(command));
      assertTrue(reader.chunks().stream().allMatch(c -> c.compression() == compression));
      List<BagMessage> messages = reader.readMessages().toList();
      assertEquals(25, messages.size(), output(command));
      BagConnection connection = messages.get(0).connection();
      assertEquals("std_msgs/Float64", connection.type());
      assertEquals(Float64.TYPE.md5(), connection.md5sum());
      assertEquals("/talker", connection.callerId());
      double first = messages.get(0).decode(Float64.TYPE).getData();
      for (int i = 0; i < messages.size(); i++) {
        assertEquals(first + i, messages.get(i).decode(Float64.TYPE).getData());
      }
    }
  }

  @Test
  void aKilledRosbagRecordLeavesABagOurReaderRecovers() throws Exception {
    ConnectedNode talker = node("talker");
    var publisher = talker.newPublisher("/values", Float64.TYPE);
    Path bag = dir.resolve("killed.bag");
    List<String> command =
        List.of("rosbag", "record", "--chunksize", "1", "-O", bag.toString(), "/values");
    Process record = spawn(command);
    Path active = dir.resolve("killed.bag.active");
    try {
      int value = 0;
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
      // Publish until the recorder has written several 1 KiB chunks, then kill it (SIGKILL).
      while (System.nanoTime() < deadline
          && (!Files.exists(active) || Files.size(active) < 4117 + 20_000)) {
        publisher.publish(new Float64().setData(value++));
        Thread.sleep(2);
      }
      assertTrue(Files.exists(active), output(command));
    } finally {
      record.descendants().forEach(ProcessHandle::destroyForcibly);
      record.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    try (BagReader reader = BagReader.open(active)) {
      BagReader.Recovery recovery = reader.recovery().orElseThrow();
      assertTrue(recovery.reason().startsWith("index missing"), recovery.summary());
      List<BagMessage> messages = reader.readMessages().toList();
      assertTrue(messages.size() > 100, recovery.summary());
      double first = messages.get(0).decode(Float64.TYPE).getData();
      for (int i = 0; i < messages.size(); i++) {
        assertEquals(first + i, messages.get(i).decode(Float64.TYPE).getData(), recovery.summary());
      }
    }
  }

  @Test
  void ourBagRecordRecordsARospyPublisher() throws Exception {
    List<String> command =
        List.of("rostopic", "pub", "-r", "50", "/chatter", "std_msgs/String", "data: hello bag");
    Process publisher = spawn(command);
    try {
      Path bag = dir.resolve("rospy.bag");
      String result =
          BagRecordPlayTest.bag(
                  "record",
                  "-O",
                  bag.toString(),
                  "--limit",
                  "10",
                  "/chatter",
                  "__master:=" + roscore.uri(),
                  "__name:=our_recorder")
              .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      assertTrue(result.contains("Recorded"), result);
      try (BagReader reader = BagReader.open(bag)) {
        List<BagMessage> messages = reader.readMessages().toList();
        assertTrue(messages.size() >= 10, "messages: " + messages.size());
        for (BagMessage message : messages) {
          assertEquals("std_msgs/String", message.connection().type());
          assertEquals(
              "hello bag", message.decode(org.latentmpc.ros.msgs.std_msgs.String.TYPE).getData());
        }
      }
      // And the real rosbag reads what our recorder wrote.
      String info = RosPython.run(List.of("rosbag", "info", bag.toString()), dir, true).stdout();
      assertTrue(info.contains("/chatter"), info);
    } finally {
      Roscore.killTree(publisher);
    }
  }

  /** A rospy node publishing std_msgs/String on /chatter: once latched, or "tick" at 10 Hz. */
  private static String rospyChatter(String name, boolean latch) {
    return String.join(
        "\n",
        "import rospy, rosgraph",
        "from std_msgs.msg import String",
        "rospy.init_node('" + name + "', disable_signals=True)",
        "pub = rospy.Publisher('/chatter', String, queue_size=10, latch="
            + (latch ? "True" : "False")
            + ")",
        "master = rosgraph.Master('/" + name + "')",
        "while not any(t == '/chatter' and '/" + name + "' in nodes",
        "              for t, nodes in master.getSystemState()[0]):",
        "    rospy.sleep(0.05)",
        latch ? "pub.publish(String(data='map'))" : "pass",
        "print('READY', flush=True)",
        "r = rospy.Rate(10)",
        "while not rospy.is_shutdown():",
        latch ? "    pass" : "    pub.publish(String(data='tick'))",
        "    r.sleep()");
  }

  @Test
  void ourBagRecordWritesEachRospyPublishersCallerIdAndLatchingForTheRosbagApi() throws Exception {
    RosTools tools = new RosTools(roscore.uri(), roscore.home());
    try (RosTools.Background latched = tools.python(rospyChatter("latched_pub", true));
        RosTools.Background plain = tools.python(rospyChatter("plain_pub", false))) {
      latched.awaitLine("READY", 60);
      plain.awaitLine("READY", 60);
      Path bag = dir.resolve("two-rospy.bag");
      String result =
          BagRecordPlayTest.bag(
                  "record",
                  "-O",
                  bag.toString(),
                  "--limit",
                  "30",
                  "/chatter",
                  "__master:=" + roscore.uri(),
                  "__name:=our_recorder")
              .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      assertTrue(result.contains("Recorded"), result);
      String script =
          """
          import json, sys, rosbag
          bag = rosbag.Bag(sys.argv[1])
          out = {'connections': [], 'messages': []}
          for cid, c in sorted(bag._connections.items()):
            out['connections'].append(
                [c.topic, c.datatype, c.header['callerid'].decode(), c.header['latching'].decode()])
          for topic, msg, t, header in bag.read_messages(return_connection_header=True):
            out['messages'].append([header['callerid'].decode(), msg.data])
          print(json.dumps(out))
          """;
      Map<String, List<List<Object>>> out =
          RosPython.parse(RosPython.python(dir, script, bag.toString()));
      List<List<Object>> connections = out.get("connections");
      assertEquals(
          Set.of(
              List.of("/chatter", "std_msgs/String", "/latched_pub", "1"),
              List.of("/chatter", "std_msgs/String", "/plain_pub", "0")),
          Set.copyOf(connections),
          "connections: " + connections);
      assertEquals(2, connections.size(), "connections: " + connections);
      List<List<Object>> messages = out.get("messages");
      assertTrue(messages.size() >= 30, "messages: " + messages);
      long maps = 0;
      for (List<Object> m : messages) {
        assertEquals(m.get(1).equals("map") ? "/latched_pub" : "/plain_pub", m.get(0), "" + m);
        maps += m.get(1).equals("map") ? 1 : 0;
      }
      assertEquals(1, maps, "the latched message arrives once: " + messages);
    }
  }

  @Test
  void rosbagPlayLatchesWhatOurBagRecordRecordedFromALatchedPublisher() throws Exception {
    ConnectedNode talker = node("describer");
    var description =
        talker.newPublisher(
            "/robot_description",
            org.latentmpc.ros.msgs.std_msgs.String.TYPE,
            PublisherOptions.latched());
    var values = talker.newPublisher("/values", Float64.TYPE);
    description.publish(new org.latentmpc.ros.msgs.std_msgs.String().setData("<robot name='r'/>"));
    Path bag = dir.resolve("described.bag");
    CompletableFuture<String> recording =
        BagRecordPlayTest.bag(
            "record",
            "-O",
            bag.toString(),
            "--limit",
            "30",
            "/robot_description",
            "/values",
            "__master:=" + roscore.uri(),
            "__name:=our_recorder");
    assertTrue(
        BagRecordPlayTest.eventually(
            () ->
                recording.isDone()
                    || description.getNumberOfSubscribers() > 0
                        && values.getNumberOfSubscribers() > 0),
        "the recorder did not connect");
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
    for (int i = 0; !recording.isDone() && System.nanoTime() < deadline; i++) {
      values.publish(new Float64().setData(i));
      Thread.sleep(10);
    }
    recording.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    description.shutdown();
    values.shutdown();

    // Real rosbag play advertises each connection with its recorded latching flag.
    ConnectedNode listener = node("listener");
    Map<String, ConnectionHeader> headers = new ConcurrentHashMap<>();
    List<String> descriptions = new CopyOnWriteArrayList<>();
    listener
        .newSubscriber("/robot_description", org.latentmpc.ros.msgs.std_msgs.String.TYPE)
        .addMessageListener(
            (PublisherHeaderListener<org.latentmpc.ros.msgs.std_msgs.String>)
                (m, from) -> {
                  headers.put("/robot_description", from);
                  descriptions.add(m.getData());
                });
    listener
        .newSubscriber("/values", Float64.TYPE)
        .addMessageListener(
            (PublisherHeaderListener<Float64>) (m, from) -> headers.put("/values", from));
    List<String> command =
        List.of("rosbag", "play", "--wait-for-subscribers", "-q", bag.toString());
    Process play = spawn(command);
    try {
      assertTrue(play.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS), "rosbag play did not finish");
      assertEquals(0, play.exitValue(), output(command));
    } finally {
      Roscore.killTree(play);
    }
    assertTrue(
        BagRecordPlayTest.eventually(() -> headers.size() == 2),
        "headers " + headers + "\n" + output(command));
    ConnectionHeader fromPlay = headers.get("/robot_description");
    assertTrue(fromPlay.get("callerid", "").startsWith("/play"), fromPlay.toString());
    assertEquals("1", fromPlay.get("latching"), fromPlay.toString());
    assertEquals("0", headers.get("/values").get("latching"), headers.get("/values").toString());
    assertEquals(List.of("<robot name='r'/>"), descriptions);
  }
}
