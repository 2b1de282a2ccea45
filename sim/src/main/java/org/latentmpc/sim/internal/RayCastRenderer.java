package org.latentmpc.sim.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.latentmpc.robot.Geometry;
import org.latentmpc.robot.Kinematics;
import org.latentmpc.robot.Link;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.robot.Vec3;
import org.latentmpc.robot.Visual;
import org.latentmpc.sim.CameraRenderer;
import org.latentmpc.sim.Scene;

/**
 * Renders by casting one ray per pixel against analytic shapes. Each shape only tests the pixels
 * inside the screen rectangle of its bounding sphere; a depth buffer keeps the nearest hit. All
 * buffers are allocated in the constructor.
 */
public final class RayCastRenderer implements CameraRenderer {
  private static final int BOX = 0;
  private static final int CYLINDER = 1;
  private static final int SPHERE = 2;
  private static final int CAPSULE = 3;
  private static final double EPS_T = 1e-9;
  private static final double NEAR_M = 1e-3;

  private final Kinematics kinematics;
  private final int width;
  private final int height;
  private final int count;
  private final int[] type;
  private final int[] link;
  private final double[] localR;
  private final double[] localP;
  private final double[] dims;
  private final double[] color;
  private final double[] bound;
  private final double[] worldR;
  private final double[] worldP;
  private final double[] eyeLocal;

  private final double[] dirs;
  private final float[] baseDepth;
  private final int[] baseHit;
  private final byte[] baseRgb;
  private final float[] depth;
  private final int[] hit;
  private final double[] pose = new double[12];

  private final double[] lightDir = new double[3];
  private final double ambient;
  private final double[] background = new double[3];
  private final boolean hasFloor;
  private final double floorHeight;
  private final double[] floorColor = new double[3];

  private final double[] eye = new double[3];
  private final double[] fwd = new double[3];
  private final double[] right = new double[3];
  private final double[] up = new double[3];
  private final double focal;
  private final double cx;
  private final double cy;

  private final double[] marker = new double[3];
  private final double markerRadius;
  private final double[] markerColor = new double[3];
  private boolean markerVisible;

  // Result of the last intersection (local normal).
  private double nx;
  private double ny;
  private double nz;

  /** Builds the shape list from the model's visuals and the scene. */
  public RayCastRenderer(RobotModel model, Scene scene) {
    kinematics = model.newKinematics();
    Scene.Camera cam = scene.camera();
    width = cam.widthPx();
    height = cam.heightPx();
    List<double[]> shapes = new ArrayList<>();
    List<Integer> links = new ArrayList<>();
    List<Visual> visuals = new ArrayList<>();
    for (int l = 0; l < model.links().size(); l++) {
      Link link = model.links().get(l);
      for (Visual v : link.visuals()) {
        visuals.add(v);
        links.add(l);
      }
    }
    count = visuals.size();
    type = new int[count];
    link = new int[count];
    localR = new double[9 * count];
    localP = new double[3 * count];
    dims = new double[3 * count];
    color = new double[3 * count];
    bound = new double[count];
    worldR = new double[9 * count];
    worldP = new double[3 * count];
    eyeLocal = new double[3 * count];
    for (int i = 0; i < count; i++) {
      Visual v = visuals.get(i);
      link[i] = links.get(i);
      v.origin().rotationMatrix(localR, 9 * i);
      localP[3 * i] = v.origin().xyzM().x();
      localP[3 * i + 1] = v.origin().xyzM().y();
      localP[3 * i + 2] = v.origin().xyzM().z();
      Geometry g = v.geometry();
      bound[i] = g.boundingRadiusM();
      if (g instanceof Geometry.Box b) {
        type[i] = BOX;
        dims[3 * i] = b.sizeXM() / 2;
        dims[3 * i + 1] = b.sizeYM() / 2;
        dims[3 * i + 2] = b.sizeZM() / 2;
      } else if (g instanceof Geometry.Cylinder c) {
        type[i] = CYLINDER;
        dims[3 * i] = c.radiusM();
        dims[3 * i + 1] = c.lengthM() / 2;
      } else if (g instanceof Geometry.Sphere s) {
        type[i] = SPHERE;
        dims[3 * i] = s.radiusM();
      } else {
        Geometry.Capsule c = (Geometry.Capsule) g;
        type[i] = CAPSULE;
        dims[3 * i] = c.radiusM();
        dims[3 * i + 1] = c.lengthM() / 2;
      }
      String linkName = model.links().get(link[i]).name();
      Scene.Rgb override = scene.linkColors().get(linkName);
      double r, gg, b;
      if (override != null) {
        r = override.r();
        gg = override.g();
        b = override.b();
      } else if (v.material() != null) {
        r = v.material().r();
        gg = v.material().g();
        b = v.material().b();
      } else {
        r = scene.defaultLinkColor().r();
        gg = scene.defaultLinkColor().g();
        b = scene.defaultLinkColor().b();
      }
      color[3 * i] = r;
      color[3 * i + 1] = gg;
      color[3 * i + 2] = b;
    }
    Vec3 l = scene.lightDirection();
    double ln = l.norm();
    lightDir[0] = l.x() / ln;
    lightDir[1] = l.y() / ln;
    lightDir[2] = l.z() / ln;
    ambient = scene.ambient();
    background[0] = scene.background().r();
    background[1] = scene.background().g();
    background[2] = scene.background().b();
    hasFloor = scene.floor() != null;
    floorHeight = hasFloor ? scene.floor().heightM() : 0;
    if (hasFloor) {
      floorColor[0] = scene.floor().color().r();
      floorColor[1] = scene.floor().color().g();
      floorColor[2] = scene.floor().color().b();
    }
    Scene.Marker mk = scene.marker();
    marker[0] = mk.positionM().x();
    marker[1] = mk.positionM().y();
    marker[2] = mk.positionM().z();
    markerRadius = mk.radiusM();
    markerColor[0] = mk.color().r();
    markerColor[1] = mk.color().g();
    markerColor[2] = mk.color().b();
    markerVisible = mk.visible();
    int pixels = width * height;
    dirs = new double[3 * pixels];
    baseDepth = new float[pixels];
    baseHit = new int[pixels];
    baseRgb = new byte[3 * pixels];
    depth = new float[pixels];
    hit = new int[pixels];
    focal = 0.5 * height / Math.tan(Math.toRadians(cam.fovYDeg()) / 2);
    cx = width / 2.0 - 0.5;
    cy = height / 2.0 - 0.5;
    setCameraPose(cam.positionM(), cam.lookAtM(), cam.up());
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public double focalLengthPx() {
    return focal;
  }

  @Override
  public double principalPointXPx() {
    return cx;
  }

  @Override
  public double principalPointYPx() {
    return cy;
  }

  @Override
  public void setCameraPose(Vec3 position, Vec3 lookAt, Vec3 upHint) {
    double[] f = {lookAt.x() - position.x(), lookAt.y() - position.y(), lookAt.z() - position.z()};
    double fn = Math.sqrt(f[0] * f[0] + f[1] * f[1] + f[2] * f[2]);
    if (!(fn > 1e-9) || !Double.isFinite(fn)) {
      throw new IllegalArgumentException(
          "camera position and look-at point must differ and be finite");
    }
    for (int k = 0; k < 3; k++) {
      f[k] /= fn;
    }
    double rx = f[1] * upHint.z() - f[2] * upHint.y();
    double ry = f[2] * upHint.x() - f[0] * upHint.z();
    double rz = f[0] * upHint.y() - f[1] * upHint.x();
    double rn = Math.sqrt(rx * rx + ry * ry + rz * rz);
    if (!(rn > 1e-6 * upHint.norm()) || !Double.isFinite(rn)) {
      throw new IllegalArgumentException("camera up vector is parallel to the viewing direction");
    }
    eye[0] = position.x();
    eye[1] = position.y();
    eye[2] = position.z();
    System.arraycopy(f, 0, fwd, 0, 3);
    right[0] = rx / rn;
    right[1] = ry / rn;
    right[2] = rz / rn;
    up[0] = right[1] * fwd[2] - right[2] * fwd[1];
    up[1] = right[2] * fwd[0] - right[0] * fwd[2];
    up[2] = right[0] * fwd[1] - right[1] * fwd[0];
    for (int v = 0; v < height; v++) {
      for (int u = 0; u < width; u++) {
        int o = 3 * (v * width + u);
        double a = (u - cx) / focal;
        double b = -(v - cy) / focal;
        for (int k = 0; k < 3; k++) {
          dirs[o + k] = fwd[k] + a * right[k] + b * up[k];
        }
      }
    }
    // The static background: sky colour and the floor plane.
    for (int p = 0; p < width * height; p++) {
      baseDepth[p] = Float.POSITIVE_INFINITY;
      baseHit[p] = HIT_BACKGROUND;
      double r = background[0], g = background[1], b = background[2];
      double dz = dirs[3 * p + 2];
      if (hasFloor && dz != 0) {
        double t = (floorHeight - eye[2]) / dz;
        if (t > NEAR_M) {
          baseDepth[p] = (float) t;
          baseHit[p] = HIT_FLOOR;
          double facing = eye[2] >= floorHeight ? 1 : -1;
          double s = shade(0, 0, facing);
          r = floorColor[0] * s;
          g = floorColor[1] * s;
          b = floorColor[2] * s;
        }
      }
      baseRgb[3 * p] = toByte(r);
      baseRgb[3 * p + 1] = toByte(g);
      baseRgb[3 * p + 2] = toByte(b);
    }
  }

  private double shade(double wx, double wy, double wz) {
    double d = wx * lightDir[0] + wy * lightDir[1] + wz * lightDir[2];
    return ambient + (1 - ambient) * (d > 0 ? d : 0);
  }

  private static byte toByte(double c) {
    int v = (int) (c * 255 + 0.5);
    return (byte) (v < 0 ? 0 : (v > 255 ? 255 : v));
  }

  @Override
  public void setTargetMarker(double x, double y, double z) {
    if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
      throw new IllegalArgumentException("target marker position must be finite");
    }
    marker[0] = x;
    marker[1] = y;
    marker[2] = z;
  }

  @Override
  public void setTargetMarkerVisible(boolean visible) {
    markerVisible = visible;
  }

  @Override
  public void getTargetMarker(double[] out3) {
    System.arraycopy(marker, 0, out3, 0, 3);
  }

  @Override
  public boolean targetMarkerVisible() {
    return markerVisible;
  }

  @Override
  public boolean project(double x, double y, double z, double[] uvOut) {
    double dx = x - eye[0], dy = y - eye[1], dz = z - eye[2];
    double zc = dx * fwd[0] + dy * fwd[1] + dz * fwd[2];
    if (zc <= 0) {
      return false;
    }
    double xc = dx * right[0] + dy * right[1] + dz * right[2];
    double yc = dx * up[0] + dy * up[1] + dz * up[2];
    uvOut[0] = cx + focal * xc / zc;
    uvOut[1] = cy - focal * yc / zc;
    return true;
  }

  @Override
  public int hitAt(int u, int v) {
    return hit[v * width + u];
  }

  @Override
  public void render(double[] q, byte[] rgb) {
    if (rgb.length != 3 * width * height) {
      throw new IllegalArgumentException(
          "image buffer has " + rgb.length + " bytes, expected " + (3 * width * height));
    }
    kinematics.update(q);
    System.arraycopy(baseRgb, 0, rgb, 0, rgb.length);
    System.arraycopy(baseDepth, 0, depth, 0, depth.length);
    System.arraycopy(baseHit, 0, hit, 0, hit.length);
    for (int i = 0; i < count; i++) {
      placeShape(i);
      drawShape(i, rgb);
    }
    if (markerVisible) {
      drawMarker(rgb);
    }
  }

  /** World pose of shape i = link pose * visual origin; and the eye in shape coordinates. */
  private void placeShape(int i) {
    kinematics.linkPose(link[i], pose);
    int o9 = 9 * i, o3 = 3 * i;
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        worldR[o9 + 3 * a + b] =
            pose[3 * a] * localR[o9 + b]
                + pose[3 * a + 1] * localR[o9 + 3 + b]
                + pose[3 * a + 2] * localR[o9 + 6 + b];
      }
      worldP[o3 + a] =
          pose[9 + a]
              + pose[3 * a] * localP[o3]
              + pose[3 * a + 1] * localP[o3 + 1]
              + pose[3 * a + 2] * localP[o3 + 2];
    }
    double ex = eye[0] - worldP[o3], ey = eye[1] - worldP[o3 + 1], ez = eye[2] - worldP[o3 + 2];
    for (int a = 0; a < 3; a++) {
      eyeLocal[o3 + a] = worldR[o9 + a] * ex + worldR[o9 + 3 + a] * ey + worldR[o9 + 6 + a] * ez;
    }
  }

  /**
   * Pixel bounds {umin, umax, vmin, vmax} of a bounding sphere, or null-equivalent (umin > umax).
   */
  private final int[] rect = new int[4];

  private void screenRect(double x, double y, double z, double radius) {
    double dx = x - eye[0], dy = y - eye[1], dz = z - eye[2];
    double zc = dx * fwd[0] + dy * fwd[1] + dz * fwd[2];
    if (zc + radius <= NEAR_M) {
      rect[0] = 1;
      rect[1] = 0;
      return;
    }
    if (zc - radius <= NEAR_M) {
      rect[0] = 0;
      rect[1] = width - 1;
      rect[2] = 0;
      rect[3] = height - 1;
      return;
    }
    double xc = dx * right[0] + dy * right[1] + dz * right[2];
    double yc = dx * up[0] + dy * up[1] + dz * up[2];
    double zn = zc - radius, zf = zc + radius;
    double x0 = xc - radius, x1 = xc + radius, y0 = yc - radius, y1 = yc + radius;
    double umin = cx + focal * Math.min(x0 / zn, x0 / zf);
    double umax = cx + focal * Math.max(x1 / zn, x1 / zf);
    double vmin = cy - focal * Math.max(y1 / zn, y1 / zf);
    double vmax = cy - focal * Math.min(y0 / zn, y0 / zf);
    rect[0] = Math.max(0, (int) Math.floor(umin) - 1);
    rect[1] = Math.min(width - 1, (int) Math.ceil(umax) + 1);
    rect[2] = Math.max(0, (int) Math.floor(vmin) - 1);
    rect[3] = Math.min(height - 1, (int) Math.ceil(vmax) + 1);
  }

  private void drawShape(int i, byte[] rgb) {
    int o9 = 9 * i, o3 = 3 * i;
    screenRect(worldP[o3], worldP[o3 + 1], worldP[o3 + 2], bound[i]);
    double ox = eyeLocal[o3], oy = eyeLocal[o3 + 1], oz = eyeLocal[o3 + 2];
    int t = type[i];
    double d0 = dims[o3], d1 = dims[o3 + 1], d2 = dims[o3 + 2];
    for (int v = rect[2]; v <= rect[3]; v++) {
      for (int u = rect[0]; u <= rect[1]; u++) {
        int p = v * width + u;
        double wx = dirs[3 * p], wy = dirs[3 * p + 1], wz = dirs[3 * p + 2];
        double lx = worldR[o9] * wx + worldR[o9 + 3] * wy + worldR[o9 + 6] * wz;
        double ly = worldR[o9 + 1] * wx + worldR[o9 + 4] * wy + worldR[o9 + 7] * wz;
        double lz = worldR[o9 + 2] * wx + worldR[o9 + 5] * wy + worldR[o9 + 8] * wz;
        double tHit;
        switch (t) {
          case BOX:
            tHit = box(ox, oy, oz, lx, ly, lz, d0, d1, d2);
            break;
          case CYLINDER:
            tHit = cylinder(ox, oy, oz, lx, ly, lz, d0, d1);
            break;
          case SPHERE:
            tHit = sphere(ox, oy, oz, lx, ly, lz, d0);
            break;
          default:
            tHit = capsule(ox, oy, oz, lx, ly, lz, d0, d1);
            break;
        }
        if (tHit < depth[p]) {
          depth[p] = (float) tHit;
          hit[p] = link[i];
          // Normal to world, facing the camera.
          double mx = worldR[o9] * nx + worldR[o9 + 1] * ny + worldR[o9 + 2] * nz;
          double my = worldR[o9 + 3] * nx + worldR[o9 + 4] * ny + worldR[o9 + 5] * nz;
          double mz = worldR[o9 + 6] * nx + worldR[o9 + 7] * ny + worldR[o9 + 8] * nz;
          if (mx * wx + my * wy + mz * wz > 0) {
            mx = -mx;
            my = -my;
            mz = -mz;
          }
          double s = shade(mx, my, mz);
          rgb[3 * p] = toByte(color[o3] * s);
          rgb[3 * p + 1] = toByte(color[o3 + 1] * s);
          rgb[3 * p + 2] = toByte(color[o3 + 2] * s);
        }
      }
    }
  }

  private void drawMarker(byte[] rgb) {
    screenRect(marker[0], marker[1], marker[2], markerRadius);
    double ox = eye[0] - marker[0], oy = eye[1] - marker[1], oz = eye[2] - marker[2];
    for (int v = rect[2]; v <= rect[3]; v++) {
      for (int u = rect[0]; u <= rect[1]; u++) {
        int p = v * width + u;
        double wx = dirs[3 * p], wy = dirs[3 * p + 1], wz = dirs[3 * p + 2];
        double tHit = sphere(ox, oy, oz, wx, wy, wz, markerRadius);
        if (tHit < depth[p]) {
          depth[p] = (float) tHit;
          hit[p] = HIT_MARKER;
          double s = shade(nx, ny, nz);
          rgb[3 * p] = toByte(markerColor[0] * s);
          rgb[3 * p + 1] = toByte(markerColor[1] * s);
          rgb[3 * p + 2] = toByte(markerColor[2] * s);
        }
      }
    }
  }

  // ---- ray / shape intersections in shape coordinates; return t or +infinity; set (nx, ny, nz).

  private double sphere(
      double ox, double oy, double oz, double dx, double dy, double dz, double r) {
    double a = dx * dx + dy * dy + dz * dz;
    double b = ox * dx + oy * dy + oz * dz;
    double c = ox * ox + oy * oy + oz * oz - r * r;
    double disc = b * b - a * c;
    if (disc < 0) {
      return Double.POSITIVE_INFINITY;
    }
    double t = (-b - Math.sqrt(disc)) / a;
    if (t <= EPS_T) {
      return Double.POSITIVE_INFINITY;
    }
    nx = (ox + t * dx) / r;
    ny = (oy + t * dy) / r;
    nz = (oz + t * dz) / r;
    return t;
  }

  private double cylinder(
      double ox, double oy, double oz, double dx, double dy, double dz, double r, double hl) {
    double best = Double.POSITIVE_INFINITY;
    double a = dx * dx + dy * dy;
    if (a > 0) {
      double b = ox * dx + oy * dy;
      double c = ox * ox + oy * oy - r * r;
      double disc = b * b - a * c;
      if (disc >= 0) {
        double t = (-b - Math.sqrt(disc)) / a;
        double z = oz + t * dz;
        if (t > EPS_T && z >= -hl && z <= hl) {
          best = t;
          nx = (ox + t * dx) / r;
          ny = (oy + t * dy) / r;
          nz = 0;
        }
      }
    }
    if (dz != 0) {
      for (int s = -1; s <= 1; s += 2) {
        double t = (s * hl - oz) / dz;
        if (t > EPS_T && t < best) {
          double x = ox + t * dx, y = oy + t * dy;
          if (x * x + y * y <= r * r) {
            best = t;
            nx = 0;
            ny = 0;
            nz = s;
          }
        }
      }
    }
    return best;
  }

  private double capsule(
      double ox, double oy, double oz, double dx, double dy, double dz, double r, double hl) {
    double best = Double.POSITIVE_INFINITY;
    double bx = 0, by = 0, bz = 0;
    double a = dx * dx + dy * dy;
    if (a > 0) {
      double b = ox * dx + oy * dy;
      double c = ox * ox + oy * oy - r * r;
      double disc = b * b - a * c;
      if (disc >= 0) {
        double t = (-b - Math.sqrt(disc)) / a;
        double z = oz + t * dz;
        if (t > EPS_T && z >= -hl && z <= hl) {
          best = t;
          bx = (ox + t * dx) / r;
          by = (oy + t * dy) / r;
          bz = 0;
        }
      }
    }
    for (int s = -1; s <= 1; s += 2) {
      double t = sphere(ox, oy, oz - s * hl, dx, dy, dz, r);
      if (t < best) {
        best = t;
        bx = nx;
        by = ny;
        bz = nz;
      }
    }
    nx = bx;
    ny = by;
    nz = bz;
    return best;
  }

  private double box(
      double ox,
      double oy,
      double oz,
      double dx,
      double dy,
      double dz,
      double hx,
      double hy,
      double hz) {
    double tNear = Double.NEGATIVE_INFINITY;
    double tFar = Double.POSITIVE_INFINITY;
    int axis = -1;
    double sign = 0;
    for (int k = 0; k < 3; k++) {
      double o = k == 0 ? ox : (k == 1 ? oy : oz);
      double d = k == 0 ? dx : (k == 1 ? dy : dz);
      double h = k == 0 ? hx : (k == 1 ? hy : hz);
      if (Math.abs(d) < 1e-15) {
        if (o < -h || o > h) {
          return Double.POSITIVE_INFINITY;
        }
        continue;
      }
      double t1 = (-h - o) / d;
      double t2 = (h - o) / d;
      double lo = Math.min(t1, t2);
      double hi = Math.max(t1, t2);
      if (lo > tNear) {
        tNear = lo;
        axis = k;
        sign = d > 0 ? -1 : 1;
      }
      if (hi < tFar) {
        tFar = hi;
      }
    }
    if (tNear > tFar || tNear <= EPS_T || axis < 0) {
      return Double.POSITIVE_INFINITY;
    }
    nx = axis == 0 ? sign : 0;
    ny = axis == 1 ? sign : 0;
    nz = axis == 2 ? sign : 0;
    return tNear;
  }

  /** Copies shape colours (tests). */
  double[] shapeColors() {
    return Arrays.copyOf(color, color.length);
  }
}
