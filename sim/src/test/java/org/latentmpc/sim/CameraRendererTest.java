package org.latentmpc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latentmpc.robot.Kinematics;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.robot.UrdfException;
import org.latentmpc.robot.Vec3;

class CameraRendererTest {
  private static final Path REACHER_SCENE = Path.of("../sim-configs/scenes/reacher2.yaml");
  private static final Path ARM7_SCENE = Path.of("../sim-configs/scenes/arm7.yaml");
  private static final double AREA_TOL = 0.04;

  private static int[] pixel(CameraRenderer r, double[] world) {
    double[] uv = new double[2];
    if (!r.project(world[0], world[1], world[2], uv)) {
      return null;
    }
    int u = (int) Math.floor(uv[0] + 0.5);
    int v = (int) Math.floor(uv[1] + 0.5);
    if (u < 0 || v < 0 || u >= r.width() || v >= r.height()) {
      return null;
    }
    return new int[] {u, v};
  }

  private static int[] rgbAt(byte[] img, int w, int u, int v) {
    int p = 3 * (v * w + u);
    return new int[] {img[p] & 0xff, img[p + 1] & 0xff, img[p + 2] & 0xff};
  }

  @Test
  void reacherFingertipPixelIsWhereKinematicsPutsIt() throws Exception {
    Scene scene = Scene.load(REACHER_SCENE);
    RobotModel m = RobotModel.fromUrdf(scene.robotFile());
    CameraRenderer r = CameraRenderer.create(m, scene);
    r.setTargetMarkerVisible(false);
    Kinematics k = m.newKinematics();
    int tip = m.linkIndex("fingertip");
    byte[] img = new byte[3 * r.width() * r.height()];
    double[] p = new double[3];
    Random rnd = new Random(21);
    int checked = 0;
    for (int trial = 0; trial < 50; trial++) {
      double[] q = {rnd.nextDouble() * 5.4 - 2.7, rnd.nextDouble() * 5 - 2.5};
      r.render(q, img);
      k.update(q);
      k.pointPosition(tip, 0, 0, 0, p);
      int[] px = pixel(r, p);
      if (px == null) {
        continue;
      }
      checked++;
      assertEquals(tip, r.hitAt(px[0], px[1]), "fingertip pixel at q " + q[0] + ", " + q[1]);
      int[] c = rgbAt(img, r.width(), px[0], px[1]);
      // tip_white: all channels bright and similar.
      assertTrue(
          c[0] > 150 && c[1] > 150 && c[2] > 150,
          "white fingertip " + c[0] + "," + c[1] + "," + c[2]);
      // Upper-arm midpoint is orange (red > blue).
      k.pointPosition(m.linkIndex("link1"), 0.06, 0, 0, p);
      int[] mid = pixel(r, p);
      if (mid != null && r.hitAt(mid[0], mid[1]) == m.linkIndex("link1")) {
        int[] o = rgbAt(img, r.width(), mid[0], mid[1]);
        assertTrue(o[0] > o[2] + 60, "orange upper arm");
      }
    }
    assertTrue(checked >= 40, "fingertip in view in most trials: " + checked);
  }

  @Test
  void arm7PixelsAppearWhereKinematicsPutsThem() throws Exception {
    Scene scene = Scene.load(ARM7_SCENE);
    RobotModel m = RobotModel.fromUrdf(scene.robotFile());
    CameraRenderer r = CameraRenderer.create(m, scene);
    r.setTargetMarkerVisible(false);
    Kinematics k = m.newKinematics();
    int hand = m.linkIndex("arm7_hand");
    byte[] img = new byte[3 * r.width() * r.height()];
    double[] p = new double[3];
    Random rnd = new Random(8);
    int checked = 0;
    int handVisible = 0;
    double[] q = new double[7];
    for (int trial = 0; trial < 60; trial++) {
      for (int i = 0; i < 7; i++) {
        var l = m.movingJoint(i).limits();
        q[i] = l.lower() + rnd.nextDouble() * (l.upper() - l.lower());
      }
      r.render(q, img);
      k.update(q);
      k.pointPosition(hand, 0, 0, 0.0325, p); // centre of the hand box
      int[] px = pixel(r, p);
      if (px == null || p[2] < 0.05) {
        continue;
      }
      checked++;
      int h = r.hitAt(px[0], px[1]);
      assertTrue(h >= 0, "the hand centre pixel shows the arm (hit " + h + ")");
      if (h == hand) {
        handVisible++;
        int[] c = rgbAt(img, r.width(), px[0], px[1]);
        // The hand's materials: dark grey body or red fingers.
        boolean darkBody = c[0] < 90 && c[1] < 90 && c[2] < 90;
        boolean redFinger = c[0] > c[1] + 60 && c[0] > c[2] + 60;
        assertTrue(darkBody || redFinger, "hand colour " + c[0] + "," + c[1] + "," + c[2]);
      }
    }
    assertTrue(checked >= 30, "hand in view: " + checked);
    assertTrue(handVisible >= checked / 2, "hand unoccluded in most views: " + handVisible);
  }

  @Test
  void markerIsDrawnWhereItIsPlacedWithDepthOrder() throws Exception {
    Scene scene = Scene.load(REACHER_SCENE);
    RobotModel m = RobotModel.fromUrdf(scene.robotFile());
    CameraRenderer r = CameraRenderer.create(m, scene);
    byte[] img = new byte[3 * 64 * 64];
    double[] q = {0, 0};
    r.setTargetMarker(-0.1, -0.12, 0.055);
    r.render(q, img);
    int[] px = pixel(r, new double[] {-0.1, -0.12, 0.055});
    assertEquals(CameraRenderer.HIT_MARKER, r.hitAt(px[0], px[1]));
    int[] c = rgbAt(img, 64, px[0], px[1]);
    assertTrue(c[1] > 2 * c[0] && c[1] > 2 * c[2], "green marker");
    r.setTargetMarkerVisible(false);
    r.render(q, img);
    assertEquals(CameraRenderer.HIT_FLOOR, r.hitAt(px[0], px[1]));
    // Above the fingertip (closer to the top-down camera): the marker hides the tip.
    r.setTargetMarkerVisible(true);
    r.setTargetMarker(0.22, 0, 0.09);
    r.render(q, img);
    int[] tip = pixel(r, new double[] {0.22, 0, 0.055});
    assertEquals(CameraRenderer.HIT_MARKER, r.hitAt(tip[0], tip[1]));
    // Below the arm's plane: the tip hides the marker.
    r.setTargetMarker(0.22, 0, 0.02);
    r.render(q, img);
    assertEquals(m.linkIndex("fingertip"), r.hitAt(tip[0], tip[1]));
    double[] where = new double[3];
    r.getTargetMarker(where);
    assertEquals(0.02, where[2]);
    assertThrows(IllegalArgumentException.class, () -> r.setTargetMarker(Double.NaN, 0, 0));
  }

  private static final String SHAPES =
      "<robot name='shapes'><link name='base'>"
          + "<visual><origin xyz='-0.3 0 0'/><geometry><sphere radius='0.1'/></geometry></visual>"
          + "<visual><origin xyz='0.3 0 0'/><geometry><box size='0.2 0.1 0.3'/></geometry></visual>"
          + "<visual><origin xyz='0 0.3 0' rpy='0 1.5707963267948966 0'/>"
          + "<geometry><cylinder radius='0.05' length='0.3'/></geometry></visual>"
          + "<visual><origin xyz='0 -0.3 0' rpy='0 1.5707963267948966 0'/>"
          + "<geometry><capsule radius='0.05' length='0.2'/></geometry></visual>"
          + "</link></robot>";

  @Test
  void shapeSilhouettesHaveTheProjectedArea() throws UrdfException {
    RobotModel m = RobotModel.fromUrdfString(SHAPES);
    double dist = 10.0;
    int size = 400;
    Scene scene =
        Scene.defaults()
            .withCamera(
                new Scene.Camera(
                    new Vec3(0, 0, dist), new Vec3(0, 0, 0), new Vec3(0, 1, 0), 6, size, size));
    CameraRenderer r = CameraRenderer.create(m, scene);
    byte[] img = new byte[3 * size * size];
    r.render(new double[0], img);
    // Count pixels per shape by their side of the image (left sphere, right box, top cylinder,
    // bottom capsule).
    double f = r.focalLengthPx() / dist; // pixels per metre at the shapes' depth (nearly)
    int sphere = 0, box = 0, cyl = 0, cap = 0;
    double[] uv = new double[2];
    for (int v = 0; v < size; v++) {
      for (int u = 0; u < size; u++) {
        if (r.hitAt(u, v) < 0) {
          continue;
        }
        double x = (u - r.principalPointXPx()) / r.focalLengthPx() * dist;
        double y = -(v - r.principalPointYPx()) / r.focalLengthPx() * dist;
        if (x < -0.15) {
          sphere++;
        } else if (x > 0.15) {
          box++;
        } else if (y > 0.15) {
          cyl++;
        } else {
          cap++;
        }
      }
    }
    assertTrue(r.project(0, 0, 0, uv));
    assertEquals(r.principalPointXPx(), uv[0], 1e-9);
    assertArea(Math.PI * 0.1 * 0.1 * f * f, sphere, "sphere");
    // The box's nearest face (0.2 x 0.1) is at depth dist - 0.15: slightly larger.
    double fb = r.focalLengthPx() / (dist - 0.15);
    assertArea(0.2 * 0.1 * fb * fb, box, "box");
    assertArea(0.3 * 0.1 * f * f, cyl, "cylinder");
    assertArea((0.2 * 0.1 + Math.PI * 0.05 * 0.05) * f * f, cap, "capsule");
  }

  private static void assertArea(double expected, int measured, String what) {
    assertEquals(expected, measured, AREA_TOL * expected, what + " area in pixels");
  }

  @Test
  void rejectsWrongBufferAndDegenerateCamera() throws Exception {
    Scene scene = Scene.load(REACHER_SCENE);
    RobotModel m = RobotModel.fromUrdf(scene.robotFile());
    CameraRenderer r = CameraRenderer.create(m, scene);
    assertEquals(64, r.width());
    assertEquals(31.5, r.principalPointXPx());
    assertThrows(IllegalArgumentException.class, () -> r.render(new double[2], new byte[10]));
    assertThrows(
        IllegalArgumentException.class, () -> r.render(new double[3], new byte[3 * 64 * 64]));
    assertThrows(
        IllegalArgumentException.class,
        () -> r.setCameraPose(new Vec3(0, 0, 1), new Vec3(0, 0, 0), new Vec3(0, 0, 1)));
  }

  @Test
  void renderingIsDeterministicAndChangesWithPose() throws Exception {
    Scene scene = Scene.load(ARM7_SCENE);
    RobotModel m = RobotModel.fromUrdf(scene.robotFile());
    CameraRenderer r = CameraRenderer.create(m, scene);
    double[] q = scene.initialPositions(m);
    byte[] a = new byte[3 * 64 * 64];
    byte[] b = new byte[3 * 64 * 64];
    r.render(q, a);
    r.render(q, b);
    org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
    q[0] += 0.5;
    r.render(q, b);
    assertNotEquals(java.util.Arrays.hashCode(a), java.util.Arrays.hashCode(b));
  }
}
