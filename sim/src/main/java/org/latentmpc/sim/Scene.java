package org.latentmpc.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentmpc.robot.Joint;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.robot.Vec3;
import org.latentmpc.sim.internal.SceneParser;

/**
 * What the camera sees besides the robot, and where it looks from: a scene file (YAML) such as
 * {@code sim-configs/scenes/reacher2.yaml}. Immutable.
 *
 * <p>A scene may have several views: the main {@code camera} (view 0) plus {@code extraViews}
 * (views 1, 2, ...). They are rendered side by side into one image, view 0 on the left, each tile
 * {@code camera().widthPx()} wide and {@code camera().heightPx()} high, so the whole image is
 * {@link #imageWidthPx()} by {@link #imageHeightPx()} pixels. Every view has the camera's pixel
 * size; {@link #withImageSize} sizes the whole tiled image.
 *
 * @param robotFile the URDF the scene is made for, resolved against the scene file's folder ({@code
 *     null} if not given)
 * @param camera camera pose, field of view and image size
 * @param background colour of pixels that see nothing
 * @param floor a horizontal floor plane ({@code null} for none)
 * @param lightDirection direction towards the (distant) light, world frame, need not be unit
 * @param ambient the share of light that reaches surfaces facing away from the light, in [0, 1]
 * @param defaultLinkColor colour of visuals with no material and no entry in {@code linkColors}
 * @param linkColors per-link colours that override the URDF materials
 * @param marker the target marker sphere
 * @param initialPositions initial joint positions by joint name (joints not listed start at 0,
 *     clamped into their limits)
 * @param extraViews further views rendered to the right of the camera's, in order (empty for a
 *     single-view scene); their image size is always the camera's (the constructor sets it)
 */
public record Scene(
    Path robotFile,
    Camera camera,
    Rgb background,
    Floor floor,
    Vec3 lightDirection,
    double ambient,
    Rgb defaultLinkColor,
    Map<String, Rgb> linkColors,
    Marker marker,
    Map<String, Double> initialPositions,
    List<Camera> extraViews) {

  /** Copies the maps and the views; gives every extra view the camera's image size. */
  public Scene {
    linkColors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(linkColors));
    initialPositions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(initialPositions));
    List<Camera> views = new ArrayList<>();
    for (Camera v : extraViews == null ? List.<Camera>of() : extraViews) {
      views.add(v.withSize(camera.widthPx(), camera.heightPx()));
    }
    extraViews = List.copyOf(views);
  }

  /** A single-view scene (no extra views). */
  public Scene(
      Path robotFile,
      Camera camera,
      Rgb background,
      Floor floor,
      Vec3 lightDirection,
      double ambient,
      Rgb defaultLinkColor,
      Map<String, Rgb> linkColors,
      Marker marker,
      Map<String, Double> initialPositions) {
    this(
        robotFile,
        camera,
        background,
        floor,
        lightDirection,
        ambient,
        defaultLinkColor,
        linkColors,
        marker,
        initialPositions,
        List.of());
  }

  /** A colour with components in [0, 1]. */
  public record Rgb(double r, double g, double b) {}

  /**
   * A pinhole camera at {@code positionM} looking at {@code lookAtM} (world frame, metres), with
   * {@code up} the world direction that appears upwards in the image, vertical field of view {@code
   * fovYDeg} (degrees) and image size in pixels (of this view alone).
   */
  public record Camera(
      Vec3 positionM, Vec3 lookAtM, Vec3 up, double fovYDeg, int widthPx, int heightPx) {
    /** Default image size (pixels, square). */
    public static final int DEFAULT_SIZE_PX = 64;

    /** A copy with another image size. */
    public Camera withSize(int width, int height) {
      return new Camera(positionM, lookAtM, up, fovYDeg, width, height);
    }
  }

  /** A horizontal floor plane at height {@code heightM} (world z). */
  public record Floor(double heightM, Rgb color) {}

  /** The target marker: a sphere of {@code radiusM} at {@code positionM} (world frame). */
  public record Marker(Vec3 positionM, double radiusM, Rgb color, boolean visible) {}

  /** Reads a scene file. */
  public static Scene load(Path file) throws SceneException {
    return SceneParser.load(file);
  }

  /**
   * Parses scene YAML; {@code robot} paths resolve against {@code baseDir}; errors name {@code
   * sourceName}.
   */
  public static Scene parse(String yaml, Path baseDir, String sourceName) throws SceneException {
    return SceneParser.parse(yaml, baseDir, sourceName);
  }

  /**
   * A plain default scene: camera at (1, -1, 1) m looking at (0, 0, 0.3) m, no floor, no marker.
   */
  public static Scene defaults() {
    return new Scene(
        null,
        new Camera(
            new Vec3(1, -1, 1),
            new Vec3(0, 0, 0.3),
            new Vec3(0, 0, 1),
            45,
            Camera.DEFAULT_SIZE_PX,
            Camera.DEFAULT_SIZE_PX),
        new Rgb(0.1, 0.1, 0.12),
        null,
        new Vec3(0.3, -0.2, 1.0),
        0.35,
        new Rgb(0.7, 0.7, 0.7),
        Map.of(),
        new Marker(new Vec3(0, 0, 0), 0.02, new Rgb(0.1, 0.9, 0.2), false),
        Map.of());
  }

  /**
   * A copy with another camera (view 0). The extra views take the new camera's image size, so
   * {@code withCamera(camera().withSize(w, h))} makes every view {@code w x h}; to size the whole
   * tiled image use {@link #withImageSize}.
   */
  public Scene withCamera(Camera c) {
    return new Scene(
        robotFile,
        c,
        background,
        floor,
        lightDirection,
        ambient,
        defaultLinkColor,
        linkColors,
        marker,
        initialPositions,
        extraViews);
  }

  /** A copy with other extra views (empty for a single view); they take the camera's size. */
  public Scene withExtraViews(List<Camera> views) {
    return new Scene(
        robotFile,
        camera,
        background,
        floor,
        lightDirection,
        ambient,
        defaultLinkColor,
        linkColors,
        marker,
        initialPositions,
        views);
  }

  /** All views in image order (left to right): the camera, then the extra views. */
  public List<Camera> views() {
    List<Camera> all = new ArrayList<>(1 + extraViews.size());
    all.add(camera);
    all.addAll(extraViews);
    return List.copyOf(all);
  }

  /** Number of views (1 + extra views), i.e. of tiles side by side in the image. */
  public int viewCount() {
    return 1 + extraViews.size();
  }

  /** Width of the whole (tiled) image in pixels: views times the camera's width. */
  public int imageWidthPx() {
    return viewCount() * camera.widthPx();
  }

  /** Height of the whole image in pixels: the camera's height. */
  public int imageHeightPx() {
    return camera.heightPx();
  }

  /**
   * A copy whose whole (tiled) image is {@code totalWidthPx x heightPx}: each view becomes {@code
   * totalWidthPx / viewCount()} pixels wide and {@code heightPx} high (fields of view unchanged).
   *
   * @throws IllegalArgumentException if a size is not positive or {@code totalWidthPx} is not a
   *     multiple of the number of views
   */
  public Scene withImageSize(int totalWidthPx, int heightPx) {
    int n = viewCount();
    if (totalWidthPx <= 0 || heightPx <= 0) {
      throw new IllegalArgumentException(
          "image size must be positive, got " + totalWidthPx + "x" + heightPx);
    }
    if (totalWidthPx % n != 0) {
      throw new IllegalArgumentException(
          "image width "
              + totalWidthPx
              + " px is not a multiple of the scene's "
              + n
              + " views side by side (each view is width / "
              + n
              + " px wide)");
    }
    return withCamera(camera.withSize(totalWidthPx / n, heightPx));
  }

  /** A copy with another marker. */
  public Scene withMarker(Marker m) {
    return new Scene(
        robotFile,
        camera,
        background,
        floor,
        lightDirection,
        ambient,
        defaultLinkColor,
        linkColors,
        m,
        initialPositions,
        extraViews);
  }

  /**
   * The initial configuration for {@code model} (dof order): listed joints at their values, others
   * at zero clamped into their limits.
   *
   * @throws SceneException if a listed joint does not exist or is not a moving joint, or a value is
   *     outside the joint's position limits
   */
  public double[] initialPositions(RobotModel model) throws SceneException {
    double[] q = new double[model.dof()];
    for (int i = 0; i < q.length; i++) {
      var l = model.movingJoint(i).limits();
      q[i] = l.hasPositionLimits() ? l.clampPosition(0) : 0;
    }
    for (Map.Entry<String, Double> e : initialPositions.entrySet()) {
      int i = model.dofIndex(e.getKey());
      if (i < 0) {
        throw new SceneException(
            "initial_positions: '"
                + e.getKey()
                + "' is not a moving joint of robot '"
                + model.name()
                + "' (joints: "
                + model.jointNames()
                + ")");
      }
      Joint j = model.movingJoint(i);
      double v = e.getValue();
      if (j.limits().hasPositionLimits() && (v < j.limits().lower() || v > j.limits().upper())) {
        throw new SceneException(
            "initial_positions: "
                + e.getKey()
                + " = "
                + v
                + " is outside its limits ["
                + j.limits().lower()
                + ", "
                + j.limits().upper()
                + "]");
      }
      q[i] = v;
    }
    return q;
  }

  /** Names of the top-level keys a scene file may have. */
  public static List<String> keys() {
    return SceneParser.TOP_KEYS;
  }
}
