package org.latentmpc.ros.internal.bag;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.latentmpc.ros.MessageFormatException;

/** Reads the records inside a chunk's uncompressed data. */
public final class ChunkRecords {
  private ChunkRecords() {}

  /**
   * Reads the record at {@code offset} of {@code data[0, length)}.
   *
   * @param where the chunk's file and byte offset, for errors
   * @throws TruncatedRecordException if the record runs past {@code length}
   * @throws MessageFormatException if its header does not parse
   */
  public static BagRecord read(byte[] data, int length, int offset, String where)
      throws TruncatedRecordException {
    if (offset < 0 || (long) offset + 4 > length) {
      throw new TruncatedRecordException(offset, "record header length cut off");
    }
    ByteBuffer in = ByteBuffer.wrap(data, 0, length).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength = Integer.toUnsignedLong(in.getInt(offset));
    if ((long) offset + 4 + headerLength + 4 > length) {
      throw new TruncatedRecordException(
          offset, "record header of " + headerLength + " bytes runs past the chunk's end");
    }
    String recordWhere = where + ", offset " + offset + " inside the chunk";
    if (headerLength == 0) {
      throw new MessageFormatException("chunk in " + recordWhere + ": record with an empty header");
    }
    int headerStart = offset + 4;
    RecordHeader header =
        RecordHeader.parse(
            Arrays.copyOfRange(data, headerStart, headerStart + (int) headerLength), recordWhere);
    int dataLengthAt = headerStart + (int) headerLength;
    long dataLength = Integer.toUnsignedLong(in.getInt(dataLengthAt));
    BagRecord record = new BagRecord(offset, header, dataLengthAt + 4L, dataLength);
    if (record.end() > length) {
      throw new TruncatedRecordException(
          offset, "record data of " + dataLength + " bytes runs past the chunk's end");
    }
    return record;
  }
}
