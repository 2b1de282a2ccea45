package org.latentmpc.ros.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
import org.latentmpc.ros.msgs.rosgraph_msgs.Clock;
import org.latentmpc.ros.msgs.std_msgs.Float64;
import org.latentmpc.ros.msgs.std_msgs.String;
import picocli.CommandLine;

/** {@code bag record} and {@code bag play} against our embedded master, with our own nodes. */
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
}
