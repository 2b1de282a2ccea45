package org.latentmpc.ros.internal.bag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.codec.digest.XXHash32;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.junit.jupiter.api.Test;

/** Our LZ4 frames decode with commons-compress to the original bytes, for every edge size. */
class Lz4FrameEncoderTest {
  private static final int[] SIZES = {
    0, 1, 4, 5, 11, 12, 13, 14, 15, 16, 17, 19, 20, 31, 100, 255, 270, 1000, 65535, 65536, 65537,
    300_000, 1_048_576, 1_048_577, 5_000_000
  };

  private static byte[] decode(byte[] frame) throws IOException {
    try (FramedLZ4CompressorInputStream in =
        new FramedLZ4CompressorInputStream(new ByteArrayInputStream(frame))) {
      return in.readAllBytes();
    }
  }

  private static byte[] data(String kind, int size, Random random) {
    byte[] data = new byte[size];
    switch (kind) {
      case "zeros" -> {}
      case "random" -> random.nextBytes(data);
      case "text" -> {
        byte[] text =
            "joint_states: position [0.1, 0.2, 0.3] velocity [0, 0, 0]\n"
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
          data[i] = text[i % text.length];
        }
      }
      case "image" -> {
        for (int i = 0; i < size; i++) {
          int pixel = (i / 3) % 4096;
          data[i] = (byte) ((pixel % 64) * 2 + pixel / 64 + random.nextInt(6));
        }
      }
      case "runs" -> {
        // Long literal runs (random) alternating with long repeats (matches over 270 bytes).
        for (int i = 0; i < size; i++) {
          int block = i / 700;
          data[i] = block % 2 == 0 ? (byte) random.nextInt() : data[i - 700];
        }
      }
      default -> throw new IllegalArgumentException(kind);
    }
    return data;
  }

  @Test
  void framesDecodeToTheOriginalForEveryKindAndSize() throws IOException {
    Random random = new Random(5);
    Lz4FrameEncoder encoder = new Lz4FrameEncoder();
    for (String kind : new String[] {"zeros", "random", "text", "image", "runs"}) {
      for (int size : SIZES) {
        byte[] data = data(kind, size, random);
        // Encode from a larger buffer: only the first `size` bytes count.
        byte[] padded = Arrays.copyOf(data, size + 17);
        byte[] frame = encoder.encode(padded, size);
        assertArrayEquals(data, decode(frame), kind + " of " + size + " bytes");
        assertTrue(
            frame.length <= Lz4FrameEncoder.maxCompressedLength(size) + 64,
            kind + " of " + size + " bytes grew to " + frame.length);
      }
    }
  }

  @Test
  void repetitiveDataCompresses() throws IOException {
    Random random = new Random(6);
    Lz4FrameEncoder encoder = new Lz4FrameEncoder();
    byte[] zeros = data("zeros", 800_000, random);
    assertTrue(encoder.encode(zeros, zeros.length).length < 8_000);
    byte[] text = data("text", 800_000, random);
    assertTrue(encoder.encode(text, text.length).length < 16_000);
    byte[] random1 = data("random", 100_000, random);
    // Incompressible blocks are stored raw: only the frame overhead is added.
    assertEquals(100_000 + 7 + 4 + 4 + 4, encoder.encode(random1, random1.length).length);
  }

  @Test
  void xxHash32MatchesCommonsCodec() {
    Random random = new Random(7);
    for (int length = 0; length < 200; length++) {
      byte[] data = new byte[length + 3];
      random.nextBytes(data);
      for (int seed : new int[] {0, 1, 0x9747b28c}) {
        XXHash32 reference = new XXHash32(seed);
        reference.update(data, 3, length);
        assertEquals(
            (int) reference.getValue(), XxHash32.hash(data, 3, length, seed), "length " + length);
      }
    }
  }
}
