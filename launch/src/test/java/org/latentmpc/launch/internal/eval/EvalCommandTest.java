package org.latentmpc.launch.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.planner.LatentRoadmap;
import org.latentmpc.planner.internal.cli.RoadmapCommand;
import org.latentmpc.worldmodel.internal.cli.TrainCommand;
import org.latentmpc.worldmodel.internal.collect.CollectRobot;
import org.latentmpc.worldmodel.internal.collect.DataCollector;
import picocli.CommandLine;

/**
 * {@code latent-mpc eval} end to end with a tiny reacher2 world model trained here on data
 * collected here: short episodes for the model and both references give a well-formed table and
 * JSON; bad input exits with 2 and a message naming the problem.
 */
class EvalCommandTest {
  static final Path CONFIGS = Path.of("..", "sim-configs");

  @TempDir static Path dir;
  static Path model;
  static Path smallPlanner;
  static Path bag;

  record Run(int code, String out, String err) {}

  static Run run(Object command, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    Object cmd =
        command == TrainCommand.class
            ? new TrainCommand(o, e)
            : command == RoadmapCommand.class ? new RoadmapCommand(o, e) : new EvalCommand(o, e);
    int code = new CommandLine(cmd).setErr(new PrintWriter(e, true)).execute(args);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Collects a small reacher2 bag (32x32 images) and trains the shipped tiny config briefly. */
  @BeforeAll
  static void trainTinyModel() throws Exception {
    CollectRobot robot = CollectRobot.load("reacher2", CONFIGS);
    bag = dir.resolve("reacher2.bag");
    new DataCollector(robot, new DataCollector.Options(4, 15, 3, 10, 0.1, 0.8, 0.1, 1.0, 32, 32))
        .collect(bag, (e, k, s, n) -> {});
    Path config = dir.resolve("tiny.yaml");
    Files.writeString(
        config,
        Files.readString(CONFIGS.resolve("models").resolve("tiny.yaml"))
            .replace("epochs: 3", "epochs: 1")
            .replace("steps_per_epoch: 60", "steps_per_epoch: 3"));
    model = dir.resolve("model");
    Run t =
        run(
            TrainCommand.class,
            "--data",
            bag.toString(),
            "--config",
            config.toString(),
            "--out",
            model.toString(),
            "--action-topic",
            "/collect/action");
    assertEquals(0, t.code(), t.out() + t.err());
    smallPlanner = dir.resolve("small-cem.yaml");
    Files.writeString(
        smallPlanner,
        Files.readString(CONFIGS.resolve("planner").resolve("cem.yaml"))
            .replace("horizon: 10 ", "horizon: 3 ")
            .replace("samples: 256", "samples: 16")
            .replace("iterations: 4", "iterations: 2")
            .replace("elites: 32", "elites: 4")
            .replace("eliteCarryOver: 4", "eliteCarryOver: 1"));
  }

  @Test
  void shortEpisodesGiveATableAndJson() throws Exception {
    Path json = dir.resolve("eval.json");
    Path trace = dir.resolve("trace.csv");
    Run r =
        run(
            EvalCommand.class,
            "--robot",
            "reacher2",
            "--model",
            model.toString(),
            "--episodes",
            "2",
            "--steps",
            "3",
            "--seed",
            "5",
            "--planner-config",
            smallPlanner.toString(),
            "--configs",
            CONFIGS.toString(),
            "--oracle-threads",
            "2",
            "--oracle-episodes",
            "1",
            "--json",
            json.toString(),
            "--trace",
            trace.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    for (String method : new String[] {"model", "oracle", "random"}) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith(method + " ")), method + r.out());
      assertEquals(
          method.equals("oracle") ? 1 : 2,
          r.err().lines().filter(l -> l.startsWith("eval " + method + " ")).count(),
          r.err());
    }
    assertTrue(r.out().contains("success threshold 0.0081 m (fingertip)"), r.out());
    assertTrue(r.out().contains("plan p95 ms"), r.out());

    JsonObject root = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    assertEquals("reacher2", root.get("robot").getAsString());
    assertEquals(3, root.get("max_steps").getAsInt());
    assertEquals(0.0081, root.get("success_threshold_m").getAsDouble(), 1e-4);
    JsonObject methods = root.getAsJsonObject("methods");
    assertEquals(3, methods.size());
    for (String method : new String[] {"model", "oracle", "random"}) {
      JsonObject m = methods.getAsJsonObject(method);
      int episodes = method.equals("oracle") ? 1 : 2;
      assertEquals(episodes, m.get("episodes").getAsInt(), method);
      assertEquals(episodes, m.getAsJsonArray("episode_results").size(), method);
      double rate = m.get("success_rate").getAsDouble();
      assertTrue(rate >= 0 && rate <= 1, method);
      assertEquals(m.get("successes").getAsInt(), rate * episodes, 1e-9, method);
      assertTrue(m.get("median_final_error_m").getAsDouble() >= 0, method);
      if (method.equals("random")) {
        assertTrue(m.get("plan_time_p50_ms").isJsonNull());
        assertEquals(0, m.get("plan_calls").getAsInt());
      } else {
        assertTrue(m.get("plan_calls").getAsInt() >= 2, method);
        assertTrue(
            m.get("plan_time_p95_ms").getAsDouble() >= m.get("plan_time_p50_ms").getAsDouble());
      }
    }
    // The same episodes for every method: the same start errors.
    for (int e = 0; e < 2; e++) {
      double start =
          methods
              .getAsJsonObject("model")
              .getAsJsonArray("episode_results")
              .get(e)
              .getAsJsonObject()
              .get("start_error_m")
              .getAsDouble();
      for (String method : e == 0 ? new String[] {"oracle", "random"} : new String[] {"random"}) {
        assertEquals(
            start,
            methods
                .getAsJsonObject(method)
                .getAsJsonArray("episode_results")
                .get(e)
                .getAsJsonObject()
                .get("start_error_m")
                .getAsDouble());
      }
    }
    // The trace: one row per control step of every method; its last row per episode is the
    // episode's final error; only planning methods have a latent distance and a plan cost.
    List<String> rows = Files.readAllLines(trace);
    assertEquals(TraceWriter.HEADER, rows.get(0));
    int stepsTotal = 0;
    for (String method : new String[] {"model", "oracle", "random"}) {
      for (var ep : methods.getAsJsonObject(method).getAsJsonArray("episode_results")) {
        JsonObject o = ep.getAsJsonObject();
        int steps = o.get("steps").getAsInt();
        stepsTotal += steps;
        String prefix = method + "," + o.get("index").getAsInt() + "," + steps + ",";
        String last =
            rows.stream()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + prefix + " in " + rows));
        String[] f = last.split(",");
        assertEquals(o.get("final_error_m").getAsDouble(), Double.parseDouble(f[3]), 1e-5, last);
        double maxDelta = Double.parseDouble(f[4]);
        assertTrue(maxDelta >= 0 && maxDelta <= 0.1 + 1e-9, last);
        assertEquals(
            method.equals("random"), Double.isNaN(Double.parseDouble(f[5])), "distance " + last);
        assertTrue(
            Double.isNaN(Double.parseDouble(f[6])), "the tiny model has no readout: " + last);
        assertEquals(method.equals("random"), Double.isNaN(Double.parseDouble(f[7])), last);
      }
    }
    assertEquals(stepsTotal + 1, rows.size(), "one row per step plus the header");

    // Every episode records its joint configurations: start, goal and final, one per joint.
    for (String method : new String[] {"model", "oracle", "random"}) {
      JsonObject first =
          methods
              .getAsJsonObject(method)
              .getAsJsonArray("episode_results")
              .get(0)
              .getAsJsonObject();
      for (String key : new String[] {"start_rad", "goal_rad", "final_rad"}) {
        assertEquals(2, first.getAsJsonArray(key).size(), method + " " + key);
      }
      assertEquals(
          first.getAsJsonArray("goal_rad"),
          methods
              .getAsJsonObject("model")
              .getAsJsonArray("episode_results")
              .get(0)
              .getAsJsonObject()
              .getAsJsonArray("goal_rad"),
          "the same goal for every method");
    }
  }

  @Test
  void referencesNoneRunsTheModelOnlyWithNearGoalsAndTheWallClock() {
    Run r =
        run(
            EvalCommand.class,
            "--robot",
            "reacher2",
            "--model",
            model.toString(),
            "--episodes",
            "1",
            "--steps",
            "2",
            "--planner-config",
            smallPlanner.toString(),
            "--configs",
            CONFIGS.toString(),
            "--references",
            "none",
            "--goal-radius",
            "0.5",
            "--wall-budget",
            "--full-episodes",
            "--scene",
            CONFIGS.resolve("scenes").resolve("reacher2.yaml").toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("model ")), r.out());
    assertFalse(r.out().lines().anyMatch(l -> l.startsWith("oracle ")), r.out());
    assertFalse(r.out().lines().anyMatch(l -> l.startsWith("random ")), r.out());
    assertTrue(r.out().contains("goals within 0.500 rad per joint of the start"), r.out());
    assertTrue(r.out().contains("(plan clock: wall)"), r.out());
    assertTrue(r.out().contains("episodes ran to the step limit"), r.out());
    assertTrue(
        r.out().lines().anyMatch(l -> l.startsWith("method") && l.endsWith("held")), r.out());
  }

  @Test
  void aRoadmapBuiltFromTheBagIsFollowedByEval() throws Exception {
    Path withRoadmap = dir.resolve("model-roadmap");
    Files.createDirectories(withRoadmap);
    try (var files = Files.list(model)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f)) {
          Files.copy(f, withRoadmap.resolve(f.getFileName()));
        }
      }
    }
    Run built =
        run(
            RoadmapCommand.class,
            "--model",
            withRoadmap.toString(),
            "--data",
            bag.toString(),
            "--nodes",
            "30");
    assertEquals(0, built.code(), built.out() + built.err());
    // 4 episodes of 16 frames, every 3rd frame: 6 nodes per episode.
    assertTrue(built.out().startsWith("roadmap: 24 nodes (every 3-th of 64 frames"), built.out());
    LatentRoadmap roadmap = LatentRoadmap.load(LatentRoadmap.fileIn(withRoadmap));
    assertEquals(24, roadmap.nodeCount());
    assertTrue(roadmap.lookahead() > roadmap.maxEdge(), "lookahead " + roadmap.lookahead());

    String[] evalArgs = {
      "--robot",
      "reacher2",
      "--model",
      withRoadmap.toString(),
      "--episodes",
      "1",
      "--steps",
      "2",
      "--planner-config",
      smallPlanner.toString(),
      "--configs",
      CONFIGS.toString(),
      "--references",
      "none"
    };
    Run r = run(EvalCommand.class, evalArgs);
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("+ roadmap (24 nodes, lookahead"), r.out());
    String[] without = java.util.Arrays.copyOf(evalArgs, evalArgs.length + 1);
    without[evalArgs.length] = "--no-roadmap";
    Run plain = run(EvalCommand.class, without);
    assertEquals(0, plain.code(), plain.out() + plain.err());
    assertFalse(plain.out().contains("+ roadmap"), plain.out());

    Run bad =
        run(
            RoadmapCommand.class,
            "--model",
            dir.resolve("missing").toString(),
            "--data",
            bag.toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("no checkpoint folder at"), bad.err());
    Run badFraction =
        run(
            RoadmapCommand.class,
            "--model",
            withRoadmap.toString(),
            "--data",
            bag.toString(),
            "--lookahead",
            "-1");
    assertEquals(2, badFraction.code());
    assertTrue(badFraction.err().contains("--lookahead must be > 0"), badFraction.err());

    // A roadmap of another latent size is refused before anything runs.
    new LatentRoadmap(new float[] {0f, 1f, 2f}, null, 1, 1, 1.5, 2.0)
        .save(LatentRoadmap.fileIn(withRoadmap));
    Run mismatch = run(EvalCommand.class, evalArgs);
    assertEquals(2, mismatch.code());
    assertTrue(mismatch.err().contains("its latents have 1 dimensions"), mismatch.err());
  }

  @Test
  void badInputExitsWithTwoAndAClearMessage() {
    String m = model.toString();
    assertBad("unknown robot 'ur5'", "--robot", "ur5", "--model", m, "--episodes", "1");
    assertBad(
        "no checkpoint folder at",
        "--robot",
        "reacher2",
        "--model",
        dir.resolve("missing").toString(),
        "--episodes",
        "1");
    assertBad(
        "its actions have 2 dimensions but arm7 has 7 joints",
        "--robot",
        "arm7",
        "--model",
        m,
        "--episodes",
        "1");
    assertBad(
        "--episodes must be positive", "--robot", "reacher2", "--model", m, "--episodes", "0");
    assertBad(
        "unknown reference 'oracel'",
        "--robot",
        "reacher2",
        "--model",
        m,
        "--episodes",
        "1",
        "--references",
        "oracel,random");
    assertBad(
        "unknown --planner 'ilqr'",
        "--robot",
        "reacher2",
        "--model",
        m,
        "--episodes",
        "1",
        "--planner",
        "ilqr");
    assertBad(
        "--json: directory",
        "--robot",
        "reacher2",
        "--model",
        m,
        "--episodes",
        "1",
        "--json",
        dir.resolve("no-such-dir").resolve("x.json").toString());
    assertBad(
        "--trace: " + dir + " is a directory",
        "--robot",
        "reacher2",
        "--model",
        m,
        "--episodes",
        "1",
        "--trace",
        dir.toString());
    assertBad(
        "--goal-radius must be > 0 rad",
        "--robot",
        "reacher2",
        "--model",
        m,
        "--episodes",
        "1",
        "--goal-radius",
        "-1");
    assertBad(
        "is not a whole number",
        "--robot",
        "reacher2",
        "--model",
        m,
        "--episodes",
        "1",
        "--oracle-dt",
        "0.003");
  }

  @Test
  void aSceneMustBeTheRobotsAndFitTheModelsImages() throws Exception {
    String m = model.toString();
    Path twoViews = dir.resolve("reacher2_two_views.yaml");
    Files.writeString(
        twoViews,
        "robot: "
            + CONFIGS.resolve("robots/reacher2.urdf").toAbsolutePath()
            + "\ncamera: {position: [0, 0, 0.8], look_at: [0, 0, 0], up: [0, 1, 0]}\n"
            + "extra_views: [{position: [0.8, 0, 0.4], look_at: [0, 0, 0], up: [0, 0, 1]}]\n");
    assertBad(
        "takes 32x32 images, but the scene renders 2 views side by side, 128x64: another shape",
        "--robot",
        "reacher2",
        "--model",
        m,
        "--episodes",
        "1",
        "--scene",
        twoViews.toString());
    assertBad(
        "is a scene for robot 'arm7'",
        "--robot",
        "reacher2",
        "--model",
        m,
        "--episodes",
        "1",
        "--scene",
        CONFIGS.resolve("scenes/arm7_two_views.yaml").toString());
    assertBad(
        "--scene: scene file",
        "--robot",
        "reacher2",
        "--model",
        m,
        "--episodes",
        "1",
        "--scene",
        dir.resolve("nothing.yaml").toString());

    org.latentmpc.sim.Scene two =
        org.latentmpc.sim.Scene.load(CONFIGS.resolve("scenes/arm7_two_views.yaml"));
    EvalCommand.checkImageFitsScene(128, 64, two, "m");
    EvalCommand.checkImageFitsScene(256, 128, two, "m");
    String e =
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> EvalCommand.checkImageFitsScene(64, 64, two, "m"))
            .getMessage();
    assertTrue(e.contains("another shape") && e.contains("--scene"), e);
    e =
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> EvalCommand.checkImageFitsScene(129, 64, two, "m"))
            .getMessage();
    assertTrue(e.contains("not a multiple of the scene's 2 views"), e);
  }

  private static void assertBad(String message, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--configs";
    all[args.length + 1] = CONFIGS.toString();
    Run r = run(EvalCommand.class, all);
    assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
    assertTrue(r.err().contains(message), "expected '" + message + "' in: " + r.err());
    assertTrue(r.err().startsWith("eval: "), r.err());
  }
}
