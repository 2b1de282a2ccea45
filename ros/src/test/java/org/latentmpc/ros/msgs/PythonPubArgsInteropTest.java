package org.latentmpc.ros.msgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.latentmpc.ros.DynamicMessage;
import org.latentmpc.ros.Time;

/**
 * Fills messages from {@code rostopic pub}-style YAML arguments with genpy's fill_message_args
 * (what rostopic pub runs) and with {@link DynamicMessage#fromYamlArgs}, and compares the bytes.
 */
@Tag("interop")
class PythonPubArgsInteropTest {
  private static final Time NOW = new Time(1_700_000_000, 5);
  private static final long PYTHON_TIMEOUT_S = 60;
  private static final String SCRIPT =
      String.join(
          "\n",
          "import sys, json, importlib, io, yaml, genpy",
          "from genpy.message import fill_message_args",
          "import std_msgs.msg",
          "now = genpy.Time(1700000000, 5)",
          "keys = {'now': now, 'auto': std_msgs.msg.Header(stamp=now)}",
          "out = []",
          "for case in yaml.safe_load(sys.stdin.read()):",
          "    pkg, t = case['type'].split('/')",
          "    msg = getattr(importlib.import_module(pkg + '.msg'), t)()",
          "    fill_message_args(msg, [yaml.safe_load(a) for a in case['args']], keys=keys)",
          "    buff = io.BytesIO()",
          "    msg.serialize(buff)",
          "    out.append(buff.getvalue().hex())",
          "print(json.dumps(out))");

  private record Case(String type, List<String> args) {}

  private static final List<Case> CASES =
      List.of(
          new Case("std_msgs/Float64MultiArray", List.of("{data: [1.0, 2.0]}")),
          new Case("std_msgs/String", List.of("hello")),
          new Case("std_msgs/Float64", List.of("1.5")),
          new Case("std_msgs/Bool", List.of("true")),
          new Case("std_msgs/Int32", List.of("-5")),
          new Case("std_msgs/Empty", List.of()),
          new Case("std_msgs/Header", List.of("{stamp: 1500000000, frame_id: base}")),
          new Case(
              "sensor_msgs/JointState",
              List.of("{header: auto, name: [a, b], position: [0.5, 1]}")),
          new Case(
              "sensor_msgs/JointState",
              List.of("[7, {secs: 1, nsecs: 2}, ab]", "[a]", "[1.0]", "[]", "[]")),
          new Case(
              "trajectory_msgs/JointTrajectory",
              List.of(
                  "{joint_names: [j], points: [{positions: [1], time_from_start: {secs: 2}}]}")),
          new Case(
              "geometry_msgs/PoseStamped",
              List.of(
                  "{header: {stamp: now, frame_id: map},"
                      + " pose: {position: {x: 1}, orientation: {w: 1}}}")),
          new Case("geometry_msgs/Twist", List.of("[1, 2, 3]", "[0, 0, 0.5]")),
          new Case(
              "sensor_msgs/Image",
              List.of("{height: 1, width: 2, encoding: rgb8, data: [1, 2, 3, 4, 5, 255]}")),
          new Case("sensor_msgs/CameraInfo", List.of("{K: [1, 0, 0, 0, 1, 0, 0, 0, 1], D: [0.1]}")),
          new Case(
              "visualization_msgs/Marker",
              List.of(
                  "{type: 1, scale: {x: 1, y: 1, z: 1}, color: {a: 1.0}, lifetime: {secs: 3},"
                      + " points: [{x: 1}, {y: 2}], text: 'ü'}")));

  @Test
  void fromYamlArgsGivesTheBytesOfRostopicPub() throws Exception {
    List<String> ours = new ArrayList<>();
    List<Object> json = new ArrayList<>();
    for (Case c : CASES) {
      DynamicMessage m = DynamicMessage.fromYamlArgs(DynamicMessage.type(c.type()), c.args(), NOW);
      ours.add(HexFormat.of().formatHex(MessageCodecTest.serialize(m)));
      json.add(java.util.Map.of("type", c.type(), "args", c.args()));
    }
    String input = toJson(json);
    String exe = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    Process p;
    try {
      p = new ProcessBuilder(exe, "-c", SCRIPT).start();
    } catch (IOException e) {
      Assumptions.assumeTrue(false, "python3 not available: skipping (" + e.getMessage() + ")");
      return;
    }
    CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(p, false));
    CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(p, true));
    try (OutputStream in = p.getOutputStream()) {
      in.write(input.getBytes(StandardCharsets.UTF_8));
    }
    boolean done = p.waitFor(PYTHON_TIMEOUT_S, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String err = new String(stderr.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    Assumptions.assumeFalse(
        err.contains("ModuleNotFoundError"),
        "Debian ROS Python modules (genpy, message packages) not installed: skipping ("
            + err.strip()
            + ")");
    assertTrue(done && p.exitValue() == 0, "python failed: " + err);
    @SuppressWarnings("unchecked")
    List<String> theirs =
        (List<String>)
            new org.yaml.snakeyaml.Yaml()
                .load(new String(stdout.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
    for (int i = 0; i < CASES.size(); i++) {
      assertEquals(theirs.get(i), ours.get(i), CASES.get(i).toString());
    }
  }

  private static String toJson(Object o) {
    org.yaml.snakeyaml.DumperOptions options = new org.yaml.snakeyaml.DumperOptions();
    options.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW);
    options.setDefaultScalarStyle(org.yaml.snakeyaml.DumperOptions.ScalarStyle.DOUBLE_QUOTED);
    options.setWidth(Integer.MAX_VALUE);
    options.setAllowUnicode(false);
    return new org.yaml.snakeyaml.Yaml(options).dump(o);
  }

  private static byte[] readAll(Process p, boolean err) {
    try {
      return (err ? p.getErrorStream() : p.getInputStream()).readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
