package org.latentmpc.ros.internal.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.PublisherOptions;
import org.latentmpc.ros.Subscriber;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.internal.testing.Roscore;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;

/**
 * One-way latency (p50/p99) and throughput of std_msgs/Float64MultiArray messages of 1 KB and 1 MB:
 * our TCPROS on loopback, our in-process delivery, a rospy pair and (where libroscpp-dev is
 * installed) a roscpp pair, all measured in this one run against our embedded master, then printed
 * with ratios. Latency is measured with CLOCK_MONOTONIC, which Java's System.nanoTime, Python's
 * time.monotonic_ns and C++'s steady_clock share, stamped into data[0].
 *
 * <p>Run: {@code mvn -q -pl ros test -Dtest=RosPairBenchmark -Dsurefire.excludedGroups=none}; the
 * table is printed to the test's output file (target/surefire-reports/...-output.txt) and to
 * target/ros-pair-benchmark.txt.
 */
@Tag("benchmark")
class RosPairBenchmark {
  private static final int LATENCY_COUNT_1KB = 2000;
  private static final double LATENCY_RATE_1KB_HZ = 500;
  private static final int LATENCY_COUNT_1MB = 200;
  private static final double LATENCY_RATE_1MB_HZ = 50;
  private static final int THROUGHPUT_COUNT_1KB = 20_000;
  private static final int THROUGHPUT_COUNT_1MB = 200;
  private static final double TIMEOUT_S = 120;

  /**
   * {@code -Dbench.onlyOurs=true} skips the rospy and roscpp pairs (for profiling our transport).
   */
  private static final boolean ONLY_OURS = Boolean.getBoolean("bench.onlyOurs");

  /** Results of one pair at one size. */
  record Result(
      String pair,
      int bytes,
      double p50Us,
      double p99Us,
      double throughputMBps,
      int received,
      int sent) {}

  @Test
  void compareTransports() throws Exception {
    List<Result> results = new ArrayList<>();
    try (EmbeddedMaster master = EmbeddedMaster.start("127.0.0.1", 0)) {
      for (int doubles : new int[] {128, 131_072}) {
        boolean big = doubles > 1000;
        int latencyCount = big ? LATENCY_COUNT_1MB : LATENCY_COUNT_1KB;
        double rate = big ? LATENCY_RATE_1MB_HZ : LATENCY_RATE_1KB_HZ;
        int throughputCount = big ? THROUGHPUT_COUNT_1MB : THROUGHPUT_COUNT_1KB;
        results.add(
            merge(
                javaPair(master.uri(), "latent-mpc TCPROS", false, doubles, latencyCount, rate),
                javaPair(master.uri(), "latent-mpc TCPROS", false, doubles, throughputCount, 0)));
        results.add(
            merge(
                javaPair(
                    master.uri(), "latent-mpc intra-process", true, doubles, latencyCount, rate),
                javaPair(
                    master.uri(), "latent-mpc intra-process", true, doubles, throughputCount, 0)));
        if (ONLY_OURS) {
          continue;
        }
        if (Roscore.available()) {
          String[] rospy = {"/usr/bin/python3", script("rospy_pair.py").toString()};
          results.add(
              merge(
                  externalPair(master.uri(), "rospy", rospy, doubles, latencyCount, rate),
                  externalPair(master.uri(), "rospy", rospy, doubles, throughputCount, 0)));
        }
        Path roscpp = compileRoscpp();
        if (roscpp != null) {
          String[] cpp = {roscpp.toString()};
          results.add(
              merge(
                  externalPair(master.uri(), "roscpp", cpp, doubles, latencyCount, rate),
                  externalPair(master.uri(), "roscpp", cpp, doubles, throughputCount, 0)));
        }
      }
    }
    String table = format(results);
    System.out.println(table);
    Files.writeString(Path.of("target", "ros-pair-benchmark.txt"), table);
  }

  private static Result merge(Result latency, Result throughput) {
    return new Result(
        latency.pair(),
        latency.bytes(),
        latency.p50Us(),
        latency.p99Us(),
        throughput.throughputMBps(),
        latency.received() + throughput.received(),
        latency.sent() + throughput.sent());
  }

  private static Result javaPair(
      String masterUri, String label, boolean intraProcess, int doubles, int count, double rateHz)
      throws Exception {
    NodeMainExecutor pubExecutor = NodeMainExecutor.newDefault();
    NodeMainExecutor subExecutor = intraProcess ? pubExecutor : NodeMainExecutor.newDefault();
    try {
      ConnectedNode pubNode = TestNodes.start(pubExecutor, masterUri, "bench_pub");
      ConnectedNode subNode = TestNodes.start(subExecutor, masterUri, "bench_sub");
      long[] latencies = new long[count];
      long[] times = new long[2];
      int[] received = new int[1];
      CountDownLatch done = new CountDownLatch(1);
      Subscriber<Float64MultiArray> sub = subNode.newSubscriber("/bench", Float64MultiArray.TYPE);
      sub.addMessageListener(
          m -> {
            long now = System.nanoTime();
            int i = received[0]++;
            if (i < count) {
              latencies[i] = now - (long) m.getData()[0];
              if (i == 0) {
                times[0] = now;
              }
              times[1] = now;
            }
            if (received[0] == count) {
              done.countDown();
            }
          },
          count + 1);
      Publisher<Float64MultiArray> pub =
          pubNode.newPublisher(
              "/bench", Float64MultiArray.TYPE, new PublisherOptions(false, count + 1));
      long deadline = System.nanoTime() + (long) (TIMEOUT_S * 1e9);
      while (pub.getNumberOfSubscribers() < 1 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      Thread.sleep(300);
      // A ring of messages: in-process subscribers get the published object itself, so it is not
      // refilled
      // until the subscriber has long finished with it.
      Float64MultiArray[] ring = new Float64MultiArray[intraProcess ? Math.min(count, 256) : 1];
      for (int i = 0; i < ring.length; i++) {
        ring[i] = new Float64MultiArray();
        ring[i].setData(new double[doubles]);
      }
      long periodNs = rateHz > 0 ? (long) (1e9 / rateHz) : 0;
      long next = System.nanoTime();
      for (int i = 0; i < count; i++) {
        Float64MultiArray m = ring[i % ring.length];
        m.getData()[0] = System.nanoTime();
        pub.publish(m);
        if (periodNs > 0) {
          next += periodNs;
          long sleep = next - System.nanoTime();
          if (sleep > 0) {
            TimeUnit.NANOSECONDS.sleep(sleep);
          }
        }
      }
      done.await((long) TIMEOUT_S, TimeUnit.SECONDS);
      int n = Math.min(received[0], count);
      return result(label, doubles, Arrays.copyOf(latencies, n), times[0], times[1], count);
    } finally {
      pubExecutor.shutdown();
      subExecutor.shutdown();
    }
  }

  private static Result externalPair(
      String masterUri, String label, String[] program, int doubles, int count, double rateHz)
      throws Exception {
    Path home = Files.createTempDirectory("bench");
    String[] args = {
      "/bench_" + label,
      Integer.toString(doubles),
      Integer.toString(count),
      Double.toString(rateHz),
      Double.toString(TIMEOUT_S)
    };
    Path subOut = home.resolve("sub.out");
    Process sub = start(masterUri, home, program, "sub", args, subOut);
    Process pub = null;
    try {
      long deadline = System.nanoTime() + (long) (30e9);
      while (!Files.readString(subOut).contains("READY") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      pub = start(masterUri, home, program, "pub", args, home.resolve("pub.out"));
      sub.waitFor((long) TIMEOUT_S + 30, TimeUnit.SECONDS);
      String json =
          Files.readAllLines(subOut, StandardCharsets.UTF_8).stream()
              .filter(l -> l.startsWith("{"))
              .findFirst()
              .orElseThrow(() -> new IOException(label + " subscriber printed no result"));
      long[] latencies = parseLongs(json, "latencies_ns");
      return result(
          label,
          doubles,
          latencies,
          parseLongs(json, "first_ns")[0],
          parseLongs(json, "last_ns")[0],
          count);
    } finally {
      Roscore.killTree(sub);
      if (pub != null) {
        Roscore.killTree(pub);
      }
    }
  }

  private static Process start(
      String masterUri, Path home, String[] program, String role, String[] args, Path out)
      throws IOException {
    List<String> command = new ArrayList<>(Arrays.asList(program));
    command.add(role);
    command.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(Roscore.rosEnvironment(masterUri, home));
    pb.redirectOutput(out.toFile());
    return pb.start();
  }

  private static long[] parseLongs(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":\\s*(\\[[^\\]]*\\]|-?\\d+)").matcher(json);
    if (!m.find()) {
      return new long[0];
    }
    String value = m.group(1).replace("[", "").replace("]", "").trim();
    if (value.isEmpty()) {
      return new long[0];
    }
    return Arrays.stream(value.split(",")).mapToLong(s -> Long.parseLong(s.trim())).toArray();
  }

  private static Result result(
      String label, int doubles, long[] latenciesNs, long firstNs, long lastNs, int sent) {
    int bytes = doubles * 8;
    long[] sorted = latenciesNs.clone();
    Arrays.sort(sorted);
    double p50 = sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2] / 1e3;
    double p99 =
        sorted.length == 0
            ? Double.NaN
            : sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e3;
    double seconds = (lastNs - firstNs) / 1e9;
    double mbps =
        seconds > 0 && sorted.length > 1
            ? (sorted.length - 1) * (double) bytes / seconds / 1e6
            : Double.NaN;
    return new Result(label, bytes, p50, p99, mbps, sorted.length, sent);
  }

  private static Path script(String name) throws IOException {
    Path target = Path.of("target", "bench", name);
    Files.createDirectories(target.getParent());
    try (var in = RosPairBenchmark.class.getResourceAsStream("/bench/" + name)) {
      Files.write(target, in.readAllBytes());
    }
    return target.toAbsolutePath();
  }

  /** Compiles the roscpp pair with g++ where libroscpp-dev is installed; null otherwise. */
  private static Path compileRoscpp() throws Exception {
    if (!Files.exists(Path.of("/usr/include/ros/ros.h"))) {
      System.out.println("libroscpp-dev not installed: skipping the roscpp pair");
      return null;
    }
    Path binary = Path.of("target", "bench", "roscpp_pair").toAbsolutePath();
    if (Files.exists(binary)) {
      return binary;
    }
    Path source = script("roscpp_pair.cpp");
    Process gcc =
        new ProcessBuilder(
                "g++",
                "-O2",
                "-std=c++17",
                "-o",
                binary.toString(),
                source.toString(),
                "-lroscpp",
                "-lrosconsole",
                "-lroscpp_serialization",
                "-lrostime",
                "-lpthread")
            .redirectErrorStream(true)
            .start();
    String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!gcc.waitFor(300, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
      System.out.println("could not compile the roscpp pair, skipping it:\n" + log);
      return null;
    }
    return binary;
  }

  private static String format(List<Result> results) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-26s %8s %12s %12s %14s %10s%n",
            "pair",
            "size",
            "p50 (us)",
            "p99 (us)",
            "thru (MB/s)",
            "recv/sent"));
    for (Result r : results) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-26s %8s %12.1f %12.1f %14.1f %10s%n",
              r.pair(),
              r.bytes() >= 1_000_000 ? "1 MB" : "1 KB",
              r.p50Us(),
              r.p99Us(),
              r.throughputMBps(),
              r.received() + "/" + r.sent()));
    }
    sb.append("\nratios (ours / theirs; latency below 1 and throughput above 1 favour ours):\n");
    for (int bytes : new int[] {1024, 1_048_576}) {
      Result ours = find(results, "latent-mpc TCPROS", bytes);
      Result intra = find(results, "latent-mpc intra-process", bytes);
      for (String other : new String[] {"rospy", "roscpp"}) {
        Result theirs = find(results, other, bytes);
        if (ours != null && theirs != null) {
          sb.append(
              String.format(
                  Locale.ROOT,
                  "  %s %-7s latency p50 %.2fx, throughput %.2fx%n",
                  bytes >= 1_000_000 ? "1 MB" : "1 KB",
                  other,
                  ours.p50Us() / theirs.p50Us(),
                  ours.throughputMBps() / theirs.throughputMBps()));
        }
      }
      if (ours != null && intra != null) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  %s intra-process vs TCPROS: latency p50 %.1fx lower, throughput %.1fx higher%n",
                bytes >= 1_000_000 ? "1 MB" : "1 KB",
                ours.p50Us() / intra.p50Us(),
                intra.throughputMBps() / ours.throughputMBps()));
      }
    }
    return sb.toString();
  }

  private static Result find(List<Result> results, String pair, int bytes) {
    return results.stream()
        .filter(r -> r.pair().equals(pair) && r.bytes() == bytes)
        .findFirst()
        .orElse(null);
  }
}
