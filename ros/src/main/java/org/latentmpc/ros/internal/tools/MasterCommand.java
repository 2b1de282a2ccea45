package org.latentmpc.ros.internal.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code master [--port 11311] [--host 127.0.0.1]}: runs the embedded ROS master until Ctrl-C (or
 * {@link #stop()}), printing its URI. Binds to loopback unless {@code --host} says otherwise.
 */
@Command(
    name = "master",
    mixinStandardHelpOptions = true,
    description = "Run a ROS master (like roscore's master) until Ctrl-C.")
public final class MasterCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      defaultValue = "11311",
      description = "XML-RPC port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description =
          "Address to bind and advertise (default ${DEFAULT-VALUE}: reachable from this machine"
              + " only).")
  String host;

  @Spec CommandSpec spec;

  private final CountDownLatch stop = new CountDownLatch(1);
  private volatile EmbeddedMaster master;

  /** The running master, or null before it started. */
  public EmbeddedMaster master() {
    return master;
  }

  /** Stops a running {@link #call()}. */
  public void stop() {
    stop.countDown();
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      err.println("master: --port must be in 0..65535, got " + port);
      return 2;
    }
    EmbeddedMaster m;
    try {
      m = EmbeddedMaster.start(host, port);
    } catch (IOException e) {
      err.println("master: " + e.getMessage());
      return 1;
    }
    master = m;
    Thread hook = new Thread(m::close, "master-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("ROS master running at " + m.uri());
    out.println("export ROS_MASTER_URI=" + m.uri());
    out.flush();
    try {
      stop.await();
    } finally {
      m.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting; the hook runs anyway
      }
    }
    return 0;
  }
}
