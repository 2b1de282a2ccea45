package org.latentmpc.ros.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.ros.BagConnection;
import org.latentmpc.ros.BagMessage;
import org.latentmpc.ros.BagReader;
import org.latentmpc.ros.BagWriter;
import org.latentmpc.ros.Compression;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.PublisherOptions;
import org.latentmpc.ros.Subscriber;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.internal.tools.BagCommand;
import org.latentmpc.ros.internal.transport.ConnectionHeader;
import org.latentmpc.ros.internal.transport.PublisherHeaderListener;
import org.latentmpc.ros.msgs.rosgraph_msgs.Clock;
import org.latentmpc.ros.msgs.std_msgs.Float64;
import org.latentmpc.ros.msgs.std_msgs.String;
import picocli.CommandLine;

/**
 * {@code bag record} and {@code bag play} against our embedded master, with our own nodes: what is
 * recorded, one connection per publisher with its callerid and latching flag, and latched
 * connections played latched.
 */
class BagRecordPlayTest {
  static final long TIMEOUT_MS = 60_000;

  @TempDir Path dir;
  private EmbeddedMaster master;
  private NodeMainExecutor executor;

  @BeforeEach
  void start() throws IOException {
    master = EmbeddedMaster.start("127.0.0.1", 0);
    executor = NodeMainExecutor.newDefault();
  }

  @AfterEach
  void stop() {
    executor.shutdown();
    master.close();
  }

  static NodeMain idle(java.lang.String name) {
    return new NodeMain() {
      @Override
      public java.lang.String getDefaultNodeName() {
        return name;
      }

      @Override
      public void onStart(ConnectedNode node) {}
    };
  }

  private ConnectedNode node(java.lang.String name) {
    return executor.execute(
        idle(name), NodeConfiguration.builder().masterUri(URI.create(master.uri())).build());
  }

  /** Runs {@code bag ARGS...} on its own thread; completes with its output. */
  static CompletableFuture<java.lang.String> bag(java.lang.String... args) {
    return CompletableFuture.supplyAsync(
        () -> {
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          int exit =
              new CommandLine(new BagCommand())
                  .setOut(new PrintWriter(out))
                  .setErr(new PrintWriter(err))
                  .execute(args);
          if (exit != 0) {
            throw new IllegalStateException("bag exited with " + exit + ": " + out + err);
          }
          return out.toString();
        });
  }

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

  @Test
  void recordWritesWhatOurPublisherSends() throws Exception {
    ConnectedNode talker = node("talker");
    var values = talker.newPublisher("/values", Float64.TYPE);
    var status = talker.newPublisher("/status", String.TYPE, PublisherOptions.latched());
    status.publish(new String().setData("ready"));
    Path bag = dir.resolve("recorded.bag");
    CompletableFuture<java.lang.String> recording =
        bag(
            "record",
            "-O",
            bag.toString(),
            "--lz4",
            "--limit",
            "41",
            "/values",
            "/status",
            "__master:=" + master.uri(),
            "__name:=recorder");
    // Publish until the recorder has its 41 messages (it subscribes some time after starting).
    int published = 0;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
    while (!recording.isDone() && System.nanoTime() < deadline) {
      values.publish(new Float64().setData(published++));
      Thread.sleep(5);
    }
    java.lang.String output = recording.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    assertTrue(output.contains("Recorded "), output);

    try (BagReader reader = BagReader.open(bag)) {
      assertTrue(reader.isIndexed());
      assertTrue(reader.messageCount() >= 41, "messages: " + reader.messageCount());
      BagConnection valueConnection =
          reader.connections().stream()
              .filter(c -> c.topic().equals("/values"))
              .findFirst()
              .orElseThrow();
      assertEquals("std_msgs/Float64", valueConnection.type());
      assertEquals(Float64.TYPE.md5(), valueConnection.md5sum());
      assertEquals(Float64.TYPE.definition(), valueConnection.messageDefinition());
      List<BagMessage> statuses = reader.readMessages(List.of("/status"), null, null).toList();
      assertEquals(1, statuses.size(), "the latched status arrives once");
      assertEquals("ready", statuses.get(0).decode(String.TYPE).getData());
      List<Double> recorded =
          reader
              .readMessages(List.of("/values"), null, null)
              .map(m -> m.decode(Float64.TYPE).getData())
              .toList();
      // One publisher over TCP: consecutive values, nothing lost or reordered.
      for (int i = 1; i < recorded.size(); i++) {
        assertEquals(recorded.get(i - 1) + 1, recorded.get(i), "values " + recorded);
      }
    }
  }

  @Test
  void playPublishesEveryMessageInOrderWithItsTypeAndTheClock() throws Exception {
    Path bag = dir.resolve("to-play.bag");
    int count = 30;
    try (BagWriter writer = BagWriter.open(bag, Compression.LZ4, 256)) {
      for (int i = 0; i < count; i++) {
        writer.write("/played", Time.fromSeconds(100 + 0.01 * i), new Float64().setData(i));
      }
    }
    ConnectedNode listener = node("listener");
    List<Double> received = Collections.synchronizedList(new ArrayList<>());
    List<Time> clocks = Collections.synchronizedList(new ArrayList<>());
    Subscriber<Float64> subscriber = listener.newSubscriber("/played", Float64.TYPE);
    subscriber.addMessageListener(m -> received.add(m.getData()), 1000);
    listener
        .newSubscriber("/clock", Clock.TYPE)
        .addMessageListener(m -> clocks.add(m.getClock()), 1000);

    java.lang.String output =
        bag(
                "play",
                bag.toString(),
                "--wait-for-subscribers",
                "--clock",
                "--rate",
                "5",
                "__master:=" + master.uri(),
                "__name:=player")
            .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    assertTrue(output.contains("published " + count + " messages"), output);
    assertTrue(eventually(() -> received.size() == count), "received " + received);
    List<Double> expected = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      expected.add((double) i);
    }
    assertEquals(expected, received);
    assertTrue(
        eventually(() -> clocks.contains(Time.fromSeconds(100 + 0.01 * (count - 1)))),
        "clock " + clocks);
    List<Time> sorted = new ArrayList<>(clocks);
    Collections.sort(sorted);
    assertEquals(sorted, clocks, "the clock never runs backwards");
  }

  @Test
  void recordWritesOneConnectionPerPublisherWithItsCallerIdAndLatching() throws Exception {
    ConnectedNode mapper = node("mapper");
    ConnectedNode ticker = node("ticker");
    var latched = mapper.newPublisher("/chatter", String.TYPE, PublisherOptions.latched());
    var plain = ticker.newPublisher("/chatter", String.TYPE);
    latched.publish(new String().setData("map"));
    Path bag = dir.resolve("two-publishers.bag");
    CompletableFuture<java.lang.String> recording =
        bag(
            "record",
            "-O",
            bag.toString(),
            "--limit",
            "50",
            "/chatter",
            "__master:=" + master.uri(),
            "__name:=recorder");
    // Tick only once the recorder is connected to both (the latched message is then on its way).
    assertTrue(
        eventually(
            () ->
                recording.isDone()
                    || latched.getNumberOfSubscribers() > 0 && plain.getNumberOfSubscribers() > 0),
        "the recorder did not connect to both publishers");
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
    while (!recording.isDone() && System.nanoTime() < deadline) {
      plain.publish(new String().setData("tick"));
      Thread.sleep(10);
    }
    recording.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);

    try (BagReader reader = BagReader.open(bag)) {
      List<BagConnection> connections = reader.connections();
      assertEquals(2, connections.size(), connections.toString());
      BagConnection fromMapper =
          connections.stream()
              .filter(c -> c.callerId().equals("/mapper"))
              .findFirst()
              .orElseThrow();
      BagConnection fromTicker =
          connections.stream()
              .filter(c -> c.callerId().equals("/ticker"))
              .findFirst()
              .orElseThrow();
      assertTrue(fromMapper.latching(), fromMapper.toString());
      assertFalse(fromTicker.latching(), fromTicker.toString());
      for (BagConnection c : connections) {
        assertEquals("/chatter", c.topic());
        assertEquals("std_msgs/String", c.type());
        assertEquals(String.TYPE.md5(), c.md5sum());
      }
      assertEquals(2, reader.topics().get(0).connectionCount());
      List<BagMessage> messages = reader.readMessages().toList();
      assertTrue(messages.size() >= 50, "messages: " + messages.size());
      long maps = 0;
      for (BagMessage m : messages) {
        java.lang.String data = m.decode(String.TYPE).getData();
        assertEquals(data.equals("map") ? fromMapper : fromTicker, m.connection(), data);
        maps += data.equals("map") ? 1 : 0;
      }
      assertEquals(1, maps, "the latched message arrives once");
    }
  }

  @Test
  void playPublishesLatchedConnectionsLatched() throws Exception {
    Path bag = dir.resolve("latched.bag");
    try (BagWriter writer = BagWriter.open(bag)) {
      // A plain connection on /map first: a latched one later on the topic still makes it latched.
      BagConnection plainMap = writer.connection("/map", String.TYPE, "/map_tool", false);
      BagConnection map = writer.connection("/map", String.TYPE, "/map_server", true);
      BagConnection values = writer.connection("/values", Float64.TYPE, "/ticker", false);
      writer.write(plainMap, Time.fromSeconds(9), new String().setData("draft"));
      writer.write(map, Time.fromSeconds(10), new String().setData("grid"));
      for (int i = 0; i < 3; i++) {
        writer.write(values, Time.fromSeconds(10 + 0.01 * i), new Float64().setData(i));
      }
    }
    ConnectedNode listener = node("listener");
    Map<java.lang.String, ConnectionHeader> headers = new ConcurrentHashMap<>();
    listener
        .newSubscriber("/map", String.TYPE)
        .addMessageListener(
            (PublisherHeaderListener<String>) (m, from) -> headers.put("/map", from));
    listener
        .newSubscriber("/values", Float64.TYPE)
        .addMessageListener(
            (PublisherHeaderListener<Float64>) (m, from) -> headers.put("/values", from));
    java.lang.String output =
        bag(
                "play",
                bag.toString(),
                "--wait-for-subscribers",
                "__master:=" + master.uri(),
                "__name:=player")
            .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    assertTrue(output.contains("published 5 messages"), output);
    assertTrue(eventually(() -> headers.size() == 2), "headers " + headers);
    assertTrue(headers.get("/map").flag("latching"), headers.get("/map").toString());
    assertFalse(headers.get("/values").flag("latching"), headers.get("/values").toString());
    assertEquals("/player", headers.get("/map").get("callerid"));
  }
}
