package org.latentmpc.robot;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Time and allocation per call of ABA, RNEA, CRBA and forward kinematics. Run with {@code mvn -q
 * -pl robot test -Dtest=DynamicsBenchmark -Dsurefire.excludedGroups=none}.
 */
@Tag("benchmark")
class DynamicsBenchmark {
  private static final int CALLS = 500_000;

  @FunctionalInterface
  interface Call {
    void run(int i);
  }

  @Test
  void perCall() {
    for (var path : new java.nio.file.Path[] {TestRobots.REACHER2, TestRobots.ARM7}) {
      RobotModel m = TestRobots.load(path);
      Dynamics d = m.newDynamics();
      Kinematics k = m.newKinematics();
      int n = m.dof();
      double[] q = new double[n], qd = new double[n], tau = new double[n], out = new double[n];
      double[] mm = new double[n * n];
      double[] jac = new double[6 * n];
      for (int i = 0; i < n; i++) {
        q[i] = 0.1 * i - 0.3;
        qd[i] = 0.2;
        tau[i] = 0.01;
      }
      int leaf = m.deepestLeafLink();
      measure(
          m.name(),
          "ABA",
          i -> {
            q[0] = 1e-6 * i;
            d.forwardDynamics(q, qd, tau, out);
          });
      measure(
          m.name(),
          "RNEA",
          i -> {
            q[0] = 1e-6 * i;
            d.inverseDynamics(q, qd, tau, out);
          });
      measure(
          m.name(),
          "CRBA",
          i -> {
            q[0] = 1e-6 * i;
            d.massMatrix(q, mm);
          });
      measure(
          m.name(),
          "FK+Jacobian",
          i -> {
            q[0] = 1e-6 * i;
            k.update(q);
            k.jacobian(leaf, 0, 0, 0, jac);
          });
    }
  }

  private static void measure(String robot, String what, Call call) {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    for (int i = 0; i < CALLS; i++) {
      call.run(i);
    }
    long b0 = mx.getThreadAllocatedBytes(tid);
    long c0 = mx.getCurrentThreadCpuTime();
    for (int i = 0; i < CALLS; i++) {
      call.run(i);
    }
    long c1 = mx.getCurrentThreadCpuTime();
    long b1 = mx.getThreadAllocatedBytes(tid);
    System.out.printf(
        Locale.ROOT,
        "BENCH robot %-8s %-12s %.3f us/call (thread CPU)  %.4f bytes/call%n",
        robot,
        what,
        (c1 - c0) * 1e-3 / CALLS,
        (double) (b1 - b0) / CALLS);
  }
}
