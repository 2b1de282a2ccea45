package org.latentmpc.ros.bag;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.latentmpc.ros.BagMessage;
import org.latentmpc.ros.BagWriter;
import org.latentmpc.ros.Compression;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.Time;

/** Message types and message sets for the bag tests, as raw serialized bytes. */
final class BagTestData {
  private BagTestData() {}

  /** std_msgs/Float64 with the md5 from the reference table. */
  static final MessageType<Message> FLOAT64 =
      rawType("std_msgs/Float64", "fdb28210bfa9d7c91146260178d9a584", "float64 data\n");

  /** std_msgs/String with the md5 from the reference table. */
  static final MessageType<Message> STRING =
      rawType("std_msgs/String", "992ce8a1687cec8c8bd883ec73ca41d1", "string data\n");

  static MessageType<Message> rawType(String name, String md5, String definition) {
    return new MessageType<>(
        name,
        md5,
        definition,
        () -> {
          throw new UnsupportedOperationException("raw test type " + name);
        });
  }

  static byte[] float64(double value) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(value).array();
  }

  static double float64(byte[] serialized) {
    return ByteBuffer.wrap(serialized).order(ByteOrder.LITTLE_ENDIAN).getDouble();
  }

  static byte[] string(String value) {
    byte[] text = value.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + text.length)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putInt(text.length)
        .put(text)
        .array();
  }

  /** A message as written: topic, time, type and bytes. */
  record Written(String topic, Time time, MessageType<?> type, byte[] bytes) {
    boolean sameAs(BagMessage read) {
      return topic.equals(read.topic())
          && time.equals(read.time())
          && type.name().equals(read.connection().type())
          && type.md5().equals(read.connection().md5sum())
          && Arrays.equals(bytes, read.serialized());
    }

    @Override
    public String toString() {
      return topic + "@" + time + "[" + bytes.length + " bytes]";
    }
  }

  /**
   * {@code count} messages on three topics (two Float64, one String of random length) at 100 Hz,
   * with every tenth message stamped slightly earlier than the one before (out of order, as
   * recorded messages from several publishers are).
   */
  static List<Written> messages(int count, long seed) {
    Random random = new Random(seed);
    List<Written> messages = new ArrayList<>();
    long baseNanos = 1_700_000_000L * 1_000_000_000L;
    for (int i = 0; i < count; i++) {
      long nanos = baseNanos + i * 10_000_000L;
      if (i % 10 == 9) {
        nanos -= 15_000_000L;
      }
      Time time = Time.fromNanos(nanos);
      switch (i % 3) {
        case 0 -> messages.add(new Written("/joint/position", time, FLOAT64, float64(i * 0.5)));
        case 1 -> messages.add(new Written("/surprise", time, FLOAT64, float64(-i)));
        default -> {
          char[] text = new char[random.nextInt(200)];
          Arrays.fill(text, (char) ('a' + random.nextInt(26)));
          messages.add(new Written("/status", time, STRING, string(new String(text))));
        }
      }
    }
    return messages;
  }

  static void write(Path path, Compression compression, int threshold, List<Written> messages)
      throws IOException {
    try (BagWriter writer = BagWriter.open(path, compression, threshold)) {
      for (Written message : messages) {
        writer.write(message.topic(), message.time(), message.type(), message.bytes());
      }
    }
  }

  /** The messages sorted by time, ties in written order (what a reader must return). */
  static List<Written> inTimeOrder(List<Written> messages) {
    List<Written> sorted = new ArrayList<>(messages);
    sorted.sort((a, b) -> a.time().compareTo(b.time()));
    return sorted;
  }
}
