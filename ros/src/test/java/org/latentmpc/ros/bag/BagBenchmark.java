package org.latentmpc.ros.bag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.ros.BagReader;
import org.latentmpc.ros.BagWriter;
import org.latentmpc.ros.Compression;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.Time;

/**
 * Write and read throughput (MB/s of serialized message bytes) for none, lz4 and bz2 chunks, on a
 * camera-like stream (64x64 RGB images with smooth content and sensor noise) interleaved with
 * joint-state-sized messages. Prints numbers; asserts nothing. Run with {@code mvn -q -pl ros test
 * -Dtest=BagBenchmark -Dsurefire.excludedGroups=none}.
 */
@Tag("benchmark")
class BagBenchmark {
  private static final int IMAGE_BYTES = 64 * 64 * 3;
  private static final int STATE_BYTES = 200;
  private static final int FRAMES = 3000; // about 43 MB of messages
  private static final int REPEATS = 2;

  @TempDir Path dir;

  @Test
  void throughputByCompression() throws IOException {
    MessageType<Message> image =
        BagTestData.rawType("sensor_msgs/Image", "060021388200f6f0f447d0fcd9c64743", "");
    MessageType<Message> state =
        BagTestData.rawType("sensor_msgs/JointState", "3066dcd76a6cfaef579bd0f34173e9fd", "");
    Random random = new Random(42);
    byte[][] images = new byte[16][IMAGE_BYTES];
    for (int k = 0; k < images.length; k++) {
      for (int i = 0; i < IMAGE_BYTES; i++) {
        int pixel = i / 3;
        images[k][i] = (byte) ((pixel % 64) * 2 + (pixel / 64) + k * 5 + random.nextInt(6));
      }
    }
    byte[] stateBytes = new byte[STATE_BYTES];
    random.nextBytes(stateBytes);
    System.out.printf(
        "%-5s %10s %12s %12s %8s%n", "comp", "data MB", "write MB/s", "read MB/s", "ratio");
    for (Compression compression : Compression.values()) {
      int frames = compression == Compression.BZ2 ? FRAMES / 6 : FRAMES;
      double bytes = frames * (double) (IMAGE_BYTES + 10 * STATE_BYTES);
      double bestWrite = 0;
      double bestRead = 0;
      long fileSize = 0;
      for (int repeat = 0; repeat < REPEATS; repeat++) {
        Path path = dir.resolve("bench-" + compression + ".bag");
        long start = System.nanoTime();
        try (BagWriter writer =
            BagWriter.open(path, compression, BagWriter.DEFAULT_CHUNK_THRESHOLD_BYTES)) {
          long t = 1_700_000_000_000_000_000L;
          for (int f = 0; f < frames; f++) {
            writer.write("/camera/image_raw", Time.fromNanos(t), image, images[f % images.length]);
            for (int s = 0; s < 10; s++) {
              t += 3_333_333L;
              writer.write("/joint_states", Time.fromNanos(t), state, stateBytes);
            }
          }
        }
        double writeS = (System.nanoTime() - start) * 1e-9;
        fileSize = Files.size(path);
        start = System.nanoTime();
        long readBytes;
        try (BagReader reader = BagReader.open(path)) {
          readBytes = reader.readMessages().mapToLong(m -> m.serialized().length).sum();
        }
        double readS = (System.nanoTime() - start) * 1e-9;
        if (readBytes != (long) bytes) {
          throw new AssertionError("read " + readBytes + " bytes, wrote " + (long) bytes);
        }
        bestWrite = Math.max(bestWrite, bytes / writeS / 1e6);
        bestRead = Math.max(bestRead, bytes / readS / 1e6);
        Files.delete(path);
      }
      System.out.printf(
          "%-5s %10.1f %12.1f %12.1f %8.3f%n",
          compression, bytes / 1e6, bestWrite, bestRead, fileSize / bytes);
    }
  }
}
