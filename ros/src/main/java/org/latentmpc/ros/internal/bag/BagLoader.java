package org.latentmpc.ros.internal.bag;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.latentmpc.ros.BagConnection;
import org.latentmpc.ros.BagReader;
import org.latentmpc.ros.Compression;
import org.latentmpc.ros.MessageFormatException;

/**
 * Finds the connections, chunks and messages of a bag: through the index when it is intact,
 * otherwise by scanning the chunks in file order and recovering every complete message (a bag whose
 * recording was killed has no index, and its last chunk may be cut off).
 *
 * <p>Truncation (a record cut off by the end of the file, a chunk never finished) is recovered from
 * and reported. Corruption in bytes that are present (a bad version line, a malformed record
 * header, a complete chunk that does not decompress) raises a {@link MessageFormatException} naming
 * the file and byte offset.
 */
public final class BagLoader {
  private final BagFile file;

  private BagLoader(BagFile file) {
    this.file = file;
  }

  /** Loads the layout of {@code file}. */
  public static BagContents load(BagFile file) throws IOException {
    return new BagLoader(file).load();
  }

  private BagContents load() throws IOException {
    long size = file.size();
    byte[] start = file.read(0, Math.min(size, BagFormat.MAGIC.length));
    if (!Arrays.equals(start, Arrays.copyOf(BagFormat.MAGIC, start.length))) {
      throw new MessageFormatException(badVersionLine(start));
    }
    if (start.length < BagFormat.MAGIC.length) {
      return empty("the file ends inside the version line (" + size + " bytes)", size);
    }
    long headerPosition = BagFormat.MAGIC.length;
    BagRecord bagHeader;
    try {
      bagHeader = file.readRecord(headerPosition);
    } catch (TruncatedRecordException e) {
      return empty("the bag header record is cut off: " + e.getMessage(), size);
    }
    RecordHeader header = bagHeader.header();
    if (header.op() != BagFormat.OP_BAG_HEADER) {
      throw new MessageFormatException(
          "bag "
              + file.where(headerPosition)
              + ": expected the bag header record, found a "
              + BagFormat.opName(header.op())
              + " record");
    }
    long indexPosition = header.uint64("index_pos");
    long connectionCount = header.uint32("conn_count");
    long chunkCount = header.uint32("chunk_count");
    long firstRecord = bagHeader.end();
    if (firstRecord > size) {
      return empty("the bag header record's padding is cut off", size);
    }
    String reason;
    boolean knownCut = false;
    if (indexPosition == 0) {
      reason = "index missing (the recording did not close the bag)";
    } else if (indexPosition < firstRecord || indexPosition > size) {
      reason = "index position " + indexPosition + " lies outside the file (" + size + " bytes)";
      knownCut = indexPosition > size;
    } else {
      try {
        return readIndex(indexPosition, connectionCount, chunkCount);
      } catch (MessageFormatException e) {
        reason = "index unreadable (" + e.getMessage() + ")";
      }
    }
    return scan(firstRecord, reason, knownCut ? indexPosition : -1);
  }

  private String badVersionLine(byte[] start) {
    byte[] prefix = BagFormat.MAGIC_PREFIX;
    if (start.length >= prefix.length
        && Arrays.equals(Arrays.copyOf(start, prefix.length), prefix)) {
      String line = new String(start, StandardCharsets.US_ASCII).strip();
      return "unsupported rosbag version in "
          + file.where(0)
          + ": '"
          + line
          + "' (only #ROSBAG V2.0 is supported)";
    }
    return "not a rosbag: " + file.where(0) + " does not start with '#ROSBAG V2.0'";
  }

  private BagContents empty(String reason, long size) {
    BagReader.Recovery recovery =
        new BagReader.Recovery(reason, 0, 0, size, List.of("no chunk was written before the cut"));
    return new BagContents(Map.of(), List.of(), new IndexEntries(), recovery);
  }

  // ---------------------------------------------------------------------------------------------
  // Through the index

  private record ChunkInfo(
      long chunkPosition, long startNanos, long endNanos, Map<Integer, Long> counts) {}

  private BagContents readIndex(long indexPosition, long connectionCount, long chunkCount)
      throws IOException {
    Map<Integer, BagConnection> connections = new TreeMap<>();
    long position = indexPosition;
    for (long i = 0; i < connectionCount; i++) {
      BagRecord record = requireRecord(position, BagFormat.OP_CONNECTION);
      BagConnection connection = connection(record, readData(record));
      connections.put(connection.id(), connection);
      position = record.end();
    }
    List<ChunkInfo> chunkInfos = new ArrayList<>();
    for (long i = 0; i < chunkCount; i++) {
      BagRecord record = requireRecord(position, BagFormat.OP_CHUNK_INFO);
      RecordHeader header = record.header();
      requireVersion(header, BagFormat.CHUNK_INFO_VERSION, record);
      long count = header.uint32("count");
      if (record.dataLength() != count * 8) {
        throw new MessageFormatException(
            "chunk info in "
                + file.where(record.position())
                + " lists "
                + count
                + " connections in "
                + record.dataLength()
                + " bytes (expected "
                + count * 8
                + ")");
      }
      ByteBuffer data = ByteBuffer.wrap(readData(record)).order(ByteOrder.LITTLE_ENDIAN);
      Map<Integer, Long> counts = new HashMap<>();
      for (long j = 0; j < count; j++) {
        counts.merge(
            connectionId(data.getInt(), record), Integer.toUnsignedLong(data.getInt()), Long::sum);
      }
      chunkInfos.add(
          new ChunkInfo(
              header.uint64("chunk_pos"),
              header.timeNanos("start_time"),
              header.timeNanos("end_time"),
              counts));
      position = record.end();
    }

    List<ChunkLocation> chunks = new ArrayList<>();
    IndexEntries entries = new IndexEntries();
    for (ChunkInfo info : chunkInfos) {
      int chunkNumber = chunks.size();
      BagRecord chunk = requireRecord(info.chunkPosition(), BagFormat.OP_CHUNK);
      Compression compression = compression(chunk);
      long uncompressedSize = chunk.header().uint32("size");
      requireChunkLengths(chunk, uncompressedSize);
      Map<Integer, Long> found = new HashMap<>();
      long indexRecordPosition = chunk.end();
      long messages = 0;
      for (int j = 0; j < info.counts().size(); j++) {
        BagRecord record = requireRecord(indexRecordPosition, BagFormat.OP_INDEX_DATA);
        RecordHeader header = record.header();
        requireVersion(header, BagFormat.INDEX_VERSION, record);
        int connectionId = connectionId((int) header.uint32("conn"), record);
        if (!connections.containsKey(connectionId)) {
          throw new MessageFormatException(
              "index data in "
                  + file.where(record.position())
                  + " refers to connection "
                  + connectionId
                  + ", which the index does not list");
        }
        long count = header.uint32("count");
        if (record.dataLength() != count * 12) {
          throw new MessageFormatException(
              "index data in "
                  + file.where(record.position())
                  + " lists "
                  + count
                  + " messages in "
                  + record.dataLength()
                  + " bytes (expected "
                  + count * 12
                  + ")");
        }
        ByteBuffer data = ByteBuffer.wrap(readData(record)).order(ByteOrder.LITTLE_ENDIAN);
        for (long k = 0; k < count; k++) {
          long secs = Integer.toUnsignedLong(data.getInt());
          long nsecs = Integer.toUnsignedLong(data.getInt());
          long offset = Integer.toUnsignedLong(data.getInt());
          if (nsecs >= 1_000_000_000L || offset >= uncompressedSize) {
            throw new MessageFormatException(
                "index data in "
                    + file.where(record.position())
                    + ": entry "
                    + k
                    + " has nsecs="
                    + nsecs
                    + ", offset="
                    + offset
                    + " (chunk holds "
                    + uncompressedSize
                    + " bytes)");
          }
          entries.add(secs * 1_000_000_000L + nsecs, chunkNumber, (int) offset, connectionId);
        }
        found.merge(connectionId, count, Long::sum);
        messages += count;
        indexRecordPosition = record.end();
      }
      if (!found.equals(info.counts())) {
        throw new MessageFormatException(
            "the index data after the chunk in "
                + file.where(chunk.position())
                + " counts "
                + found
                + " messages per connection, its chunk info "
                + info.counts());
      }
      chunks.add(
          new ChunkLocation(
              chunk.position(),
              compression,
              chunk.dataPosition(),
              chunk.dataLength(),
              uncompressedSize,
              false,
              info.startNanos(),
              info.endNanos(),
              messages));
    }
    entries.sortByTime();
    return new BagContents(connections, chunks, entries, null);
  }

  private BagRecord requireRecord(long position, int op) throws IOException {
    BagRecord record;
    try {
      record = file.readRecord(position);
    } catch (TruncatedRecordException e) {
      throw new MessageFormatException(
          "the " + BagFormat.opName(op) + " record in " + file.where(position) + " is cut off", e);
    }
    int found = record.header().op();
    if (found != op) {
      throw new MessageFormatException(
          "expected a "
              + BagFormat.opName(op)
              + " record in "
              + file.where(position)
              + ", found a "
              + BagFormat.opName(found)
              + " record");
    }
    if (record.end() > file.size()) {
      throw new MessageFormatException(
          "the "
              + BagFormat.opName(op)
              + " record in "
              + file.where(position)
              + " claims "
              + record.dataLength()
              + " bytes of data, past the end of the file (byte "
              + file.size()
              + ")");
    }
    return record;
  }

  private void requireVersion(RecordHeader header, int expected, BagRecord record) {
    long version = header.uint32("ver");
    if (version != expected) {
      throw new MessageFormatException(
          "record in "
              + file.where(record.position())
              + " has version "
              + version
              + ", expected "
              + expected);
    }
  }

  private void requireChunkLengths(BagRecord chunk, long uncompressedSize) {
    if (chunk.dataLength() > BagFormat.MAX_CHUNK_BYTES
        || uncompressedSize > BagFormat.MAX_CHUNK_BYTES) {
      throw new MessageFormatException(
          "chunk in "
              + file.where(chunk.position())
              + " is too large ("
              + chunk.dataLength()
              + " bytes stored, "
              + uncompressedSize
              + " uncompressed; limit "
              + BagFormat.MAX_CHUNK_BYTES
              + ")");
    }
  }

  private byte[] readData(BagRecord record) throws IOException {
    return file.read(record.dataPosition(), record.dataLength());
  }

  private int connectionId(int raw, BagRecord record) {
    if (raw < 0) {
      throw new MessageFormatException(
          "record in "
              + file.where(record.position())
              + " has connection id "
              + Integer.toUnsignedLong(raw)
              + " (above 2^31)");
    }
    return raw;
  }

  private Compression compression(BagRecord chunk) {
    String name = chunk.header().string("compression");
    try {
      return Compression.fromWireName(name);
    } catch (IllegalArgumentException e) {
      throw new MessageFormatException(
          "chunk in " + file.where(chunk.position()) + ": " + e.getMessage(), e);
    }
  }

  private BagConnection connection(BagRecord record, byte[] data) {
    RecordHeader header = record.header();
    int id = connectionId((int) header.uint32("conn"), record);
    String topic = header.string("topic");
    RecordHeader connectionHeader =
        RecordHeader.parse(data, "the connection header of " + header.where());
    return new BagConnection(
        id,
        topic,
        connectionHeader.string("type"),
        connectionHeader.string("md5sum"),
        connectionHeader.string("message_definition", ""),
        connectionHeader.string("callerid", ""),
        "1".equals(connectionHeader.string("latching", "0")));
  }

  // ---------------------------------------------------------------------------------------------
  // By scanning (no usable index)

  /** State of one scan. */
  private final class Scan {
    final Map<Integer, BagConnection> connections = new TreeMap<>();
    final List<ChunkLocation> chunks = new ArrayList<>();
    final IndexEntries entries = new IndexEntries();
    final List<String> losses = new ArrayList<>();
    long truncatedAt = -1;

    /**
     * Reads the records of one chunk's uncompressed data.
     *
     * @param lenient stop quietly at the first broken record (cut-off data) instead of throwing
     * @return bytes holding complete records
     */
    int readChunkRecords(byte[] data, int length, int chunkNumber, String where, boolean lenient) {
      int offset = 0;
      while (offset < length) {
        BagRecord record;
        try {
          record = ChunkRecords.read(data, length, offset, where);
          int op = record.header().op();
          if (op == BagFormat.OP_CONNECTION) {
            byte[] connectionData =
                Arrays.copyOfRange(data, (int) record.dataPosition(), (int) record.end());
            BagConnection connection = connection(record, connectionData);
            connections.putIfAbsent(connection.id(), connection);
          } else if (op == BagFormat.OP_MESSAGE_DATA) {
            int connectionId = connectionId((int) record.header().uint32("conn"), record);
            entries.add(record.header().timeNanos("time"), chunkNumber, offset, connectionId);
          }
        } catch (TruncatedRecordException e) {
          if (lenient) {
            return offset;
          }
          throw new MessageFormatException(
              "chunk in " + where + ": record at offset " + offset + ": " + e.getMessage());
        } catch (MessageFormatException e) {
          if (lenient) {
            return offset;
          }
          throw e;
        }
        offset = (int) record.end();
      }
      return offset;
    }
  }

  /**
   * @param lostIndexPosition where the bag header says the index starts, when that lies past the
   *     end of the file (so the file was certainly cut), else -1
   */
  private BagContents scan(long firstRecord, String reason, long lostIndexPosition)
      throws IOException {
    Scan scan = new Scan();
    long size = file.size();
    long position = firstRecord;
    while (position < size) {
      BagRecord record;
      try {
        record = file.readRecord(position);
      } catch (TruncatedRecordException e) {
        scan.losses.add("the record at byte " + position + " is cut off: " + e.getMessage());
        scan.truncatedAt = size;
        break;
      } catch (MessageFormatException e) {
        if (isZeroFilled(position)) {
          scan.losses.add(
              "bytes " + position + " to " + size + " are zeros (space the recording never wrote)");
          scan.truncatedAt = position;
          break;
        }
        throw e;
      }
      int op = record.header().op();
      if (op == BagFormat.OP_CHUNK) {
        Compression compression = compression(record);
        long declaredSize = record.header().uint32("size");
        if (record.dataLength() == 0 && declaredSize == 0) {
          scanPartialChunk(scan, record, compression, "unfinished");
          break; // an unfinished chunk runs to the end of the file
        }
        if (record.end() > size) {
          scanPartialChunk(scan, record, compression, "cut-off");
          break;
        }
        requireChunkLengths(record, declaredSize);
        int chunkNumber = scan.chunks.size();
        byte[] data =
            ChunkCodec.decompress(
                compression, readData(record), declaredSize, file.where(record.position()));
        int before = scan.entries.size();
        scan.readChunkRecords(data, data.length, chunkNumber, file.where(record.position()), false);
        scan.chunks.add(
            chunkStats(
                scan.entries,
                before,
                new ChunkLocation(
                    record.position(),
                    compression,
                    record.dataPosition(),
                    record.dataLength(),
                    declaredSize,
                    false,
                    0,
                    0,
                    0)));
      } else if (record.end() > size) {
        scan.losses.add(
            "the "
                + BagFormat.opName(op)
                + " record at byte "
                + position
                + " is cut off (no messages in it)");
        scan.truncatedAt = size;
        break;
      } else if (op == BagFormat.OP_CONNECTION) {
        BagConnection connection = connection(record, readData(record));
        scan.connections.putIfAbsent(connection.id(), connection);
      }
      position = record.end();
    }
    if (scan.truncatedAt < 0 && lostIndexPosition > 0) {
      scan.losses.add(
          "the file ends at byte "
              + size
              + " between records; whatever followed up to the index (at byte "
              + lostIndexPosition
              + ") is lost");
      scan.truncatedAt = size;
    }
    return finishScan(scan, reason);
  }

  private void scanPartialChunk(Scan scan, BagRecord record, Compression compression, String kind)
      throws IOException {
    long present = Math.min(file.size() - record.dataPosition(), BagFormat.MAX_CHUNK_BYTES);
    byte[] stored = file.read(record.dataPosition(), present);
    byte[] data = ChunkCodec.decompressPrefix(compression, stored);
    int chunkNumber = scan.chunks.size();
    int before = scan.entries.size();
    int usable =
        scan.readChunkRecords(
            data, data.length, chunkNumber, file.where(record.position()), /* lenient= */ true);
    int recovered = scan.entries.size() - before;
    String declared =
        "unfinished".equals(kind)
            ? "its sizes were never written"
            : present + " of its " + record.dataLength() + " bytes are present";
    scan.losses.add(
        "the last chunk (at byte "
            + record.position()
            + ", "
            + compression
            + ") is "
            + kind
            + ": "
            + declared
            + "; recovered "
            + recovered
            + " messages from it, lost the rest of the chunk");
    scan.truncatedAt = file.size();
    if (recovered > 0) {
      scan.chunks.add(
          chunkStats(
              scan.entries,
              before,
              new ChunkLocation(
                  record.position(),
                  compression,
                  record.dataPosition(),
                  present,
                  usable,
                  true,
                  0,
                  0,
                  0)));
    }
  }

  private static ChunkLocation chunkStats(IndexEntries entries, int from, ChunkLocation location) {
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    for (int i = from; i < entries.size(); i++) {
      start = Math.min(start, entries.timeNanos(i));
      end = Math.max(end, entries.timeNanos(i));
    }
    int count = entries.size() - from;
    return new ChunkLocation(
        location.position(),
        location.compression(),
        location.dataPosition(),
        location.storedLength(),
        location.uncompressedSize(),
        location.partial(),
        count == 0 ? 0 : start,
        count == 0 ? 0 : end,
        count);
  }

  private BagContents finishScan(Scan scan, String reason) {
    IndexEntries kept = scan.entries;
    long orphans = 0;
    for (int i = 0; i < scan.entries.size(); i++) {
      if (!scan.connections.containsKey(scan.entries.connection(i))) {
        orphans++;
      }
    }
    if (orphans > 0) {
      kept = new IndexEntries();
      for (int i = 0; i < scan.entries.size(); i++) {
        if (scan.connections.containsKey(scan.entries.connection(i))) {
          kept.add(
              scan.entries.timeNanos(i),
              scan.entries.chunk(i),
              scan.entries.offset(i),
              scan.entries.connection(i));
        }
      }
      scan.losses.add(
          "dropped " + orphans + " messages whose connection record is missing from the file");
    }
    kept.sortByTime();
    BagReader.Recovery recovery =
        new BagReader.Recovery(
            reason, kept.size(), scan.chunks.size(), scan.truncatedAt, List.copyOf(scan.losses));
    return new BagContents(scan.connections, List.copyOf(scan.chunks), kept, recovery);
  }

  private boolean isZeroFilled(long position) throws IOException {
    long size = file.size();
    for (long at = position; at < size; at += 1 << 16) {
      byte[] block = file.read(at, Math.min(1 << 16, size - at));
      for (byte b : block) {
        if (b != 0) {
          return false;
        }
      }
    }
    return true;
  }
}
