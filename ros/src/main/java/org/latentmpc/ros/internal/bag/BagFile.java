package org.latentmpc.ros.internal.bag;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.latentmpc.ros.MessageFormatException;

/**
 * Positional reads from a bag file. Every length read from the file is checked against the file
 * size before anything is allocated for it.
 */
public final class BagFile implements Closeable {
  private final Path path;
  private final FileChannel channel;
  private final long size;

  private BagFile(Path path, FileChannel channel, long size) {
    this.path = path;
    this.channel = channel;
    this.size = size;
  }

  public static BagFile open(Path path) throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    try {
      return new BagFile(path, channel, channel.size());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  public Path path() {
    return path;
  }

  public long size() {
    return size;
  }

  /** "path at byte N", for error messages. */
  public String where(long position) {
    return path + " at byte " + position;
  }

  /**
   * Reads {@code length} bytes at {@code position}.
   *
   * @throws MessageFormatException if they run past the end of the file
   */
  public byte[] read(long position, long length) throws IOException {
    if (length < 0 || position < 0 || position + length > size || length > Integer.MAX_VALUE - 8) {
      throw new MessageFormatException(
          "bag "
              + where(position)
              + ": "
              + length
              + " bytes requested but the file ends at byte "
              + size);
    }
    byte[] bytes = new byte[(int) length];
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long at = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw new EOFException("bag " + where(at) + ": file shrank while reading");
      }
      at += n;
    }
    return bytes;
  }

  private long readUint32(long position) throws IOException {
    return Integer.toUnsignedLong(
        ByteBuffer.wrap(read(position, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt());
  }

  /**
   * Reads the record at {@code position}: its header and the length of its data (the data itself is
   * not read). The data may run past the end of the file; the caller decides what that means.
   *
   * @throws TruncatedRecordException if the header or the data length prefix runs past the end
   * @throws MessageFormatException if the header does not parse
   */
  public BagRecord readRecord(long position) throws IOException, TruncatedRecordException {
    if (position + 4 > size) {
      throw new TruncatedRecordException(
          position, "record header length cut off (file ends at byte " + size + ")");
    }
    long headerLength = readUint32(position);
    if (headerLength == 0) {
      throw new MessageFormatException("bag " + where(position) + ": record with an empty header");
    }
    if (position + 4 + headerLength + 4 > size) {
      throw new TruncatedRecordException(
          position,
          "record header of "
              + headerLength
              + " bytes runs past the end of the file (byte "
              + size
              + ")");
    }
    if (headerLength > BagFormat.MAX_HEADER_BYTES) {
      throw new MessageFormatException(
          "bag " + where(position) + ": record header of " + headerLength + " bytes is too large");
    }
    RecordHeader header = RecordHeader.parse(read(position + 4, headerLength), where(position));
    long dataLengthPosition = position + 4 + headerLength;
    long dataLength = readUint32(dataLengthPosition);
    return new BagRecord(position, header, dataLengthPosition + 4, dataLength);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
