package org.latentmpc.ros;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.latentmpc.ros.internal.bag.BagFormat;
import org.latentmpc.ros.internal.bag.ChunkCodec;
import org.latentmpc.ros.internal.bag.RecordHeader;

/**
 * Writes a rosbag v2.0 file that {@code rosbag info}, {@code rosbag play} and the rosbag Python API
 * read: chunks of connection and message records (uncompressed, lz4 or bz2), each followed by its
 * index data records, and on {@link #close()} the index (every connection again, one chunk info per
 * chunk) and the final bag header.
 *
 * <p>Each chunk is assembled in memory and written whole once it exceeds the chunk threshold, so
 * the file only ever holds complete chunks; if the process dies, {@link BagReader} recovers every
 * chunk written so far. Each chunk carries the connection records its messages need, so chunks stay
 * readable on their own. Not thread-safe.
 */
public final class BagWriter implements Closeable {
  /** rosbag's default chunk threshold: a chunk is closed once its records exceed 768 KiB. */
  public static final int DEFAULT_CHUNK_THRESHOLD_BYTES = 768 * 1024;

  private final Path path;
  private final FileChannel channel;
  private final Compression compression;
  private final int chunkThresholdBytes;
  private final List<BagConnection> connections = new ArrayList<>();
  private final List<ChunkSummary> chunks = new ArrayList<>();
  private long filePosition;
  private long messageCount;
  private boolean closed;

  // The open chunk: uncompressed records plus, per connection, its index entries in the chunk.
  private byte[] chunk = new byte[64 * 1024];
  private int chunkLength;
  private final Map<Integer, ChunkIndex> chunkIndexes = new LinkedHashMap<>();
  private long chunkStartNanos;
  private long chunkEndNanos;
  private ByteBuffer scratch = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);

  private record ChunkSummary(
      long position, long startNanos, long endNanos, Map<Integer, Integer> counts) {}

  /** Times (ns) and offsets of one connection's messages in the open chunk. */
  private static final class ChunkIndex {
    long[] timeNanos = new long[64];
    int[] offsets = new int[64];
    int size;

    void add(long time, int offset) {
      if (size == timeNanos.length) {
        timeNanos = Arrays.copyOf(timeNanos, size * 2);
        offsets = Arrays.copyOf(offsets, size * 2);
      }
      timeNanos[size] = time;
      offsets[size] = offset;
      size++;
    }
  }

  private BagWriter(Path path, FileChannel channel, Compression compression, int threshold) {
    this.path = path;
    this.channel = channel;
    this.compression = compression;
    this.chunkThresholdBytes = threshold;
  }

  /**
   * Creates (or replaces) a bag file.
   *
   * @param compression how chunks are compressed
   * @param chunkThresholdBytes a chunk is written once its uncompressed records exceed this many
   *     bytes
   */
  public static BagWriter open(Path path, Compression compression, int chunkThresholdBytes)
      throws IOException {
    Objects.requireNonNull(compression, "compression");
    if (chunkThresholdBytes < 1 || chunkThresholdBytes > BagFormat.MAX_CHUNK_BYTES / 2) {
      throw new IllegalArgumentException(
          "chunkThresholdBytes must be 1.."
              + BagFormat.MAX_CHUNK_BYTES / 2
              + ", got "
              + chunkThresholdBytes);
    }
    FileChannel channel =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    BagWriter writer = new BagWriter(path, channel, compression, chunkThresholdBytes);
    try {
      writer.writeFully(ByteBuffer.wrap(BagFormat.MAGIC));
      writer.writeFully(ByteBuffer.wrap(bagHeaderRecord(0, 0, 0)));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return writer;
  }

  /** An uncompressed bag with rosbag's default chunk threshold. */
  public static BagWriter open(Path path) throws IOException {
    return open(path, Compression.NONE, DEFAULT_CHUNK_THRESHOLD_BYTES);
  }

  public Path path() {
    return path;
  }

  /** Messages written so far. */
  public long messageCount() {
    return messageCount;
  }

  /**
   * The connection for messages of {@code type} on {@code topic}, from {@code callerId} (empty when
   * unknown), created on first use. Connections with equal fields are shared.
   *
   * @throws IllegalArgumentException if the topic is empty or the type is the wildcard
   */
  public BagConnection connection(
      String topic, MessageType<?> type, String callerId, boolean latching) {
    return connection(topic, type.name(), type.md5(), type.definition(), callerId, latching);
  }

  /**
   * The connection for {@code type}/{@code md5sum} messages on {@code topic}, created on first use
   * (e.g. to copy a connection from another bag).
   */
  public BagConnection connection(
      String topic,
      String type,
      String md5sum,
      String messageDefinition,
      String callerId,
      boolean latching) {
    checkOpen();
    if (topic == null || topic.isEmpty()) {
      throw new IllegalArgumentException("topic must not be empty");
    }
    if (type.isEmpty() || "*".equals(type) || "*".equals(md5sum) || md5sum.isEmpty()) {
      throw new IllegalArgumentException(
          "a bag connection needs a concrete type and md5sum, got " + type + " [" + md5sum + "]");
    }
    BagConnection candidate =
        new BagConnection(
            connections.size(), topic, type, md5sum, messageDefinition, callerId, latching);
    for (BagConnection existing : connections) {
      if (existing.sameStreamAs(candidate)) {
        return existing;
      }
    }
    connections.add(candidate);
    return candidate;
  }

  /** Writes an already serialized message of {@code type} (not the wildcard) on {@code topic}. */
  public void write(String topic, Time time, MessageType<?> type, byte[] serialized)
      throws IOException {
    write(connection(topic, type, "", false), time, ByteBuffer.wrap(serialized));
  }

  /** Like {@link #write(String, Time, MessageType, byte[])} with the buffer's remaining bytes. */
  public void write(String topic, Time time, MessageType<?> type, ByteBuffer serialized)
      throws IOException {
    write(connection(topic, type, "", false), time, serialized);
  }

  /** Serializes and writes {@code message} on {@code topic}, with its own type. */
  public void write(String topic, Time time, Message message) throws IOException {
    write(connection(topic, message.messageType(), "", false), time, message);
  }

  /**
   * Serializes and writes {@code message} on {@code connection} (from this writer, e.g. with the
   * publisher's callerid and latching flag), whose type must be the message's.
   */
  public void write(BagConnection connection, Time time, Message message) throws IOException {
    MessageType<?> type = message.messageType();
    if (!type.md5().equals(connection.md5sum()) || !type.name().equals(connection.type())) {
      throw new IllegalArgumentException(
          "a "
              + type.name()
              + " ["
              + type.md5()
              + "] message does not belong on connection "
              + connection);
    }
    int size = message.serializedSize();
    if (scratch.capacity() < size) {
      scratch =
          ByteBuffer.allocate(Math.max(size, scratch.capacity() * 2))
              .order(ByteOrder.LITTLE_ENDIAN);
    }
    scratch.clear();
    message.serialize(scratch);
    scratch.flip();
    write(connection, time, scratch);
  }

  /**
   * Writes the serialized message in {@code serialized}'s remaining bytes (its position is left
   * unchanged) on {@code connection}, which must come from this writer.
   */
  public void write(BagConnection connection, Time time, ByteBuffer serialized) throws IOException {
    checkOpen();
    Objects.requireNonNull(time, "time");
    if (connection.id() >= connections.size() || connections.get(connection.id()) != connection) {
      throw new IllegalArgumentException("connection " + connection + " is not from this writer");
    }
    long timeNanos = time.toNanos();
    if (chunkLength == 0) {
      chunkStartNanos = timeNanos;
      chunkEndNanos = timeNanos;
    }
    ChunkIndex index = chunkIndexes.get(connection.id());
    if (index == null) {
      index = new ChunkIndex();
      chunkIndexes.put(connection.id(), index);
      appendConnectionRecord(connection);
    }
    int offset = chunkLength;
    byte[] header =
        new RecordHeader.Builder()
            .op(BagFormat.OP_MESSAGE_DATA)
            .uint32("conn", connection.id())
            .time("time", timeNanos)
            .build();
    appendRecord(header, serialized.duplicate());
    index.add(timeNanos, offset);
    chunkStartNanos = Math.min(chunkStartNanos, timeNanos);
    chunkEndNanos = Math.max(chunkEndNanos, timeNanos);
    messageCount++;
    if (chunkLength > chunkThresholdBytes) {
      writeChunk();
    }
  }

  private void appendConnectionRecord(BagConnection connection) {
    byte[] header =
        new RecordHeader.Builder()
            .op(BagFormat.OP_CONNECTION)
            .uint32("conn", connection.id())
            .string("topic", connection.topic())
            .build();
    appendRecord(header, ByteBuffer.wrap(connectionHeader(connection)));
  }

  private static byte[] connectionHeader(BagConnection connection) {
    return new RecordHeader.Builder()
        .string("topic", connection.topic())
        .string("type", connection.type())
        .string("md5sum", connection.md5sum())
        .string("message_definition", connection.messageDefinition())
        .string("callerid", connection.callerId())
        .string("latching", connection.latching() ? "1" : "0")
        .build();
  }

  private void appendRecord(byte[] header, ByteBuffer data) {
    long needed = (long) chunkLength + 8 + header.length + data.remaining();
    if (needed > BagFormat.MAX_CHUNK_BYTES) {
      throw new IllegalArgumentException(
          "a record of " + data.remaining() + " bytes does not fit in a chunk");
    }
    if (needed > chunk.length) {
      chunk = Arrays.copyOf(chunk, (int) Math.max(needed, Math.min(2L * chunk.length, 1L << 30)));
    }
    ByteBuffer out = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
    out.position(chunkLength);
    out.putInt(header.length).put(header).putInt(data.remaining()).put(data);
    chunkLength = out.position();
  }

  /** Writes the open chunk and its index data records to the file. */
  private void writeChunk() throws IOException {
    if (chunkLength == 0) {
      return;
    }
    long chunkPosition = filePosition;
    byte[] stored = ChunkCodec.compress(compression, chunk, chunkLength);
    byte[] header =
        new RecordHeader.Builder()
            .op(BagFormat.OP_CHUNK)
            .string("compression", compression.wireName())
            .uint32("size", chunkLength)
            .build();
    writeRecord(header, ByteBuffer.wrap(stored));
    Map<Integer, Integer> counts = new LinkedHashMap<>();
    for (Map.Entry<Integer, ChunkIndex> entry : chunkIndexes.entrySet()) {
      ChunkIndex index = entry.getValue();
      sortByTime(index);
      ByteBuffer data = ByteBuffer.allocate(index.size * 12).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < index.size; i++) {
        data.putInt((int) (index.timeNanos[i] / 1_000_000_000L))
            .putInt((int) (index.timeNanos[i] % 1_000_000_000L))
            .putInt(index.offsets[i]);
      }
      data.flip();
      byte[] indexHeader =
          new RecordHeader.Builder()
              .op(BagFormat.OP_INDEX_DATA)
              .uint32("ver", BagFormat.INDEX_VERSION)
              .uint32("conn", entry.getKey())
              .uint32("count", index.size)
              .build();
      writeRecord(indexHeader, data);
      counts.put(entry.getKey(), index.size);
    }
    chunks.add(new ChunkSummary(chunkPosition, chunkStartNanos, chunkEndNanos, counts));
    chunkIndexes.clear();
    chunkLength = 0;
    if (chunk.length > 4 * Math.max(chunkThresholdBytes, 64 * 1024)) {
      chunk = new byte[64 * 1024]; // one huge message made it grow; do not keep that memory
    }
  }

  /** Stable insertion sort by time: messages usually arrive in order, so this is near linear. */
  private static void sortByTime(ChunkIndex index) {
    for (int i = 1; i < index.size; i++) {
      long time = index.timeNanos[i];
      int offset = index.offsets[i];
      int j = i - 1;
      while (j >= 0 && index.timeNanos[j] > time) {
        index.timeNanos[j + 1] = index.timeNanos[j];
        index.offsets[j + 1] = index.offsets[j];
        j--;
      }
      index.timeNanos[j + 1] = time;
      index.offsets[j + 1] = offset;
    }
  }

  private void writeRecord(byte[] header, ByteBuffer data) throws IOException {
    ByteBuffer prefix = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    writeFully(prefix.putInt(0, header.length));
    writeFully(ByteBuffer.wrap(header));
    writeFully(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, data.remaining()));
    writeFully(data);
  }

  private void writeFully(ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      filePosition += channel.write(buffer, filePosition);
    }
  }

  private static byte[] bagHeaderRecord(long indexPosition, int connectionCount, int chunkCount) {
    byte[] header =
        new RecordHeader.Builder()
            .op(BagFormat.OP_BAG_HEADER)
            .uint64("index_pos", indexPosition)
            .uint32("conn_count", connectionCount)
            .uint32("chunk_count", chunkCount)
            .build();
    int padding = BagFormat.BAG_HEADER_PADDED_LENGTH - header.length;
    ByteBuffer record =
        ByteBuffer.allocate(8 + header.length + padding).order(ByteOrder.LITTLE_ENDIAN);
    record.putInt(header.length).put(header).putInt(padding);
    while (record.hasRemaining()) {
      record.put((byte) ' ');
    }
    return record.array();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("bag writer for " + path + " is closed");
    }
  }

  /**
   * Writes the open chunk, the index (connection records, then chunk infos) and the final bag
   * header, then closes the file. Closing twice does nothing.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      writeChunk();
      long indexPosition = filePosition;
      for (BagConnection connection : connections) {
        byte[] header =
            new RecordHeader.Builder()
                .op(BagFormat.OP_CONNECTION)
                .uint32("conn", connection.id())
                .string("topic", connection.topic())
                .build();
        writeRecord(header, ByteBuffer.wrap(connectionHeader(connection)));
      }
      for (ChunkSummary summary : chunks) {
        ByteBuffer data =
            ByteBuffer.allocate(summary.counts().size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        summary.counts().forEach((id, count) -> data.putInt(id).putInt(count));
        data.flip();
        byte[] header =
            new RecordHeader.Builder()
                .op(BagFormat.OP_CHUNK_INFO)
                .uint32("ver", BagFormat.CHUNK_INFO_VERSION)
                .uint64("chunk_pos", summary.position())
                .time("start_time", summary.startNanos())
                .time("end_time", summary.endNanos())
                .uint32("count", summary.counts().size())
                .build();
        writeRecord(header, data);
      }
      byte[] bagHeader = bagHeaderRecord(indexPosition, connections.size(), chunks.size());
      ByteBuffer buffer = ByteBuffer.wrap(bagHeader);
      long at = BagFormat.MAGIC.length;
      while (buffer.hasRemaining()) {
        at += channel.write(buffer, at);
      }
      channel.force(false);
    } finally {
      channel.close();
    }
  }
}
