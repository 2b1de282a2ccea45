package org.latentmpc.sim.internal;

import java.util.List;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.robot.Vec3;
import org.latentmpc.sim.CameraRenderer;
import org.latentmpc.sim.Scene;

/**
 * Renders a scene's views side by side into one image (view 0 on the left): one {@link
 * RayCastRenderer} per view, each into its own preallocated buffer whose rows are then copied into
 * the view's tile. Intrinsics, {@link #project} and {@link #setCameraPose} are those of view 0;
 * {@link #hitAt} addresses the whole image; the target marker is shared by all views. Rendering
 * allocates nothing.
 */
public final class TiledRenderer implements CameraRenderer {
  private final RayCastRenderer[] views;
  private final byte[][] buffers;
  private final int viewWidth;
  private final int width;
  private final int height;

  /** One ray-cast renderer per view of {@code scene} (which has at least one extra view). */
  public TiledRenderer(RobotModel model, Scene scene) {
    List<Scene.Camera> cams = scene.views();
    Scene single = scene.withExtraViews(List.of());
    views = new RayCastRenderer[cams.size()];
    buffers = new byte[cams.size()][];
    for (int i = 0; i < views.length; i++) {
      views[i] = new RayCastRenderer(model, single.withCamera(cams.get(i)));
      buffers[i] = new byte[3 * views[i].width() * views[i].height()];
    }
    viewWidth = scene.camera().widthPx();
    width = scene.imageWidthPx();
    height = scene.imageHeightPx();
  }

  /** Number of views (tiles). */
  public int viewCount() {
    return views.length;
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
    return views[0].focalLengthPx();
  }

  @Override
  public double principalPointXPx() {
    return views[0].principalPointXPx();
  }

  @Override
  public double principalPointYPx() {
    return views[0].principalPointYPx();
  }

  @Override
  public void setCameraPose(Vec3 positionM, Vec3 lookAtM, Vec3 up) {
    views[0].setCameraPose(positionM, lookAtM, up);
  }

  @Override
  public void setTargetMarker(double xM, double yM, double zM) {
    views[0].setTargetMarker(xM, yM, zM); // validates before any view changes
    for (int i = 1; i < views.length; i++) {
      views[i].setTargetMarker(xM, yM, zM);
    }
  }

  @Override
  public void setTargetMarkerVisible(boolean visible) {
    for (RayCastRenderer v : views) {
      v.setTargetMarkerVisible(visible);
    }
  }

  @Override
  public void getTargetMarker(double[] out3) {
    views[0].getTargetMarker(out3);
  }

  @Override
  public boolean targetMarkerVisible() {
    return views[0].targetMarkerVisible();
  }

  @Override
  public void render(double[] q, byte[] rgbOut) {
    if (rgbOut.length != 3 * width * height) {
      throw new IllegalArgumentException(
          "image buffer has " + rgbOut.length + " bytes, expected " + (3 * width * height));
    }
    int rowBytes = 3 * viewWidth;
    int imageRowBytes = 3 * width;
    for (int i = 0; i < views.length; i++) {
      views[i].render(q, buffers[i]);
      byte[] src = buffers[i];
      int dst = i * rowBytes;
      for (int v = 0; v < height; v++) {
        System.arraycopy(src, v * rowBytes, rgbOut, v * imageRowBytes + dst, rowBytes);
      }
    }
  }

  @Override
  public boolean project(double xM, double yM, double zM, double[] uvOut) {
    return views[0].project(xM, yM, zM, uvOut);
  }

  @Override
  public int hitAt(int u, int v) {
    if (u < 0 || u >= width || v < 0 || v >= height) {
      throw new IndexOutOfBoundsException(
          "pixel (" + u + ", " + v + ") is outside the " + width + "x" + height + " image");
    }
    return views[u / viewWidth].hitAt(u % viewWidth, v);
  }
}
