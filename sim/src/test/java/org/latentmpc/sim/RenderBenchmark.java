package org.latentmpc.sim;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.latentmpc.robot.RobotModel;

/**
 * Time and allocation per rendered 64x64 frame. Run with {@code mvn -q -pl sim test
 * -Dtest=RenderBenchmark -Dsurefire.excludedGroups=none}.
 */
@Tag("benchmark")
class RenderBenchmark {
  @Test
  void framesPerSecond() throws Exception {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    for (String name : new String[] {"reacher2", "arm7"}) {
      Scene scene = Scene.load(Path.of("../sim-configs/scenes/" + name + ".yaml"));
      RobotModel m = RobotModel.fromUrdf(scene.robotFile());
      CameraRenderer r = CameraRenderer.create(m, scene);
      byte[] img = new byte[3 * r.width() * r.height()];
      double[] q = scene.initialPositions(m);
      int frames = 20_000;
      for (int i = 0; i < frames; i++) {
        q[0] = 0.3 * Math.sin(i * 1e-3);
        r.render(q, img);
      }
      long bytes0 = mx.getThreadAllocatedBytes(tid);
      long cpu0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (int i = 0; i < frames; i++) {
        q[0] = 0.3 * Math.sin(i * 1e-3);
        r.render(q, img);
      }
      long t1 = System.nanoTime();
      long cpu1 = mx.getCurrentThreadCpuTime();
      long bytes1 = mx.getThreadAllocatedBytes(tid);
      System.out.printf(
          Locale.ROOT,
          "BENCH render %-8s %dx%d  %.1f us/frame (thread CPU; %.1f wall)  %.4f bytes/frame%n",
          name,
          r.width(),
          r.height(),
          (cpu1 - cpu0) * 1e-3 / frames,
          (t1 - t0) * 1e-3 / frames,
          (double) (bytes1 - bytes0) / frames);
    }
  }
}
