package org.latentmpc.ros.internal.transport;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.latentmpc.ros.PublisherOptions;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.msgs.sensor_msgs.Image;
import org.latentmpc.ros.msgs.std_msgs.Header;

/**
 * One-way latency (p50, p99) and throughput of sensor_msgs/Image messages over TCPROS on loopback
 * and in-process. The send time travels in {@code header.stamp} as epoch time, so the same
 * measurement works against a rospy or roscpp peer in another process (the lead's comparison).
 *
 * <p>Run: {@code mvn -q -pl ros test -Dtest=TransportBenchmark -Dsurefire.excludedGroups=none}.
 */
@Tag("benchmark")
public class TransportBenchmark {
  /** What one run measured. */
  public record Result(
      String transport,
      int payloadBytes,
      int latencySamples,
      double latencyP50Us,
      double latencyP99Us,
      int throughputMessages,
      double throughputMsgPerS,
      double throughputMiBPerS) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%-12s %9d B  latency p50 %9.1f us  p99 %9.1f us  throughput %10.0f msg/s %8.1f MiB/s",
          transport,
          payloadBytes,
          latencyP50Us,
          latencyP99Us,
          throughputMsgPerS,
          throughputMiBPerS);
    }
  }

  private static final long EPOCH_BASE_NS = Instant.now().toEpochMilli() * 1_000_000L;
  private static final long NANO_BASE = System.nanoTime();
  private static final long RECEIVE_TIMEOUT_S = 10;

  /** Epoch time in ns with nanoTime resolution (comparable across processes on one machine). */
  public static long epochNanos() {
    return EPOCH_BASE_NS + (System.nanoTime() - NANO_BASE);
  }

  /**
   * Measures one transport.
   *
   * @param intraProcess in-process delivery instead of TCPROS on loopback
   * @param payloadBytes image data size
   * @param latencySamples paced messages (one in flight) for the latency percentiles
   * @param throughputMessages back-to-back messages for the throughput
   */
  public static Result measure(
      boolean intraProcess, int payloadBytes, int latencySamples, int throughputMessages)
      throws IOException, InterruptedException {
    URI node = URI.create("http://127.0.0.1:1/bench_pub");
    IntraProcessRegistry registry = intraProcess ? new IntraProcessRegistry() : null;
    int queue = Math.max(throughputMessages, 16);
    try (TcpRosServer server = new TcpRosServer(Wire.LOOPBACK, 0);
        TcpRosPublisher<Image> pub =
            new TcpRosPublisher<>(
                "/bench",
                Image.TYPE,
                new PublisherOptions(false, queue),
                "/bench_pub",
                node,
                server,
                registry,
                null);
        TcpRosSubscriber<Image> sub =
            new TcpRosSubscriber<>(
                "/bench",
                Image.TYPE,
                "/bench_sub",
                (uri, topic) -> server.address(),
                registry,
                null)) {
      long[] latencies = new long[latencySamples];
      AtomicInteger received = new AtomicInteger();
      Semaphore arrived = new Semaphore(0);
      boolean[] recording = {false};
      sub.addMessageListener(
          m -> {
            long now = epochNanos();
            int i = received.getAndIncrement();
            if (recording[0] && i < latencies.length) {
              latencies[i] = now - m.getHeader().getStamp().toNanos();
            }
            arrived.release();
          },
          queue);
      sub.updatePublishers(List.of(node));
      Wire.await("benchmark subscriber connected", () -> pub.getNumberOfSubscribers() == 1);

      Image image =
          new Image()
              .setHeader(new Header().setFrameId("bench"))
              .setEncoding("mono8")
              .setHeight(1)
              .setWidth(payloadBytes)
              .setStep(payloadBytes)
              .setData(new byte[payloadBytes]);
      int warmup = Math.max(10, latencySamples / 5);
      for (int phase = 0; phase < 2; phase++) {
        int n = phase == 0 ? warmup : latencySamples;
        received.set(0);
        recording[0] = phase == 1;
        for (int i = 0; i < n; i++) {
          image.getHeader().setSeq(i).setStamp(Time.fromNanos(epochNanos()));
          pub.publish(image);
          if (!arrived.tryAcquire(RECEIVE_TIMEOUT_S, TimeUnit.SECONDS)) {
            throw new AssertionError("message " + i + " not received");
          }
        }
      }

      // throughput: back to back, queues large enough that nothing is dropped
      received.set(0);
      recording[0] = false;
      long start = System.nanoTime();
      for (int i = 0; i < throughputMessages; i++) {
        pub.publish(image);
      }
      if (!arrived.tryAcquire(throughputMessages, RECEIVE_TIMEOUT_S * 6, TimeUnit.SECONDS)) {
        throw new AssertionError(
            "throughput run incomplete: "
                + received.get()
                + " of "
                + throughputMessages
                + ", dropped "
                + pub.getDroppedMessageCount()
                + "/"
                + sub.getDroppedMessageCount());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Arrays.sort(latencies);
      int bytesPerMessage = image.serializedSize();
      return new Result(
          intraProcess ? "INTRAPROCESS" : "TCPROS",
          payloadBytes,
          latencySamples,
          percentile(latencies, 0.50) / 1e3,
          percentile(latencies, 0.99) / 1e3,
          throughputMessages,
          throughputMessages / seconds,
          throughputMessages * (double) bytesPerMessage / seconds / (1 << 20));
    }
  }

  private static double percentile(long[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** The four numbers: 1 KB and 1 MB over TCPROS and in-process. */
  public static List<Result> standardRuns() throws IOException, InterruptedException {
    return List.of(
        measure(false, 1024, 2000, 20_000),
        measure(true, 1024, 2000, 20_000),
        measure(false, 1 << 20, 200, 200),
        measure(true, 1 << 20, 200, 200));
  }

  @Test
  void printNumbers() throws Exception {
    System.out.println("TransportBenchmark (sensor_msgs/Image, one-way, loopback)");
    for (Result r : standardRuns()) {
      System.out.println(r);
    }
  }

  /** Also runnable without Maven's test runner. */
  public static void main(String[] args) throws Exception {
    new TransportBenchmark().printNumbers();
  }
}
