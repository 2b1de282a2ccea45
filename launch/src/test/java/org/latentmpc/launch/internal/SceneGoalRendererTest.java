package org.latentmpc.launch.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.latentmpc.ros.msgs.sensor_msgs.Image;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;

/** Goal images rendered from a joint configuration with the simulator's scene. */
class SceneGoalRendererTest {
  private static final Path SCENE =
      Path.of("../sim-configs/scenes/reacher2.yaml").toAbsolutePath().normalize();

  @Test
  void rendersByNameInAnyOrderAndByPositionWithoutNames() {
    SceneGoalRenderer renderer = SceneGoalRenderer.load(SCENE);
    Image byName =
        renderer.render(
            new JointState()
                .setName(new String[] {"joint2", "joint1"})
                .setPosition(new double[] {-0.6, 0.8}));
    assertEquals("rgb8", byName.getEncoding());
    assertEquals(renderer.width(), byName.getWidth());
    assertEquals(3 * renderer.width() * renderer.height(), byName.getData().length);
    Image byOrder = renderer.render(new JointState().setPosition(new double[] {0.8, -0.6}));
    assertArrayEquals(byName.getData(), byOrder.getData());
    assertArrayEquals(byName.getData(), renderer.renderRgb(new double[] {0.8, -0.6}));
    assertFalse(
        Arrays.equals(byName.getData(), renderer.renderRgb(new double[] {0.0, 0.5})),
        "another pose is another image");
  }

  @Test
  void badGoalsAreRefusedWithTheReason() {
    SceneGoalRenderer renderer = SceneGoalRenderer.load(SCENE);
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                renderer.render(
                    new JointState()
                        .setName(new String[] {"joint1"})
                        .setPosition(new double[] {0.1})));
    assertTrue(missing.getMessage().contains("joint2"), missing.getMessage());
    IllegalArgumentException nan =
        assertThrows(
            IllegalArgumentException.class,
            () -> renderer.render(new JointState().setPosition(new double[] {Double.NaN, 0})));
    assertTrue(nan.getMessage().contains("finite"), nan.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> renderer.render(new JointState().setPosition(new double[] {0.1})));
    IllegalArgumentException noScene =
        assertThrows(
            IllegalArgumentException.class,
            () -> SceneGoalRenderer.load(Path.of("no/such/scene.yaml")));
    assertTrue(noScene.getMessage().contains("no/such/scene.yaml"), noScene.getMessage());
  }
}
