package org.latentmpc.launch.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.latentmpc.launch.LatentMpc;
import org.latentmpc.launch.LaunchFile;
import org.latentmpc.ros.internal.master.MasterClient;

/**
 * A launch file's nodes, one JVM each ({@code latent-mpc launch --processes}): every node runs as
 * {@code java <this JVM's options> -cp <this classpath> ... run TYPE __name:= __ns:= __master:=
 * from:=to ... args}, its private parameters set on the master first. Each line a child prints is
 * echoed prefixed with the node's name. {@link #stop} sends SIGTERM to every child (and its
 * descendants), waits for them, and kills the ones still alive after {@link #KILL_AFTER_MS}.
 */
public final class ProcessGraph extends SupervisedGraph {
  /** How long children get to exit after SIGTERM before they are killed. */
  static final long KILL_AFTER_MS = 10_000;

  private final Map<LaunchFile.NodeSpec, Process> processes = new ConcurrentHashMap<>();
  private final Object stopLock = new Object();

  private ProcessGraph(LaunchFile launch, URI master, PrintStream log) {
    super(launch, master, log);
  }

  /** Sets the file's parameters on {@code master} and starts one process per node. */
  public static ProcessGraph start(LaunchFile launch, URI master, PrintStream log) {
    ProcessGraph graph = new ProcessGraph(launch, master, log);
    graph.startAll();
    return graph;
  }

  /** The process of the node named {@code fullName}, while it runs. */
  public Process process(String fullName) {
    for (Map.Entry<LaunchFile.NodeSpec, Process> e : processes.entrySet()) {
      if (e.getKey().name().equals(fullName)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The command line of the child process for {@code spec}. */
  static List<String> command(LaunchFile.NodeSpec spec, URI master) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!option.startsWith("-agentlib:jdwp") && !option.startsWith("-javaagent")) {
        command.add(option);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LatentMpc.class.getName());
    command.add("run");
    command.add(spec.type());
    command.add("__name:=" + spec.baseName());
    command.add("__ns:=" + spec.namespace());
    command.add("__master:=" + master);
    for (Map.Entry<String, String> remap : spec.remaps().entrySet()) {
      command.add(remap.getKey() + ":=" + remap.getValue());
    }
    if (!spec.args().isBlank()) {
      command.addAll(List.of(spec.args().trim().split("\\s+")));
    }
    return command;
  }

  @Override
  protected void startNode(LaunchFile.NodeSpec spec) {
    try {
      MasterClient client = new MasterClient(master, "/roslaunch");
      for (Map.Entry<String, Object> param : spec.privateParams().entrySet()) {
        client.setParam(spec.name() + "/" + param.getKey(), param.getValue());
      }
      synchronized (stopLock) {
        if (stopping()) {
          ended(spec);
          return;
        }
        ProcessBuilder builder = new ProcessBuilder(command(spec, master));
        builder.redirectErrorStream(true);
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        processes.put(spec, process);
        log.println(
            "launch: started "
                + spec.type()
                + " as "
                + spec.name()
                + " (pid "
                + process.pid()
                + ")");
        Thread echo = new Thread(() -> echo(spec, process), "launch-output" + spec.name());
        echo.setDaemon(true);
        echo.start();
        process
            .onExit()
            .thenRun(
                () -> {
                  processes.remove(spec, process);
                  if (!stopping()) {
                    log.println(
                        "launch: " + spec.name() + " exited with code " + process.exitValue());
                  }
                  ended(spec);
                });
      }
    } catch (IOException | RuntimeException e) {
      log.println("launch: " + spec.source() + ": " + spec.name() + " failed to start: " + e);
      ended(spec);
    }
  }

  private void echo(LaunchFile.NodeSpec spec, Process process) {
    String prefix = "[" + spec.name() + "] ";
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        log.println(prefix + line);
      }
    } catch (IOException closed) {
      // the child is gone
    }
  }

  @Override
  protected void stopNodes() {
    synchronized (stopLock) {
      List<Process> live = new ArrayList<>(processes.values());
      for (Process p : live) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy(); // SIGTERM: the child's shutdown hooks unregister its node
      }
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KILL_AFTER_MS);
      for (Process p : live) {
        try {
          long left = deadline - System.nanoTime();
          if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
            log.println("launch: pid " + p.pid() + " did not exit after SIGTERM: killing it");
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
          }
        } catch (InterruptedException e) {
          p.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
