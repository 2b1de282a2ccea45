package org.latentmpc.sim;

import org.latentmpc.robot.RobotModel;
import org.latentmpc.robot.Vec3;
import org.latentmpc.sim.internal.RayCastRenderer;
import org.latentmpc.sim.internal.TiledRenderer;

/**
 * A software camera: renders the robot's visual geometry (box, cylinder, sphere, capsule), the
 * floor and the target marker with a depth buffer and Lambert shading into an RGB image. Rendering
 * allocates nothing: the caller owns the output buffer. Not thread-safe.
 *
 * <p>Image convention (ROS {@code rgb8}, optical frame): row-major from the top-left pixel, 3 bytes
 * per pixel; pixel centres are at integer coordinates {@code (u, v)}, u to the right, v down; the
 * intrinsics are {@code fx = fy = focalLengthPx()}, principal point ({@code principalPointXPx()},
 * {@code principalPointYPx()}) = (width / 2 - 0.5, height / 2 - 0.5).
 *
 * <p>Several views: when the scene has {@linkplain Scene#extraViews() extra views}, the image is
 * the views rendered side by side, view 0 (the scene's {@code camera}) on the left, each tile
 * {@code Scene.camera().widthPx()} wide; {@link #width()} is the whole image's width. Then {@link
 * #focalLengthPx()}, the principal point, {@link #project} and {@link #setCameraPose} refer to view
 * 0 alone (its tile starts at u = 0, so its pixel coordinates are also the image's), while {@link
 * #hitAt} addresses the whole tiled image (it asks the view whose tile contains {@code u}). The
 * target marker is drawn in every view.
 */
public interface CameraRenderer {
  /** Hit id of pixels that see nothing. */
  int HIT_BACKGROUND = -1;

  /** Hit id of floor pixels. */
  int HIT_FLOOR = -2;

  /** Hit id of target-marker pixels. */
  int HIT_MARKER = -3;

  /**
   * Creates a renderer for {@code model} in {@code scene} (camera, colours, marker): a tiled one
   * when the scene has extra views.
   */
  static CameraRenderer create(RobotModel model, Scene scene) {
    if (!scene.extraViews().isEmpty()) {
      return new TiledRenderer(model, scene);
    }
    return new RayCastRenderer(model, scene);
  }

  /** Image width (pixels): of the whole image, all views side by side. */
  int width();

  /** Image height (pixels). */
  int height();

  /** Focal length (pixels), the same along u and v (of view 0). */
  double focalLengthPx();

  /** Principal point u (pixels, of view 0). */
  double principalPointXPx();

  /** Principal point v (pixels, of view 0). */
  double principalPointYPx();

  /**
   * Moves the camera (view 0; world frame, metres). {@code up} is the world direction that appears
   * upwards.
   *
   * @throws IllegalArgumentException if the pose is degenerate (position equals lookAt, up parallel
   *     to the view direction, non-finite values)
   */
  void setCameraPose(Vec3 positionM, Vec3 lookAtM, Vec3 up);

  /** Places the target marker centre at {@code (x, y, z)} (world frame, metres), in every view. */
  void setTargetMarker(double xM, double yM, double zM);

  /** Shows or hides the target marker. */
  void setTargetMarkerVisible(boolean visible);

  /** Copies the marker centre (m) into {@code out3}. */
  void getTargetMarker(double[] out3);

  /** Whether the target marker is drawn. */
  boolean targetMarkerVisible();

  /**
   * Renders the robot at joint positions {@code q} (dof order) into {@code rgbOut} ({@code 3 *
   * width * height} bytes).
   */
  void render(double[] q, byte[] rgbOut);

  /**
   * Projects a world point (metres) into view 0: {@code uvOut[0] = u}, {@code uvOut[1] = v}
   * (pixels, centres at integers). Returns false if the point is behind the camera.
   */
  boolean project(double xM, double yM, double zM, double[] uvOut);

  /**
   * What pixel {@code (u, v)} of the whole (tiled) image saw in the last render: a link index, or
   * {@link #HIT_BACKGROUND}, {@link #HIT_FLOOR}, {@link #HIT_MARKER}.
   */
  int hitAt(int u, int v);
}
