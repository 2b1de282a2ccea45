package org.latentmpc.launch.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentmpc.launch.LaunchFile;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.internal.master.MasterClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code latent-mpc launch [--processes] FILE [name:=value ...]}: like roslaunch, starts a master
 * when none answers at ROS_MASTER_URI, sets the file's parameters and runs every node in this JVM
 * with one executor ({@link InProcessGraph}), or each in its own JVM with {@code --processes}
 * ({@link ProcessGraph}), until Ctrl-C/SIGTERM or until a {@code required} node shuts down. {@code
 * respawn} nodes are restarted after their {@code respawn_delay}.
 */
@Command(
    name = "launch",
    mixinStandardHelpOptions = true,
    description = {
      "Run a roslaunch-style launch file: latent-mpc launch FILE [arg:=value ...]",
      "  latent-mpc launch sim-configs/launch/sim_controllers.launch mode:=lockstep camera_rate:=0",
      "  latent-mpc launch --processes sim-configs/launch/full_stack.launch model:=DIR"
    })
public final class LaunchCommand implements Callable<Integer> {
  private static final long POLL_MS = 200;

  @Parameters(index = "0", paramLabel = "FILE", description = "The launch file.")
  Path file;

  @Parameters(index = "1..*", paramLabel = "ARG:=VALUE", description = "Launch argument overrides.")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--master-uri",
      description = "Master URI (default: ROS_MASTER_URI or http://localhost:11311/).")
  URI masterUri;

  @Option(
      names = "--find-root",
      description =
          "Folder $(find latent_mpc) resolves to (default: <latentmpc.home>/sim-configs).")
  Path findRoot;

  @Option(
      names = "--processes",
      description =
          "Run each node in its own JVM (same classpath), its output prefixed with its name.")
  boolean processes;

  /** Where launch messages (and, with --processes, the nodes' output) go. */
  java.io.PrintStream log = System.err;

  @Override
  public Integer call() throws Exception {
    Map<String, String> args = new LinkedHashMap<>();
    for (String override : overrides) {
      int at = override.indexOf(":=");
      if (at <= 0) {
        log.println("launch: argument '" + override + "' is not name:=value");
        return 2;
      }
      args.put(override.substring(0, at), override.substring(at + 2));
    }
    LaunchParser parser =
        findRoot == null ? LaunchParser.withDefaults() : new LaunchParser(findRoot, System::getenv);
    LaunchFile launch;
    try {
      launch = parser.parse(file, args);
    } catch (LaunchException e) {
      log.println("launch: " + e.getMessage());
      return 1;
    }
    URI master = masterUri != null ? masterUri : defaultMasterUri();
    EmbeddedMaster embedded = null;
    if (!answers(master)) {
      int port = master.getPort() > 0 ? master.getPort() : 11311;
      embedded = EmbeddedMaster.start("127.0.0.1", port);
      log.println("launch: no master at " + master + ", started one at " + embedded.uri());
      master = URI.create(embedded.uri());
    }
    try {
      return run(launch, master);
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  private int run(LaunchFile launch, URI master) throws InterruptedException {
    SupervisedGraph graph =
        processes
            ? ProcessGraph.start(launch, master, log)
            : InProcessGraph.start(launch, master, log);
    Thread hook = new Thread(graph::stop, "launch-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      graph.supervise();
    } finally {
      graph.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the JVM is exiting (SIGTERM/Ctrl-C): the hook does the shutdown
      }
    }
    return 0;
  }

  private static URI defaultMasterUri() {
    String env = System.getenv("ROS_MASTER_URI");
    return env == null || env.isBlank() ? NodeConfiguration.DEFAULT_MASTER_URI : URI.create(env);
  }

  private static boolean answers(URI master) {
    try {
      new MasterClient(master, "/roslaunch").getUri();
      return true;
    } catch (RuntimeException noMaster) {
      return false;
    }
  }
}
