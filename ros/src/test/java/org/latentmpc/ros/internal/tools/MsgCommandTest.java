package org.latentmpc.ros.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MsgCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new MsgCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void showExpandsNestedTypesLikeRosmsg() {
    assertEquals(0, run("show", "geometry_msgs/PoseStamped"));
    assertEquals(
        "std_msgs/Header header\n"
            + "  uint32 seq\n"
            + "  time stamp\n"
            + "  string frame_id\n"
            + "geometry_msgs/Pose pose\n"
            + "  geometry_msgs/Point position\n"
            + "    float64 x\n"
            + "    float64 y\n"
            + "    float64 z\n"
            + "  geometry_msgs/Quaternion orientation\n"
            + "    float64 x\n"
            + "    float64 y\n"
            + "    float64 z\n"
            + "    float64 w\n"
            + "\n",
        out.toString());
  }

  @Test
  void showPrintsConstantsAndServices() {
    assertEquals(0, run("show", "std_srvs/SetBool"));
    assertEquals("bool data\n---\nbool success\nstring message\n\n", out.toString());
    assertEquals(0, run("show", "visualization_msgs/Marker"));
    assertTrue(out.toString().contains("uint8 ARROW=0\n"), out.toString());
    assertTrue(out.toString().contains("geometry_msgs/Point[] points\n  float64 x\n"));
  }

  @Test
  void md5OfMessagesAndServices() {
    assertEquals(0, run("md5", "sensor_msgs/JointState"));
    assertEquals(0, run("md5", "std_srvs/Trigger"));
    assertEquals(
        "3066dcd76a6cfaef579bd0f34173e9fd\n937c9679a518e3a18d831e57125ea522\n",
        out.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void unknownTypeIsAnErrorExit() {
    assertEquals(1, run("md5", "nope_msgs/Nope"));
    assertTrue(err.toString().contains("nope_msgs/Nope"), err.toString());
    assertEquals(1, run("show", "not a type"));
    assertTrue(err.toString().contains("invalid type name"), err.toString());
  }
}
