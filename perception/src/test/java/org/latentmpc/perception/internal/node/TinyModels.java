package org.latentmpc.perception.internal.node;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.latentmpc.worldmodel.ModelConfig;
import org.latentmpc.worldmodel.SequenceDataset;
import org.latentmpc.worldmodel.Trainer;
import org.latentmpc.worldmodel.internal.data.MovingDots;

/** Tiny, nearly untrained world models (2 steps on moving dots, seeded) for node tests. */
final class TinyModels {
  private TinyModels() {}

  /** Moving-dots data (32x32 images, 2 joints: the dot's x and y). */
  static SequenceDataset data() {
    return new MovingDots(32, 32, 0.08).generate(3, 12, 3);
  }

  /** Trains into {@code dir} with proprioception {@code proprio} ("none", "positions", ...). */
  static Path train(Path dir, SequenceDataset data, String proprio) throws IOException {
    ModelConfig config =
        ModelConfig.defaults()
            .with(
                Map.ofEntries(
                    Map.entry("image_width", 32),
                    Map.entry("image_height", 32),
                    Map.entry("latent_dim", 16),
                    Map.entry("encoder_channels", List.of(8, 16, 32)),
                    Map.entry("predictor_width", 64),
                    Map.entry("predictor_depth", 2),
                    Map.entry("horizon", 3),
                    Map.entry("batch_size", 16),
                    Map.entry("epochs", 1),
                    Map.entry("steps_per_epoch", 2),
                    Map.entry("proprio", proprio),
                    Map.entry("seed", 7)));
    new Trainer(config, dir, new PrintStream(OutputStream.nullOutputStream())).train(data, false);
    return dir;
  }
}
