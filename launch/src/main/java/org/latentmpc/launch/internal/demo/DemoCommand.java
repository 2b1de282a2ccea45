package org.latentmpc.launch.internal.demo;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.latentmpc.launch.LaunchFile;
import org.latentmpc.launch.internal.InProcessGraph;
import org.latentmpc.launch.internal.LaunchException;
import org.latentmpc.launch.internal.LaunchParser;
import org.latentmpc.launch.internal.SceneGoalRenderer;
import org.latentmpc.robot.JointLimits;
import org.latentmpc.robot.Kinematics;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.sim.Scene;
import org.latentmpc.worldmodel.internal.model.Checkpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code latent-mpc demo}: starts the full graph of {@code sim-configs/launch/full_stack.launch}
 * (simulator, controllers, perception, world model, planner) in this JVM on an embedded master,
 * runs goal-image reaching episodes through ROS (reset the arm with {@code /sim/set_joint_state},
 * publish {@code /planner/goal_joints}, wait for {@code /planner/status} to report the goal reached
 * or a step limit), measures the final end-effector error with the robot's forward kinematics,
 * prints a results table and writes a report folder ({@link DemoReport}).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Goal-image reaching with the whole stack: latent-mpc demo [--robot reacher2|arm7]"
          + " [--episodes N] [--model DIR] [--out REPORT_DIR]",
      "Starts sim-configs/launch/full_stack.launch on an embedded master, runs the episodes"
          + " through ROS, prints a results table and writes a report folder with index.html."
    })
public final class DemoCommand implements Callable<Integer> {
  /** Plan statuses after a new goal that may still be about the previous goal (one in flight). */
  private static final int STALE_STATUSES = 2;

  /** Sim time the arm gets to settle after the end of an episode (s). */
  private static final double SETTLE_S = 0.3;

  @Option(
      names = "--robot",
      defaultValue = "reacher2",
      description = "reacher2 or arm7 (default: ${DEFAULT-VALUE}).")
  String robot;

  @Option(
      names = "--episodes",
      defaultValue = "5",
      description = "Reaching episodes (default: ${DEFAULT-VALUE}).")
  int episodes;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description = "World-model checkpoint (default: sim-configs/models/<robot>).")
  Path model;

  @Option(
      names = "--out",
      paramLabel = "REPORT_DIR",
      defaultValue = "demo-report",
      description = "Report folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--mode",
      defaultValue = "lockstep",
      description =
          "Simulator stepping: lockstep (the controllers close every 1 ms step, however loaded"
              + " the machine), realtime or fast (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(
      names = "--max-steps",
      defaultValue = "80",
      description = "Plan cycles per episode before it ends unreached (default: ${DEFAULT-VALUE}).")
  int maxSteps;

  @Option(
      names = "--goal-radius",
      paramLabel = "RAD",
      description =
          "Draw each goal joint within RAD of the start's (default: anywhere inside the limits"
              + " for reacher2, whose model has a roadmap for far goals; 0.35 for arm7).")
  Double goalRadiusRad;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the start and goal configurations (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--success-distance",
      description =
          "End-effector error (m) that counts as success (default: 0.02 reacher2, 0.05 arm7).")
  Double successDistanceM;

  @Option(
      names = "--planner-config",
      defaultValue = "cem",
      description = "cem, mppi or a planner YAML file (default: ${DEFAULT-VALUE}).")
  String plannerConfig;

  @Option(
      names = "--scene",
      paramLabel = "FILE.yaml",
      description =
          "The simulator's scene (camera(s), colours), e.g. sim-configs/scenes/arm7_two_views.yaml"
              + " for a model trained on two views (default: scenes/<robot>.yaml).")
  Path scene;

  @Option(
      names = "--goal-tolerance",
      defaultValue = "0.3",
      description =
          "Latent distance at which the planner reports the goal reached (default:"
              + " ${DEFAULT-VALUE}).")
  double goalTolerance;

  @Option(
      names = "--master-uri",
      description = "Join this master instead of starting an embedded one on a free port.")
  URI masterUri;

  @Option(
      names = "--find-root",
      description = "The sim-configs folder (default: <latentmpc.home>/sim-configs).")
  Path findRoot;

  @Option(
      names = "--startup-timeout",
      defaultValue = "180",
      description = "Seconds to wait for the graph to come up (default: ${DEFAULT-VALUE}).")
  double startupTimeoutS;

  @Option(names = "--verbose", description = "Show the nodes' INFO log.")
  boolean verbose;

  /** The console (results table); messages go to {@link #log}. */
  PrintStream console = System.out;

  /** Progress and error messages. */
  PrintStream log = System.err;

  @Override
  public Integer call() throws Exception {
    long startNs = System.nanoTime();
    if (!verbose && System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    if (!robot.equals("reacher2") && !robot.equals("arm7")) {
      log.println("demo: --robot must be reacher2 or arm7, got '" + robot + "'");
      return 2;
    }
    if (goalRadiusRad != null && !(goalRadiusRad > 0)) {
      log.println("demo: --goal-radius must be > 0 rad, got " + goalRadiusRad);
      return 2;
    }
    if (episodes < 1 || maxSteps < 1) {
      log.println("demo: --episodes and --max-steps must be >= 1");
      return 2;
    }
    if (!mode.matches("lockstep|fast|realtime")) {
      log.println("demo: --mode must be lockstep, fast or realtime, got '" + mode + "'");
      return 2;
    }
    if (scene != null && !Files.isRegularFile(scene)) {
      log.println("demo: --scene: no scene file at " + scene);
      return 2;
    }
    Path configs = findRoot != null ? findRoot : defaultConfigs();
    Path modelDir = model != null ? model : configs.resolve("models").resolve(robot);
    if (!Checkpoints.exists(modelDir)) {
      log.println(noCheckpointMessage(modelDir, configs));
      return 1;
    }
    double success =
        successDistanceM != null ? successDistanceM : robot.equals("arm7") ? 0.05 : 0.02;
    Path launchFile = configs.resolve("launch").resolve("full_stack.launch");
    Map<String, String> args = new LinkedHashMap<>();
    args.put("robot", robot);
    args.put("model", modelDir.toAbsolutePath().toString());
    args.put("mode", mode);
    args.put(
        "planner_config",
        plannerConfig.matches("[A-Za-z0-9_\\-]+")
            ? configs.resolve("planner").resolve(plannerConfig + ".yaml").toString()
            : Path.of(plannerConfig).toAbsolutePath().toString());
    args.put("goal_tolerance", Double.toString(goalTolerance));
    if (scene != null) {
      args.put("scene", scene.toAbsolutePath().toString());
    }
    LaunchFile launch;
    try {
      launch = new LaunchParser(configs, System::getenv).parse(launchFile, args);
    } catch (LaunchException e) {
      log.println("demo: " + e.getMessage());
      return 1;
    }
    Path sceneFile = Path.of(String.valueOf(planner(launch).privateParams().get("scene")));
    Files.createDirectories(out); // fail before the graph starts if the report cannot be written
    SceneGoalRenderer renderer = SceneGoalRenderer.load(sceneFile);

    EmbeddedMaster embedded = null;
    URI master = masterUri;
    if (master == null) {
      embedded = EmbeddedMaster.start("127.0.0.1", 0);
      master = URI.create(embedded.uri());
    }
    log.println(
        "demo: "
            + robot
            + ", model "
            + modelDir
            + ", "
            + episodes
            + " episodes; starting "
            + launchFile
            + " (mode "
            + mode
            + ") on "
            + (embedded != null ? "an embedded master at " : "the master at ")
            + master);
    List<EpisodeResult> results = new ArrayList<>();
    InProcessGraph graph = InProcessGraph.start(launch, master, log);
    Thread supervisor =
        new Thread(
            () -> {
              try {
                graph.supervise();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "demo-supervisor");
    supervisor.setDaemon(true);
    supervisor.start();
    Thread hook = new Thread(graph::stop, "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      DemoProbe probe = new DemoProbe();
      graph
          .executor()
          .execute(probe, NodeConfiguration.builder().masterUri(master).nodeName("demo").build());
      if (!await(graph, probe::graphReady, startupTimeoutS)) {
        log.println(
            "demo: the graph did not come up within "
                + startupTimeoutS
                + " s (still missing: "
                + probe.missing()
                + ")"
                + (graph.requiredEnded() ? "; a required node ended: see the messages above" : ""));
        return 1;
      }
      log.printf(
          Locale.ROOT,
          "demo: graph up after %.1f s; running episodes%n",
          (System.nanoTime() - startNs) / 1e9);
      Random random = new Random(seed);
      Scene scene = Scene.load(sceneFile);
      double[] home = scene.initialPositions(renderer.model());
      for (int e = 1; e <= episodes; e++) {
        EpisodeResult r = episode(e, graph, probe, renderer, home, random, success);
        results.add(r);
        log.printf(
            Locale.ROOT,
            "demo: episode %d/%d: %s, final error %.1f mm, %d steps, %s%n",
            e,
            episodes,
            r.success() ? "success" : "no success",
            r.finalErrorM() * 1000,
            r.steps(),
            r.endReason());
      }
    } catch (GraphEndedException e) {
      log.println("demo: " + e.getMessage());
      return 1;
    } finally {
      graph.close();
      supervisor.join(TimeUnit.SECONDS.toMillis(10));
      if (embedded != null) {
        embedded.close();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook stops the graph
      }
    }
    double wallS = (System.nanoTime() - startNs) / 1e9;
    DemoReport.Summary summary = DemoReport.summarise(results, wallS);
    DemoReport.write(out, robot, modelDir, mode, success, results, summary);
    console.print(DemoReport.table(results, summary, success));
    console.println("report: " + out.toAbsolutePath().resolve("index.html"));
    console.flush();
    return 0;
  }

  private static LaunchFile.NodeSpec planner(LaunchFile launch) {
    return launch.nodes().stream()
        .filter(n -> n.type().equals("planner"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("full_stack.launch starts no planner"));
  }

  private static Path defaultConfigs() {
    String home = System.getProperty("latentmpc.home");
    return (home != null ? Path.of(home) : Path.of("")).resolve("sim-configs").toAbsolutePath();
  }

  private String noCheckpointMessage(Path modelDir, Path configs) {
    Path shipped = configs.resolve("models").resolve(robot);
    String what =
        model == null
            ? "no checkpoint is shipped for "
                + robot
                + " yet ("
                + shipped
                + " has no "
                + Checkpoints.METADATA_FILE
                + ")"
            : "no checkpoint in " + modelDir + " (no " + Checkpoints.METADATA_FILE + ")";
    String outDir = model == null ? "sim-configs/models/" + robot : modelDir.toString();
    return "demo: "
        + what
        + ".\n"
        + "Make one with the project's own commands (collect takes seconds, training tens of"
        + " minutes; sim-configs/models/reacher2.yaml says how the shipped one was made):\n"
        + "  ./latent-mpc collect --robot "
        + robot
        + " --episodes 120 --steps 200 --seed 1 --out /tmp/"
        + robot
        + ".bag\n"
        + "  ./latent-mpc train --data /tmp/"
        + robot
        + ".bag --config sim-configs/models/"
        + robot
        + ".yaml --out "
        + outDir
        + "\n"
        + "  ./latent-mpc roadmap --model "
        + outDir
        + " --data /tmp/"
        + robot
        + ".bag   # waypoints for far goals\n"
        + "or pass --model DIR (a quick one: --config sim-configs/models/tiny.yaml).";
  }

  /** Thrown when the graph stops under the demo (a required node ended). */
  private static final class GraphEndedException extends Exception {
    GraphEndedException(String message) {
      super(message);
    }
  }

  private static boolean await(InProcessGraph graph, BooleanSupplier condition, double timeoutS)
      throws InterruptedException, GraphEndedException {
    long deadline = System.nanoTime() + (long) (timeoutS * 1e9);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (!graph.running()) {
        throw new GraphEndedException(
            "the graph stopped (a required node ended): see the messages above");
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }

  /**
   * Stops the planner between episodes: the goal becomes what the camera sees now, so the planner
   * reports it reached and stops commanding (bounded wait; a planner that keeps making tiny moves
   * towards "here" does no harm).
   */
  private static void park(InProcessGraph graph, DemoProbe probe, DemoProbe.Picture here)
      throws InterruptedException, GraphEndedException {
    int mark = probe.statusCount();
    probe.publishGoalImage(here);
    await(
        graph,
        () -> {
          List<DemoProbe.Status> statuses = probe.statusesFrom(mark);
          for (int k = STALE_STATUSES; k < statuses.size(); k++) {
            if (statuses.get(k).reached()) {
              return true;
            }
          }
          return false;
        },
        5);
  }

  private static void awaitOrFail(
      InProcessGraph graph, BooleanSupplier condition, String what, int episode)
      throws InterruptedException, GraphEndedException {
    if (!await(graph, condition, 30)) {
      throw new GraphEndedException("timed out waiting for " + what + " in episode " + episode);
    }
  }

  private EpisodeResult episode(
      int index,
      InProcessGraph graph,
      DemoProbe probe,
      SceneGoalRenderer renderer,
      double[] home,
      Random random,
      double successDistanceM)
      throws InterruptedException, GraphEndedException {
    RobotModel robotModel = renderer.model();
    int dof = robotModel.dof();
    double spread = robot.equals("arm7") ? 0.35 : 0.9;
    double goalRadius =
        goalRadiusRad != null
            ? goalRadiusRad
            : robot.equals("arm7") ? 0.35 : Double.POSITIVE_INFINITY;
    double[] start = new double[dof];
    double[] goal = new double[dof];
    for (int j = 0; j < dof; j++) {
      JointLimits limits = robotModel.movingJoint(j).limits();
      double lo = limits.hasPositionLimits() ? limits.lower() + 0.3 : -Math.PI;
      double hi = limits.hasPositionLimits() ? limits.upper() - 0.3 : Math.PI;
      start[j] = clamp(home[j] + spread * (2 * random.nextDouble() - 1), lo, hi);
      double gLo = Math.max(lo, start[j] - goalRadius);
      double gHi = Math.min(hi, start[j] + goalRadius);
      goal[j] = gLo + (gHi - gLo) * random.nextDouble();
    }
    String[] names = robotModel.jointNames().toArray(new String[0]);
    long wallStart = System.nanoTime();

    // Reset (the planner is idle: no goal yet, or the last goal reached or parked): command the
    // start, move the arm there, command it again and let it settle with a fresh camera image.
    probe.hold(start);
    probe.setJointState(start, 30);
    probe.hold(start);
    double resetS = probe.stateTimeS();
    awaitOrFail(
        graph, () -> probe.imageTimeS() > resetS + SETTLE_S, "a settled camera image", index);

    int mark = probe.statusCount();
    double goalS = probe.stateTimeS();
    probe.startRecording();
    probe.publishGoal(names, goal);
    String reason;
    boolean reached = false;
    List<Double> planTimes = new ArrayList<>();
    double timeoutS = 20 + 4.0 * maxSteps / 10.0;
    while (true) {
      List<DemoProbe.Status> statuses = probe.statusesFrom(mark);
      planTimes.clear();
      for (int k = STALE_STATUSES; k < statuses.size(); k++) {
        DemoProbe.Status s = statuses.get(k);
        if (s.iterations() > 0) {
          planTimes.add(s.solveTimeS());
        }
        if (s.reached()) {
          reached = true;
        }
      }
      if (reached) {
        reason = "planner reports the goal reached";
        break;
      }
      if (planTimes.size() >= maxSteps) {
        reason = "step limit (" + maxSteps + ")";
        break;
      }
      if ((System.nanoTime() - wallStart) / 1e9 > timeoutS) {
        reason = String.format(Locale.ROOT, "time limit (%.0f s)", timeoutS);
        break;
      }
      if (!graph.running()) {
        throw new GraphEndedException("the graph stopped during episode " + index);
      }
      Thread.sleep(20);
    }
    double endS = probe.stateTimeS();
    await(graph, () -> probe.imageTimeS() > endS + SETTLE_S, 10); // settled, with a fresh image
    double[] finalQ = probe.positions();
    DemoProbe.Picture finalImage = probe.picture();
    List<double[]> trajectory = probe.stopRecording();
    if (!reached) {
      park(graph, probe, finalImage);
    }
    for (double[] sample : trajectory) {
      sample[0] -= goalS;
    }
    double error = endEffectorDistance(robotModel, finalQ, goal);
    DemoProbe.Picture goalImage =
        new DemoProbe.Picture(renderer.width(), renderer.height(), renderer.renderRgb(goal));
    return new EpisodeResult(
        index,
        Arrays.asList(names),
        start,
        goal,
        finalQ,
        error,
        error <= successDistanceM,
        reached,
        planTimes.size(),
        reason,
        probe.stateTimeS() - goalS,
        (System.nanoTime() - wallStart) / 1e9,
        planTimes.stream().mapToDouble(Double::doubleValue).toArray(),
        trajectory,
        goalImage,
        finalImage);
  }

  /**
   * Distance (m) between the end effector (deepest leaf link's origin) at {@code a} and {@code b}.
   */
  static double endEffectorDistance(RobotModel model, double[] a, double[] b) {
    Kinematics kinematics = model.newKinematics();
    int link = model.deepestLeafLink();
    double[] pa = new double[3];
    double[] pb = new double[3];
    kinematics.update(a);
    kinematics.pointPosition(link, 0, 0, 0, pa);
    kinematics.update(b);
    kinematics.pointPosition(link, 0, 0, 0, pb);
    double dx = pa[0] - pb[0];
    double dy = pa[1] - pb[1];
    double dz = pa[2] - pb[2];
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
