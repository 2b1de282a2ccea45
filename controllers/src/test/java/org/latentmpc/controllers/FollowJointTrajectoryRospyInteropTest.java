package org.latentmpc.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.ros.internal.testing.Roscore;

/**
 * Debian's {@code actionlib.SimpleActionClient} (python3-actionlib) drives our
 * follow_joint_trajectory action server on a real roscore. control_msgs is not packaged in Debian,
 * so its Python classes are generated from our .msg files with genpy's genmsg_py.py into a
 * temporary package. Skipped where ROS, genpy or python3-actionlib is missing.
 */
@Tag("interop")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FollowJointTrajectoryRospyInteropTest {
  private static final String PYTHON = "/usr/bin/python3";
  private static final String GENMSG_PY = "/usr/lib/genpy/genmsg_py.py";
  private static final long PYTHON_TIMEOUT_S = 120;
  private static final double REACHED_RAD = 0.02;

  private static final String CLIENT =
      String.join(
          "\n",
          "import sys, rospy, actionlib",
          "from control_msgs.msg import FollowJointTrajectoryAction, FollowJointTrajectoryGoal",
          "from trajectory_msgs.msg import JointTrajectoryPoint",
          "ns, names, target = sys.argv[1], sys.argv[2].split(','),"
              + " [float(x) for x in sys.argv[3].split(',')]",
          "rospy.init_node('fjt_interop_client')",
          "c = actionlib.SimpleActionClient(ns, FollowJointTrajectoryAction)",
          "if not c.wait_for_server(rospy.Duration(60)):",
          "    print('NO_SERVER'); sys.exit(2)",
          "bad = FollowJointTrajectoryGoal()",
          "bad.trajectory.joint_names = names[:-1]",
          "bad.trajectory.points = [JointTrajectoryPoint(positions=target[:-1],"
              + " time_from_start=rospy.Duration(1.0))]",
          "c.send_goal(bad)",
          "c.wait_for_result(rospy.Duration(60))",
          "r = c.get_result()",
          "print('BAD state=%d error_code=%d' % (c.get_state(), r.error_code if r else 99))",
          "g = FollowJointTrajectoryGoal()",
          "g.trajectory.joint_names = names",
          "g.trajectory.points = [JointTrajectoryPoint(positions=target,"
              + " time_from_start=rospy.Duration(1.5))]",
          "g.goal_time_tolerance = rospy.Duration(5.0)",
          "feedback = []",
          "c.send_goal(g, feedback_cb=lambda f: feedback.append(f))",
          "done = c.wait_for_result(rospy.Duration(60))",
          "r = c.get_result()",
          "print('GOAL done=%s state=%d error_code=%d feedback=%d joints=%s' % (done, c.get_state(),"
              + " r.error_code if r else 99, len(feedback),"
              + " ','.join(feedback[-1].joint_names) if feedback else ''))",
          "");

  @TempDir Path work;

  private static boolean canRun(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @Test
  void simpleActionClientGetsSucceeded() throws Exception {
    Assumptions.assumeTrue(
        new File("/usr/bin/roscore").canExecute(),
        "Debian ROS (roscore) not installed: skipping the actionlib interop test");
    Assumptions.assumeTrue(
        new File(GENMSG_PY).isFile()
            && canRun(
                PYTHON,
                "-c",
                "import rospy, actionlib, actionlib_msgs.msg, trajectory_msgs.msg, genpy"),
        "python3-actionlib, python3-actionlib-msgs, python3-trajectory-msgs or python3-genpy not"
            + " installed: skipping the actionlib interop test (apt-get install python3-actionlib"
            + " python3-actionlib-msgs)");
    Path pythonPath = generateControlMsgs();

    try (Roscore roscore = new Roscore();
        SimArmHarness h = new SimArmHarness(roscore.uri())) {
      double[] target = SimArmHarness.START.clone();
      target[0] += 0.25;
      target[3] += 0.2;
      List<String> command =
          List.of(
              PYTHON,
              "-c",
              CLIENT,
              "/arm_controller/follow_joint_trajectory",
              String.join(",", h.arm7.jointNames()),
              join(target));
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.environment().putAll(Roscore.rosEnvironment(roscore.uri(), roscore.home()));
      pb.environment().put("PYTHONPATH", pythonPath.toString());
      Path out = work.resolve("client.out");
      pb.redirectOutput(out.toFile());
      Process p = pb.start();
      boolean done = p.waitFor(PYTHON_TIMEOUT_S, TimeUnit.SECONDS);
      if (!done) {
        Roscore.killTree(p);
      }
      String output = Files.readString(out, StandardCharsets.UTF_8);
      assertTrue(done && p.exitValue() == 0, "client failed:\n" + output);
      // REJECTED (5) with INVALID_JOINTS (-2), then SUCCEEDED (3) with SUCCESSFUL (0).
      assertTrue(output.contains("BAD state=5 error_code=-2"), output);
      assertTrue(output.contains("GOAL done=True state=3 error_code=0"), output);
      assertTrue(output.contains("joints=" + String.join(",", h.arm7.jointNames())), output);
      assertTrue(h.maxError(target) < REACHED_RAD, "arm at the target: " + h.maxError(target));
    }
  }

  /** Generates the control_msgs Python package from our .msg files; returns its PYTHONPATH. */
  private Path generateControlMsgs() throws Exception {
    Path msgRoot = Path.of("..", "ros", "src", "main", "resources", "msg").toAbsolutePath();
    Path control = Path.of("src", "main", "resources", "msg", "control_msgs").toAbsolutePath();
    Path out = work.resolve("py");
    Path pkg = out.resolve("control_msgs");
    Files.createDirectories(pkg.resolve("msg"));
    Files.writeString(pkg.resolve("__init__.py"), "");
    List<String> gen =
        new ArrayList<>(
            List.of(
                PYTHON,
                GENMSG_PY,
                "-p",
                "control_msgs",
                "-o",
                pkg.resolve("msg").toString(),
                "-Icontrol_msgs:" + control,
                "-Istd_msgs:" + msgRoot.resolve("std_msgs"),
                "-Itrajectory_msgs:" + msgRoot.resolve("trajectory_msgs"),
                "-Iactionlib_msgs:" + msgRoot.resolve("actionlib_msgs")));
    try (Stream<Path> files = Files.list(control)) {
      files.filter(f -> f.toString().endsWith(".msg")).sorted().forEach(f -> gen.add(f.toString()));
    }
    runOrFail(gen);
    runOrFail(
        List.of(
            PYTHON,
            GENMSG_PY,
            "--initpy",
            "-p",
            "control_msgs",
            "-o",
            pkg.resolve("msg").toString()));
    // The generated classes carry the md5 sums of ROS Noetic's control_msgs.
    ProcessBuilder check =
        new ProcessBuilder(
                PYTHON,
                "-c",
                "from control_msgs.msg import FollowJointTrajectoryAction as A;"
                    + " print(A._md5sum)")
            .redirectErrorStream(true);
    check.environment().put("PYTHONPATH", out.toString());
    Process p = check.start();
    String md5 = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals("bc4f9b743838566551c0390c65f1a248", md5);
    return out;
  }

  private void runOrFail(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, command + ":\n" + output);
  }

  private static String join(double[] v) {
    StringBuilder b = new StringBuilder();
    for (double x : v) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(x);
    }
    return b.toString();
  }
}
