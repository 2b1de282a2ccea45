package org.latentmpc.worldmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.worldmodel.internal.cli.EvalModelCommand;
import org.latentmpc.worldmodel.internal.cli.TrainCommand;
import org.latentmpc.worldmodel.internal.data.EpisodeBagWriter;
import org.latentmpc.worldmodel.internal.data.MovingDots;
import picocli.CommandLine;

/** train and eval-model end to end on bags of synthetic episodes, with the shipped tiny config. */
class CommandsTest {

  static final Path TINY = Path.of("..", "sim-configs", "models", "tiny.yaml");

  record Run(int code, String out, String err) {}

  static Run run(Object command, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    Object cmd =
        command == TrainCommand.class ? new TrainCommand(o, e) : new EvalModelCommand(o, e);
    int code = new CommandLine(cmd).setErr(new java.io.PrintWriter(e, true)).execute(args);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void trainThenEvaluateFromBags(@TempDir Path dir) throws Exception {
    assertTrue(Files.isRegularFile(TINY), "shipped config " + TINY.toAbsolutePath());
    Path config = dir.resolve("tiny.yaml");
    Files.writeString(
        config,
        Files.readString(TINY)
            .replace("epochs: 3", "epochs: 1")
            .replace("steps_per_epoch: 60", "steps_per_epoch: 5"));
    MovingDots dots = new MovingDots(32, 32, 0.08);
    Path train = dir.resolve("train.bag");
    Path held = dir.resolve("held.bag");
    EpisodeBagWriter.write(dots.generate(4, 20, 1), train, BagTopics.DEFAULTS, 0.1);
    EpisodeBagWriter.write(dots.generate(4, 20, 2), held, BagTopics.DEFAULTS, 0.1);
    Path model = dir.resolve("model");
    Run t =
        run(
            TrainCommand.class,
            "--data",
            train.toString(),
            "--config",
            config.toString(),
            "--out",
            model.toString());
    assertEquals(0, t.code(), t.out() + t.err());
    assertTrue(t.out().contains("epoch 1/1 step 5/5"), t.out());
    assertTrue(t.out().contains("ETA"), t.out());
    assertTrue(Files.isRegularFile(model.resolve("metadata.json")));

    Run again =
        run(
            TrainCommand.class,
            "--data",
            train.toString(),
            "--config",
            config.toString(),
            "--out",
            model.toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("--resume"), again.err());

    Run wrongRobot =
        run(
            EvalModelCommand.class,
            "--model",
            model.toString(),
            "--data",
            held.toString(),
            "--robot",
            "reacher2",
            "--configs",
            TINY.getParent().getParent().toString());
    assertEquals(2, wrongRobot.code(), wrongRobot.out() + wrongRobot.err());
    assertTrue(
        wrongRobot.err().contains("joint 'x' is not a moving joint of reacher2"), wrongRobot.err());
    Run e = run(EvalModelCommand.class, "--model", model.toString(), "--data", held.toString());
    assertEquals(0, e.code(), e.out() + e.err());
    assertTrue(e.out().contains("8-step normalised error"), e.out());
    JsonObject json =
        JsonParser.parseString(Files.readString(model.resolve("eval/eval.json"))).getAsJsonObject();
    assertEquals(4, json.getAsJsonObject("k_step_normalised_error").size());
    assertEquals(2, json.getAsJsonObject("probe_r2").size());
    for (String png :
        new String[] {
          "k_step_error.png", "latent_std.png", "singular_values.png", "probe.png", "energy.png"
        }) {
      assertTrue(ImageIO.read(model.resolve("eval").resolve(png).toFile()).getWidth() > 0, png);
    }
  }

  @Test
  void badInputsGiveClearErrors(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, "latent_dim: 16\nlatnet: 3\n");
    Path bag = dir.resolve("d.bag");
    EpisodeBagWriter.write(
        new MovingDots(32, 32, 0.08).generate(2, 5, 1), bag, BagTopics.DEFAULTS, 0.1);
    Run t =
        run(
            TrainCommand.class,
            "--data",
            bag.toString(),
            "--config",
            config.toString(),
            "--out",
            dir.resolve("m").toString());
    assertEquals(2, t.code());
    assertTrue(t.err().contains("unknown key 'latnet'"), t.err());
    Run missingBag =
        run(
            TrainCommand.class,
            "--data",
            dir.resolve("missing.bag").toString(),
            "--config",
            TINY.toString(),
            "--out",
            dir.resolve("m").toString());
    assertEquals(2, missingBag.code(), missingBag.out() + missingBag.err());
    assertTrue(missingBag.err().contains("missing.bag: no such bag file"), missingBag.err());
    Run wrongTopic =
        run(
            TrainCommand.class,
            "--data",
            bag.toString(),
            "--config",
            TINY.toString(),
            "--out",
            dir.resolve("m").toString(),
            "--action-topic",
            "/arm_controller/group_command");
    assertEquals(2, wrongTopic.code());
    assertTrue(wrongTopic.err().contains("the bag has: "), wrongTopic.err());
    Run wrongKind =
        run(
            TrainCommand.class,
            "--data",
            bag.toString(),
            "--config",
            TINY.toString(),
            "--out",
            dir.resolve("m").toString(),
            "--action-kind",
            "sideways");
    assertEquals(2, wrongKind.code());
    assertTrue(wrongKind.err().contains("use delta or target"), wrongKind.err());
    Path probe = dir.resolve("probe.yaml");
    Files.writeString(
        probe, Files.readString(TINY) + "\nstate_probe_weight: 1.0\nstate_probe: end_effector\n");
    Run noRobot =
        run(
            TrainCommand.class,
            "--data",
            bag.toString(),
            "--config",
            probe.toString(),
            "--out",
            dir.resolve("m").toString());
    assertEquals(2, noRobot.code(), noRobot.out() + noRobot.err());
    assertTrue(noRobot.err().contains("needs the robot model (train --robot)"), noRobot.err());
    Run wrongRobot =
        run(
            TrainCommand.class,
            "--data",
            bag.toString(),
            "--config",
            probe.toString(),
            "--out",
            dir.resolve("m").toString(),
            "--robot",
            "reacher2",
            "--configs",
            TINY.getParent().getParent().toString());
    assertEquals(2, wrongRobot.code(), wrongRobot.out() + wrongRobot.err());
    assertTrue(wrongRobot.err().contains("is not a moving joint of reacher2"), wrongRobot.err());
    Run noStart =
        run(
            TrainCommand.class,
            "--data",
            bag.toString(),
            "--config",
            TINY.toString(),
            "--out",
            dir.resolve("m").toString(),
            "--init-from",
            dir.resolve("nowhere").toString());
    assertEquals(2, noStart.code(), noStart.out() + noStart.err());
    assertTrue(noStart.err().contains("no checkpoint folder"), noStart.err());
    Run noModel =
        run(
            EvalModelCommand.class,
            "--model",
            dir.resolve("none").toString(),
            "--data",
            bag.toString());
    assertEquals(2, noModel.code());
    assertTrue(noModel.err().contains("no checkpoint"), noModel.err());
    assertTrue(Files.notExists(dir.resolve("m")));
  }

  @Test
  void endEffectorProbeTargetIsTheFingertipByJointName() throws Exception {
    org.latentmpc.robot.RobotModel reacher =
        org.latentmpc.robot.RobotModel.fromUrdf(
            TINY.getParent().getParent().resolve("robots/reacher2.urdf"));
    // The data lists the joints in the other order: matched by name.
    java.util.function.Function<double[], double[]> ee =
        EvalModelCommand.endEffector(reacher, java.util.List.of("joint2", "joint1"));
    double[] straight = ee.apply(new double[] {0, 0});
    assertEquals(0.22, straight[0], 1e-9); // upper arm 0.12 m + forearm 0.10 m
    assertEquals(0.0, straight[1], 1e-9);
    double[] bent = ee.apply(new double[] {Math.PI / 2, 0}); // joint2 = 90 deg, joint1 = 0
    assertEquals(0.12, bent[0], 1e-9);
    assertEquals(0.10, bent[1], 1e-9);
  }
}
