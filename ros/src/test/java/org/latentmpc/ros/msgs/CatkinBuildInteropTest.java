package org.latentmpc.ros.msgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.ros.internal.message.MessageSpecs;
import org.latentmpc.ros.msgs.latent_mpc_msgs.Latent;
import org.latentmpc.ros.msgs.latent_mpc_msgs.PlanStatus;
import org.latentmpc.ros.msgs.latent_mpc_msgs.Predict;

/**
 * Builds the {@code latent_mpc_msgs} catkin package with Debian's catkin_make and
 * message_generation, and compares the generated Python types' md5 sums and definitions with ours.
 */
@Tag("interop")
class CatkinBuildInteropTest {
  private static final long BUILD_TIMEOUT_S = 600;
  private static final String PYTHON = "/usr/bin/python3";
  private static final String SCRIPT =
      String.join(
          "\n",
          "import sys, json, importlib",
          "out = {}",
          "for name in sys.argv[1:]:",
          "    kind, t = name.split(':')",
          "    cls = getattr(importlib.import_module('latent_mpc_msgs.' + kind), t)",
          "    out[t] = [cls._md5sum, getattr(cls, '_full_text', '')]",
          "print(json.dumps(out))");

  @TempDir Path workspace;

  @Test
  void packageBuildsAndGeneratedTypesAgreeWithOurs() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/catkin_make"))
            && Files.isDirectory(Path.of("/usr/share/message_generation"))
            && Files.exists(Path.of("/usr/share/std_msgs/msg/Header.msg"))
            && Files.exists(Path.of("/usr/share/geometry_msgs/msg/Point.msg"))
            && Files.exists(Path.of("/usr/share/geometry_msgs/cmake/geometry_msgsConfig.cmake"))
            && Files.isExecutable(Path.of(PYTHON)),
        "catkin_make, ros-message-generation, ros-std-msgs, ros-geometry-msgs or"
            + " libgeometry-msgs-dev not installed:"
            + " skipping the catkin"
            + " build of latent_mpc_msgs");
    Path src = workspace.resolve("src/latent_mpc_msgs");
    copyTree(Path.of("latent_mpc_msgs"), src);
    // -C and PWD: catkin_make otherwise takes the workspace from the inherited PWD (the module).
    String build =
        run(
            List.of(
                "/usr/bin/catkin_make",
                "-C",
                workspace.toString(),
                "-DPYTHON_EXECUTABLE=" + PYTHON),
            null);
    assertTrue(build.contains("Base path: " + workspace), tail(build));
    List<String> command = new java.util.ArrayList<>(List.of(PYTHON, "-c", SCRIPT));
    List<String> messages = names(src.resolve("msg"), ".msg");
    List<String> services = names(src.resolve("srv"), ".srv");
    messages.forEach(n -> command.add("msg:" + n));
    services.forEach(n -> command.add("srv:" + n));
    String json = run(command, workspace.resolve("devel/lib/python3/dist-packages"));
    @SuppressWarnings("unchecked")
    Map<String, List<String>> generated =
        (Map<String, List<String>>) new org.yaml.snakeyaml.Yaml().load(json);
    for (String n : messages) {
      MessageSpecs.Described ours = MessageSpecs.describe("latent_mpc_msgs/" + n);
      assertEquals(generated.get(n).get(0), ours.md5(), n + " md5");
      assertEquals(generated.get(n).get(1), ours.definition(), n + " definition");
    }
    for (String n : services) {
      assertEquals(
          generated.get(n).get(0), MessageSpecs.service("latent_mpc_msgs/" + n).md5(), n + " md5");
    }
    assertTrue(
        messages.contains("Latent") && services.contains("Predict"), messages + " " + services);
    // the generated classes use the same descriptors
    assertEquals(Latent.TYPE.md5(), generated.get("Latent").get(0));
    assertEquals(PlanStatus.TYPE.definition(), generated.get("PlanStatus").get(1));
    assertEquals(Predict.TYPE.md5(), generated.get("Predict").get(0));
  }

  private static List<String> names(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(suffix))
          .map(f -> f.substring(0, f.length() - suffix.length()))
          .sorted()
          .collect(java.util.stream.Collectors.toList());
    }
  }

  private String run(List<String> command, Path pythonPath) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(workspace.toFile());
    pb.environment().put("PATH", "/usr/bin:/bin");
    pb.environment().put("PWD", workspace.toString());
    if (pythonPath != null) {
      pb.environment().put("PYTHONPATH", pythonPath.toString());
    }
    Path log = workspace.resolve("log-" + System.nanoTime() + ".txt");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process p = pb.start();
    boolean done = p.waitFor(BUILD_TIMEOUT_S, TimeUnit.SECONDS);
    if (!done) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(done && p.exitValue() == 0, command + " failed:\n" + tail(output));
    return output;
  }

  private static String tail(String s) {
    return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
