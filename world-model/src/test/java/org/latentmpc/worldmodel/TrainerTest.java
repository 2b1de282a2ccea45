package org.latentmpc.worldmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.worldmodel.internal.data.MovingDots;

class TrainerTest {

  static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  static ModelConfig tiny() {
    return ModelConfig.defaults()
        .with(
            Map.ofEntries(
                Map.entry("image_width", 32),
                Map.entry("image_height", 32),
                Map.entry("latent_dim", 16),
                Map.entry("encoder_channels", List.of(8, 16, 32)),
                Map.entry("predictor_width", 64),
                Map.entry("predictor_depth", 2),
                Map.entry("horizon", 3),
                Map.entry("batch_size", 32),
                Map.entry("epochs", 2),
                Map.entry("steps_per_epoch", 15),
                Map.entry("seed", 7)));
  }

  static SequenceDataset dots() {
    return new MovingDots(32, 32, 0.08).generate(6, 30, 1);
  }

  @Test
  void lossDecreasesWithSigreg(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Trainer.Result r =
        new Trainer(tiny(), dir.resolve("ckpt"), new PrintStream(log, true, StandardCharsets.UTF_8))
            .train(dots(), false);
    String text = log.toString(StandardCharsets.UTF_8);
    System.out.println(text);
    assertEquals(2, r.epochs().size());
    assertTrue(
        r.epochs().get(1).trainLoss() < 0.7 * r.firstLoss(),
        "loss " + r.firstLoss() + " -> " + r.epochs().get(1).trainLoss());
    assertTrue(text.contains("ETA") && text.contains("samples/s") && text.contains("lr 1.0e-03"));
    assertTrue(text.contains("validation loss"));
    assertTrue(r.samplesPerSecond() > 0);
  }

  @Test
  void lossDecreasesWithVicregAndEmaTarget(@TempDir Path dir) throws Exception {
    ModelConfig c = tiny().with(Map.of("regularizer", "vicreg", "ema_target", true));
    Trainer.Result r = new Trainer(c, dir.resolve("ckpt"), QUIET).train(dots(), false);
    assertTrue(
        r.epochs().get(1).trainLoss() < r.firstLoss(),
        "loss " + r.firstLoss() + " -> " + r.epochs().get(1).trainLoss());
    assertTrue(Files.isRegularFile(dir.resolve("ckpt").resolve("target.params")));
  }

  @Test
  void sameSeedGivesSameModel(@TempDir Path dir) throws Exception {
    ModelConfig c = tiny().with(Map.of("epochs", 1, "steps_per_epoch", 4));
    new Trainer(c, dir.resolve("a"), QUIET).train(dots(), false);
    new Trainer(c, dir.resolve("b"), QUIET).train(dots(), false);
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("a/model.params")),
        Files.readAllBytes(dir.resolve("b/model.params")));
  }

  @Test
  void dataThatDoesNotFitTheConfigIsRejected(@TempDir Path dir) {
    SequenceDataset big = new MovingDots(64, 64, 0.08).generate(3, 10, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Trainer(tiny(), dir.resolve("x"), QUIET).train(big, false));
    assertTrue(e.getMessage().contains("64x64"), e.getMessage());
    SequenceDataset one = new MovingDots(32, 32, 0.08).generate(1, 10, 1);
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Trainer(tiny(), dir.resolve("x"), QUIET).train(one, false));
    assertTrue(e.getMessage().contains("at least 2 episodes"), e.getMessage());
    assertTrue(Files.notExists(dir.resolve("x")));
  }
}
