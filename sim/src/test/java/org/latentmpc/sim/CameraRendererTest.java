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
  private static final Path TWO_VIEW_SCENE = Path.of("../sim-configs/scenes/arm7_two_views.yaml");

  /**
   * The two-view scene with 64x64 views (the file's own size is smaller), as these tests assume.
   */
  private static Scene twoViews64() throws Exception {
    return Scene.load(TWO_VIEW_SCENE).withImageSize(128, 64);
  }

  private static final double AREA_TOL = 0.04;

  /**
   * Bytes a render may allocate on average: far below one array of the image (a thread's allocation
   * counter also sees stray JIT or TLAB bookkeeping).
   */
  private static final double MAX_BYTES_PER_RENDER = 16;

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

  /** Renders each view of {@code scene} alone and puts them side by side. */
  private static byte[] sideBySide(RobotModel m, Scene scene, double[] q, double[] marker) {
    int w = scene.camera().widthPx();
    int h = scene.camera().heightPx();
    int total = scene.imageWidthPx();
    byte[] out = new byte[3 * total * h];
    byte[] tile = new byte[3 * w * h];
    Scene single = scene.withExtraViews(java.util.List.of());
    for (int i = 0; i < scene.viewCount(); i++) {
      CameraRenderer r = CameraRenderer.create(m, single.withCamera(scene.views().get(i)));
      r.setTargetMarker(marker[0], marker[1], marker[2]);
      r.render(q, tile);
      for (int v = 0; v < h; v++) {
        System.arraycopy(tile, 3 * w * v, out, 3 * (total * v + w * i), 3 * w);
      }
    }
    return out;
  }

  @Test
  void tiledImageIsTheSingleViewRendersSideBySide() throws Exception {
    Scene scene = twoViews64();
    RobotModel m = RobotModel.fromUrdf(scene.robotFile());
    CameraRenderer r = CameraRenderer.create(m, scene);
    assertEquals(128, r.width());
    assertEquals(64, r.height());
    byte[] img = new byte[3 * 128 * 64];
    Random rnd = new Random(5);
    double[] q = scene.initialPositions(m);
    for (int trial = 0; trial < 5; trial++) {
      double[] marker = {rnd.nextDouble() - 0.5, rnd.nextDouble() - 0.5, rnd.nextDouble()};
      r.setTargetMarker(marker[0], marker[1], marker[2]);
      r.render(q, img);
      org.junit.jupiter.api.Assertions.assertArrayEquals(
          sideBySide(m, scene, q, marker), img, "trial " + trial);
      for (int i = 0; i < 7; i++) {
        var l = m.movingJoint(i).limits();
        q[i] = l.lower() + rnd.nextDouble() * (l.upper() - l.lower());
      }
    }
    // The two views differ (the second camera is elsewhere).
    byte[] left = new byte[3 * 64 * 64];
    byte[] right = new byte[3 * 64 * 64];
    for (int v = 0; v < 64; v++) {
      System.arraycopy(img, 3 * 128 * v, left, 3 * 64 * v, 3 * 64);
      System.arraycopy(img, 3 * 128 * v + 3 * 64, right, 3 * 64 * v, 3 * 64);
    }
    assertNotEquals(java.util.Arrays.hashCode(left), java.util.Arrays.hashCode(right));
    assertThrows(
        IllegalArgumentException.class, () -> r.render(new double[7], new byte[3 * 64 * 64]));
  }

  @Test
  void tiledIntrinsicsAreViewZerosAndHitAtAddressesTheWholeImage() throws Exception {
    Scene scene = twoViews64();
    RobotModel m = RobotModel.fromUrdf(scene.robotFile());
    CameraRenderer tiled = CameraRenderer.create(m, scene);
    Scene single = scene.withExtraViews(java.util.List.of());
    CameraRenderer view0 = CameraRenderer.create(m, single);
    CameraRenderer view1 = CameraRenderer.create(m, single.withCamera(scene.extraViews().get(0)));
    assertEquals(view0.focalLengthPx(), tiled.focalLengthPx());
    assertEquals(31.5, tiled.principalPointXPx(), "view 0's principal point, not the image's");
    assertEquals(31.5, tiled.principalPointYPx());
    double[] a = new double[2];
    double[] b = new double[2];
    assertTrue(tiled.project(0.3, 0.2, 0.5, a));
    assertTrue(view0.project(0.3, 0.2, 0.5, b));
    org.junit.jupiter.api.Assertions.assertArrayEquals(b, a, 0.0);

    double[] q = scene.initialPositions(m);
    tiled.setTargetMarkerVisible(false);
    view0.setTargetMarkerVisible(false);
    view1.setTargetMarkerVisible(false);
    tiled.render(q, new byte[3 * 128 * 64]);
    view0.render(q, new byte[3 * 64 * 64]);
    view1.render(q, new byte[3 * 64 * 64]);
    int robotInRight = 0;
    for (int v = 0; v < 64; v++) {
      for (int u = 0; u < 64; u++) {
        assertEquals(view0.hitAt(u, v), tiled.hitAt(u, v));
        assertEquals(view1.hitAt(u, v), tiled.hitAt(64 + u, v));
        if (tiled.hitAt(64 + u, v) >= 0) {
          robotInRight++;
        }
      }
    }
    assertTrue(robotInRight > 20, "the arm appears in the right tile: " + robotInRight);
    // The hand, projected by the second view, is hit in the right tile at u + 64.
    Kinematics k = m.newKinematics();
    k.update(q);
    double[] p = new double[3];
    k.pointPosition(m.linkIndex("arm7_link4"), 0, 0, 0, p);
    assertTrue(view1.project(p[0], p[1], p[2], b));
    int u1 = (int) Math.round(b[0]);
    int v1 = (int) Math.round(b[1]);
    assertTrue(tiled.hitAt(64 + u1, v1) >= 0, "arm at its projection in the right tile");
    assertThrows(IndexOutOfBoundsException.class, () -> tiled.hitAt(128, 0));

    // The marker is drawn in both views; moving the pose moves view 0 only.
    tiled.setTargetMarker(p[0], p[1], p[2] + 0.3);
    tiled.setTargetMarkerVisible(true);
    tiled.render(q, new byte[3 * 128 * 64]);
    assertTrue(tiled.project(p[0], p[1], p[2] + 0.3, a));
    assertTrue(view1.project(p[0], p[1], p[2] + 0.3, b));
    assertEquals(
        CameraRenderer.HIT_MARKER, tiled.hitAt((int) Math.round(a[0]), (int) Math.round(a[1])));
    assertEquals(
        CameraRenderer.HIT_MARKER,
        tiled.hitAt(64 + (int) Math.round(b[0]), (int) Math.round(b[1])));
    assertThrows(IllegalArgumentException.class, () -> tiled.setTargetMarker(Double.NaN, 0, 0));
    double[] where = new double[3];
    tiled.getTargetMarker(where);
    assertEquals(p[2] + 0.3, where[2]);
  }

  @Test
  void tiledRenderAllocatesNothing() throws Exception {
    Scene scene = twoViews64();
    RobotModel m = RobotModel.fromUrdf(scene.robotFile());
    CameraRenderer r = CameraRenderer.create(m, scene);
    byte[] img = new byte[3 * r.width() * r.height()];
    double[] q = scene.initialPositions(m);
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    int frames = 200;
    for (int i = 0; i < frames; i++) {
      q[0] = 0.3 * Math.sin(i * 0.01);
      r.render(q, img);
    }
    long bytes0 = mx.getThreadAllocatedBytes(tid);
    for (int i = 0; i < frames; i++) {
      q[0] = 0.3 * Math.sin(i * 0.01);
      r.render(q, img);
    }
    long bytes1 = mx.getThreadAllocatedBytes(tid);
    double perFrame = (double) (bytes1 - bytes0) / frames;
    assertTrue(perFrame < MAX_BYTES_PER_RENDER, perFrame + " bytes allocated per render");
  }

  @Test
  void twoViewSceneKeepsTheReachableWorkspaceInBothViews() throws Exception {
    Scene scene = twoViews64();
    RobotModel m = RobotModel.fromUrdf(scene.robotFile());
    Scene single = scene.withExtraViews(java.util.List.of());
    Kinematics k = m.newKinematics();
    int hand = m.linkIndex("arm7_hand");
    Random rnd = new Random(13);
    double[] q = new double[7];
    double[] p = new double[3];
    double[] uv = new double[2];
    for (Scene.Camera view : scene.views()) {
      CameraRenderer r = CameraRenderer.create(m, single.withCamera(view));
      for (int trial = 0; trial < 300; trial++) {
        for (int i = 0; i < 7; i++) {
          var l = m.movingJoint(i).limits();
          q[i] = l.lower() + rnd.nextDouble() * (l.upper() - l.lower());
        }
        k.update(q);
        k.pointPosition(hand, 0, 0, 0.0325, p);
        if (p[2] < 0.05) {
          continue; // below the floor: not a pose the arm can take
        }
        assertTrue(r.project(p[0], p[1], p[2], uv));
        String where = "hand at " + java.util.Arrays.toString(p) + " seen by " + view.positionM();
        assertTrue(uv[0] >= 0 && uv[0] <= 63 && uv[1] >= 0 && uv[1] <= 63, where);
      }
    }
  }
}
