package org.latentmpc.worldmodel.internal.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's {@code rosbag info} and Python rosbag read a collected bag. */
@Tag("interop")
class CollectRosbagInteropTest {
  static final long TIMEOUT_S = 120;

  static boolean onPath(String exe) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, exe))) {
        return true;
      }
    }
    return false;
  }

  static String run(Path dir, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    boolean done = p.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(done, "timed out: " + String.join(" ", cmd));
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + out);
    return out;
  }

  static long count(String info, String topic) {
    Matcher m = Pattern.compile(Pattern.quote(topic) + "\\s+(\\d+) msgs").matcher(info);
    assertTrue(m.find(), "no " + topic + " in:\n" + info);
    return Long.parseLong(m.group(1));
  }

  @Test
  void rosbagInfoAndPythonRosbagReadTheBag(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(
        onPath("rosbag") && Files.isExecutable(Path.of("/usr/bin/python3")),
        "Debian ROS not installed: skipping rosbag interop of collect");
    CollectRobot robot = CollectRobot.load("reacher2", DataCollectorTest.CONFIGS);
    Path bag = dir.resolve("c.bag");
    new DataCollector(robot, DataCollector.Options.defaults(robot, 2, 20, 7))
        .collect(bag, (e, k, s, n) -> {});
    String info = run(dir, "rosbag", "info", bag.toString());
    assertTrue(info.contains("lz4"), info);
    assertEquals(42, count(info, "/camera/image_raw"));
    assertEquals(42, count(info, "/joint_states"));
    assertEquals(40, count(info, "/arm_controller/group_command"));
    assertEquals(40, count(info, "/collect/action"));
    assertEquals(2, count(info, "/collect/episode"));
    assertTrue(info.contains("sensor_msgs/Image"), info);
    assertTrue(info.contains("std_msgs/Float64MultiArray"), info);
    String py =
        "import rosbag,sys\n"
            + "b=rosbag.Bag(sys.argv[1])\n"
            + "n=0\n"
            + "for t,m,ts in b.read_messages(topics=['/camera/image_raw']):\n"
            + "  assert m.encoding=='rgb8' and m.width==64 and m.height==64 and len(m.data)==64*64*3\n"
            + "  assert m.header.stamp==ts\n"
            + "  n+=1\n"
            + "e=[m.data for t,m,ts in b.read_messages(topics=['/collect/episode'])]\n"
            + "print('images',n,'episodes',e)\n";
    Path script = dir.resolve("check.py");
    Files.writeString(script, py);
    String out = run(dir, "/usr/bin/python3", script.toString(), bag.toString());
    assertTrue(out.contains("images 42 episodes [0, 1]"), out);
  }
}
