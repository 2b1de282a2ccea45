package org.latentmpc.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.robot.Vec3;

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

  @Test
  void extraViewsAreParsedWithTheCameraDefaultsAndSize() throws Exception {
    Scene s =
        Scene.parse(
            "camera: {position: [2, 0, 1], look_at: [0, 0, 0], up: [0, 0, 1], fov_deg: 40,"
                + " width: 48, height: 32}\n"
                + "extra_views:\n"
                + "  - {position: [0, 2, 1], look_at: [0, 0, 0]}\n"
                + "  - {position: [0, 0, 3], look_at: [0, 0, 0], up: [1, 0, 0], fov_deg: 60}\n",
            null,
            "views.yaml");
    assertEquals(3, s.viewCount());
    assertEquals(2, s.extraViews().size());
    Scene.Camera v1 = s.extraViews().get(0);
    assertEquals(new Vec3(0, 2, 1), v1.positionM());
    assertEquals(new Vec3(0, 0, 1), v1.up(), "up defaults to the camera's");
    assertEquals(40, v1.fovYDeg(), "fov defaults to the camera's");
    assertEquals(48, v1.widthPx());
    assertEquals(32, v1.heightPx());
    assertEquals(60, s.extraViews().get(1).fovYDeg());
    assertEquals(new Vec3(1, 0, 0), s.extraViews().get(1).up());
    assertEquals(List.of(s.camera(), v1, s.extraViews().get(1)), s.views());
    assertEquals(144, s.imageWidthPx());
    assertEquals(32, s.imageHeightPx());
    // Single-view scenes: one view, the camera's size.
    Scene plain = Scene.parse("", null, "empty.yaml");
    assertEquals(List.of(plain.camera()), plain.views());
    assertEquals(64, plain.imageWidthPx());
  }

  @Test
  void withImageSizeDividesTheWidthAmongTheViews() throws Exception {
    Scene two = Scene.load(Path.of("../sim-configs/scenes/arm7_two_views.yaml"));
    assertEquals(2, two.viewCount());
    assertEquals(96, two.imageWidthPx());
    assertEquals(48, two.imageHeightPx());
    Scene big = two.withImageSize(256, 96);
    assertEquals(128, big.camera().widthPx());
    assertEquals(96, big.camera().heightPx());
    assertEquals(128, big.extraViews().get(0).widthPx());
    assertEquals(96, big.extraViews().get(0).heightPx());
    assertEquals(256, big.imageWidthPx());
    assertEquals(two.extraViews().get(0).positionM(), big.extraViews().get(0).positionM());
    assertMentions(
        assertThrows(IllegalArgumentException.class, () -> two.withImageSize(129, 64)).getMessage(),
        "129",
        "not a multiple",
        "2 views");
    assertThrows(IllegalArgumentException.class, () -> two.withImageSize(0, 64));
    // The other copies keep the extra views.
    assertEquals(two.extraViews(), two.withMarker(two.marker()).extraViews());
    assertEquals(1, two.withExtraViews(List.of()).viewCount());
    assertEquals(64, Scene.defaults().withImageSize(64, 48).imageWidthPx());
  }

  @Test
  void badExtraViewsGetClearErrors() {
    assertMentions(error("extra_views: {position: [1, 0, 0]}"), "test.yaml", "extra_views", "list");
    assertMentions(
        error("extra_views: [{position: [1, 0, 0], look_at: [0, 0, 0], zoom: 2}]"),
        "test.yaml",
        "extra_views[0]",
        "unknown key 'zoom'");
    assertMentions(
        error("extra_views: [{position: [1, 0, 0], look_at: [0, 0, 0], width: 32}]"),
        "extra_views[0]",
        "camera's pixel size");
    assertMentions(
        error("extra_views: [{look_at: [0, 0, 0]}]"), "extra_views[0].position", "required");
    assertMentions(
        error("extra_views: [{position: [1, 0, 0]}]"), "extra_views[0].look_at", "required");
    assertMentions(
        error(
            "extra_views: [{position: [1, 0, 0], look_at: [0, 0, 0]},"
                + " {position: [1, 0], look_at: [0, 0, 0]}]"),
        "extra_views[1].position",
        "3 numbers");
    assertMentions(
        error("extra_views: [{position: [1, 0, 0], look_at: [0, 0, 0], up: [1, 'a', 0]}]"),
        "extra_views[0].up",
        "not a finite number");
    assertMentions(
        error("extra_views: [{position: [1, 1, 1], look_at: [1, 1, 1]}]"),
        "extra_views[0].look_at",
        "must differ");
    assertMentions(
        error("extra_views: [{position: [0, 0, 2], look_at: [0, 0, 0]}]"),
        "extra_views[0].up",
        "parallel");
    assertMentions(
        error("extra_views: [{position: [1, 0, 0], look_at: [0, 0, 0], fov_deg: 180}]"),
        "extra_views[0].fov_deg",
        "(0, 180)");
    assertMentions(error("extra_views: ['front']"), "extra_views[0]", "mapping");
    assertMentions(
        error(
            "camera: {width: 2048}\nextra_views: [{position: [1, 0, 0], look_at: [0, 0, 0]},"
                + " {position: [0, 1, 0], look_at: [0, 0, 0]}]"),
        "extra_views",
        "6144 px wide");
  }
}
