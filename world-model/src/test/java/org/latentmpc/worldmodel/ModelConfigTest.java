package org.latentmpc.worldmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelConfigTest {

  @Test
  void shippedConfigsLoad() throws IOException {
    for (String name : List.of("reacher2", "arm7", "arm7-pretrain", "tiny")) {
      ModelConfig c = ModelConfig.load(Path.of("..", "sim-configs", "models", name + ".yaml"));
      assertEquals(c, ModelConfig.fromMap(c.toMap(), "round trip"));
    }
    ModelConfig r = ModelConfig.load(Path.of("..", "sim-configs", "models", "reacher2.yaml"));
    assertEquals(32, r.latentDim());
    assertEquals("sigreg", r.regularizer());
    assertEquals(List.of(16, 32, 64, 64), r.encoderChannels());
  }

  @Test
  void badValuesNameTheKey(@TempDir Path dir) throws IOException {
    assertError(dir, "latent_dim: -3\n", "latent_dim");
    assertError(dir, "regularizer: barlow\n", "regularizer");
    assertError(dir, "learning_rate: fast\n", "learning_rate");
    assertError(dir, "image_width: 60\n", "multiples of 2^4");
    assertError(dir, "encoder_channels: [8, x]\n", "encoder_channels");
    assertError(dir, "proprio: torques\n", "proprio");
    assertError(dir, "ema_decay: 1.0\n", "ema_decay");
    assertError(dir, "- a list\n", "mapping");
    assertError(dir, "latent_dim: [\n", "not valid YAML");
  }

  @Test
  void proprioDimFollowsTheChoice() {
    ModelConfig c = ModelConfig.defaults();
    assertEquals(0, c.proprioDim(7));
    assertEquals(7, c.with(Map.of("proprio", "positions")).proprioDim(7));
    assertEquals(14, c.with(Map.of("proprio", "positions_velocities")).proprioDim(7));
  }

  static void assertError(Path dir, String yaml, String expected) throws IOException {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, yaml);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.load(f));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
  }
}
