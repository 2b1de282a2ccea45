package org.latentmpc.worldmodel.internal.collect;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prints collect throughput for reacher2 with 64x64 images (sim steps/s, samples/s). */
@Tag("benchmark")
class CollectThroughputBenchmark {
  @Test
  void reacher2Throughput(@TempDir Path dir) throws Exception {
    CollectRobot robot = CollectRobot.load("reacher2", DataCollectorTest.CONFIGS);
    // Warm-up.
    new DataCollector(robot, DataCollector.Options.defaults(robot, 2, 50, 1))
        .collect(dir.resolve("w.bag"), (e, k, s, n) -> {});
    int episodes = 10;
    int steps = 200;
    Path bag = dir.resolve("b.bag");
    DataCollector.Result r =
        new DataCollector(robot, DataCollector.Options.defaults(robot, episodes, steps, 2))
            .collect(bag, (e, k, s, n) -> {});
    System.out.printf(
        "collect reacher2 64x64: %d episodes x %d steps in %.2f s: %,.0f sim steps/s,"
            + " %,.1f samples/s, %d messages, %.1f MB bag%n",
        episodes,
        steps,
        r.wallS(),
        r.simStepsPerS(),
        r.samplesPerS(),
        r.messages(),
        Files.size(bag) / 1e6);
    java.util.List<org.latentmpc.ros.BagMessage> all = DataCollectorTest.messages(bag);
    java.util.List<org.latentmpc.ros.BagMessage> states =
        DataCollectorTest.on(all, "/joint_states");
    java.util.List<org.latentmpc.ros.BagMessage> targets =
        DataCollectorTest.on(all, "/arm_controller/group_command");
    double before = 0;
    double after = 0;
    for (int e = 0, a = 0; e < episodes; e++) {
      for (int k = 0; k < steps; k++, a++) {
        int s = e * (steps + 1) + k;
        double[] q =
            states.get(s).decode(org.latentmpc.ros.msgs.sensor_msgs.JointState.TYPE).getPosition();
        double[] qn =
            states
                .get(s + 1)
                .decode(org.latentmpc.ros.msgs.sensor_msgs.JointState.TYPE)
                .getPosition();
        double[] t =
            targets.get(a).decode(org.latentmpc.ros.msgs.std_msgs.Float64MultiArray.TYPE).getData();
        for (int j = 0; j < q.length; j++) {
          before += Math.abs(t[j] - q[j]);
          after += Math.abs(t[j] - qn[j]);
        }
      }
    }
    System.out.printf(
        "tracking: mean |target - q| %.4f rad at the action, %.4f rad one period later (ratio %.3f)%n",
        before / (episodes * steps * robot.model().dof()),
        after / (episodes * steps * robot.model().dof()),
        after / before);
  }
}
