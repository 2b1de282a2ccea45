package org.latentmpc.ros.bag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.ros.Compression;
import org.latentmpc.ros.bag.BagLayout.Record;
import org.latentmpc.ros.bag.BagTestData.Written;

/** The writer's file layout, checked with an independent parser against the rosbag v2.0 spec. */
class BagLayoutTest {
  @TempDir Path dir;

  @Test
  void headerIndexAndChunksFollowTheV2Layout() throws IOException {
    List<Written> written = BagTestData.messages(500, 9);
    Path path = dir.resolve("layout.bag");
    BagTestData.write(path, Compression.NONE, 2048, written);
    byte[] file = Files.readAllBytes(path);

    assertArrayEquals(
        "#ROSBAG V2.0\n".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(file, 13));
    List<Record> records = BagLayout.records(file);
    Record bagHeader = records.get(0);
    assertEquals(3, bagHeader.op());
    // Header fields plus padding fill exactly 4096 bytes, as rosbag writes them.
    assertEquals(4096, bagHeader.headerLength() + bagHeader.dataLength());
    long indexPosition = bagHeader.uint("index_pos");
    long connectionCount = bagHeader.uint("conn_count");
    long chunkCount = bagHeader.uint("chunk_count");
    assertEquals(3, connectionCount);
    assertTrue(chunkCount > 10, "chunks: " + chunkCount);

    // In file order: chunk, its index data records, ..., then the index section.
    int i = 1;
    Map<Long, Map<Long, Long>> indexCountsByChunk = new HashMap<>();
    Map<Long, long[]> timesByChunk = new HashMap<>();
    int messages = 0;
    while (records.get(i).position() < indexPosition) {
      Record chunk = records.get(i++);
      assertEquals(5, chunk.op());
      assertEquals("none", chunk.string("compression"));
      assertEquals(chunk.dataLength(), chunk.uint("size"));
      Map<Long, Long> offsetsSeen = new HashMap<>();
      Set<Long> connectionsInChunk = new HashSet<>();
      long minTime = Long.MAX_VALUE;
      long maxTime = Long.MIN_VALUE;
      Map<Integer, Long> messageConnectionAtOffset = new HashMap<>();
      for (Record inner : BagLayout.chunkRecords(file, chunk)) {
        if (inner.op() == 7) {
          connectionsInChunk.add(inner.uint("conn"));
        } else {
          assertEquals(2, inner.op());
          assertTrue(connectionsInChunk.contains(inner.uint("conn")), "connection record first");
          messageConnectionAtOffset.put(
              inner.position() - chunk.dataPosition(), inner.uint("conn"));
          minTime = Math.min(minTime, inner.time("time"));
          maxTime = Math.max(maxTime, inner.time("time"));
          messages++;
        }
      }
      Map<Long, Long> counts = new HashMap<>();
      while (records.get(i).op() == 4) {
        Record index = records.get(i++);
        assertEquals(1, index.uint("ver"));
        long count = index.uint("count");
        assertEquals(count * 12, index.dataLength());
        ByteBuffer entries =
            ByteBuffer.wrap(file, index.dataPosition(), index.dataLength())
                .order(ByteOrder.LITTLE_ENDIAN);
        long previous = Long.MIN_VALUE;
        for (int k = 0; k < count; k++) {
          long time = Integer.toUnsignedLong(entries.getInt()) * 1_000_000_000L + entries.getInt();
          int offset = entries.getInt();
          assertTrue(time >= previous, "index entries sorted by time");
          previous = time;
          assertEquals(index.uint("conn"), messageConnectionAtOffset.get(offset));
          offsetsSeen.put((long) offset, index.uint("conn"));
        }
        counts.put(index.uint("conn"), count);
      }
      assertEquals(messageConnectionAtOffset.size(), offsetsSeen.size(), "every message indexed");
      indexCountsByChunk.put((long) chunk.position(), counts);
      timesByChunk.put((long) chunk.position(), new long[] {minTime, maxTime});
    }
    assertEquals(written.size(), messages);
    assertEquals(indexPosition, records.get(i).position());
    for (int c = 0; c < connectionCount; c++) {
      Record connection = records.get(i++);
      assertEquals(7, connection.op());
      assertEquals(c, connection.uint("conn"));
      Map<String, byte[]> fields =
          BagLayout.record(concat(intBytes(connection.dataLength()), slice(file, connection)), 0)
              .header();
      assertEquals(
          Set.of("topic", "type", "md5sum", "message_definition", "callerid", "latching"),
          fields.keySet());
    }
    assertEquals(chunkCount, indexCountsByChunk.size());
    for (int c = 0; c < chunkCount; c++) {
      Record info = records.get(i++);
      assertEquals(6, info.op());
      assertEquals(1, info.uint("ver"));
      long chunkPosition = info.uint("chunk_pos");
      ByteBuffer data =
          ByteBuffer.wrap(file, info.dataPosition(), info.dataLength())
              .order(ByteOrder.LITTLE_ENDIAN);
      Map<Long, Long> counts = new HashMap<>();
      for (int k = 0; k < info.uint("count"); k++) {
        counts.put(Integer.toUnsignedLong(data.getInt()), Integer.toUnsignedLong(data.getInt()));
      }
      assertEquals(indexCountsByChunk.get(chunkPosition), counts);
      assertEquals(timesByChunk.get(chunkPosition)[0], info.time("start_time"));
      assertEquals(timesByChunk.get(chunkPosition)[1], info.time("end_time"));
    }
    assertEquals(records.size(), i, "nothing after the chunk infos");
  }

  private static byte[] slice(byte[] file, Record record) {
    return java.util.Arrays.copyOfRange(file, record.dataPosition(), record.end());
  }

  private static byte[] intBytes(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] result = java.util.Arrays.copyOf(a, a.length + b.length + 4);
    System.arraycopy(b, 0, result, a.length, b.length);
    return result;
  }
}
