package org.latentmpc.ros.bag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs Debian's ROS1 Python tools (rosbag module and CLI) from tests: finds a python3 that can
 * import them, runs scripts and commands with a timeout, and parses their JSON/YAML output.
 */
final class RosPython {
  private static final long TIMEOUT_S = 120;
  private static final String PROBE = "import rosbag, roslz4, rospy, std_msgs.msg, sensor_msgs.msg";

  /** The python3 that imports rosbag, or null (a pyenv python3 on PATH may lack the modules). */
  static final String PYTHON = findPython();

  private RosPython() {}

  private static String findPython() {
    for (String candidate : List.of("/usr/bin/python3", "python3")) {
      try {
        Process process =
            new ProcessBuilder(candidate, "-c", PROBE).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0) {
          return candidate;
        }
        process.destroyForcibly();
      } catch (IOException e) {
        // not installed: try the next
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  static boolean available() {
    return PYTHON != null;
  }

  /** True when the {@code rosbag} command line tool is on PATH. */
  static boolean rosbagCliAvailable() {
    return run(List.of("sh", "-c", "command -v rosbag"), null, false).exitCode == 0;
  }

  record Result(int exitCode, String stdout, String stderr) {}

  /** Runs {@code script} with {@code args}; fails the test if it exits non-zero. */
  static String python(Path dir, String script, String... args) throws IOException {
    Path file = Files.createTempFile(dir, "script", ".py");
    Files.writeString(file, script);
    List<String> command = new ArrayList<>(List.of(PYTHON, file.toString()));
    command.addAll(List.of(args));
    return run(command, dir, true).stdout;
  }

  /** Runs a command; with {@code mustSucceed} fails the test on a non-zero exit. */
  static Result run(List<String> command, Path dir, boolean mustSucceed) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command);
      if (dir != null) {
        builder.directory(dir.toFile());
      }
      // Keep ROS tools from writing logs into the home directory of the build user.
      if (dir != null) {
        builder.environment().put("ROS_HOME", dir.resolve("ros_home").toString());
      }
      Path out = Files.createTempFile("proc", ".out");
      Path err = Files.createTempFile("proc", ".err");
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        Assertions.fail("timed out after " + TIMEOUT_S + " s: " + command);
      }
      Result result =
          new Result(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      if (mustSucceed && result.exitCode != 0) {
        Assertions.fail(
            command + " exited with " + result.exitCode + ":\n" + result.stdout + result.stderr);
      }
      return result;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Parses JSON or YAML text into maps, lists, strings and numbers. */
  @SuppressWarnings("unchecked")
  static <T> T parse(String text) {
    return (T) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
  }
}
