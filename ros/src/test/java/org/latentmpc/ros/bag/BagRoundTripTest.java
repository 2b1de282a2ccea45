package org.latentmpc.ros.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentmpc.ros.bag.BagTestData.FLOAT64;
import static org.latentmpc.ros.bag.BagTestData.STRING;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentmpc.ros.BagChunk;
import org.latentmpc.ros.BagConnection;
import org.latentmpc.ros.BagMessage;
import org.latentmpc.ros.BagReader;
import org.latentmpc.ros.BagTopic;
import org.latentmpc.ros.BagWriter;
import org.latentmpc.ros.Compression;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.bag.BagTestData.Written;

class BagRoundTripTest {
  private static final int MESSAGES = 3000;
  private static final int SMALL_CHUNK_BYTES = 4096;
  private static final double FREQUENCY_TOLERANCE_HZ = 1e-6;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Compression.class)
  void everyMessageComesBackInTimeOrderAcrossManyChunks(Compression compression)
      throws IOException {
    List<Written> written = BagTestData.messages(MESSAGES, 11);
    Path path = dir.resolve("round-trip.bag");
    BagTestData.write(path, compression, SMALL_CHUNK_BYTES, written);

    try (BagReader reader = BagReader.open(path)) {
      assertTrue(reader.isIndexed());
      assertTrue(reader.recovery().isEmpty());
      assertEquals(MESSAGES, reader.messageCount());
      List<BagChunk> chunks = reader.chunks();
      assertTrue(chunks.size() > 20, "expected many chunks, got " + chunks.size());
      assertTrue(chunks.stream().allMatch(c -> c.compression() == compression));
      assertEquals(MESSAGES, chunks.stream().mapToLong(BagChunk::messageCount).sum());

      List<Written> expected = BagTestData.inTimeOrder(written);
      List<BagMessage> read = reader.readMessages().toList();
      assertEquals(expected.size(), read.size());
      for (int i = 0; i < expected.size(); i++) {
        assertTrue(expected.get(i).sameAs(read.get(i)), "message " + i + ": " + expected.get(i));
      }
      assertEquals(expected.get(0).time(), reader.startTime().orElseThrow());
      assertEquals(expected.get(MESSAGES - 1).time(), reader.endTime().orElseThrow());
    }
  }

  @Test
  void topicsListTypesCountsConnectionsAndMedianFrequency() throws IOException {
    Path path = dir.resolve("topics.bag");
    BagTestData.write(path, Compression.LZ4, SMALL_CHUNK_BYTES, BagTestData.messages(MESSAGES, 3));
    try (BagReader reader = BagReader.open(path)) {
      List<BagTopic> topics = reader.topics();
      assertEquals(
          List.of("/joint/position", "/status", "/surprise"),
          topics.stream().map(BagTopic::name).toList());
      for (BagTopic topic : topics) {
        assertEquals(MESSAGES / 3, topic.messageCount());
        assertEquals(1, topic.connectionCount());
        // Every third message of a 100 Hz stream: 33.3 Hz.
        assertEquals(100.0 / 3, topic.medianFrequencyHz(), FREQUENCY_TOLERANCE_HZ);
      }
      assertEquals("std_msgs/String", topics.get(1).type());
      assertEquals(3, reader.connections().size());
    }
  }

  @Test
  void filtersByTopicAndInclusiveTimeRange() throws IOException {
    List<Written> written = BagTestData.messages(MESSAGES, 5);
    Path path = dir.resolve("filter.bag");
    BagTestData.write(path, Compression.NONE, SMALL_CHUNK_BYTES, written);
    List<Written> sorted = BagTestData.inTimeOrder(written);
    Time start = sorted.get(500).time();
    Time end = sorted.get(1500).time();
    List<Written> expected =
        sorted.stream()
            .filter(w -> w.topic().equals("/surprise") || w.topic().equals("/status"))
            .filter(w -> w.time().compareTo(start) >= 0 && w.time().compareTo(end) <= 0)
            .toList();
    try (BagReader reader = BagReader.open(path)) {
      // Topic names match with or without the leading slash, as in rosbag.
      List<BagMessage> read =
          reader.readMessages(Set.of("/surprise", "status"), start, end).toList();
      assertEquals(expected.size(), read.size());
      for (int i = 0; i < expected.size(); i++) {
        assertTrue(expected.get(i).sameAs(read.get(i)), "message " + i);
      }
      assertEquals(0, reader.readMessages(Set.of("/nothing"), null, null).count());
      assertEquals(
          MESSAGES / 3, reader.readMessages(Set.of("/joint/position"), null, null).count());
      // A range after the last message is empty.
      Time after = Time.fromNanos(reader.endTime().orElseThrow().toNanos() + 1);
      assertEquals(0, reader.readMessages(null, after, null).count());
    }
  }

  @Test
  void connectionsKeepCallerIdLatchingAndDefinition() throws IOException {
    Path path = dir.resolve("connections.bag");
    try (BagWriter writer = BagWriter.open(path, Compression.LZ4, 1024)) {
      BagConnection latched = writer.connection("/emergency_stop", FLOAT64, "/safety", true);
      BagConnection plain = writer.connection("/emergency_stop", FLOAT64, "/other", false);
      assertEquals(latched, writer.connection("/emergency_stop", FLOAT64, "/safety", true));
      writer.write(latched, Time.fromSeconds(1), ByteBuffer.wrap(BagTestData.float64(1)));
      writer.write(plain, Time.fromSeconds(2), ByteBuffer.wrap(BagTestData.float64(2)));
      writer.write("/status", Time.fromSeconds(3), STRING, BagTestData.string("ok"));
      assertEquals(3, writer.messageCount());
    }
    try (BagReader reader = BagReader.open(path)) {
      Map<Integer, BagConnection> byId =
          reader.connections().stream()
              .collect(Collectors.toMap(BagConnection::id, connection -> connection));
      assertEquals(
          new BagConnection(
              0,
              "/emergency_stop",
              "std_msgs/Float64",
              FLOAT64.md5(),
              "float64 data\n",
              "/safety",
              true),
          byId.get(0));
      assertEquals("/other", byId.get(1).callerId());
      assertFalse(byId.get(1).latching());
      assertEquals("", byId.get(2).callerId());
      assertEquals(2, reader.topics().get(0).connectionCount());
      List<BagMessage> messages = reader.readMessages().toList();
      assertEquals(byId.get(0), messages.get(0).connection());
      assertEquals(2.0, BagTestData.float64(messages.get(1).serialized()));
    }
  }

  @Test
  void anEmptyBagHasNoMessagesAndNoTimes() throws IOException {
    Path path = dir.resolve("empty.bag");
    BagWriter.open(path).close();
    try (BagReader reader = BagReader.open(path)) {
      assertTrue(reader.isIndexed());
      assertEquals(0, reader.messageCount());
      assertTrue(reader.startTime().isEmpty());
      assertEquals(List.of(), reader.chunks());
      assertEquals(List.of(), reader.topics());
    }
  }

  @Test
  void aMessageLargerThanTheThresholdGetsAChunkOfItsOwn() throws IOException {
    Path path = dir.resolve("large.bag");
    byte[] image = new byte[3_000_000];
    new java.util.Random(7).nextBytes(image);
    try (BagWriter writer = BagWriter.open(path, Compression.LZ4, 64 * 1024)) {
      writer.write("/small", Time.fromSeconds(1), FLOAT64, BagTestData.float64(1));
      writer.write("/camera", Time.fromSeconds(2), STRING, BagTestData.string("x"));
      writer.write(
          "/camera/raw",
          Time.fromSeconds(3),
          BagTestData.rawType("test/Blob", "0123456789abcdef0123456789abcdef", "uint8[] data\n"),
          image);
    }
    try (BagReader reader = BagReader.open(path)) {
      List<BagMessage> messages = reader.readMessages().toList();
      assertTrue(java.util.Arrays.equals(image, messages.get(2).serialized()));
      assertEquals(1, reader.chunks().size());
    }
  }

  @Test
  void aMessageWrittenOnAConnectionKeepsItsCallerIdAndAWrongTypeIsRejected() throws IOException {
    Path path = dir.resolve("message-on-connection.bag");
    try (BagWriter writer = BagWriter.open(path)) {
      BagConnection map =
          writer.connection(
              "/map", org.latentmpc.ros.msgs.std_msgs.String.TYPE, "/map_server", true);
      writer.write(
          map, Time.fromSeconds(1), new org.latentmpc.ros.msgs.std_msgs.String().setData("grid"));
      IllegalArgumentException wrongType =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  writer.write(
                      map,
                      Time.fromSeconds(2),
                      new org.latentmpc.ros.msgs.std_msgs.Float64().setData(1)));
      assertTrue(wrongType.getMessage().contains("std_msgs/Float64"), wrongType.getMessage());
      assertEquals(1, writer.messageCount(), "the rejected message was not written");
    }
    try (BagReader reader = BagReader.open(path)) {
      List<BagMessage> messages = reader.readMessages().toList();
      assertEquals(1, messages.size());
      assertEquals("/map_server", messages.get(0).connection().callerId());
      assertTrue(messages.get(0).connection().latching());
      assertEquals(
          "grid", messages.get(0).decode(org.latentmpc.ros.msgs.std_msgs.String.TYPE).getData());
    }
  }

  @Test
  void writerRejectsWildcardTypesEmptyTopicsAndUseAfterClose() throws IOException {
    Path path = dir.resolve("reject.bag");
    BagWriter writer = BagWriter.open(path);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            writer.write(
                "/x", Time.ZERO, org.latentmpc.ros.MessageType.WILDCARD, BagTestData.float64(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> writer.write("", Time.ZERO, FLOAT64, BagTestData.float64(1)));
    writer.close();
    writer.close();
    assertThrows(
        IllegalStateException.class,
        () -> writer.write("/x", Time.ZERO, FLOAT64, BagTestData.float64(1)));
    assertTrue(Files.size(path) > 4096);
  }
}
