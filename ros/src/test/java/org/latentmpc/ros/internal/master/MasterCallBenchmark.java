package org.latentmpc.ros.internal.master;

import java.net.URI;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.latentmpc.ros.internal.testing.Roscore;

/**
 * Round-trip time of master API calls (getParam, registerPublisher) over loopback XML-RPC: our
 * MasterClient against our EmbeddedMaster and against a real roscore. Prints, asserts nothing.
 */
@Tag("benchmark")
class MasterCallBenchmark {
  private static final int WARMUP = 300;
  private static final int CALLS = 2000;

  private static String measure(String label, MasterClient c) {
    c.setParam("/bench/value", 1.5);
    for (int i = 0; i < WARMUP; i++) {
      c.getParam("/bench/value");
    }
    long[] getNs = new long[CALLS];
    for (int i = 0; i < CALLS; i++) {
      long t0 = System.nanoTime();
      c.getParam("/bench/value");
      getNs[i] = System.nanoTime() - t0;
    }
    long[] regNs = new long[CALLS];
    for (int i = 0; i < CALLS; i++) {
      long t0 = System.nanoTime();
      c.registerPublisher("/bench/topic" + (i % 50), "std_msgs/String", "http://127.0.0.1:9/");
      regNs[i] = System.nanoTime() - t0;
    }
    return String.format(
        "%-22s getParam p50 %7.1f us p99 %7.1f us | registerPublisher p50 %7.1f us p99 %7.1f us",
        label, pct(getNs, 0.5), pct(getNs, 0.99), pct(regNs, 0.5), pct(regNs, 0.99));
  }

  private static double pct(long[] ns, double q) {
    long[] s = ns.clone();
    Arrays.sort(s);
    return s[(int) Math.min(s.length - 1, Math.floor(q * s.length))] / 1e3;
  }

  @Test
  void masterRoundTrips() throws Exception {
    try (EmbeddedMaster master = EmbeddedMaster.start("127.0.0.1", 0)) {
      System.out.println(
          measure("embedded master", new MasterClient(URI.create(master.uri()), "/bench")));
    }
    if (Roscore.available()) {
      try (Roscore roscore = new Roscore()) {
        System.out.println(
            measure("roscore (rosmaster)", new MasterClient(URI.create(roscore.uri()), "/bench")));
      }
    } else {
      System.out.println("roscore not installed: no comparison");
    }
  }
}
