package org.latentmpc.controllers;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.sim.SimWorld;
import org.latentmpc.sim.WorldOptions;

/**
 * The control loop at 1 kHz on the wall clock for 60 s (override with {@code -Dbench.seconds=N})
 * with the simulator stepped in the same loop (1 ms of sim time per cycle, i.e. real time), while
 * another thread streams position commands at 100 Hz as a planner would. Prints the period jitter
 * percentiles and the bytes the loop thread allocated per cycle.
 *
 * <p>Run: {@code mvn -q -pl controllers test -Dtest=ControlLoopBenchmark
 * -Dsurefire.excludedGroups=none}
 */
@Tag("benchmark")
class ControlLoopBenchmark {
  private static final Path CONFIG = Path.of("..", "sim-configs", "controllers", "arm7_sim.yaml");

  @Test
  void loopAt1kHzWithTheSimulator() throws Exception {
    double seconds = Double.parseDouble(System.getProperty("bench.seconds", "60"));
    long spinNanos = Long.parseLong(System.getProperty("bench.spinNanos", "100000"));
    RobotModel arm7 = TestRobots.arm7();
    SimWorld sim = SimWorld.create(arm7, WorldOptions.defaults());
    double[] start = {0, -0.3, 0, -2.0, 0, 1.6, 0.8};
    sim.setPositions(start);
    JointController controller =
        JointController.create(arm7, ControllerSettings.fromYaml(CONFIG, "arm_controller", arm7));
    double[] q = new double[7];
    double[] qd = new double[7];
    double[] effort = new double[7];
    long[] simWorkNanos = {0, 0};
    long[] updateHistogramUs = new long[10_001]; // controller.update() cost, 1 us bins
    ControlLoop loop =
        new ControlLoop(
            ControlClock.wall(spinNanos),
            1000,
            (now, dt) -> {
              sim.getPositions(q);
              sim.getVelocities(qd);
              long u0 = System.nanoTime();
              controller.update(now, q, qd, effort);
              updateHistogramUs[(int) Math.min(10_000, (System.nanoTime() - u0) / 1000)]++;
              sim.setEffortCommand(effort);
              long t0 = System.nanoTime();
              sim.step();
              simWorkNanos[0] += System.nanoTime() - t0;
              simWorkNanos[1]++;
            });
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    loop.start("bench-control-loop");
    Thread loopThread = findThread("bench-control-loop");

    // Warm-up (JIT) for 3 s, then measure.
    stream(controller, start, 3.0);
    loop.resetStatistics();
    java.util.Arrays.fill(updateHistogramUs, 0);
    long allocBefore = threads.getThreadAllocatedBytes(loopThread.getId());
    long cyclesBefore = simWorkNanos[1];
    stream(controller, start, seconds);
    long allocAfter = threads.getThreadAllocatedBytes(loopThread.getId());
    long cycles = simWorkNanos[1] - cyclesBefore;
    LoopStatistics stats = loop.statistics();
    loop.stop(2000);

    System.out.printf(
        "control loop benchmark (%.0f s at 1 kHz, arm7, simulator in the loop, spin %d us, %d cpus):%n",
        seconds, spinNanos / 1000, Runtime.getRuntime().availableProcessors());
    System.out.println("  " + stats);
    System.out.printf(
        "  jitter p50=%.0f us p99=%.0f us p99.9=%.0f us max=%.0f us%n",
        stats.jitterP50Us(), stats.jitterP99Us(), stats.jitterP999Us(), stats.jitterMaxUs());
    System.out.printf(
        "  bytes allocated by the loop thread: %d over %d cycles = %.4f bytes/cycle%n",
        allocAfter - allocBefore, cycles, (allocAfter - allocBefore) / (double) cycles);
    System.out.printf(
        "  controller.update() cost: p50=%d us p99=%d us p99.9=%d us%n",
        percentile(updateHistogramUs, 0.5),
        percentile(updateHistogramUs, 0.99),
        percentile(updateHistogramUs, 0.999));
    System.out.printf(
        "  mean sim step %.1f us; rejected commands %d; final mode %s%n",
        simWorkNanos[0] / 1e3 / simWorkNanos[1],
        controller.rejectedCommandCount(),
        controller.mode());
  }

  /** Streams a slow sine position target at 100 Hz for {@code seconds} of wall time. */
  private static void stream(JointController c, double[] start, double seconds) throws Exception {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    double[] target = start.clone();
    long t0 = System.nanoTime();
    while (System.nanoTime() < end) {
      double t = (System.nanoTime() - t0) * 1e-9;
      target[0] = start[0] + 0.5 * Math.sin(2 * Math.PI * 0.2 * t);
      target[1] = start[1] + 0.3 * Math.sin(2 * Math.PI * 0.1 * t);
      target[6] = start[6] + 0.5 * Math.sin(2 * Math.PI * 0.3 * t);
      c.commandPositions(target);
      Thread.sleep(10);
    }
  }

  private static int percentile(long[] histogram, double p) {
    long total = 0;
    for (long c : histogram) {
      total += c;
    }
    long rank = (long) Math.ceil(p * total);
    long seen = 0;
    for (int b = 0; b < histogram.length; b++) {
      seen += histogram[b];
      if (seen >= rank) {
        return b;
      }
    }
    return histogram.length - 1;
  }

  private static Thread findThread(String name) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().equals(name)) {
          return t;
        }
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("no thread " + name);
  }
}
