package org.latentmpc.launch.internal.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.latentmpc.planner.CostConfig;
import org.latentmpc.planner.JointLimitCost;
import org.latentmpc.planner.LatentDynamics;
import org.latentmpc.planner.LatentRoadmap;
import org.latentmpc.planner.Planner;
import org.latentmpc.planner.PlannerConfig;
import org.latentmpc.planner.Planners;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.robot.UrdfException;
import org.latentmpc.sim.CameraRenderer;
import org.latentmpc.sim.Scene;
import org.latentmpc.sim.WorldOptions;
import org.latentmpc.worldmodel.CheckpointException;
import org.latentmpc.worldmodel.WorldModel;
import org.latentmpc.worldmodel.WorldModels;
import org.latentmpc.worldmodel.internal.collect.CollectRobot;
import org.latentmpc.worldmodel.internal.model.CheckpointMetadata;
import org.latentmpc.worldmodel.internal.model.Checkpoints;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code latent-mpc eval}: closed-loop goal-image reaching in the simulator, in-process and in
 * lock-step (no ROS graph): for each seeded episode the robot starts at rest at a random
 * configuration, the goal is a random reachable configuration shown as a camera image, and the
 * planner (over the world model) drives the position controller at 10 Hz until the end effector is
 * within the success threshold or the step limit. The same episodes are run by two references: the
 * same planner over the true simulator ({@code oracle}) and uniformly random deltas ({@code
 * random}). Prints one table row per method and optionally writes JSON. Bad input (unknown robot,
 * missing or mismatched model, bad numbers) is reported in one line with exit code 2 before
 * anything runs.
 *
 * <p>The images come from the robot's scene ({@code sim-configs/scenes/ROBOT.yaml}, or {@code
 * --scene}), sized to the model's input: for a scene with several views, the whole image of all
 * views side by side. A model whose image shape does not fit the scene is rejected.
 *
 * <p>The planner's time budget runs on the simulation clock by default, which does not advance
 * during a plan: every plan runs all its iterations, and the evaluation is deterministic for a
 * seed. Plan wall time is measured around each plan call and reported as p50/p95; {@code
 * --wall-budget} instead gives the planner the wall clock (its budget may then cut plans short).
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Closed-loop goal-image reaching in the simulator (lock-step, no ROS graph): the planner"
            + " over the world model against an oracle (the same planner over the true simulator)"
            + " and random actions; prints success rate, final error, plan time and steps.")
public final class EvalCommand implements Callable<Integer> {
  /** The control (action) period (s): 10 Hz, the world model's action rate. */
  static final double CONTROL_PERIOD_S = 0.1;

  @Option(names = "--robot", required = true, description = "reacher2 or arm7")
  String robot;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "DIR",
      description = "world-model checkpoint folder")
  Path modelDir;

  @Option(names = "--episodes", required = true, description = "episodes per method")
  int episodes;

  @Option(
      names = "--planner",
      defaultValue = "cem",
      description = "cem or mppi: sim-configs/planner/NAME.yaml (default: cem)")
  String planner;

  @Option(
      names = "--planner-config",
      paramLabel = "FILE.yaml",
      description = "a planner configuration file instead of --planner")
  Path plannerConfig;

  @Option(names = "--seed", defaultValue = "0", description = "seed of starts and goals (0)")
  long seed;

  @Option(
      names = "--steps",
      description = "control steps per episode at most (default: 80 reacher2, 100 arm7)")
  Integer steps;

  @Option(names = "--json", paramLabel = "FILE", description = "also write the results as JSON")
  Path json;

  @Option(
      names = "--trace",
      paramLabel = "FILE.csv",
      description =
          "also write every control step as CSV: method, episode, step, end-effector error (m),"
              + " largest commanded |delta| (rad), latent distance to the goal, distance in the model's state readout, best plan"
              + " cost")
  Path trace;

  @Option(
      names = "--full-episodes",
      description =
          "run every episode to the step limit (success and steps still count the first step"
              + " within the threshold; the final error is at the limit): with --trace, shows what"
              + " the planner does once it is at the goal")
  boolean fullEpisodes;

  @Option(
      names = "--references",
      defaultValue = "oracle,random",
      description = "reference methods: a comma list of oracle, random; or none")
  String references;

  @Option(
      names = "--oracle-episodes",
      description =
          "run the oracle (the slow reference: every rollout simulates) on the first K episodes"
              + " only (default: all)")
  Integer oracleEpisodes;

  @Option(
      names = "--oracle-dt",
      defaultValue = "0.001",
      description = "physics step of the oracle's rollouts in s (default: 0.001, the simulator's)")
  double oracleDtS;

  @Option(
      names = "--goal-radius",
      paramLabel = "RAD",
      description =
          "draw each goal joint within RAD of the start's (default: anywhere inside the limits)")
  Double goalRadiusRad;

  @Option(
      names = "--oracle-threads",
      defaultValue = "1",
      description = "threads for the oracle's rollouts (default: 1; results do not depend on it)")
  int oracleThreads;

  @Option(
      names = "--wall-budget",
      description = "give the planner the wall clock, so its time budget can cut plans short")
  boolean wallBudget;

  @Option(
      names = "--no-roadmap",
      description =
          "plan straight towards the goal latent even if the model folder has a roadmap.bin"
              + " (default: follow the roadmap's waypoints when there is one)")
  boolean noRoadmap;

  @Option(
      names = "--configs",
      description = "the sim-configs directory (default: <latent-mpc home>/sim-configs)")
  Path configs;

  @Option(
      names = "--scene",
      paramLabel = "FILE.yaml",
      description =
          "the scene the model was trained on (camera(s), colours), e.g."
              + " sim-configs/scenes/arm7_two_views.yaml for a 128x64 two-view model; it must name"
              + " the robot's URDF (default: <configs>/scenes/<robot>.yaml)")
  Path scene;

  private final PrintStream stdout;
  private final PrintStream stderr;

  /** Prints to System.out and System.err. */
  public EvalCommand() {
    this(System.out, System.err);
  }

  /** Prints the table to {@code stdout}, progress and errors to {@code stderr}. */
  public EvalCommand(PrintStream stdout, PrintStream stderr) {
    this.stdout = stdout;
    this.stderr = stderr;
  }

  @Override
  public Integer call() throws IOException {
    Setup setup;
    try {
      setup = setUp();
    } catch (IllegalArgumentException | CheckpointException e) {
      stderr.println("eval: " + e.getMessage());
      return 2;
    }
    try (WorldModel model = setup.model;
        TraceWriter traceWriter = trace != null ? new TraceWriter(trace) : null) {
      EvalReport report = run(setup, model, traceWriter);
      report.printTable(stdout);
      if (json != null) {
        Files.writeString(json, report.toJson());
        stdout.println("eval: wrote " + json);
      }
    }
    return 0;
  }

  /** Everything checked and loaded before the first episode. */
  private record Setup(
      CollectRobot robot,
      PlannerConfig planner,
      String plannerName,
      int maxSteps,
      List<String> references,
      int oracleEpisodes,
      RobotModel arm7,
      LatentRoadmap roadmap,
      WorldModel model) {}

  private Setup setUp() throws IOException {
    if (episodes <= 0) {
      throw new IllegalArgumentException("--episodes must be positive, got " + episodes);
    }
    if (steps != null && steps <= 0) {
      throw new IllegalArgumentException("--steps must be positive, got " + steps);
    }
    if (oracleEpisodes != null && oracleEpisodes <= 0) {
      throw new IllegalArgumentException(
          "--oracle-episodes must be positive, got " + oracleEpisodes);
    }
    if (goalRadiusRad != null && !(goalRadiusRad > 0)) {
      throw new IllegalArgumentException("--goal-radius must be > 0 rad, got " + goalRadiusRad);
    }
    if (oracleThreads < 1) {
      throw new IllegalArgumentException("--oracle-threads must be >= 1, got " + oracleThreads);
    }
    if (!(oracleDtS > 0) || !Double.isFinite(oracleDtS)) {
      throw new IllegalArgumentException("--oracle-dt must be > 0 s, got " + oracleDtS);
    }
    List<String> refs = parseReferences(references);
    checkOutputFile(json, "--json");
    checkOutputFile(trace, "--trace");
    Path dir = configs != null ? configs : defaultConfigs();
    CollectRobot r = CollectRobot.load(robot, dir, scene);
    RobotModel arm7 = "arm7".equals(robot) ? r.model() : loadArm7(dir);
    String plannerName;
    Path plannerFile;
    if (plannerConfig != null) {
      plannerFile = plannerConfig;
      plannerName = plannerConfig.getFileName().toString();
    } else {
      if (!"cem".equals(planner) && !"mppi".equals(planner)) {
        throw new IllegalArgumentException(
            "unknown --planner '" + planner + "' (expected cem or mppi)");
      }
      plannerFile = dir.resolve("planner").resolve(planner + ".yaml");
      plannerName = planner;
    }
    if (!Files.isRegularFile(plannerFile)) {
      throw new IllegalArgumentException("planner config " + plannerFile + " not found");
    }
    PlannerConfig pc = PlannerConfig.load(plannerFile);
    LockStepPlant.wholeRatio(CONTROL_PERIOD_S, oracleDtS, "control period", "--oracle-dt step");
    if (!Files.isDirectory(modelDir)) {
      throw new IllegalArgumentException("--model: no checkpoint folder at " + modelDir);
    }
    CheckpointMetadata meta = Checkpoints.readMetadata(modelDir);
    int dof = r.model().dof();
    if (meta.actionDim() != dof) {
      throw new IllegalArgumentException(
          "--model "
              + modelDir
              + ": its actions have "
              + meta.actionDim()
              + " dimensions but "
              + robot
              + " has "
              + dof
              + " joints "
              + r.model().jointNames());
    }
    if (meta.jointNames() != null
        && !meta.jointNames().isEmpty()
        && !meta.jointNames().equals(r.model().jointNames())) {
      throw new IllegalArgumentException(
          "--model "
              + modelDir
              + ": trained on joints "
              + meta.jointNames()
              + ", but "
              + robot
              + " has "
              + r.model().jointNames());
    }
    checkImageFitsScene(
        meta.config().imageWidth(), meta.config().imageHeight(), r.scene(), modelDir.toString());
    int maxSteps = steps != null ? steps : defaultSteps(robot);
    int refEpisodes = oracleEpisodes != null ? Math.min(oracleEpisodes, episodes) : episodes;
    LatentRoadmap roadmap =
        noRoadmap ? null : LatentRoadmap.loadFor(modelDir, meta.config().latentDim());
    WorldModel model = WorldModels.load(modelDir);
    return new Setup(r, pc, plannerName, maxSteps, refs, refEpisodes, arm7, roadmap, model);
  }

  /**
   * Checks that a model taking {@code widthPx x heightPx} images can be fed {@code scene}'s image
   * at that size: the width divides among the scene's views and the image has the scene's shape
   * (width to height), so every view keeps its own. A model trained on another scene (e.g. one
   * 64x64 view against a two-view scene) fails here instead of seeing distorted views.
   */
  static void checkImageFitsScene(int widthPx, int heightPx, Scene scene, String model) {
    String views =
        scene.viewCount()
            + (scene.viewCount() == 1 ? " view" : " views side by side")
            + ", "
            + scene.imageWidthPx()
            + "x"
            + scene.imageHeightPx();
    try {
      scene.withImageSize(widthPx, heightPx);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--model "
              + model
              + " takes "
              + widthPx
              + "x"
              + heightPx
              + " images: "
              + e.getMessage()
              + " (give the model's scene with --scene)");
    }
    if ((long) widthPx * scene.imageHeightPx() != (long) heightPx * scene.imageWidthPx()) {
      throw new IllegalArgumentException(
          "--model "
              + model
              + " takes "
              + widthPx
              + "x"
              + heightPx
              + " images, but the scene renders "
              + views
              + ": another shape, so the model was trained on another scene (give the model's"
              + " scene with --scene)");
    }
  }

  private static void checkOutputFile(Path file, String option) {
    if (file == null) {
      return;
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new IllegalArgumentException(option + ": directory " + parent + " does not exist");
    }
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(option + ": " + file + " is a directory");
    }
  }

  /**
   * The default step limit: 80 for reacher2 (its joints span up to 5 rad inside the margins, 50
   * steps at the 0.1 rad action bound, plus settling), 100 for arm7 (its joints span up to 5.6
   * rad).
   */
  static int defaultSteps(String robotName) {
    return "arm7".equals(robotName) ? 100 : 80;
  }

  static List<String> parseReferences(String value) {
    Set<String> out = new LinkedHashSet<>();
    if ("none".equals(value.trim())) {
      return List.of();
    }
    for (String part : value.split(",")) {
      String p = part.trim();
      if (!"oracle".equals(p) && !"random".equals(p)) {
        throw new IllegalArgumentException(
            "--references: unknown reference '"
                + p
                + "' (expected a comma list of oracle, random; or none)");
      }
      out.add(p);
    }
    return new ArrayList<>(out);
  }

  private static RobotModel loadArm7(Path dir) throws IOException {
    Path file = dir.resolve("robots").resolve("arm7.urdf");
    try {
      return RobotModel.fromUrdf(file);
    } catch (UrdfException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private EvalReport run(Setup s, WorldModel model, TraceWriter traceWriter) {
    RobotModel robotModel = s.robot.model();
    int dof = robotModel.dof();
    double physicsDtS = WorldOptions.defaults().timeStepS();
    LockStepPlant plant =
        new LockStepPlant(robotModel, s.robot.controller(), physicsDtS, CONTROL_PERIOD_S);
    SuccessCriterion success = new SuccessCriterion(robotModel, s.arm7);
    Scene scene = s.robot.scene();
    double floor = scene.floor() != null ? scene.floor().heightM() : Double.NEGATIVE_INFINITY;
    List<EpisodeSpec> specs =
        new EpisodeSampler(plant, success, floor)
            .sample(
                episodes, seed, goalRadiusRad != null ? goalRadiusRad : Double.POSITIVE_INFINITY);
    ClosedLoopEvaluator evaluator =
        new ClosedLoopEvaluator(plant, success, s.maxSteps, fullEpisodes);
    LongSupplier clock = wallBudget ? System::nanoTime : plant::timeNanos;
    CostConfig.JointLimitCostFactory limits =
        (margin, weight) -> JointLimitCost.fromRobot(robotModel, margin, weight);
    String plannerDescription =
        describe(s.plannerName, s.planner)
            + (s.roadmap != null
                ? String.format(
                    Locale.ROOT,
                    " + roadmap (%d nodes, lookahead %.2f)",
                    s.roadmap.nodeCount(),
                    s.roadmap.lookahead())
                : "");
    stdout.printf(
        Locale.ROOT,
        "eval: %s, success threshold %.4f m (%s), %d episodes, at most %d steps, planner %s%n",
        s.robot.name(),
        success.thresholdM(),
        success.endEffectorName(),
        episodes,
        s.maxSteps,
        plannerDescription);
    ClosedLoopEvaluator.Progress progress = this::progress;
    List<MethodResult> results = new ArrayList<>();

    Scene sized = scene.withImageSize(model.imageWidth(), model.imageHeight());
    ModelPolicy modelPolicy = new ModelPolicy(model, CameraRenderer.create(robotModel, sized), dof);
    Planner modelPlanner = s.planner.create(LatentDynamics.of(model), limits, clock);
    modelPolicy.setPlanner(
        s.roadmap != null ? Planners.withRoadmap(modelPlanner, s.roadmap) : modelPlanner);
    modelPolicy.setReadout(model.stateReadout());
    results.add(evaluator.run(modelPolicy, specs, progress, traceWriter));

    List<EpisodeSpec> oracleSpecs = specs.subList(0, s.oracleEpisodes);
    for (String ref : s.references) {
      if ("oracle".equals(ref)) {
        try (OracleDynamics dynamics =
            new OracleDynamics(
                () ->
                    new LockStepPlant(
                        robotModel, s.robot.controller(), oracleDtS, CONTROL_PERIOD_S),
                oracleThreads)) {
          OraclePolicy oracle = new OraclePolicy();
          oracle.setPlanner(s.planner.create(dynamics, limits, clock));
          results.add(evaluator.run(oracle, oracleSpecs, progress, traceWriter));
        }
      } else {
        results.add(
            evaluator.run(
                new RandomPolicy(s.planner.actionLimitRad(), seed), specs, progress, traceWriter));
      }
    }
    return new EvalReport(
        new EvalReport.Settings(
            s.robot.name(),
            modelDir.toString(),
            model.modelId(),
            episodes,
            seed,
            s.maxSteps,
            CONTROL_PERIOD_S,
            plannerDescription,
            wallBudget ? "wall" : "sim",
            success.thresholdM(),
            success.endEffectorName(),
            success.reachM(),
            success.referenceReachM(),
            physicsDtS,
            s.references.contains("oracle") ? oracleDtS : Double.NaN,
            goalRadiusRad != null ? goalRadiusRad : Double.POSITIVE_INFINITY,
            fullEpisodes),
        results);
  }

  private static String describe(String name, PlannerConfig pc) {
    int samples = pc.cem() != null ? pc.cem().samples() : pc.mppi().samples();
    int iterations = pc.cem() != null ? pc.cem().iterations() : pc.mppi().iterations();
    return String.format(
        Locale.ROOT,
        "%s (%s, %d samples x horizon %d x %d iterations, |delta| <= %.3f rad)",
        name,
        pc.algorithm(),
        samples,
        pc.horizon(),
        iterations,
        pc.actionLimitRad());
  }

  private void progress(String method, int done, int total, EpisodeOutcome o) {
    stderr.printf(
        Locale.ROOT,
        "eval %s %d/%d: %s after %d steps, end-effector error %.4f m (start %.4f m)%n",
        method,
        done,
        total,
        o.success() ? "success" : "failure",
        o.steps(),
        o.finalErrorM(),
        o.startErrorM());
  }

  private static Path defaultConfigs() {
    String home = System.getProperty("latentmpc.home");
    return (home != null ? Path.of(home) : Path.of("")).resolve("sim-configs");
  }

  /** Runs the command. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new EvalCommand()).execute(args));
  }
}
