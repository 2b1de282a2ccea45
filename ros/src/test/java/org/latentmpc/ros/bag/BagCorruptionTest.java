package org.latentmpc.ros.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.ros.BagReader;
import org.latentmpc.ros.Compression;
import org.latentmpc.ros.MessageFormatException;
import org.latentmpc.ros.bag.BagLayout.Record;

/**
 * Corrupt bags: a clear {@link MessageFormatException} naming the file and byte offset, nothing
 * allocated from absurd lengths, and a fallback to scanning when only the index is damaged.
 */
class BagCorruptionTest {
  private static final int MESSAGES = 300;

  @TempDir Path dir;

  private byte[] bag(Compression compression) throws IOException {
    Path path = dir.resolve("source.bag");
    BagTestData.write(path, compression, 2048, BagTestData.messages(MESSAGES, 8));
    return Files.readAllBytes(path);
  }

  private Path save(byte[] bytes) throws IOException {
    Path path = dir.resolve("corrupt.bag");
    Files.write(path, bytes);
    return path;
  }

  private static void assertNamesFileAndByte(MessageFormatException e, Path path, long position) {
    assertTrue(
        e.getMessage().contains(path + " at byte " + position),
        "expected '" + path + " at byte " + position + "' in: " + e.getMessage());
  }

  @Test
  void notABag() throws IOException {
    byte[] garbage = new byte[10_000];
    new Random(1).nextBytes(garbage);
    Path path = save(garbage);
    MessageFormatException e =
        assertThrows(MessageFormatException.class, () -> BagReader.open(path));
    assertTrue(e.getMessage().startsWith("not a rosbag"), e.getMessage());
    assertNamesFileAndByte(e, path, 0);
  }

  @Test
  void version12IsRefusedByName() throws IOException {
    Path path = save("#ROSBAG V1.2\nrest of an old bag".getBytes(StandardCharsets.US_ASCII));
    MessageFormatException e =
        assertThrows(MessageFormatException.class, () -> BagReader.open(path));
    assertTrue(e.getMessage().contains("unsupported rosbag version"), e.getMessage());
    assertTrue(e.getMessage().contains("#ROSBAG V1.2"), e.getMessage());
  }

  @Test
  void aWrongRecordWhereTheBagHeaderBelongs() throws IOException {
    byte[] bytes = bag(Compression.NONE);
    Record header = BagLayout.record(bytes, 13);
    bytes[BagLayout.fieldValuePosition(bytes, header, "op")] = 0x05;
    Path path = save(bytes);
    MessageFormatException e =
        assertThrows(MessageFormatException.class, () -> BagReader.open(path));
    assertNamesFileAndByte(e, path, 13);
    assertTrue(e.getMessage().contains("expected the bag header record"), e.getMessage());
  }

  @Test
  void anAbsurdRecordLengthInsideAChunkFailsWhenRead() throws IOException {
    byte[] bytes = bag(Compression.NONE);
    Record chunk = BagLayout.records(bytes).get(1);
    Record secondMessage =
        BagLayout.chunkRecords(bytes, chunk).stream()
            .filter(r -> r.op() == 2)
            .skip(1)
            .findFirst()
            .orElseThrow();
    BagLayout.putInt(bytes, secondMessage.position(), 0x7FFFFFF0);
    Path path = save(bytes);
    try (BagReader reader = BagReader.open(path)) {
      assertTrue(reader.isIndexed());
      MessageFormatException e =
          assertThrows(MessageFormatException.class, () -> reader.readMessages().toList());
      assertNamesFileAndByte(e, path, chunk.position());
      assertTrue(
          e.getMessage().contains("offset " + (secondMessage.position() - chunk.dataPosition())),
          e.getMessage());
    }
  }

  @Test
  void anAbsurdDataLengthInAHeaderFieldFailsAtOpen() throws IOException {
    byte[] bytes = bag(Compression.NONE);
    // Unindexed, so the scan meets the bad field; the field claims more than its header holds.
    Record header = BagLayout.record(bytes, 13);
    BagLayout.putLong(bytes, BagLayout.fieldValuePosition(bytes, header, "index_pos"), 0);
    Record chunk = BagLayout.records(bytes).get(1);
    BagLayout.putInt(bytes, chunk.position() + 4, 0x7FFFFFF0);
    Path path = save(bytes);
    MessageFormatException e =
        assertThrows(MessageFormatException.class, () -> BagReader.open(path));
    assertNamesFileAndByte(e, path, chunk.position());
    assertTrue(e.getMessage().contains("claims 2147483632 bytes"), e.getMessage());
  }

  @Test
  void anLz4ChunkThatDoesNotDecompressFailsWhenRead() throws IOException {
    byte[] bytes = bag(Compression.LZ4);
    Record chunk = BagLayout.records(bytes).get(1);
    for (int i = chunk.dataPosition() + 20; i < chunk.end() - 8; i += 7) {
      bytes[i] ^= 0x5A;
    }
    Path path = save(bytes);
    try (BagReader reader = BagReader.open(path)) {
      MessageFormatException e =
          assertThrows(MessageFormatException.class, () -> reader.readMessages().toList());
      assertNamesFileAndByte(e, path, chunk.position());
      assertTrue(e.getMessage().contains("lz4 chunk"), e.getMessage());
    }
  }

  @Test
  void anAbsurdUncompressedSizeIsRefusedWithoutAllocatingIt() throws IOException {
    byte[] bytes = bag(Compression.LZ4);
    Record chunk = BagLayout.records(bytes).get(1);
    BagLayout.putInt(bytes, BagLayout.fieldValuePosition(bytes, chunk, "size"), 0xFFFFFFFF);
    Path path = save(bytes);
    MessageFormatException e =
        assertThrows(MessageFormatException.class, () -> BagReader.open(path));
    assertNamesFileAndByte(e, path, chunk.position());
    assertTrue(e.getMessage().contains("too large"), e.getMessage());
  }

  @Test
  void anAbsurdChunkLengthIsTreatedAsACutAndReported() throws IOException {
    byte[] bytes = bag(Compression.LZ4);
    List<Record> records = BagLayout.records(bytes);
    Record secondChunk =
        records.stream().filter(r -> r.op() == 5).skip(1).findFirst().orElseThrow();
    BagLayout.putInt(bytes, secondChunk.dataPosition() - 4, 0xFFFFFFF0);
    Path path = save(bytes);
    try (BagReader reader = BagReader.open(path)) {
      BagReader.Recovery recovery = reader.recovery().orElseThrow();
      assertTrue(recovery.reason().startsWith("index unreadable"), recovery.summary());
      assertTrue(recovery.summary().contains("4294967280 bytes"), recovery.summary());
      long firstChunkMessages = reader.chunks().get(0).messageCount();
      assertTrue(reader.readMessages().count() >= firstChunkMessages, recovery.summary());
    }
  }

  @Test
  void aDamagedIndexFallsBackToScanningEveryChunk() throws IOException {
    byte[] bytes = bag(Compression.NONE);
    List<Record> records = BagLayout.records(bytes);
    Record chunkInfo = records.stream().filter(r -> r.op() == 6).findFirst().orElseThrow();
    BagLayout.putInt(bytes, BagLayout.fieldValuePosition(bytes, chunkInfo, "count"), 99);
    Path path = save(bytes);
    try (BagReader reader = BagReader.open(path)) {
      BagReader.Recovery recovery = reader.recovery().orElseThrow();
      assertTrue(
          recovery.reason().startsWith("index unreadable (chunk info in " + path),
          recovery.reason());
      assertEquals(MESSAGES, reader.readMessages().count());
      assertEquals(-1, recovery.truncatedAtByte());
    }
  }

  @Test
  void garbageBetweenChunksOfAnUnindexedBagNamesItsOffset() throws IOException {
    byte[] bytes = bag(Compression.NONE);
    Record header = BagLayout.record(bytes, 13);
    BagLayout.putLong(bytes, BagLayout.fieldValuePosition(bytes, header, "index_pos"), 0);
    Record index =
        BagLayout.records(bytes).stream().filter(r -> r.op() == 4).findFirst().orElseThrow();
    // A header field without '=' is malformed, not cut off.
    bytes[BagLayout.fieldValuePosition(bytes, index, "op") - 1] = 'X';
    Path path = save(bytes);
    MessageFormatException e =
        assertThrows(MessageFormatException.class, () -> BagReader.open(path));
    assertNamesFileAndByte(e, path, index.position());
  }

  @Test
  void aNanosecondFieldOutOfRangeIsRefused() throws IOException {
    byte[] bytes = bag(Compression.NONE);
    Record chunk = BagLayout.records(bytes).get(1);
    Record message = BagLayout.chunkRecords(bytes, chunk).get(1);
    int time = BagLayout.fieldValuePosition(bytes, message, "time");
    BagLayout.putInt(bytes, time + 4, 1_500_000_000);
    Record header = BagLayout.record(bytes, 13);
    BagLayout.putLong(bytes, BagLayout.fieldValuePosition(bytes, header, "index_pos"), 0);
    Path path = save(bytes);
    MessageFormatException e =
        assertThrows(MessageFormatException.class, () -> BagReader.open(path));
    assertTrue(e.getMessage().contains("nsecs=1500000000"), e.getMessage());
    assertTrue(e.getMessage().contains(path + " at byte " + chunk.position()), e.getMessage());
  }
}
