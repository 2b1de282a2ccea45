package org.latentmpc.ros.internal.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Runs real ROS command-line tools and rospy scripts against a given master, with timeouts. */
public final class RosTools {
  private final String masterUri;
  private final Path home;

  /** A finished tool run. */
  public record Result(int exitCode, String output) {}

  public RosTools(String masterUri, Path home) {
    this.masterUri = masterUri;
    this.home = home;
  }

  /** Runs {@code command} (bounded to 60 s) and returns its exit code and merged output. */
  public Result run(String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(Roscore.rosEnvironment(masterUri, home));
    Process p = pb.start();
    p.getOutputStream().close();
    try {
      StringBuilder out = new StringBuilder();
      Thread reader =
          new Thread(
              () -> {
                try {
                  out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                  // process killed
                }
              });
      reader.start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        Roscore.killTree(p);
        reader.join(5000);
        throw new AssertionError(String.join(" ", command) + " did not finish in 60 s: " + out);
      }
      reader.join(5000);
      return new Result(p.exitValue(), out.toString());
    } finally {
      Roscore.killTree(p);
    }
  }

  /** A running background process whose output lines are collected. */
  public static final class Background implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();

    Background(Process process) {
      this.process = process;
      Thread t =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    synchronized (all) {
                      all.add(line);
                    }
                    lines.add(line);
                  }
                } catch (IOException ignored) {
                  // process ended
                }
              });
      t.setDaemon(true);
      t.start();
    }

    /** Waits (bounded) for a line containing {@code text}; returns it. */
    public String awaitLine(String text, long timeoutS) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line != null && line.contains(text)) {
          return line;
        }
      }
      throw new AssertionError(
          "no line containing '" + text + "' within " + timeoutS + " s: " + output());
    }

    public String output() {
      synchronized (all) {
        return String.join("\n", all);
      }
    }

    public Process process() {
      return process;
    }

    @Override
    public void close() {
      Roscore.killTree(process);
    }
  }

  /** Wraps a started process whose output lines are to be collected. */
  public static Background background(Process process) {
    return new Background(process);
  }

  /** Starts {@code /usr/bin/python3 -c script} in the background. */
  public Background python(String script) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder("/usr/bin/python3", "-c", script).redirectErrorStream(true);
    pb.environment().putAll(Roscore.rosEnvironment(masterUri, home));
    return new Background(pb.start());
  }

  /** A rospy node publishing std_msgs/String on {@code topic} at 10 Hz, printing READY/SHUTDOWN. */
  public static String talkerScript(String nodeName, String topic) {
    return String.join(
        "\n",
        "import rospy",
        "from std_msgs.msg import String",
        "from std_srvs.srv import Empty, EmptyResponse",
        "rospy.core.add_preshutdown_hook(lambda reason: print('SHUTDOWN', reason, flush=True))",
        "rospy.init_node('" + nodeName + "', disable_signals=True)",
        "pub = rospy.Publisher('" + topic + "', String, queue_size=10)",
        "srv = rospy.Service('~reset', Empty, lambda req: EmptyResponse())",
        "print('READY', rospy.get_node_uri(), flush=True)",
        "r = rospy.Rate(10)",
        "while not rospy.is_shutdown():",
        "    pub.publish(String(data='hello'))",
        "    try:",
        "        r.sleep()",
        "    except rospy.ROSInterruptException:",
        "        break",
        "print('EXITING', flush=True)");
  }
}
