package org.latentmpc.worldmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.worldmodel.internal.data.MovingDots;

class TrainerTest {

  static ModelConfig tiny() {
    return ModelConfig.defaults()
        .with(
            Map.ofEntries(
                Map.entry("image_width", 32),
                Map.entry("image_height", 32),
                Map.entry("latent_dim", 16),
                Map.entry("encoder_channels", java.util.List.of(8, 16, 32)),
                Map.entry("predictor_width", 64),
                Map.entry("predictor_depth", 2),
                Map.entry("horizon", 3),
                Map.entry("batch_size", 32),
                Map.entry("epochs", 2),
                Map.entry("steps_per_epoch", 40),
                Map.entry("seed", 7)));
  }

  @Test
  void lossDecreasesAndCheckpointIsWritten(@TempDir Path dir) throws Exception {
    SequenceDataset data = new MovingDots(32, 32, 0.08).generate(8, 40, 1);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Trainer.Result r =
        new Trainer(tiny(), dir.resolve("ckpt"), new PrintStream(log, true, StandardCharsets.UTF_8))
            .train(data, false);
    System.out.println(log.toString(StandardCharsets.UTF_8));
    assertEquals(2, r.epochs().size());
    assertTrue(
        r.epochs().get(1).trainLoss() < r.firstLoss(),
        "loss " + r.firstLoss() + " -> " + r.epochs().get(1).trainLoss());
  }
}
