package org.latentmpc.ros.internal.bag;

/** The 32-bit xxHash of a byte range (the checksum of LZ4 frame headers and contents). */
final class XxHash32 {
  private static final int P1 = 0x9E3779B1;
  private static final int P2 = 0x85EBCA77;
  private static final int P3 = 0xC2B2AE3D;
  private static final int P4 = 0x27D4EB2F;
  private static final int P5 = 0x165667B1;

  private XxHash32() {}

  static int hash(byte[] data, int offset, int length, int seed) {
    int i = offset;
    int end = offset + length;
    int h;
    if (length >= 16) {
      int v1 = seed + P1 + P2;
      int v2 = seed + P2;
      int v3 = seed;
      int v4 = seed - P1;
      for (int limit = end - 16; i <= limit; i += 16) {
        v1 = Integer.rotateLeft(v1 + Lz4FrameEncoder.getIntLe(data, i) * P2, 13) * P1;
        v2 = Integer.rotateLeft(v2 + Lz4FrameEncoder.getIntLe(data, i + 4) * P2, 13) * P1;
        v3 = Integer.rotateLeft(v3 + Lz4FrameEncoder.getIntLe(data, i + 8) * P2, 13) * P1;
        v4 = Integer.rotateLeft(v4 + Lz4FrameEncoder.getIntLe(data, i + 12) * P2, 13) * P1;
      }
      h =
          Integer.rotateLeft(v1, 1)
              + Integer.rotateLeft(v2, 7)
              + Integer.rotateLeft(v3, 12)
              + Integer.rotateLeft(v4, 18);
    } else {
      h = seed + P5;
    }
    h += length;
    for (; i + 4 <= end; i += 4) {
      h = Integer.rotateLeft(h + Lz4FrameEncoder.getIntLe(data, i) * P3, 17) * P4;
    }
    for (; i < end; i++) {
      h = Integer.rotateLeft(h + (data[i] & 0xFF) * P5, 11) * P1;
    }
    h ^= h >>> 15;
    h *= P2;
    h ^= h >>> 13;
    h *= P3;
    h ^= h >>> 16;
    return h;
  }
}
