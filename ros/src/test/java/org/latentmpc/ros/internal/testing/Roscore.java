package org.latentmpc.ros.internal.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.latentmpc.ros.internal.xmlrpc.XmlRpcClient;

/**
 * Starts Debian's real {@code roscore -p PORT} on loopback for interop tests and kills its tree.
 */
public final class Roscore implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path home;

  /** Whether roscore and rospy are installed. */
  public static boolean available() {
    return new File("/usr/bin/roscore").canExecute() && pythonHasRospy();
  }

  private static boolean pythonHasRospy() {
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

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Environment for ROS tools talking to {@code masterUri}, logs in a temp ROS_HOME. */
  public static Map<String, String> rosEnvironment(String masterUri, Path home) {
    return Map.of(
        "ROS_MASTER_URI",
        masterUri,
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

  public Roscore() throws IOException, InterruptedException {
    port = freePort();
    home = Files.createTempDirectory("roscore");
    ProcessBuilder pb =
        new ProcessBuilder("/usr/bin/roscore", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("roscore.out").toFile());
    pb.environment().putAll(rosEnvironment(uri(), home));
    process = pb.start();
    XmlRpcClient client =
        new XmlRpcClient(URI.create(uri()), Duration.ofSeconds(1), Duration.ofSeconds(2));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        // /rosout registers once roscore is fully up.
        Object state = client.call("getSystemState", List.of("/test"));
        if (state.toString().contains("/rosout")) {
          return;
        }
      } catch (RuntimeException notYet) {
        if (!process.isAlive()) {
          throw new IOException("roscore exited: " + Files.readString(home.resolve("roscore.out")));
        }
      }
      if (System.nanoTime() > deadline) {
        close();
        throw new IOException("roscore did not come up within 60 s");
      }
      Thread.sleep(100);
    }
  }

  /**
   * What a command printed (stdout and stderr) and its exit code (-1 when it was killed for its
   * timeout).
   */
  public record Result(int exitCode, String output) {}

  /**
   * Runs a ROS command-line tool (rostopic, rosservice, ...) against master {@code masterUri} with
   * logs under {@code home}; kills it after {@code timeoutS}.
   */
  public static Result run(String masterUri, Path home, List<String> command, long timeoutS)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(home, "cmd", ".out");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().putAll(rosEnvironment(masterUri, home));
    Process p = pb.start();
    if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
      killTree(p);
      return new Result(-1, Files.readString(out) + "\n[killed after " + timeoutS + " s]");
    }
    return new Result(p.exitValue(), Files.readString(out));
  }

  /**
   * Runs a ROS command-line tool against this roscore; see {@link #run(String, Path, List, long)}.
   */
  public Result run(List<String> command, long timeoutS) throws IOException, InterruptedException {
    return run(uri(), home, command, timeoutS);
  }

  public String uri() {
    return "http://127.0.0.1:" + port + "/";
  }

  public Path home() {
    return home;
  }

  @Override
  public void close() {
    killTree(process);
  }

  /** Terminates a process and all its descendants (snapshotted first), forcibly after 10 s. */
  public static void killTree(Process process) {
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
