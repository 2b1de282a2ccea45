package org.latentmpc.launch.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.latentmpc.launch.LaunchFile;
import org.latentmpc.launch.NodeRegistry;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.Node;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.internal.master.MasterClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code latent-mpc launch FILE [name:=value ...]}: like roslaunch, starts a master when none
 * answers at ROS_MASTER_URI, sets the file's parameters and runs every node in this JVM with one
 * {@link NodeMainExecutor}, until Ctrl-C/SIGTERM or until a {@code required} node shuts down.
 * {@code respawn} nodes are restarted after their {@code respawn_delay}.
 */
@Command(
    name = "launch",
    mixinStandardHelpOptions = true,
    description = {
      "Run a roslaunch-style launch file: latent-mpc launch FILE [arg:=value ...]",
      "  latent-mpc launch sim-configs/launch/sim_controllers.launch mode:=fast camera_rate:=0"
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

  private volatile boolean stopping;

  @Override
  public Integer call() throws Exception {
    Map<String, String> args = new LinkedHashMap<>();
    for (String override : overrides) {
      int at = override.indexOf(":=");
      if (at <= 0) {
        System.err.println("launch: argument '" + override + "' is not name:=value");
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
      System.err.println("launch: " + e.getMessage());
      return 1;
    }
    URI master = masterUri != null ? masterUri : defaultMasterUri();
    EmbeddedMaster embedded = null;
    if (!answers(master)) {
      int port = master.getPort() > 0 ? master.getPort() : 11311;
      embedded = EmbeddedMaster.start("127.0.0.1", port);
      System.err.println("launch: no master at " + master + ", started one at " + embedded.uri());
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
    MasterClient client = new MasterClient(master, "/roslaunch");
    for (Map.Entry<String, Object> param : launch.globalParams().entrySet()) {
      client.setParam(param.getKey(), param.getValue());
    }
    BlockingQueue<Watch> ended = new LinkedBlockingQueue<>();
    NodeMainExecutor executor = NodeMainExecutor.newDefault();
    Thread hook =
        new Thread(
            () -> {
              stopping = true;
              executor.shutdown();
            },
            "launch-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    int alive = 0;
    try {
      for (LaunchFile.NodeSpec spec : launch.nodes()) {
        start(spec, master, executor, ended);
        alive++;
      }
      Map<Watch, Long> respawnAtNs = new LinkedHashMap<>();
      while (!stopping && (alive > 0 || !respawnAtNs.isEmpty())) {
        Watch done = ended.poll(POLL_MS, TimeUnit.MILLISECONDS);
        if (done != null) {
          alive--;
          LaunchFile.NodeSpec spec = done.spec;
          if (spec.required()) {
            System.err.println("launch: required node " + spec.name() + " ended, shutting down");
            break;
          }
          if (spec.respawn() && !stopping) {
            System.err.println(
                "launch: " + spec.name() + " ended, respawning in " + spec.respawnDelayS() + " s");
            respawnAtNs.put(done, System.nanoTime() + (long) (spec.respawnDelayS() * 1e9));
          } else {
            System.err.println("launch: " + spec.name() + " ended");
          }
        }
        long now = System.nanoTime();
        for (var it = respawnAtNs.entrySet().iterator(); it.hasNext(); ) {
          var entry = it.next();
          if (now - entry.getValue() >= 0 && !stopping) {
            it.remove();
            start(entry.getKey().spec, master, executor, ended);
            alive++;
          }
        }
      }
    } finally {
      stopping = true;
      executor.shutdown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the JVM is exiting (SIGTERM/Ctrl-C): the hook does the shutdown
      }
    }
    return 0;
  }

  private static void start(
      LaunchFile.NodeSpec spec, URI master, NodeMainExecutor executor, BlockingQueue<Watch> ended) {
    NodeConfiguration.Builder builder =
        NodeConfiguration.builder()
            .masterUri(master)
            .nodeName(spec.baseName())
            .namespace(spec.namespace());
    if (!spec.args().isBlank()) {
      NodeConfiguration fromArgs = NodeConfiguration.fromArgs(spec.args().trim().split("\\s+"));
      fromArgs.remappings().forEach(builder::remap);
      fromArgs.privateParameters().forEach(builder::privateParameter);
    }
    spec.remaps().forEach(builder::remap);
    spec.privateParams().forEach(builder::privateParameter);
    Watch watch = new Watch(spec, NodeRegistry.create(spec.type()), ended);
    try {
      ConnectedNode node = executor.execute(watch, builder.build());
      System.err.println("launch: started " + spec.type() + " as " + node.getName());
    } catch (RuntimeException e) {
      System.err.println(
          "launch: " + spec.source() + ": " + spec.name() + " failed to start: " + e);
      ended.add(watch);
    }
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

  /** Delegates to the node; reports its end once, and shuts it down when a callback fails. */
  private static final class Watch implements NodeMain {
    final LaunchFile.NodeSpec spec;
    private final NodeMain delegate;
    private final BlockingQueue<Watch> ended;
    private boolean reported;
    private volatile boolean shuttingDown;

    Watch(LaunchFile.NodeSpec spec, NodeMain delegate, BlockingQueue<Watch> ended) {
      this.spec = spec;
      this.delegate = delegate;
      this.ended = ended;
    }

    @Override
    public String getDefaultNodeName() {
      return delegate.getDefaultNodeName();
    }

    @Override
    public void onStart(ConnectedNode node) {
      try {
        delegate.onStart(node);
      } catch (RuntimeException | Error e) {
        onError(node, e);
      }
    }

    @Override
    public void onShutdown(Node node) {
      shuttingDown = true;
      delegate.onShutdown(node);
    }

    @Override
    public void onShutdownComplete(Node node) {
      try {
        delegate.onShutdownComplete(node);
      } finally {
        synchronized (this) {
          if (!reported) {
            reported = true;
            ended.add(this);
          }
        }
      }
    }

    @Override
    public void onError(Node node, Throwable error) {
      if (shuttingDown) {
        return; // a start interrupted by a shutdown request (rosnode kill, Ctrl-C) is no failure
      }
      System.err.println("launch: " + spec.name() + " failed: " + error);
      delegate.onError(node, error);
      node.shutdown();
    }
  }
}
