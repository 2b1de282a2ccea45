package org.latentmpc.worldmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.worldmodel.internal.data.MovingDots;
import org.latentmpc.worldmodel.internal.model.CheckpointMetadata;
import org.latentmpc.worldmodel.internal.model.Checkpoints;
import org.latentmpc.worldmodel.internal.model.DjlWorldModel;

class CheckpointTest {

  static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
  static SequenceDataset data;
  @TempDir static Path shared;
  static Path trained;

  static ModelConfig config() {
    return TrainerTest.tiny().with(Map.of("epochs", 1, "steps_per_epoch", 3, "ema_target", true));
  }

  @BeforeAll
  static void train() throws IOException {
    data = new MovingDots(32, 32, 0.08).generate(4, 20, 3);
    trained = shared.resolve("trained");
    new Trainer(config(), trained, QUIET).train(data, false);
  }

  static float[][] outputs(WorldModel m) {
    Observation o = data.episodes().get(0).observation(3);
    float[] z = m.encode(o);
    float[] actions = new float[4 * 5 * 2];
    Random rng = new Random(9);
    for (int i = 0; i < actions.length; i++) {
      actions[i] = (float) (0.05 * rng.nextGaussian());
    }
    float[] out = new float[4 * 5 * m.latentDim()];
    m.rollout(z, actions, 4, 5, out);
    return new float[][] {z, out};
  }

  static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  @Test
  void saveAndLoadGiveIdenticalOutputs(@TempDir Path dir) throws IOException {
    try (DjlWorldModel a = DjlWorldModel.load(trained)) {
      CheckpointMetadata meta = Checkpoints.readMetadata(trained);
      Checkpoints.write(dir.resolve("again"), a.network(), null, meta);
      try (WorldModel b = WorldModels.load(dir.resolve("again"))) {
        float[][] oa = outputs(a);
        float[][] ob = outputs(b);
        assertArrayEquals(oa[0], ob[0]);
        assertArrayEquals(oa[1], ob[1]);
        assertEquals(16, b.latentDim());
        assertEquals(2, b.actionDim());
      }
    }
  }

  @Test
  void surpriseIsLowerForTheTrueNextFrameThanForADistantOne() {
    try (WorldModel m = WorldModels.load(trained)) {
      SurpriseMonitor monitor = new SurpriseMonitor(m);
      Episode ep = data.episodes().get(1);
      assertTrue(Double.isNaN(monitor.observe(m.encode(ep.observation(1)))));
      int t = 4;
      float[] zt = m.encode(ep.observation(t));
      monitor.predict(zt, ep.actions()[t]);
      double own = monitor.observe(m.encode(ep.observation(t + 1)));
      assertTrue(own >= 0 && Double.isFinite(own), "surprise " + own);
      float[] zSame = new float[m.latentDim()];
      m.rollout(zt, ep.actions()[t], 1, 1, zSame);
      monitor.predict(zt, ep.actions()[t]);
      assertEquals(0.0, monitor.observe(zSame), 0.0);
      assertThrows(IllegalArgumentException.class, () -> monitor.observe(new float[3]));
    }
  }

  @Test
  void corruptParametersAreDetected(@TempDir Path dir) throws IOException {
    Path c = copy(trained, dir.resolve("c"));
    byte[] bytes = Files.readAllBytes(c.resolve("model.params"));
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(c.resolve("model.params"), bytes);
    CheckpointException e = assertThrows(CheckpointException.class, () -> WorldModels.load(c));
    assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
  }

  @Test
  void truncatedMetadataAndMissingFilesAreDetected(@TempDir Path dir) throws IOException {
    Path c = copy(trained, dir.resolve("c"));
    String json = Files.readString(c.resolve("metadata.json"));
    Files.writeString(c.resolve("metadata.json"), json.substring(0, json.length() / 2));
    CheckpointException e = assertThrows(CheckpointException.class, () -> WorldModels.load(c));
    assertTrue(e.getMessage().contains("corrupt metadata"), e.getMessage());
    Path d = copy(trained, dir.resolve("d"));
    Files.delete(d.resolve("model.params"));
    e = assertThrows(CheckpointException.class, () -> WorldModels.load(d));
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
    e = assertThrows(CheckpointException.class, () -> WorldModels.load(dir.resolve("nothing")));
    assertTrue(e.getMessage().contains("no checkpoint"), e.getMessage());
  }

  @Test
  void mismatchingConfigOrFormatIsRejected(@TempDir Path dir) throws IOException {
    Path c = copy(trained, dir.resolve("c"));
    String json = Files.readString(c.resolve("metadata.json"), StandardCharsets.UTF_8);
    Files.writeString(
        c.resolve("metadata.json"),
        json.replace("\"latent_dim\": 16", "\"latent_dim\": 24"),
        StandardCharsets.UTF_8);
    CheckpointException e = assertThrows(CheckpointException.class, () -> WorldModels.load(c));
    assertTrue(e.getMessage().contains("shape"), e.getMessage());
    Path d = copy(trained, dir.resolve("d"));
    Files.writeString(
        d.resolve("metadata.json"),
        json.replace("\"format_version\": 1", "\"format_version\": 99"),
        StandardCharsets.UTF_8);
    e = assertThrows(CheckpointException.class, () -> WorldModels.load(d));
    assertTrue(e.getMessage().contains("format 99"), e.getMessage());
  }

  @Test
  void resumeContinuesAndRefusesMismatches(@TempDir Path dir) throws IOException {
    Path c = copy(trained, dir.resolve("c"));
    IllegalArgumentException exists =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Trainer(config(), c, QUIET).train(data, false));
    assertTrue(exists.getMessage().contains("--resume"), exists.getMessage());
    CheckpointMetadata before = Checkpoints.readMetadata(c);
    assertTrue(
        before.fileDigests().containsKey(Checkpoints.OPTIMIZER_FILE),
        "the optimizer state is saved with the checkpoint: " + before.fileDigests());
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    Trainer.Result r =
        new Trainer(config().with(Map.of("epochs", 2)), c, new PrintStream(log, true))
            .train(data, true);
    assertTrue(
        log.toString().contains("Adam moments restored from step " + before.globalStep()),
        log.toString());
    assertEquals(1, r.epochs().size());
    assertEquals(2, r.epochs().get(0).epoch());
    CheckpointMetadata m = Checkpoints.readMetadata(c);
    assertEquals(2, m.epoch());
    assertEquals(6, m.globalStep());
    assertEquals(2, m.history().size());
    CheckpointException wrongConfig =
        assertThrows(
            CheckpointException.class,
            () ->
                new Trainer(config().with(Map.of("epochs", 3, "latent_dim", 8)), c, QUIET)
                    .train(data, true));
    assertTrue(wrongConfig.getMessage().contains("latent_dim"), wrongConfig.getMessage());
    SequenceDataset other = new MovingDots(32, 32, 0.08).generate(4, 20, 4);
    CheckpointException wrongData =
        assertThrows(
            CheckpointException.class,
            () -> new Trainer(config().with(Map.of("epochs", 3)), c, QUIET).train(other, true));
    assertTrue(wrongData.getMessage().contains("data"), wrongData.getMessage());
    assertEquals(List.of("x", "y"), m.jointNames());
  }

  @Test
  void aModifiedOptimizerStateStopsTheResumeAndAnOldCheckpointWithoutOneStillResumes(
      @TempDir Path dir) throws IOException {
    Path c = copy(trained, dir.resolve("c"));
    Path state = c.resolve(Checkpoints.OPTIMIZER_FILE);
    byte[] bytes = Files.readAllBytes(state);
    bytes[bytes.length / 2] ^= 1;
    Files.write(state, bytes);
    CheckpointException e =
        assertThrows(
            CheckpointException.class,
            () -> new Trainer(config().with(Map.of("epochs", 2)), c, QUIET).train(data, true));
    assertTrue(e.getMessage().contains("optimizer.state"), e.getMessage());
    assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());

    // A checkpoint from before optimizer states were saved: resume with fresh moments, and say so.
    Path old = copy(trained, dir.resolve("old"));
    Files.delete(old.resolve(Checkpoints.OPTIMIZER_FILE));
    CheckpointMetadata m = Checkpoints.readMetadata(old);
    Map<String, String> digests = new java.util.LinkedHashMap<>(m.fileDigests());
    digests.remove(Checkpoints.OPTIMIZER_FILE);
    Files.writeString(old.resolve(Checkpoints.METADATA_FILE), m.withFileDigests(digests).toJson());
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    new Trainer(config().with(Map.of("epochs", 2)), old, new PrintStream(log, true))
        .train(data, true);
    assertTrue(log.toString().contains("Adam moments restart from zero"), log.toString());
    assertTrue(
        Checkpoints.readMetadata(old).fileDigests().containsKey(Checkpoints.OPTIMIZER_FILE),
        "the resumed run saves one");
  }
}
