package org.latentmpc.sim;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.robot.TestRobots;

/**
 * Simulation throughput and allocation per step, one thread. Run with {@code mvn -q -pl sim test
 * -Dtest=SimBenchmark -Dsurefire.excludedGroups=none} (add {@code -am} without an installed robot
 * module).
 */
@Tag("benchmark")
class SimBenchmark {
  private static final int WARMUP_STEPS = 300_000;
  private static final int MEASURED_STEPS = 1_000_000;

  @Test
  void stepsPerSecond() {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    for (var path : new java.nio.file.Path[] {TestRobots.REACHER2, TestRobots.ARM7}) {
      RobotModel m = TestRobots.load(path);
      for (Integrator integ : Integrator.values()) {
        SimWorld w = SimWorld.create(m, WorldOptions.defaults().withIntegrator(integ));
        double[] cmd = new double[m.dof()];
        var dyn = m.newDynamics();
        double[] q = new double[m.dof()];
        int steps = integ == Integrator.RK4 ? MEASURED_STEPS / 4 : MEASURED_STEPS;
        // Gravity compensation recomputed every 10 steps, like a slow controller would.
        for (int s = 0; s < WARMUP_STEPS; s++) {
          cycle(w, dyn, q, cmd, s);
        }
        long bytes0 = mx.getThreadAllocatedBytes(tid);
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int s = 0; s < steps; s++) {
          cycle(w, dyn, q, cmd, s);
        }
        long t1 = System.nanoTime();
        long cpu1 = mx.getCurrentThreadCpuTime();
        long bytes1 = mx.getThreadAllocatedBytes(tid);
        System.out.printf(
            Locale.ROOT,
            "BENCH sim %-8s %-20s %10.0f steps/s (thread CPU time; %.0f by wall clock)"
                + "  %.3f us/step  %.4f bytes/step%n",
            m.name(),
            integ,
            steps / ((cpu1 - cpu0) * 1e-9),
            steps / ((t1 - t0) * 1e-9),
            (cpu1 - cpu0) * 1e-3 / steps,
            (double) (bytes1 - bytes0) / steps);
      }
    }
  }

  private static void cycle(
      SimWorld w, org.latentmpc.robot.Dynamics dyn, double[] q, double[] cmd, int s) {
    if (s % 10 == 0) {
      w.getPositions(q);
      dyn.gravityTorques(q, cmd);
      w.setEffortCommand(cmd);
    }
    w.step();
  }
}
