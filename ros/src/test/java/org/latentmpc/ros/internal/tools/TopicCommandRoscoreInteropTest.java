package org.latentmpc.ros.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.ros.internal.testing.Roscore;
import picocli.CommandLine;

/** Our topic tool against Debian's real roscore and a rospy talker: list, info, echo and pub. */
@Tag("interop")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TopicCommandRoscoreInteropTest {
  private static Roscore roscore;
  private static Process talker;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        Roscore.available(),
        "Debian ROS (roscore, /usr/bin/python3 with rospy) not installed: skipping topic tool interop");
    roscore = new Roscore();
    Path script = roscore.home().resolve("talker.py");
    Files.writeString(
        script,
        String.join(
            "\n",
            "import rospy",
            "from sensor_msgs.msg import JointState",
            "rospy.init_node('py_talker')",
            "pub = rospy.Publisher('/py_joints', JointState, queue_size=10)",
            "r = rospy.Rate(20)",
            "while not rospy.is_shutdown():",
            "    pub.publish(JointState(name=['a', 'b'], position=[0.5, -1.25]))",
            "    r.sleep()",
            ""));
    ProcessBuilder pb =
        new ProcessBuilder("/usr/bin/python3", script.toString()).redirectErrorStream(true);
    pb.environment().putAll(Roscore.rosEnvironment(roscore.uri(), roscore.home()));
    pb.redirectOutput(roscore.home().resolve("talker.out").toFile());
    talker = pb.start();
  }

  @AfterAll
  static void stop() {
    if (talker != null) {
      Roscore.killTree(talker);
    }
    if (roscore != null) {
      roscore.close();
    }
  }

  private static String topic(String... args) {
    TopicCommand command = new TopicCommand();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    command.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    String[] full = new String[args.length + 2];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--master";
    full[args.length + 1] = roscore.uri();
    assertEquals(0, new CommandLine(command).execute(full), String.join(" ", args));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void echoAndInfoOfARospyTopic() throws Exception {
    String echo = topic("echo", "-n", "1", "--timeout", "60", "/py_joints");
    assertTrue(echo.contains("name: [a, b]") || echo.contains("- a"), echo);
    assertTrue(echo.contains("position: [0.5, -1.25]"), echo);
    String list = topic("list");
    assertTrue(list.lines().anyMatch("/py_joints"::equals), list);
    assertTrue(list.lines().anyMatch("/rosout"::equals), list);
    String info = topic("info", "/py_joints");
    assertTrue(info.contains("Type: sensor_msgs/JointState"), info);
    assertTrue(info.contains("/py_talker"), info);
  }

  @Test
  void pubOnceIsSeenByRostopicEcho() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("rostopic", "echo", "-n", "1", "/from_java").redirectErrorStream(true);
    pb.environment().putAll(Roscore.rosEnvironment(roscore.uri(), roscore.home()));
    Path out = roscore.home().resolve("echo.out");
    pb.redirectOutput(out.toFile());
    Process echo = pb.start();
    try {
      topic("pub", "-1", "/from_java", "std_msgs/String", "data: hello from java");
      assertTrue(echo.waitFor(60, TimeUnit.SECONDS), "rostopic echo received one message");
      String printed = Files.readString(out);
      assertTrue(printed.contains("data: \"hello from java\""), printed);
    } finally {
      Roscore.killTree(echo);
    }
  }
}
