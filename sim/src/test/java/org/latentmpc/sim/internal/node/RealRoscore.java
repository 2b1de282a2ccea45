package org.latentmpc.sim.internal.node;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's real {@code roscore -p PORT} on loopback for interop tests (the ros module's helper
 * lives in its test sources, which sim does not see).
 */
final class RealRoscore implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path home;

  /** Whether roscore and Debian's rospy (under /usr/bin/python3) are installed. */
  static boolean available() {
    if (!new File("/usr/bin/roscore").canExecute()) {
      return false;
    }
    try {
      Process p =
          new ProcessBuilder("/usr/bin/python3", "-c", "import rospy")
              .redirectErrorStream(true)
              .start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  RealRoscore() throws IOException, InterruptedException {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    home = Files.createTempDirectory("roscore");
    ProcessBuilder pb =
        new ProcessBuilder("/usr/bin/roscore", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("roscore.out").toFile());
    pb.environment().putAll(environment());
    process = pb.start();
    // Up once `rosnode list` (a real client) sees /rosout.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("roscore exited: " + Files.readString(home.resolve("roscore.out")));
      }
      if (masterPortOpen()) {
        Result r = run(List.of("rosnode", "list"), 20);
        if (r.exitCode == 0 && r.output.contains("/rosout")) {
          return;
        }
      }
      Thread.sleep(200);
    }
    close();
    throw new IOException("roscore did not come up within 60 s");
  }

  private boolean masterPortOpen() {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  String uri() {
    return "http://127.0.0.1:" + port + "/";
  }

  /** Environment for ROS tools talking to this master, logs in a temporary ROS_HOME. */
  Map<String, String> environment() {
    return Map.of(
        "ROS_MASTER_URI",
        uri(),
        "ROS_HOME",
        home.toString(),
        "ROS_LOG_DIR",
        home.resolve("log").toString(),
        "ROS_IP",
        "127.0.0.1",
        "ROS_HOSTNAME",
        "127.0.0.1",
        "PYTHONUNBUFFERED",
        "1");
  }

  /** What a finished command printed. */
  record Result(int exitCode, String output) {}

  /** Runs a ROS tool against this master; kills it after {@code timeoutS}. */
  Result run(List<String> command, long timeoutS) throws IOException, InterruptedException {
    Path out = Files.createTempFile(home, "cmd", ".out");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().putAll(environment());
    Process p = pb.start();
    if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
      killTree(p);
      return new Result(-1, Files.readString(out) + "\n[killed after " + timeoutS + " s]");
    }
    return new Result(p.exitValue(), Files.readString(out));
  }

  @Override
  public void close() {
    killTree(process);
  }

  /** Terminates a process and its descendants (snapshotted first), forcibly after 10 s. */
  static void killTree(Process process) {
    List<ProcessHandle> tree = process.descendants().toList();
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      for (ProcessHandle h : tree) {
        try {
          h.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception stillAlive) {
          h.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      tree.forEach(ProcessHandle::destroyForcibly);
    }
  }
}
