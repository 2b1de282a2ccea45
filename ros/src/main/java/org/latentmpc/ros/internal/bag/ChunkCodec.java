package org.latentmpc.ros.internal.bag;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.latentmpc.ros.Compression;
import org.latentmpc.ros.MessageFormatException;

/**
 * Compresses and decompresses chunk data. LZ4 chunks are standard LZ4 frames with independent
 * blocks and a content checksum, the form roslz4 writes and accepts (written by {@link
 * Lz4FrameEncoder}, read by commons-compress); bz2 chunks are plain bzip2 streams (commons-compress
 * both ways). Decompression never allocates more than the data actually produces, and never more
 * than the size the chunk declares.
 */
public final class ChunkCodec {
  private static final ThreadLocal<Lz4FrameEncoder> LZ4_ENCODER =
      ThreadLocal.withInitial(Lz4FrameEncoder::new);

  private ChunkCodec() {}

  /** Compresses {@code length} bytes of {@code data}. */
  public static byte[] compress(Compression compression, byte[] data, int length) {
    try {
      switch (compression) {
        case NONE:
          return Arrays.copyOf(data, length);
        case LZ4:
          return LZ4_ENCODER.get().encode(data, length);
        case BZ2:
          {
            ByteArrayOutputStream out = new ByteArrayOutputStream(length / 4 + 64);
            try (OutputStream bz2 = new BZip2CompressorOutputStream(out)) {
              bz2.write(data, 0, length);
            }
            return out.toByteArray();
          }
        default:
          throw new IllegalArgumentException("unsupported compression " + compression);
      }
    } catch (IOException e) {
      // In-memory streams do not fail; keep the cause if one ever does.
      throw new IllegalStateException("compressing a chunk in memory failed", e);
    }
  }

  /**
   * Decompresses a complete chunk.
   *
   * @param declaredSize the uncompressed size stored in the chunk record
   * @param where the file and byte offset of the chunk, for errors
   * @throws MessageFormatException if the data does not decompress, or to a size other than
   *     declared
   */
  public static byte[] decompress(
      Compression compression, byte[] stored, long declaredSize, String where) {
    if (declaredSize > BagFormat.MAX_CHUNK_BYTES) {
      throw new MessageFormatException(
          "chunk in "
              + where
              + " declares "
              + declaredSize
              + " uncompressed bytes, more than the limit of "
              + BagFormat.MAX_CHUNK_BYTES);
    }
    if (compression == Compression.NONE) {
      if (stored.length != declaredSize) {
        throw new MessageFormatException(
            "uncompressed chunk in "
                + where
                + " holds "
                + stored.length
                + " bytes but declares "
                + declaredSize);
      }
      return stored;
    }
    byte[] result;
    try (InputStream in = open(compression, stored)) {
      result = readUpTo(in, (int) declaredSize + 1);
    } catch (IOException | RuntimeException e) {
      throw new MessageFormatException(
          compression + " chunk in " + where + " does not decompress: " + e.getMessage(), e);
    }
    if (result.length != declaredSize) {
      throw new MessageFormatException(
          compression
              + " chunk in "
              + where
              + " decompresses to "
              + (result.length > declaredSize ? "more than " + declaredSize : result.length)
              + " bytes but declares "
              + declaredSize);
    }
    return result;
  }

  /**
   * Decompresses as much of a cut-off chunk as possible: everything up to the first error or the
   * end of the data, at most {@link BagFormat#MAX_CHUNK_BYTES}.
   */
  public static byte[] decompressPrefix(Compression compression, byte[] stored) {
    if (compression == Compression.NONE) {
      return stored;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try (InputStream in = open(compression, stored)) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while (out.size() < BagFormat.MAX_CHUNK_BYTES
          && (n = in.read(buffer, 0, buffer.length)) >= 0) {
        out.write(buffer, 0, n);
      }
    } catch (IOException | RuntimeException expectedForCutData) {
      // The data ends mid-block: keep what decoded before the cut.
    }
    return out.toByteArray();
  }

  private static InputStream open(Compression compression, byte[] stored) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(stored);
    return switch (compression) {
      case LZ4 -> new FramedLZ4CompressorInputStream(in);
      case BZ2 -> new BZip2CompressorInputStream(in);
      case NONE -> in;
    };
  }

  /** Reads at most {@code limit} bytes, growing the buffer only as data arrives. */
  private static byte[] readUpTo(InputStream in, int limit) throws IOException {
    byte[] buffer = new byte[Math.min(limit, 64 * 1024)];
    int size = 0;
    while (size < limit) {
      if (size == buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min((long) limit, 2L * buffer.length));
      }
      int n = in.read(buffer, size, buffer.length - size);
      if (n < 0) {
        break;
      }
      size += n;
    }
    return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
  }
}
