package org.latentmpc.worldmodel.internal.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.ros.BagMessage;
import org.latentmpc.ros.msgs.sensor_msgs.Image;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.sim.CameraRenderer;
import org.latentmpc.sim.Scene;
import org.latentmpc.worldmodel.BagDatasetReader;
import org.latentmpc.worldmodel.BagTopics;
import org.latentmpc.worldmodel.ModelConfig;
import org.latentmpc.worldmodel.SequenceDataset;
import org.latentmpc.worldmodel.Trainer;
import picocli.CommandLine;

/** The picocli command: a run with the progress bar, arm7 with gravity, and bad arguments. */
class CollectCommandTest {
  /** arm7 under gravity must stay near its targets (gravity compensation + PID). */
  static final double ARM7_TRACKING_RAD = 0.05;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new CollectCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler(
        (e, c, p) -> {
          c.getErr().println("collect: error: " + e.getMessage());
          return 1;
        });
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void arm7RunWithProgressBarHoldsAgainstGravity(@TempDir Path dir) throws Exception {
    Path bag = dir.resolve("arm7.bag");
    Run r =
        run(
            "--robot",
            "arm7",
            "--episodes",
            "1",
            "--steps",
            "10",
            "--seed",
            "3",
            "--out",
            bag.toString(),
            "--configs",
            DataCollectorTest.CONFIGS.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("11 samples, 10 actions"), r.out());
    assertTrue(r.err().contains("episode 1/1 step 10/10"), r.err());
    assertTrue(r.err().contains("sim steps/s") && r.err().contains("ETA"), r.err());
    List<BagMessage> all = DataCollectorTest.messages(bag);
    List<BagMessage> states = DataCollectorTest.on(all, "/joint_states");
    List<BagMessage> targets = DataCollectorTest.on(all, "/arm_controller/group_command");
    double[] lastTarget = targets.get(9).decode(Float64MultiArray.TYPE).getData();
    double[] q = states.get(10).decode(JointState.TYPE).getPosition();
    assertEquals(7, q.length);
    for (int j = 0; j < 7; j++) {
      assertEquals(lastTarget[j], q[j], ARM7_TRACKING_RAD, "joint " + j);
    }
  }

  static final Path TWO_VIEWS = DataCollectorTest.CONFIGS.resolve("scenes/arm7_two_views.yaml");

  @Test
  void twoViewSceneRecordsTiledImagesThatTheTwoViewConfigTrainsOn(@TempDir Path dir)
      throws Exception {
    Path bag = dir.resolve("two.bag");
    Run r =
        run(
            "--robot",
            "arm7",
            "--scene",
            TWO_VIEWS.toString(),
            "--episodes",
            "3",
            "--steps",
            "6",
            "--seed",
            "4",
            "--quiet",
            "--out",
            bag.toString(),
            "--configs",
            DataCollectorTest.CONFIGS.toString());
    assertEquals(0, r.exit(), r.err());
    List<BagMessage> all = DataCollectorTest.messages(bag);
    List<BagMessage> images = DataCollectorTest.on(all, "/camera/image_raw");
    List<BagMessage> states = DataCollectorTest.on(all, "/joint_states");
    assertEquals(21, images.size());
    Scene scene = Scene.load(TWO_VIEWS);
    RobotModel model = RobotModel.fromUrdf(scene.robotFile());
    CameraRenderer renderer = CameraRenderer.create(model, scene);
    byte[] expected = new byte[3 * 96 * 48];
    for (int i : new int[] {0, 10, 20}) {
      Image image = images.get(i).decode(Image.TYPE);
      assertEquals(96, image.getWidth(), "two 48x48 views side by side");
      assertEquals(48, image.getHeight());
      assertEquals(3 * 96, image.getStep());
      renderer.render(states.get(i).decode(JointState.TYPE).getPosition(), expected);
      org.junit.jupiter.api.Assertions.assertArrayEquals(expected, image.getData(), "image " + i);
    }

    // The two-view stage-1 config reads this bag and trains (one step of a shrunk network).
    SequenceDataset data = new BagDatasetReader(BagTopics.DEFAULTS, 96, 48).read(List.of(bag));
    assertEquals(3, data.episodes().size());
    ModelConfig config =
        ModelConfig.load(DataCollectorTest.CONFIGS.resolve("models/arm7-two-views-pretrain.yaml"));
    assertEquals(96, config.imageWidth());
    assertEquals(48, config.imageHeight());
    ModelConfig small =
        config.with(
            Map.ofEntries(
                Map.entry("latent_dim", 8),
                Map.entry("encoder_channels", List.of(4, 4, 4, 4)),
                Map.entry("predictor_width", 16),
                Map.entry("horizon", 2),
                Map.entry("batch_size", 4),
                Map.entry("epochs", 1),
                Map.entry("steps_per_epoch", 1),
                Map.entry("validation_fraction", 0.34)));
    Trainer.Result result =
        new Trainer(
                small,
                dir.resolve("ckpt"),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
            .train(data, false);
    assertEquals(1, result.epochs().size());
    assertTrue(Double.isFinite(result.firstLoss()));
  }

  @Test
  void sceneAndImageSizeErrorsNameTheOption(@TempDir Path dir) throws Exception {
    Path bag = dir.resolve("x.bag");
    String configs = DataCollectorTest.CONFIGS.toString();
    String[][] cases = {
      {"--robot", "arm7", "--scene", dir.resolve("none.yaml").toString()},
      {"--robot", "reacher2", "--scene", TWO_VIEWS.toString()},
      {"--robot", "arm7", "--scene", TWO_VIEWS.toString(), "--image-size", "129x64"},
      {"--robot", "arm7", "--scene", writeScene(dir, "norobot.yaml", "ambient: 0.5\n").toString()},
      {"--robot", "arm7", "--scene", writeScene(dir, "bad.yaml", "extra_views: 3\n").toString()},
    };
    String[] expected = {
      "--scene: scene file",
      "is a scene for robot 'arm7'",
      "--image-size: image width 129 px is not a multiple of the scene's 2 views",
      "names no robot",
      "extra_views: expected a list",
    };
    for (int i = 0; i < cases.length; i++) {
      List<String> args = new java.util.ArrayList<>(List.of(cases[i]));
      args.addAll(
          List.of(
              "--episodes", "1", "--steps", "2", "--out", bag.toString(), "--configs", configs));
      Run r = run(args.toArray(new String[0]));
      assertEquals(1, r.exit(), r.err());
      assertTrue(r.err().contains(expected[i]), "case " + i + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertFalse(Files.exists(bag), "nothing written for case " + i);
    }
  }

  private static Path writeScene(Path dir, String name, String yaml) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void badArgumentsGiveOneLineErrorsAndWriteNothing(@TempDir Path dir) {
    Path bag = dir.resolve("x.bag");
    String configs = DataCollectorTest.CONFIGS.toString();
    String[][] cases = {
      {
        "--robot",
        "reacher9",
        "--episodes",
        "1",
        "--steps",
        "2",
        "--out",
        bag.toString(),
        "--configs",
        configs
      },
      {
        "--robot",
        "reacher2",
        "--episodes",
        "-1",
        "--steps",
        "2",
        "--out",
        bag.toString(),
        "--configs",
        configs
      },
      {
        "--robot",
        "reacher2",
        "--episodes",
        "1",
        "--steps",
        "2",
        "--policy",
        "greedy",
        "--out",
        bag.toString(),
        "--configs",
        configs
      },
      {
        "--robot",
        "reacher2",
        "--episodes",
        "1",
        "--steps",
        "2",
        "--out",
        dir.resolve("no/such/dir/x.bag").toString(),
        "--configs",
        configs
      },
      {
        "--robot",
        "reacher2",
        "--episodes",
        "1",
        "--steps",
        "2",
        "--out",
        bag.toString(),
        "--configs",
        dir.toString()
      },
      {
        "--robot",
        "reacher2",
        "--episodes",
        "1",
        "--steps",
        "2",
        "--max-delta",
        "0",
        "--out",
        bag.toString(),
        "--configs",
        configs
      },
    };
    String[] expected = {
      "unknown robot 'reacher9'",
      "--episodes must be positive",
      "unknown --policy 'greedy'",
      "does not exist",
      "scene file",
      "--max-delta must be > 0",
    };
    for (int i = 0; i < cases.length; i++) {
      Run r = run(cases[i]);
      assertEquals(1, r.exit(), r.err());
      assertTrue(r.err().contains(expected[i]), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertFalse(Files.exists(bag), "nothing written for case " + i);
    }
  }
}
