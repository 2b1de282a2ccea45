package org.latentmpc.worldmodel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.worldmodel.internal.data.MovingDots;

/** A short training on the moving-dot data learns a latent that linearly encodes the position. */
class SyntheticProbeTest {

  /** Probe R^2 well above chance (0) after a short run. */
  static final double MIN_PROBE_R2 = 0.8;

  @Test
  void shortTrainingReachesProbeR2(@TempDir Path dir) throws Exception {
    MovingDots dots = new MovingDots(32, 32, 0.08);
    SequenceDataset train = dots.generate(12, 60, 11);
    SequenceDataset heldOut = dots.generate(6, 60, 12);
    ModelConfig config =
        TrainerTest.tiny()
            .with(
                Map.of(
                    "epochs", Integer.getInteger("probe.epochs", 3),
                    "steps_per_epoch", Integer.getInteger("probe.steps", 60),
                    "sigreg_weight", Double.parseDouble(System.getProperty("probe.w", "1.0"))));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    new Trainer(config, dir.resolve("m"), new PrintStream(log, true, StandardCharsets.UTF_8))
        .train(train, false);
    System.out.println(log.toString(StandardCharsets.UTF_8));
    try (WorldModel model = WorldModels.load(dir.resolve("m"))) {
      EvaluationReport report = new Evaluator(model, 3).evaluate(heldOut);
      System.out.println(report.summary());
      assertTrue(report.probeR2Min() > MIN_PROBE_R2, report.summary());
    }
  }
}
