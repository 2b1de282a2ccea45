package org.latentmpc.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.latentmpc.robot.RobotModel;

class SceneTest {
  @Test
  void loadsShippedScenes() throws Exception {
    Scene reacher = Scene.load(Path.of("../sim-configs/scenes/reacher2.yaml"));
    assertTrue(reacher.robotFile().endsWith(Path.of("robots", "reacher2.urdf")));
    assertEquals(64, reacher.camera().widthPx());
    assertEquals(55, reacher.camera().fovYDeg());
    assertEquals(0.015, reacher.marker().radiusM());
    assertTrue(reacher.marker().visible());
    RobotModel m = RobotModel.fromUrdf(reacher.robotFile());
    assertArrayEquals(new double[] {0.0, 0.5}, reacher.initialPositions(m), 0.0);

    Scene arm = Scene.load(Path.of("../sim-configs/scenes/arm7.yaml"));
    RobotModel a = RobotModel.fromUrdf(arm.robotFile());
    assertEquals(-2.356, arm.initialPositions(a)[3], 0.0);
    assertEquals(0.0, arm.floor().heightM());
  }

  private static String error(String yaml) {
    return assertThrows(SceneException.class, () -> Scene.parse(yaml, null, "test.yaml"))
        .getMessage();
  }

  private static void assertMentions(String message, String... parts) {
    for (String p : parts) {
      assertTrue(message.contains(p), () -> "'" + message + "' should mention '" + p + "'");
    }
  }

  @Test
  void badFieldsGetClearErrors() {
    assertMentions(error("camra: {}"), "test.yaml", "unknown key 'camra'");
    assertMentions(error("camera: {fov_deg: 200}"), "camera.fov_deg", "(0, 180)");
    assertMentions(error("camera: {fov_deg: wide}"), "camera.fov_deg", "number", "wide");
    assertMentions(error("camera: {width: 0}"), "camera.width", "between 1 and");
    assertMentions(error("camera: {width: 6.5}"), "camera.width", "whole number");
    assertMentions(error("camera: {position: [1, 2]}"), "camera.position", "3 numbers");
    assertMentions(
        error("camera: {position: [0, 0, 1], look_at: [0, 0, 0], up: [0, 0, 1]}"),
        "camera.up",
        "parallel");
    assertMentions(error("camera: {position: [0, 0, 0], look_at: [0, 0, 0]}"), "must differ");
    assertMentions(error("background: [1, 2, 0]"), "background", "[0, 1]");
    assertMentions(error("ambient: 2"), "ambient", "[0, 1]");
    assertMentions(error("target_marker: {radius: 0.1}"), "target_marker.position", "required");
    assertMentions(
        error("target_marker: {position: [0, 0, 0], visible: maybe}"),
        "target_marker.visible",
        "true or false");
    assertMentions(error("camera: [1, 2"), "not valid YAML");
    assertMentions(error("- a\n- b"), "(top level)", "mapping");
    assertMentions(error("initial_positions: {j1: abc}"), "initial_positions.j1", "number");
  }

  @Test
  void initialPositionsMustFitTheRobot() throws Exception {
    RobotModel m = RobotModel.fromUrdf(Path.of("../sim-configs/robots/reacher2.urdf"));
    Scene s = Scene.parse("initial_positions: {joint9: 0.1}", null, "t.yaml");
    assertMentions(
        assertThrows(SceneException.class, () -> s.initialPositions(m)).getMessage(),
        "joint9",
        "not a moving joint",
        "[joint1, joint2]");
    Scene s2 = Scene.parse("initial_positions: {joint1: 4.0}", null, "t.yaml");
    assertMentions(
        assertThrows(SceneException.class, () -> s2.initialPositions(m)).getMessage(),
        "joint1 = 4.0",
        "outside its limits");
  }

  @Test
  void emptySceneIsTheDefault() throws Exception {
    Scene s = Scene.parse("", null, "empty.yaml");
    assertNull(s.robotFile());
    assertEquals(Scene.defaults().camera(), s.camera());
  }
}
