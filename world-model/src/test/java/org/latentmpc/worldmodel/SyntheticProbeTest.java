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

/** A short training on the moving-dot data learns a latent that linearly encodes the position. */
class SyntheticProbeTest {

  /** Probe R^2 well above chance (0) after a short run. */
  static final double MIN_PROBE_R2 = 0.8;

  /** 1-step normalised error well below 1 (the error of predicting the mean latent). */
  static final double MAX_ONE_STEP_ERROR = 0.5;

  /** Random guessing beats half of the random actions. */
  static final double MIN_ENERGY_FRACTION = 0.6;

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
      // "End effector": a point at a fixed offset from the dot, in a rotated frame, at a constant
      // height (like the planar reacher's): a constant coordinate has no R^2 (NaN).
      EvaluationReport report =
          new Evaluator(
                  model, 3, q -> new double[] {0.6 * q[0] + 0.8 * q[1], q[1] - q[0] + 0.3, 0.055})
              .evaluate(heldOut);
      System.out.println(report.summary());
      System.out.println(report.toJson());
      assertTrue(report.probeR2Min() > MIN_PROBE_R2, report.summary());
      assertEquals(3, report.endEffectorProbeR2().length);
      for (int i = 0; i < 2; i++) {
        assertTrue(
            report.endEffectorProbeR2()[i] > MIN_PROBE_R2,
            "end-effector probe " + report.endEffectorProbeR2()[i]);
      }
      assertTrue(Double.isNaN(report.endEffectorProbeR2()[2]), report.summary());
      // A better-than-chance latent model: the 1-step error is well below the latent variance,
      // and the true action beats most random ones.
      assertTrue(report.kStepError().get(1) < MAX_ONE_STEP_ERROR, report.summary());
      assertTrue(report.energyMeanFractionBeaten() > MIN_ENERGY_FRACTION, report.summary());
      assertTrue(report.effectiveRank() > 2, report.summary());
    }
  }
}
