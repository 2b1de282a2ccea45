package org.latentmpc.worldmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.worldmodel.internal.model.Checkpoints;

/** A predictor that also takes the joint positions (predictor_proprio: positions). */
class PredictorProprioTest {

  private static ModelConfig config() {
    return TrainerTest.tiny()
        .with(Map.of("predictor_proprio", "positions", "epochs", 2, "steps_per_epoch", 15));
  }

  @Test
  void trainsLoadsAndRollsOutFromTheJointPositions(@TempDir Path dir) throws Exception {
    SequenceDataset data = TrainerTest.dots();
    Trainer.Result r = new Trainer(config(), dir, TrainerTest.QUIET).train(data, false);
    assertTrue(
        r.epochs().get(1).trainLoss() < 0.7 * r.firstLoss(),
        "loss " + r.firstLoss() + " -> " + r.epochs().get(1).trainLoss());
    // The joint positions are normalised with the training data's statistics.
    assertEquals(2, Checkpoints.readMetadata(dir).stats().proprioMean().length);
    try (WorldModel m = WorldModels.load(dir)) {
      assertEquals(2, m.predictorJointDim());
      assertEquals(0, m.proprioDim(), "the encoder still takes the image only");
      Episode ep = data.episodes().get(0);
      float[] z0 = m.encode(ep.observation(0));
      float[] actions = {ep.actions()[0][0], ep.actions()[0][1]};
      float[] out = new float[m.latentDim()];
      m.rollout(z0, ep.positions()[0], actions, 1, 1, out);
      float[] elsewhere = new float[m.latentDim()];
      m.rollout(z0, new double[] {0.9, 0.1}, actions, 1, 1, elsewhere);
      double diff = 0;
      for (int i = 0; i < out.length; i++) {
        diff += Math.abs(out[i] - elsewhere[i]);
      }
      assertTrue(diff > 1e-4, "the joint positions do not reach the predictor: " + diff);
      assertThrows(IllegalStateException.class, () -> m.rollout(z0, actions, 1, 1, out));
      // eval-model's k-step error and energy check roll out from each sample's joint positions.
      EvaluationReport report = new Evaluator(m, 1).evaluate(TrainerTest.dots());
      assertTrue(Double.isFinite(report.kStepError().get(1)), report.summary());
      assertTrue(report.energyPassRate() >= 0 && report.energyPassRate() <= 1, report.summary());
    }
  }

  @Test
  void aStartFromAModelWithoutJointInputsKeepsTheEncoder(@TempDir Path dir) throws Exception {
    SequenceDataset data = TrainerTest.dots();
    Path plain = dir.resolve("plain");
    new Trainer(
            TrainerTest.tiny().with(Map.of("epochs", 1, "steps_per_epoch", 4)),
            plain,
            TrainerTest.QUIET)
        .train(data, false);
    Path withJoints = dir.resolve("joints");
    ModelConfig still =
        config().with(Map.of("learning_rate", 1e-12, "epochs", 1, "steps_per_epoch", 1));
    new Trainer(still, withJoints, TrainerTest.QUIET).train(data, false, plain);
    Observation o = data.episodes().get(2).observation(4);
    try (WorldModel a = WorldModels.load(plain);
        WorldModel b = WorldModels.load(withJoints)) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(a.encode(o), b.encode(o), 1e-5f);
    }
  }

  @Test
  void needsOneActionPerJoint() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelConfig.defaults().with(Map.of("predictor_proprio", "velocities")));
  }
}
