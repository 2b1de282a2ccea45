package org.latentmpc.ros.internal.bag;

import java.util.Arrays;

/**
 * Writes standard LZ4 frames (magic 04 22 4D 18; independent blocks, content checksum, no block
 * checksums), the form roslz4 reads, with a greedy hash-chain-free LZ4 block compressor.
 *
 * <p>Why not commons-compress's {@code FramedLZ4CompressorOutputStream}: on camera-like data (many
 * literals) it slowed to minutes per 768 KiB chunk on this machine, far too slow to record with.
 * Frames written here are read back by commons-compress's {@code FramedLZ4CompressorInputStream}
 * and by roslz4 (both checked in tests). One encoder per thread; it reuses its hash table.
 */
public final class Lz4FrameEncoder {
  private static final int MAGIC = 0x184D2204;
  private static final int MIN_MATCH = 4;
  private static final int LAST_LITERALS = 5;
  private static final int MATCH_FIND_LIMIT = 12;
  private static final int MAX_OFFSET = 65535;
  private static final int HASH_BITS = 16;
  private static final int SKIP_TRIGGER = 6;

  private final int[] table = new int[1 << HASH_BITS];

  /** Compresses {@code data[0, length)} into one LZ4 frame. */
  public byte[] encode(byte[] data, int length) {
    int blockSizeId;
    int blockSize;
    if (length <= 64 << 10) {
      blockSizeId = 4;
      blockSize = 64 << 10;
    } else if (length <= 256 << 10) {
      blockSizeId = 5;
      blockSize = 256 << 10;
    } else if (length <= 1 << 20) {
      blockSizeId = 6;
      blockSize = 1 << 20;
    } else {
      blockSizeId = 7;
      blockSize = 4 << 20;
    }
    int blocks = (length + blockSize - 1) / blockSize;
    byte[] out = new byte[7 + blocks * 4 + maxCompressedLength(length) + 8];
    int op = 0;
    op = putIntLe(out, op, MAGIC);
    out[op++] = 0x64; // version 01, independent blocks, content checksum
    out[op++] = (byte) (blockSizeId << 4);
    out[op++] = (byte) (XxHash32.hash(out, 4, 2, 0) >>> 8);
    for (int start = 0; start < length; start += blockSize) {
      int size = Math.min(blockSize, length - start);
      int compressed = compressBlock(data, start, size, out, op + 4);
      if (compressed >= size) {
        op = putIntLe(out, op, size | 0x80000000);
        System.arraycopy(data, start, out, op, size);
        op += size;
      } else {
        op = putIntLe(out, op, compressed);
        op += compressed;
      }
    }
    op = putIntLe(out, op, 0); // end mark
    op = putIntLe(out, op, XxHash32.hash(data, 0, length, 0));
    return Arrays.copyOf(out, op);
  }

  /** An upper bound on a compressed block's size (LZ4_compressBound). */
  static int maxCompressedLength(int length) {
    return length + length / 255 + 16;
  }

  /**
   * Compresses one independent block into {@code out} at {@code outOffset} (which has room for
   * {@link #maxCompressedLength}).
   *
   * @return the compressed length
   */
  int compressBlock(byte[] src, int start, int length, byte[] out, int outOffset) {
    int end = start + length;
    int anchor = start;
    int op = outOffset;
    if (length > MATCH_FIND_LIMIT) {
      Arrays.fill(table, -1);
      int matchLimit = end - LAST_LITERALS;
      int lastMatchStart = end - MATCH_FIND_LIMIT;
      int i = start;
      while (i <= lastMatchStart) {
        int sequence = getIntLe(src, i);
        int hash = hash(sequence);
        int ref = table[hash];
        table[hash] = i;
        if (ref < 0 || i - ref > MAX_OFFSET || getIntLe(src, ref) != sequence) {
          i += 1 + ((i - anchor) >>> SKIP_TRIGGER);
          continue;
        }
        while (i > anchor && ref > start && src[i - 1] == src[ref - 1]) {
          i--;
          ref--;
        }
        int matchEnd = i + MIN_MATCH;
        int refEnd = ref + MIN_MATCH;
        while (matchEnd < matchLimit && src[matchEnd] == src[refEnd]) {
          matchEnd++;
          refEnd++;
        }
        op = writeSequence(src, anchor, i - anchor, i - ref, matchEnd - i, out, op);
        i = matchEnd;
        anchor = matchEnd;
        if (i - 2 >= start && i - 2 + 4 <= end) {
          table[hash(getIntLe(src, i - 2))] = i - 2;
        }
      }
    }
    int literals = end - anchor;
    int token = Math.min(literals, 15) << 4;
    out[op++] = (byte) token;
    op = writeLength(literals, out, op);
    System.arraycopy(src, anchor, out, op, literals);
    return op + literals - outOffset;
  }

  private static int writeSequence(
      byte[] src, int literalStart, int literals, int offset, int matchLength, byte[] out, int op) {
    int matchCode = matchLength - MIN_MATCH;
    out[op++] = (byte) ((Math.min(literals, 15) << 4) | Math.min(matchCode, 15));
    op = writeLength(literals, out, op);
    System.arraycopy(src, literalStart, out, op, literals);
    op += literals;
    out[op++] = (byte) offset;
    out[op++] = (byte) (offset >>> 8);
    return writeLength(matchCode, out, op);
  }

  /** The extra length bytes of a literal or match length whose token nibble is 15. */
  private static int writeLength(int length, byte[] out, int op) {
    if (length < 15) {
      return op;
    }
    int rest = length - 15;
    while (rest >= 255) {
      out[op++] = (byte) 255;
      rest -= 255;
    }
    out[op++] = (byte) rest;
    return op;
  }

  private static int hash(int sequence) {
    return (sequence * -1640531535) >>> (32 - HASH_BITS);
  }

  static int getIntLe(byte[] b, int i) {
    return (b[i] & 0xFF)
        | (b[i + 1] & 0xFF) << 8
        | (b[i + 2] & 0xFF) << 16
        | (b[i + 3] & 0xFF) << 24;
  }

  private static int putIntLe(byte[] b, int i, int value) {
    b[i] = (byte) value;
    b[i + 1] = (byte) (value >>> 8);
    b[i + 2] = (byte) (value >>> 16);
    b[i + 3] = (byte) (value >>> 24);
    return i + 4;
  }
}
