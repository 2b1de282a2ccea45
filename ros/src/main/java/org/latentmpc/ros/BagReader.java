package org.latentmpc.ros;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.latentmpc.ros.internal.bag.BagContents;
import org.latentmpc.ros.internal.bag.BagFile;
import org.latentmpc.ros.internal.bag.BagFormat;
import org.latentmpc.ros.internal.bag.BagLoader;
import org.latentmpc.ros.internal.bag.BagRecord;
import org.latentmpc.ros.internal.bag.ChunkCodec;
import org.latentmpc.ros.internal.bag.ChunkLocation;
import org.latentmpc.ros.internal.bag.ChunkRecords;
import org.latentmpc.ros.internal.bag.IndexEntries;
import org.latentmpc.ros.internal.bag.TruncatedRecordException;

/**
 * Reads a rosbag v2.0 file (chunks compressed with none, lz4 or bz2).
 *
 * <p>A bag closed properly is read through its index: opening it reads only the index, and messages
 * are read chunk by chunk as they are iterated. A bag without a usable index (the recording was
 * killed, or the file was cut) is scanned chunk by chunk instead: every complete message is
 * recovered, and {@link #recovery()} says what was lost.
 *
 * <p>Corrupt bytes (not a bag, a malformed record, a chunk that does not decompress) raise a {@link
 * MessageFormatException} naming the file and byte offset; no length read from the file is trusted
 * before it is checked against the file size. Not thread-safe.
 *
 * <pre>{@code
 * try (BagReader bag = BagReader.open(path)) {
 *   bag.recovery().ifPresent(r -> log.warn(r.summary()));
 *   bag.readMessages(Set.of("/joint_states"), null, null)
 *       .forEach(m -> use(m.decode(JointState.TYPE)));
 * }
 * }</pre>
 */
public final class BagReader implements Closeable {
  private static final int CHUNK_CACHE_SIZE = 4;

  private final BagFile file;
  private final BagContents contents;
  private final Map<Integer, byte[]> chunkCache =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
          return size() > CHUNK_CACHE_SIZE;
        }
      };

  /**
   * What was recovered from a bag without a usable index, and what was lost.
   *
   * @param reason why the index was not used (missing, outside the file, unreadable)
   * @param messagesRecovered complete messages found by scanning
   * @param chunksRecovered chunks that yielded messages (including a cut-off last one)
   * @param truncatedAtByte where the file is cut off (its size, or where a zero-filled tail
   *     begins), or -1 when every chunk is complete
   * @param losses one sentence per loss: a cut-off chunk and how many messages it still gave,
   *     messages whose connection is unknown, cut-off records
   */
  public record Recovery(
      String reason,
      long messagesRecovered,
      int chunksRecovered,
      long truncatedAtByte,
      List<String> losses) {
    public Recovery {
      losses = List.copyOf(losses);
    }

    /** True when the file is cut off, so messages after the cut are lost. */
    public boolean truncated() {
      return truncatedAtByte >= 0;
    }

    /**
     * One line, e.g. "index missing (...); recovered 1234 messages from 5 chunks; the last chunk
     * (at byte N, lz4) is cut-off: ...".
     */
    public String summary() {
      StringBuilder text =
          new StringBuilder(reason)
              .append("; recovered ")
              .append(messagesRecovered)
              .append(messagesRecovered == 1 ? " message" : " messages")
              .append(" from ")
              .append(chunksRecovered)
              .append(chunksRecovered == 1 ? " chunk" : " chunks");
      if (losses.isEmpty()) {
        text.append("; every chunk is complete (messages the recorder had not written are lost)");
      }
      for (String loss : losses) {
        text.append("; ").append(loss);
      }
      return text.toString();
    }
  }

  private BagReader(BagFile file, BagContents contents) {
    this.file = file;
    this.contents = contents;
  }

  /**
   * Opens a bag and reads its index (or scans it when the index is missing or broken).
   *
   * @throws MessageFormatException if the file is not a v2.0 bag or holds corrupt records
   * @throws IOException if it cannot be read
   */
  public static BagReader open(Path path) throws IOException {
    BagFile file = BagFile.open(path);
    try {
      return new BagReader(file, BagLoader.load(file));
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  public Path path() {
    return file.path();
  }

  /** The file size in bytes. */
  public long sizeBytes() {
    return file.size();
  }

  /** The format version, always "2.0". */
  public String version() {
    return "2.0";
  }

  /** True when the bag was read through its intact index. */
  public boolean isIndexed() {
    return contents.recovery() == null;
  }

  /** What scanning recovered and lost, when the index could not be used; empty otherwise. */
  public Optional<Recovery> recovery() {
    return Optional.ofNullable(contents.recovery());
  }

  /** Every connection, in id order. */
  public List<BagConnection> connections() {
    return List.copyOf(contents.connections().values());
  }

  /** Every chunk, in file order (a cut-off last chunk reports the part that was recovered). */
  public List<BagChunk> chunks() {
    List<BagChunk> chunks = new ArrayList<>();
    for (ChunkLocation chunk : contents.chunks()) {
      chunks.add(
          new BagChunk(
              chunk.position(),
              chunk.compression(),
              chunk.storedLength(),
              chunk.uncompressedSize(),
              Time.fromNanos(chunk.startNanos()),
              Time.fromNanos(chunk.endNanos()),
              chunk.messageCount()));
    }
    return chunks;
  }

  /** Messages in the bag. */
  public long messageCount() {
    return contents.entries().size();
  }

  /** The earliest message time, or empty for a bag without messages. */
  public Optional<Time> startTime() {
    IndexEntries entries = contents.entries();
    return entries.size() == 0
        ? Optional.empty()
        : Optional.of(Time.fromNanos(entries.timeNanos(0)));
  }

  /** The latest message time, or empty for a bag without messages. */
  public Optional<Time> endTime() {
    IndexEntries entries = contents.entries();
    return entries.size() == 0
        ? Optional.empty()
        : Optional.of(Time.fromNanos(entries.timeNanos(entries.size() - 1)));
  }

  /** The topics, sorted by name, with their type, counts and median frequency. */
  public List<BagTopic> topics() {
    Map<String, List<BagConnection>> byTopic = new TreeMap<>();
    for (BagConnection connection : contents.connections().values()) {
      byTopic.computeIfAbsent(connection.topic(), t -> new ArrayList<>()).add(connection);
    }
    Map<Integer, String> topicOf = new java.util.HashMap<>();
    contents.connections().forEach((id, c) -> topicOf.put(id, c.topic()));
    Map<String, long[]> times = new java.util.HashMap<>();
    Map<String, Integer> counts = new java.util.HashMap<>();
    IndexEntries entries = contents.entries();
    for (int i = 0; i < entries.size(); i++) {
      counts.merge(topicOf.get(entries.connection(i)), 1, Integer::sum);
    }
    Map<String, Integer> filled = new java.util.HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      String topic = topicOf.get(entries.connection(i));
      long[] topicTimes = times.computeIfAbsent(topic, t -> new long[counts.get(t)]);
      int at = filled.merge(topic, 1, Integer::sum) - 1;
      topicTimes[at] = entries.timeNanos(i);
    }
    List<BagTopic> topics = new ArrayList<>();
    for (Map.Entry<String, List<BagConnection>> entry : byTopic.entrySet()) {
      String topic = entry.getKey();
      long[] topicTimes = times.getOrDefault(topic, new long[0]);
      topics.add(
          new BagTopic(
              topic,
              entry.getValue().get(0).type(),
              topicTimes.length,
              entry.getValue().size(),
              medianFrequencyHz(topicTimes)));
    }
    return topics;
  }

  private static double medianFrequencyHz(long[] sortedTimesNanos) {
    if (sortedTimesNanos.length < 2) {
      return Double.NaN;
    }
    long[] periods = new long[sortedTimesNanos.length - 1];
    for (int i = 0; i < periods.length; i++) {
      periods[i] = sortedTimesNanos[i + 1] - sortedTimesNanos[i];
    }
    Arrays.sort(periods);
    int n = periods.length;
    double medianNanos =
        n % 2 == 1 ? periods[n / 2] : (periods[n / 2 - 1] + (double) periods[n / 2]) / 2;
    return medianNanos > 0 ? 1e9 / medianNanos : Double.NaN;
  }

  /** Every message, in time order (ties in file order). */
  public Stream<BagMessage> readMessages() {
    return readMessages(null, null, null);
  }

  /**
   * The messages on {@code topics} between {@code start} and {@code end} (both inclusive), in time
   * order (ties in file order). Chunks are read and decompressed lazily as the stream advances.
   *
   * @param topics topic names (with or without the leading '/'), or null for all
   * @param start the earliest time, or null
   * @param end the latest time, or null
   * @throws MessageFormatException from the stream when a chunk turns out corrupt
   * @throws UncheckedIOException from the stream when the file cannot be read
   */
  public Stream<BagMessage> readMessages(Collection<String> topics, Time start, Time end) {
    Set<Integer> wanted = new HashSet<>();
    for (BagConnection connection : contents.connections().values()) {
      if (topics == null || matches(topics, connection.topic())) {
        wanted.add(connection.id());
      }
    }
    IndexEntries entries = contents.entries();
    int from = start == null ? 0 : entries.firstAtOrAfter(start.toNanos());
    long endNanos = end == null ? Long.MAX_VALUE : end.toNanos();
    Iterator<BagMessage> iterator =
        new Iterator<>() {
          private int next = advance(from);

          private int advance(int i) {
            while (i < entries.size()
                && entries.timeNanos(i) <= endNanos
                && !wanted.contains(entries.connection(i))) {
              i++;
            }
            return i < entries.size() && entries.timeNanos(i) <= endNanos ? i : entries.size();
          }

          @Override
          public boolean hasNext() {
            return next < entries.size();
          }

          @Override
          public BagMessage next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            BagMessage message = readMessage(next);
            next = advance(next + 1);
            return message;
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            iterator, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
        false);
  }

  private static boolean matches(Collection<String> topics, String topic) {
    String canonical = topic.startsWith("/") ? topic : "/" + topic;
    for (String wanted : topics) {
      String canonicalWanted = wanted.startsWith("/") ? wanted : "/" + wanted;
      if (canonicalWanted.equals(canonical)) {
        return true;
      }
    }
    return false;
  }

  private BagMessage readMessage(int entry) {
    IndexEntries entries = contents.entries();
    int chunkNumber = entries.chunk(entry);
    ChunkLocation chunk = contents.chunks().get(chunkNumber);
    byte[] data = chunkData(chunkNumber, chunk);
    int length = (int) Math.min(data.length, chunk.uncompressedSize());
    String where = file.where(chunk.position());
    BagRecord record;
    try {
      record = ChunkRecords.read(data, length, entries.offset(entry), where);
    } catch (TruncatedRecordException e) {
      throw new MessageFormatException(
          "chunk in "
              + where
              + ": the message record at offset "
              + entries.offset(entry)
              + " is cut off: "
              + e.getMessage());
    }
    if (record.header().op() != BagFormat.OP_MESSAGE_DATA
        || record.header().uint32("conn") != entries.connection(entry)) {
      throw new MessageFormatException(
          "chunk in "
              + where
              + ": the index points at offset "
              + entries.offset(entry)
              + ", which holds no message of connection "
              + entries.connection(entry));
    }
    BagConnection connection = contents.connections().get(entries.connection(entry));
    byte[] serialized = Arrays.copyOfRange(data, (int) record.dataPosition(), (int) record.end());
    return new BagMessage(
        connection.topic(), Time.fromNanos(entries.timeNanos(entry)), connection, serialized);
  }

  private byte[] chunkData(int chunkNumber, ChunkLocation chunk) {
    byte[] cached = chunkCache.get(chunkNumber);
    if (cached != null) {
      return cached;
    }
    byte[] data;
    try {
      byte[] stored = file.read(chunk.dataPosition(), chunk.storedLength());
      data =
          chunk.partial()
              ? ChunkCodec.decompressPrefix(chunk.compression(), stored)
              : ChunkCodec.decompress(
                  chunk.compression(),
                  stored,
                  chunk.uncompressedSize(),
                  file.where(chunk.position()));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file.where(chunk.position()), e);
    }
    if (data.length < chunk.uncompressedSize()) {
      throw new MessageFormatException(
          "chunk in "
              + file.where(chunk.position())
              + " now decompresses to "
              + data.length
              + " bytes, fewer than the "
              + chunk.uncompressedSize()
              + " read before");
    }
    chunkCache.put(chunkNumber, data);
    return data;
  }

  @Override
  public void close() throws IOException {
    chunkCache.clear();
    file.close();
  }
}
