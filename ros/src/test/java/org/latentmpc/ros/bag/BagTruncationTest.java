package org.latentmpc.ros.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentmpc.ros.BagChunk;
import org.latentmpc.ros.BagMessage;
import org.latentmpc.ros.BagReader;
import org.latentmpc.ros.Compression;
import org.latentmpc.ros.bag.BagTestData.Written;

/** Bags cut off at many points: the reader never throws, recovers a prefix and reports the loss. */
class BagTruncationTest {
  private static final int MESSAGES = 600;
  private static final int CUT_POINTS = 150;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Compression.class)
  void everyCutYieldsTheCompleteMessagesBeforeItAndSaysWhatWasLost(Compression compression)
      throws IOException {
    List<Written> written = BagTestData.messages(MESSAGES, 17);
    Path full = dir.resolve("full.bag");
    BagTestData.write(full, compression, 2048, written);
    byte[] bytes = Files.readAllBytes(full);
    List<BagChunk> chunks;
    long indexPosition;
    try (BagReader reader = BagReader.open(full)) {
      chunks = reader.chunks();
    }
    indexPosition = BagLayout.records(bytes).get(0).uint("index_pos");

    TreeSet<Integer> cuts = new TreeSet<>();
    for (int i = 0; i <= CUT_POINTS; i++) {
      cuts.add((int) ((long) bytes.length * i / CUT_POINTS));
    }
    for (int special : new int[] {1, 12, 13, 14, 4116, 4117, 4118, 4200}) {
      cuts.add(special);
    }
    for (BagChunk chunk : chunks) {
      for (int delta = -2; delta <= 2; delta++) {
        cuts.add((int) chunk.positionBytes() + delta);
      }
    }
    cuts.add((int) indexPosition);
    cuts.add((int) indexPosition - 1);
    cuts.add(bytes.length - 1);

    boolean partialChunkRecovered = false;
    Path cut = dir.resolve("cut.bag");
    for (int length : cuts) {
      Files.write(cut, Arrays.copyOf(bytes, length));
      List<BagMessage> read;
      BagReader.Recovery recovery;
      try (BagReader reader = BagReader.open(cut)) {
        read = reader.readMessages().toList();
        if (length == bytes.length) {
          assertTrue(reader.isIndexed());
          continue;
        }
        recovery = reader.recovery().orElseThrow(() -> new AssertionError("cut at " + length));
        assertEquals(read.size(), reader.messageCount());
      } catch (RuntimeException | IOException e) {
        throw new AssertionError("cut at byte " + length + " of " + bytes.length + ": " + e, e);
      }
      // Chunks wholly before the cut are recovered in full.
      long complete = 0;
      for (int c = 0; c < chunks.size(); c++) {
        long chunkEnd = c + 1 < chunks.size() ? chunks.get(c + 1).positionBytes() : indexPosition;
        if (chunkEnd <= length) {
          complete += chunks.get(c).messageCount();
        }
      }
      String context = "cut at byte " + length + ": " + recovery.summary();
      assertTrue(read.size() >= complete, context);
      partialChunkRecovered |= read.size() > complete && length < indexPosition;
      // What comes back is exactly the first k messages written, in time order.
      List<Written> expected = BagTestData.inTimeOrder(written.subList(0, read.size()));
      for (int i = 0; i < read.size(); i++) {
        assertTrue(expected.get(i).sameAs(read.get(i)), context + ", message " + i);
      }
      assertEquals(read.size(), recovery.messagesRecovered());
      assertTrue(recovery.summary().contains("recovered " + read.size() + " message"), context);
      if (length >= indexPosition) {
        assertEquals(MESSAGES, read.size(), context);
        assertTrue(recovery.reason().startsWith("index unreadable"), context);
      } else if (length > 4117) {
        assertTrue(recovery.truncated(), context);
        assertTrue(!recovery.losses().isEmpty() || complete == read.size(), context);
      }
    }
    if (compression == Compression.NONE) {
      assertTrue(partialChunkRecovered, "no cut recovered messages from a cut-off chunk");
    }
  }

  @Test
  void aKilledWriterLeavesEveryWrittenChunkReadable() throws IOException {
    // What a killed BagWriter leaves: the header with index_pos 0 and the chunks written so far.
    List<Written> written = BagTestData.messages(MESSAGES, 2);
    Path full = dir.resolve("full.bag");
    BagTestData.write(full, Compression.LZ4, 2048, written);
    byte[] bytes = Files.readAllBytes(full);
    long indexPosition = BagLayout.records(bytes).get(0).uint("index_pos");
    byte[] killed = Arrays.copyOf(bytes, (int) indexPosition);
    BagLayout.putLong(
        killed, BagLayout.fieldValuePosition(killed, BagLayout.record(killed, 13), "index_pos"), 0);
    Path path = dir.resolve("killed.bag");
    Files.write(path, killed);
    try (BagReader reader = BagReader.open(path)) {
      BagReader.Recovery recovery = reader.recovery().orElseThrow();
      assertEquals(MESSAGES, reader.readMessages().count());
      assertEquals(-1, recovery.truncatedAtByte());
      assertTrue(recovery.summary().startsWith("index missing"), recovery.summary());
      assertTrue(recovery.summary().contains("every chunk is complete"), recovery.summary());
    }
  }

  @Test
  void aZeroFilledTailIsReportedAsNeverWritten() throws IOException {
    List<Written> written = BagTestData.messages(100, 2);
    Path full = dir.resolve("full.bag");
    BagTestData.write(full, Compression.NONE, 2048, written);
    byte[] bytes = Files.readAllBytes(full);
    long indexPosition = BagLayout.records(bytes).get(0).uint("index_pos");
    byte[] padded =
        Arrays.copyOf(Arrays.copyOf(bytes, (int) indexPosition), (int) indexPosition + 9000);
    BagLayout.putLong(
        padded, BagLayout.fieldValuePosition(padded, BagLayout.record(padded, 13), "index_pos"), 0);
    Path path = dir.resolve("zeros.bag");
    Files.write(path, padded);
    try (BagReader reader = BagReader.open(path)) {
      BagReader.Recovery recovery = reader.recovery().orElseThrow();
      assertEquals(100, reader.readMessages().count());
      assertEquals(indexPosition, recovery.truncatedAtByte());
      assertTrue(recovery.summary().contains("zeros"), recovery.summary());
    }
  }
}
