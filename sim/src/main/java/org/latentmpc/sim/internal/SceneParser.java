package org.latentmpc.sim.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentmpc.robot.Vec3;
import org.latentmpc.sim.Scene;
import org.latentmpc.sim.SceneException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads scene YAML (SnakeYAML, safe constructor) and checks every field. */
public final class SceneParser {
  /** Allowed top-level keys. */
  public static final List<String> TOP_KEYS =
      List.of(
          "robot",
          "camera",
          "background",
          "floor",
          "light_direction",
          "ambient",
          "default_link_color",
          "link_colors",
          "target_marker",
          "initial_positions",
          "extra_views");

  private static final List<String> CAMERA_KEYS =
      List.of("position", "look_at", "up", "fov_deg", "width", "height");
  private static final List<String> VIEW_KEYS = List.of("position", "look_at", "up", "fov_deg");
  private static final List<String> FLOOR_KEYS = List.of("height", "color");
  private static final List<String> MARKER_KEYS = List.of("position", "radius", "color", "visible");
  private static final int MAX_IMAGE_PX = 4096;

  private final String source;

  private SceneParser(String source) {
    this.source = source;
  }

  /** Reads a file. */
  public static Scene load(Path file) throws SceneException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new SceneException(file + ": cannot read scene file: " + e.getMessage(), e);
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(text, dir, file.toString());
  }

  /** Parses YAML text. */
  public static Scene parse(String yaml, Path baseDir, String sourceName) throws SceneException {
    return new SceneParser(sourceName).parse(yaml, baseDir);
  }

  private SceneException error(String field, String why) {
    return new SceneException(source + ": " + field + ": " + why);
  }

  private Scene parse(String yaml, Path baseDir) throws SceneException {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (YAMLException e) {
      throw new SceneException(source + ": not valid YAML: " + e.getMessage(), e);
    }
    Scene d = Scene.defaults();
    if (root == null) {
      return d;
    }
    Map<String, Object> top = map(root, "(top level)", TOP_KEYS);
    Path robot = null;
    if (top.containsKey("robot")) {
      Object r = top.get("robot");
      if (!(r instanceof String s) || s.isBlank()) {
        throw error("robot", "expected a path to a URDF file, got " + describe(r));
      }
      robot = baseDir == null ? Path.of(s) : baseDir.resolve(s).normalize();
    }
    Scene.Camera camera = d.camera();
    if (top.containsKey("camera")) {
      Map<String, Object> c = map(top.get("camera"), "camera", CAMERA_KEYS);
      Vec3 pos = vec(c, "camera.position", "position", camera.positionM());
      Vec3 look = vec(c, "camera.look_at", "look_at", camera.lookAtM());
      Vec3 up = vec(c, "camera.up", "up", camera.up());
      double fov = number(c, "camera.fov_deg", "fov_deg", camera.fovYDeg());
      if (!(fov > 0 && fov < 180)) {
        throw error("camera.fov_deg", "must be in (0, 180) degrees, got " + fov);
      }
      int w = integer(c, "camera.width", "width", camera.widthPx());
      int h = integer(c, "camera.height", "height", camera.heightPx());
      checkPose("camera", pos, look, up);
      camera = new Scene.Camera(pos, look, up, fov, w, h);
    }
    List<Scene.Camera> extraViews = new ArrayList<>();
    if (top.containsKey("extra_views") && top.get("extra_views") != null) {
      Object ev = top.get("extra_views");
      if (!(ev instanceof List<?> list)) {
        throw error(
            "extra_views",
            "expected a list of views (lines starting with '- position: ...'), got "
                + describe(ev));
      }
      for (int i = 0; i < list.size(); i++) {
        String field = "extra_views[" + i + "]";
        Object item = list.get(i);
        if (item instanceof Map<?, ?> im && (im.containsKey("width") || im.containsKey("height"))) {
          throw error(
              field,
              "width/height are not allowed: every view has the camera's pixel size"
                  + " (camera.width, camera.height)");
        }
        Map<String, Object> v = map(item, field, VIEW_KEYS);
        Vec3 pos = vec(v, field + ".position", "position", null);
        Vec3 look = vec(v, field + ".look_at", "look_at", null);
        Vec3 up = vec(v, field + ".up", "up", camera.up());
        double fov = number(v, field + ".fov_deg", "fov_deg", camera.fovYDeg());
        if (!(fov > 0 && fov < 180)) {
          throw error(field + ".fov_deg", "must be in (0, 180) degrees, got " + fov);
        }
        checkPose(field, pos, look, up);
        extraViews.add(new Scene.Camera(pos, look, up, fov, camera.widthPx(), camera.heightPx()));
      }
      long total = (long) (1 + extraViews.size()) * camera.widthPx();
      if (total > MAX_IMAGE_PX) {
        throw error(
            "extra_views",
            (1 + extraViews.size())
                + " views of "
                + camera.widthPx()
                + " px side by side make a "
                + total
                + " px wide image, more than "
                + MAX_IMAGE_PX);
      }
    }
    Scene.Rgb background = color(top, "background", "background", d.background());
    Scene.Floor floor = null;
    if (top.containsKey("floor") && top.get("floor") != null) {
      Map<String, Object> f = map(top.get("floor"), "floor", FLOOR_KEYS);
      floor =
          new Scene.Floor(
              number(f, "floor.height", "height", 0.0),
              color(f, "floor.color", "color", new Scene.Rgb(0.3, 0.3, 0.3)));
    }
    Vec3 light = vec(top, "light_direction", "light_direction", d.lightDirection());
    if (light.norm() < 1e-9) {
      throw error("light_direction", "must not be the zero vector");
    }
    double ambient = number(top, "ambient", "ambient", d.ambient());
    if (ambient < 0 || ambient > 1) {
      throw error("ambient", "must be in [0, 1], got " + ambient);
    }
    Scene.Rgb defaultColor =
        color(top, "default_link_color", "default_link_color", d.defaultLinkColor());
    Map<String, Scene.Rgb> linkColors = new LinkedHashMap<>();
    if (top.containsKey("link_colors") && top.get("link_colors") != null) {
      Map<String, Object> lc = map(top.get("link_colors"), "link_colors", null);
      for (String link : lc.keySet()) {
        linkColors.put(link, color(lc, "link_colors." + link, link, null));
      }
    }
    Scene.Marker marker = d.marker();
    if (top.containsKey("target_marker") && top.get("target_marker") != null) {
      Map<String, Object> m = map(top.get("target_marker"), "target_marker", MARKER_KEYS);
      Vec3 pos = vec(m, "target_marker.position", "position", null);
      double radius = number(m, "target_marker.radius", "radius", 0.02);
      if (!(radius > 0)) {
        throw error("target_marker.radius", "must be > 0 metres, got " + radius);
      }
      Scene.Rgb col = color(m, "target_marker.color", "color", marker.color());
      boolean visible = true;
      if (m.containsKey("visible")) {
        if (!(m.get("visible") instanceof Boolean b)) {
          throw error(
              "target_marker.visible", "expected true or false, got " + describe(m.get("visible")));
        }
        visible = b;
      }
      marker = new Scene.Marker(pos, radius, col, visible);
    }
    Map<String, Double> initial = new LinkedHashMap<>();
    if (top.containsKey("initial_positions") && top.get("initial_positions") != null) {
      Map<String, Object> ip = map(top.get("initial_positions"), "initial_positions", null);
      for (String joint : ip.keySet()) {
        initial.put(joint, number(ip, "initial_positions." + joint, joint, null));
      }
    }
    return new Scene(
        robot,
        camera,
        background,
        floor,
        light,
        ambient,
        defaultColor,
        linkColors,
        marker,
        initial,
        extraViews);
  }

  /** Rejects a pose whose look-at point is its position or whose up is along the view. */
  private void checkPose(String field, Vec3 pos, Vec3 look, Vec3 up) throws SceneException {
    double[] f = {look.x() - pos.x(), look.y() - pos.y(), look.z() - pos.z()};
    double fn = Math.sqrt(f[0] * f[0] + f[1] * f[1] + f[2] * f[2]);
    if (fn < 1e-9) {
      throw error(field + ".look_at", "must differ from " + field + ".position");
    }
    double cx = f[1] * up.z() - f[2] * up.y();
    double cy = f[2] * up.x() - f[0] * up.z();
    double cz = f[0] * up.y() - f[1] * up.x();
    if (Math.sqrt(cx * cx + cy * cy + cz * cz) < 1e-6 * fn * Math.max(up.norm(), 1e-300)) {
      throw error(field + ".up", "is parallel to the viewing direction (position -> look_at)");
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> map(Object o, String field, List<String> allowed)
      throws SceneException {
    if (!(o instanceof Map<?, ?> m)) {
      throw error(field, "expected a mapping (key: value lines), got " + describe(o));
    }
    for (Object k : m.keySet()) {
      if (!(k instanceof String)) {
        throw error(field, "keys must be names, got " + describe(k));
      }
      if (allowed != null && !allowed.contains(k)) {
        throw error(field, "unknown key '" + k + "' (allowed: " + String.join(", ", allowed) + ")");
      }
    }
    return (Map<String, Object>) m;
  }

  private double number(Map<String, Object> m, String field, String key, Double fallback)
      throws SceneException {
    if (!m.containsKey(key)) {
      if (fallback == null) {
        throw error(field, "is required");
      }
      return fallback;
    }
    Object o = m.get(key);
    if (!(o instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw error(field, "expected a finite number, got " + describe(o));
    }
    return n.doubleValue();
  }

  private int integer(Map<String, Object> m, String field, String key, int fallback)
      throws SceneException {
    if (!m.containsKey(key)) {
      return fallback;
    }
    Object o = m.get(key);
    if (!(o instanceof Integer i)) {
      throw error(field, "expected a whole number of pixels, got " + describe(o));
    }
    if (i < 1 || i > MAX_IMAGE_PX) {
      throw error(field, "must be between 1 and " + MAX_IMAGE_PX + " pixels, got " + i);
    }
    return i;
  }

  private double[] triple(Map<String, Object> m, String field, String key) throws SceneException {
    Object o = m.get(key);
    if (!(o instanceof List<?> l) || l.size() != 3) {
      throw error(field, "expected a list of 3 numbers like [0.1, 0.2, 0.3], got " + describe(o));
    }
    double[] out = new double[3];
    for (int i = 0; i < 3; i++) {
      if (!(l.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
        throw error(field, "element " + i + " is not a finite number: " + describe(l.get(i)));
      }
      out[i] = n.doubleValue();
    }
    return out;
  }

  private Vec3 vec(Map<String, Object> m, String field, String key, Vec3 fallback)
      throws SceneException {
    if (!m.containsKey(key)) {
      if (fallback == null) {
        throw error(field, "is required");
      }
      return fallback;
    }
    double[] t = triple(m, field, key);
    return new Vec3(t[0], t[1], t[2]);
  }

  private Scene.Rgb color(Map<String, Object> m, String field, String key, Scene.Rgb fallback)
      throws SceneException {
    if (!m.containsKey(key)) {
      if (fallback == null) {
        throw error(field, "is required");
      }
      return fallback;
    }
    double[] t = triple(m, field, key);
    for (double c : t) {
      if (c < 0 || c > 1) {
        throw error(field, "colour components must be in [0, 1], got " + m.get(key));
      }
    }
    return new Scene.Rgb(t[0], t[1], t[2]);
  }

  private static String describe(Object o) {
    if (o == null) {
      return "nothing";
    }
    String s = String.valueOf(o);
    if (s.length() > 60) {
      s = s.substring(0, 60) + "...";
    }
    return "'" + s + "'";
  }
}
