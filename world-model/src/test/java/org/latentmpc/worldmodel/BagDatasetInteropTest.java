package org.latentmpc.worldmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads a bag written by Debian's Python rosbag module (what `rosbag record` produces). */
@Tag("interop")
class BagDatasetInteropTest {

  static final String PYTHON = "/usr/bin/python3";
  static final int STEPS = 6;

  static boolean rosbagAvailable() {
    try {
      Process p =
          new ProcessBuilder(PYTHON, "-c", "import rosbag, rospy, sensor_msgs.msg")
              .redirectErrorStream(true)
              .start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static final String SCRIPT =
      """
      import sys, rosbag, rospy
      from sensor_msgs.msg import Image, JointState
      from std_msgs.msg import Float64MultiArray, Int32
      n = int(sys.argv[2])
      bag = rosbag.Bag(sys.argv[1], 'w', compression='lz4')
      t0 = 100.0
      for e in range(2):
          bag.write('/collect/episode', Int32(e), rospy.Time.from_sec(t0 - 0.05))
          for k in range(n + 1):
              t = t0 + k * 0.1
              img = Image(height=4, width=4, encoding='rgb8', step=12, data=bytes([10 * k + e] * 48))
              img.header.stamp = rospy.Time.from_sec(t - 0.002)
              bag.write('/camera/image_raw', img, rospy.Time.from_sec(t - 0.002))
              js = JointState(name=['j1', 'j2'], position=[k + 100.0 * e, -k], velocity=[0.0, 0.0])
              bag.write('/joint_states', js, rospy.Time.from_sec(t - 0.002))
              if k < n:
                  bag.write('/arm_controller/group_command',
                            Float64MultiArray(data=[k + 0.5, -0.25]), rospy.Time.from_sec(t))
          t0 += n * 0.1 + 1.0
      bag.close()
      """;

  @Test
  void readsABagWrittenByPythonRosbag(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(
        rosbagAvailable(), "Debian ROS (python3 rosbag) not installed: skipping the bag interop");
    Path script = dir.resolve("write_bag.py");
    Files.writeString(script, SCRIPT);
    Path bag = dir.resolve("py.bag");
    Process p =
        new ProcessBuilder(PYTHON, script.toString(), bag.toString(), String.valueOf(STEPS))
            .redirectErrorStream(true)
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python rosbag writer timed out");
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.exitValue(), out);
    // Like a rosbag record of a real arm: absolute targets on the controllers' command topic.
    BagTopics topics =
        BagTopics.DEFAULTS.withAction(BagTopics.TARGET_ACTION_TOPIC, BagTopics.ActionKind.TARGET);
    SequenceDataset data = new BagDatasetReader(topics, 4, 4).read(List.of(bag));
    assertEquals(2, data.episodes().size());
    assertEquals(List.of("j1", "j2"), data.jointNames());
    for (int e = 0; e < 2; e++) {
      Episode ep = data.episodes().get(e);
      assertEquals(STEPS, ep.steps());
      for (int k = 0; k <= STEPS; k++) {
        assertEquals(10 * k + e, ep.frames()[k][5]);
        assertArrayEquals(new double[] {k + 100.0 * e, -k}, ep.positions()[k]);
        if (k < STEPS) {
          // target minus the observed position
          assertArrayEquals(new float[] {0.5f - 100f * e, k - 0.25f}, ep.actions()[k]);
        }
      }
    }
  }
}
