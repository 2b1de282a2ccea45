package org.latentmpc.worldmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.worldmodel.internal.model.CheckpointMetadata;
import org.latentmpc.worldmodel.internal.model.Checkpoints;

/** The training-only state probe and starting a run from another checkpoint's weights. */
class StateProbeTest {

  private static ModelConfig probed() {
    return TrainerTest.tiny()
        .with(Map.of("state_probe_weight", 1.0, "epochs", 3, "steps_per_epoch", 20));
  }

  @Test
  void theProbeLearnsTheJointStateAndTheCheckpointStillLoads(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Trainer.Result r =
        new Trainer(probed(), dir, new PrintStream(log, true, StandardCharsets.UTF_8))
            .train(TrainerTest.dots(), false);
    String text = log.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("state probe on joints (2 outputs)"), text);
    assertTrue(text.contains(" state ") && text.contains("state probe"), text);
    Trainer.EpochResult first = r.epochs().get(0);
    Trainer.EpochResult last = r.epochs().get(r.epochs().size() - 1);
    assertTrue(first.validationStateProbe() > 0, "probe error " + first.validationStateProbe());
    // Targets are standardised: 1 is no better than the mean. The probe must do far better.
    assertTrue(
        last.validationStateProbe() < 0.5 * first.trainStateProbe(),
        "probe error " + first.trainStateProbe() + " -> " + last.validationStateProbe());
    CheckpointMetadata m = Checkpoints.readMetadata(dir);
    assertTrue(m.history().get(0).containsKey("val_state_probe"));
    assertEquals(1.0, m.config().stateProbeWeight());
    try (WorldModel model = WorldModels.load(dir)) {
      Observation o = TrainerTest.dots().episodes().get(0).observation(2);
      assertEquals(16, model.encode(o).length);
      assertEquals(0, model.proprioDim(), "the encoder still takes images only");
    }
  }

  @Test
  void theProbeCanTargetTheEndEffector(@TempDir Path dir) throws Exception {
    // A stand-in for forward kinematics of the dot's "joints": a rotation and a constant height.
    java.util.function.Function<double[], double[]> fk =
        q -> new double[] {0.6 * q[0] + 0.8 * q[1], -0.8 * q[0] + 0.6 * q[1], 0.3};
    ModelConfig c = probed().with(Map.of("state_probe", "end_effector"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Trainer(c, dir.resolve("none"), QUIET).train(TrainerTest.dots(), false));
    assertTrue(e.getMessage().contains("--robot"), e.getMessage());
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Trainer.Result r =
        new Trainer(c, dir.resolve("ee"), new PrintStream(log, true, StandardCharsets.UTF_8), fk)
            .train(TrainerTest.dots(), false);
    assertTrue(
        log.toString(StandardCharsets.UTF_8).contains("state probe on end_effector (3 outputs)"));
    Trainer.EpochResult first = r.epochs().get(0);
    Trainer.EpochResult last = r.epochs().get(r.epochs().size() - 1);
    assertTrue(
        last.validationStateProbe() < 0.5 * first.trainStateProbe(),
        "probe error " + first.trainStateProbe() + " -> " + last.validationStateProbe());
    try (WorldModel model = WorldModels.load(dir.resolve("ee"))) {
      assertEquals(16, model.encode(TrainerTest.dots().episodes().get(0).observation(1)).length);
      // The probe's weights are the model's state readout: [3][16].
      assertEquals(3 * 16, model.stateReadout().length);
    }
  }

  @Test
  void withoutAProbeTheStateTermIsZero(@TempDir Path dir) throws Exception {
    Trainer.Result r =
        new Trainer(TrainerTest.tiny().with(Map.of("epochs", 1, "steps_per_epoch", 3)), dir, QUIET)
            .train(TrainerTest.dots(), false);
    assertEquals(0.0, r.epochs().get(0).trainStateProbe());
    assertEquals(0.0, r.epochs().get(0).validationStateProbe());
    assertTrue(!Checkpoints.readMetadata(dir).history().get(0).containsKey("val_state_probe"));
    try (WorldModel model = WorldModels.load(dir)) {
      assertEquals(0, model.stateReadout().length);
    }
  }

  @Test
  void aRunStartsFromAnotherCheckpointsWeights(@TempDir Path dir) throws Exception {
    SequenceDataset data = TrainerTest.dots();
    Path a = dir.resolve("a");
    new Trainer(TrainerTest.tiny().with(Map.of("epochs", 1, "steps_per_epoch", 6)), a, QUIET)
        .train(data, false);
    // A learning rate far too small to move the weights: the new run's encoder is a's.
    Path b = dir.resolve("b");
    ModelConfig still =
        probed().with(Map.of("learning_rate", 1e-12, "epochs", 1, "steps_per_epoch", 1));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    new Trainer(still, b, new PrintStream(log, true, StandardCharsets.UTF_8)).train(data, false, a);
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("starting from the weights of"));
    Observation o = data.episodes().get(1).observation(5);
    try (WorldModel ma = WorldModels.load(a);
        WorldModel mb = WorldModels.load(b)) {
      assertArrayEquals(ma.encode(o), mb.encode(o), 1e-5f);
    }
    // A fresh start without --init-from differs.
    Path c = dir.resolve("c");
    new Trainer(still.with(Map.of("seed", 8)), c, QUIET).train(data, false);
    try (WorldModel ma = WorldModels.load(a);
        WorldModel mc = WorldModels.load(c)) {
      float[] za = ma.encode(o);
      float[] zc = mc.encode(o);
      double diff = 0;
      for (int i = 0; i < za.length; i++) {
        diff += Math.abs(za[i] - zc[i]);
      }
      assertTrue(diff > 1e-3, "diff " + diff);
    }
  }

  @Test
  void aMismatchingStartIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
    SequenceDataset data = TrainerTest.dots();
    Path a = dir.resolve("a");
    new Trainer(TrainerTest.tiny().with(Map.of("epochs", 1, "steps_per_epoch", 2)), a, QUIET)
        .train(data, false);
    Path b = dir.resolve("b");
    CheckpointException e =
        assertThrows(
            CheckpointException.class,
            () ->
                new Trainer(probed().with(Map.of("latent_dim", 12)), b, QUIET)
                    .train(data, false, a));
    assertTrue(e.getMessage().contains("shape"), e.getMessage());
    e =
        assertThrows(
            CheckpointException.class,
            () -> new Trainer(probed(), b, QUIET).train(data, false, dir.resolve("missing")));
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
    IllegalArgumentException busy =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Trainer(probed(), a, QUIET).train(data, true, a));
    assertTrue(busy.getMessage().contains("--init-from"), busy.getMessage());
    assertTrue(!Checkpoints.exists(b));
  }

  @Test
  void theProbeNeedsNamedJoints(@TempDir Path dir) {
    SequenceDataset data = TrainerTest.dots();
    SequenceDataset anonymous = new SequenceDataset(data.episodes(), List.of(), data.digest());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Trainer(probed(), dir, QUIET).train(anonymous, false));
    assertTrue(e.getMessage().contains("state_probe_weight"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelConfig.defaults().with(Map.of("state_probe_weight", -1.0)));
  }

  private static final PrintStream QUIET = TrainerTest.QUIET;
}
