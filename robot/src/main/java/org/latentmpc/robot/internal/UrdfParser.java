package org.latentmpc.robot.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.latentmpc.robot.Collision;
import org.latentmpc.robot.Geometry;
import org.latentmpc.robot.Inertial;
import org.latentmpc.robot.Joint;
import org.latentmpc.robot.JointLimits;
import org.latentmpc.robot.JointType;
import org.latentmpc.robot.Link;
import org.latentmpc.robot.Material;
import org.latentmpc.robot.Pose;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.robot.SafetyController;
import org.latentmpc.robot.UrdfException;
import org.latentmpc.robot.Vec3;
import org.latentmpc.robot.Visual;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Parses URDF XML into a {@link RobotModel} with the JDK DOM parser, DTDs and external entities
 * disabled. Every error names the element, the link or joint and why.
 */
public final class UrdfParser {
  private UrdfParser() {}

  /** Parses URDF text. */
  public static RobotModel parse(String urdf) throws UrdfException {
    Document doc = readXml(urdf);
    Element robot = doc.getDocumentElement();
    if (!"robot".equals(robot.getTagName())) {
      throw new UrdfException(
          "root element is <" + robot.getTagName() + ">, expected <robot>: not a URDF document");
    }
    String robotName = robot.getAttribute("name");
    if (robotName.isEmpty()) {
      throw new UrdfException("<robot>: missing attribute 'name'");
    }
    Map<String, Material> materials = new HashMap<>();
    for (Element m : children(robot, "material")) {
      String where = "<material name='" + m.getAttribute("name") + "'>";
      if (m.getAttribute("name").isEmpty()) {
        throw new UrdfException("<robot>/<material>: missing attribute 'name'");
      }
      Material mat = material(m, where, materials);
      if (mat == null) {
        throw new UrdfException(where + ": a top-level material needs a <color rgba='...'>");
      }
      materials.put(mat.name(), mat);
    }
    List<Link> links = new ArrayList<>();
    for (Element l : children(robot, "link")) {
      links.add(link(l, materials));
    }
    List<Joint> joints = new ArrayList<>();
    for (Element j : children(robot, "joint")) {
      joints.add(joint(j));
    }
    return new RobotModel(robotName, links, joints);
  }

  private static Document readXml(String urdf) throws UrdfException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new InputSource(new StringReader(urdf)));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser lacks a required security feature", e);
    } catch (SAXException e) {
      throw new UrdfException("not well-formed XML (DOCTYPE is not allowed): " + e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new UrdfException("cannot read XML: " + e.getMessage(), e);
    }
  }

  private static Link link(Element l, Map<String, Material> materials) throws UrdfException {
    String name = l.getAttribute("name");
    if (name.isEmpty()) {
      throw new UrdfException("<link>: missing attribute 'name'");
    }
    String where = "<link name='" + name + "'>";
    Inertial inertial = Inertial.NONE;
    List<Element> inertials = children(l, "inertial");
    if (inertials.size() > 1) {
      throw new UrdfException(where + ": more than one <inertial>");
    }
    if (!inertials.isEmpty()) {
      inertial = inertial(inertials.get(0), where + "/<inertial>");
    }
    List<Visual> visuals = new ArrayList<>();
    for (Element v : children(l, "visual")) {
      String w = where + "/<visual>";
      Pose origin = origin(v, w);
      Geometry g = geometry(one(v, "geometry", w), w + "/<geometry>");
      Material mat = null;
      Element m = optional(v, "material", w);
      if (m != null) {
        mat = material(m, w + "/<material>", materials);
      }
      visuals.add(new Visual(origin, g, mat));
    }
    List<Collision> collisions = new ArrayList<>();
    for (Element c : children(l, "collision")) {
      String w = where + "/<collision>";
      collisions.add(
          new Collision(origin(c, w), geometry(one(c, "geometry", w), w + "/<geometry>")));
    }
    return new Link(name, inertial, visuals, collisions);
  }

  private static Inertial inertial(Element e, String where) throws UrdfException {
    Pose origin = origin(e, where);
    double mass = number(one(e, "mass", where), "value", where + "/<mass>");
    if (mass < 0) {
      throw new UrdfException(where + "/<mass>: value must be >= 0, got " + mass);
    }
    Element in = one(e, "inertia", where);
    String w = where + "/<inertia>";
    double ixx = number(in, "ixx", w);
    double ixy = number(in, "ixy", w);
    double ixz = number(in, "ixz", w);
    double iyy = number(in, "iyy", w);
    double iyz = number(in, "iyz", w);
    double izz = number(in, "izz", w);
    // Physical validity: positive semi-definite with the triangle inequality on the principal
    // values.
    double tol = 1e-12;
    double d2 = ixx * iyy - ixy * ixy;
    double d3 =
        ixx * (iyy * izz - iyz * iyz)
            - ixy * (ixy * izz - iyz * ixz)
            + ixz * (ixy * iyz - iyy * ixz);
    if (ixx < -tol || iyy < -tol || izz < -tol || d2 < -tol || d3 < -tol) {
      throw new UrdfException(w + ": the inertia tensor is not positive semi-definite");
    }
    if (ixx + iyy < izz - tol || iyy + izz < ixx - tol || ixx + izz < iyy - tol) {
      throw new UrdfException(
          w + ": the diagonal violates the triangle inequality (ixx + iyy >= izz etc.)");
    }
    return new Inertial(mass, origin, ixx, ixy, ixz, iyy, iyz, izz);
  }

  private static Geometry geometry(Element g, String where) throws UrdfException {
    List<Element> shapes = new ArrayList<>();
    NodeList nl = g.getChildNodes();
    for (int i = 0; i < nl.getLength(); i++) {
      if (nl.item(i) instanceof Element e) {
        shapes.add(e);
      }
    }
    if (shapes.size() != 1) {
      throw new UrdfException(
          where + ": expected exactly one shape element, found " + shapes.size());
    }
    Element s = shapes.get(0);
    String w = where + "/<" + s.getTagName() + ">";
    switch (s.getTagName()) {
      case "box":
        {
          double[] size = numbers(s, "size", 3, w);
          for (double v : size) {
            positive(v, "size", w);
          }
          return new Geometry.Box(size[0], size[1], size[2]);
        }
      case "cylinder":
        return new Geometry.Cylinder(
            positive(number(s, "radius", w), "radius", w),
            positive(number(s, "length", w), "length", w));
      case "sphere":
        return new Geometry.Sphere(positive(number(s, "radius", w), "radius", w));
      case "capsule":
        return new Geometry.Capsule(
            positive(number(s, "radius", w), "radius", w),
            nonNegative(number(s, "length", w), "length", w));
      case "mesh":
        throw new UrdfException(
            w + ": mesh geometry is not supported (use box, cylinder, sphere or capsule)");
      default:
        throw new UrdfException(
            w + ": unknown geometry (supported: box, cylinder, sphere, capsule)");
    }
  }

  private static Material material(Element m, String where, Map<String, Material> materials)
      throws UrdfException {
    String name = m.getAttribute("name");
    Element color = optional(m, "color", where);
    if (color != null) {
      double[] rgba = numbers(color, "rgba", 4, where + "/<color>");
      for (double c : rgba) {
        if (c < 0 || c > 1) {
          throw new UrdfException(where + "/<color>: rgba components must be in [0, 1]");
        }
      }
      return new Material(name, rgba[0], rgba[1], rgba[2], rgba[3]);
    }
    return materials.get(name);
  }

  private static Joint joint(Element j) throws UrdfException {
    String name = j.getAttribute("name");
    if (name.isEmpty()) {
      throw new UrdfException("<joint>: missing attribute 'name'");
    }
    String where = "<joint name='" + name + "'>";
    String typeName = j.getAttribute("type");
    JointType type;
    switch (typeName) {
      case "revolute" -> type = JointType.REVOLUTE;
      case "continuous" -> type = JointType.CONTINUOUS;
      case "prismatic" -> type = JointType.PRISMATIC;
      case "fixed" -> type = JointType.FIXED;
      case "" -> throw new UrdfException(where + ": missing attribute 'type'");
      case "floating", "planar" ->
          throw new UrdfException(
              where + ": joint type '" + typeName + "' is not supported (fixed-base trees only)");
      default -> throw new UrdfException(where + ": unknown joint type '" + typeName + "'");
    }
    if (optional(j, "mimic", where) != null) {
      throw new UrdfException(where + ": <mimic> joints are not supported");
    }
    Pose origin = origin(j, where);
    String parent = attribute(one(j, "parent", where), "link", where + "/<parent>");
    String child = attribute(one(j, "child", where), "link", where + "/<child>");
    Vec3 axis = new Vec3(1, 0, 0);
    Element ax = optional(j, "axis", where);
    if (ax != null) {
      double[] a = numbers(ax, "xyz", 3, where + "/<axis>");
      double n = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
      if (n < 1e-9) {
        throw new UrdfException(where + "/<axis>: xyz must not be the zero vector");
      }
      axis = new Vec3(a[0] / n, a[1] / n, a[2] / n);
    }
    JointLimits limits = JointLimits.UNLIMITED;
    Element lim = optional(j, "limit", where);
    if (type == JointType.REVOLUTE || type == JointType.PRISMATIC) {
      if (lim == null) {
        throw new UrdfException(where + ": <limit> is required for " + typeName + " joints");
      }
      String w = where + "/<limit>";
      double lower = optionalNumber(lim, "lower", 0, w);
      double upper = optionalNumber(lim, "upper", 0, w);
      if (lower > upper) {
        throw new UrdfException(w + ": lower " + lower + " is greater than upper " + upper);
      }
      double effort = nonNegative(number(lim, "effort", w), "effort", w);
      double velocity = nonNegative(number(lim, "velocity", w), "velocity", w);
      limits = new JointLimits(lower, upper, effort, velocity, true);
    } else if (type == JointType.CONTINUOUS && lim != null) {
      String w = where + "/<limit>";
      double effort = nonNegative(number(lim, "effort", w), "effort", w);
      double velocity = nonNegative(number(lim, "velocity", w), "velocity", w);
      limits =
          new JointLimits(
              Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, effort, velocity, false);
    }
    double damping = 0;
    double friction = 0;
    Element dyn = optional(j, "dynamics", where);
    if (dyn != null) {
      String w = where + "/<dynamics>";
      damping = nonNegative(optionalNumber(dyn, "damping", 0, w), "damping", w);
      friction = nonNegative(optionalNumber(dyn, "friction", 0, w), "friction", w);
    }
    SafetyController safety = null;
    Element sc = optional(j, "safety_controller", where);
    if (sc != null) {
      String w = where + "/<safety_controller>";
      double kVelocity = nonNegative(number(sc, "k_velocity", w), "k_velocity", w);
      double kPosition = nonNegative(optionalNumber(sc, "k_position", 0, w), "k_position", w);
      double softLower = optionalNumber(sc, "soft_lower_limit", limits.lower(), w);
      double softUpper = optionalNumber(sc, "soft_upper_limit", limits.upper(), w);
      if (softLower > softUpper) {
        throw new UrdfException(w + ": soft_lower_limit is greater than soft_upper_limit");
      }
      safety = new SafetyController(softLower, softUpper, kPosition, kVelocity);
    }
    return new Joint(name, type, parent, child, origin, axis, limits, damping, friction, safety);
  }

  private static Pose origin(Element parent, String where) throws UrdfException {
    Element o = optional(parent, "origin", where);
    if (o == null) {
      return Pose.IDENTITY;
    }
    String w = where + "/<origin>";
    double[] xyz = o.hasAttribute("xyz") ? numbers(o, "xyz", 3, w) : new double[3];
    double[] rpy = o.hasAttribute("rpy") ? numbers(o, "rpy", 3, w) : new double[3];
    return new Pose(new Vec3(xyz[0], xyz[1], xyz[2]), new Vec3(rpy[0], rpy[1], rpy[2]));
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    NodeList nl = parent.getChildNodes();
    for (int i = 0; i < nl.getLength(); i++) {
      Node n = nl.item(i);
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element optional(Element parent, String tag, String where) throws UrdfException {
    List<Element> c = children(parent, tag);
    if (c.size() > 1) {
      throw new UrdfException(where + ": more than one <" + tag + ">");
    }
    return c.isEmpty() ? null : c.get(0);
  }

  private static Element one(Element parent, String tag, String where) throws UrdfException {
    Element e = optional(parent, tag, where);
    if (e == null) {
      throw new UrdfException(where + ": missing required <" + tag + ">");
    }
    return e;
  }

  private static String attribute(Element e, String name, String where) throws UrdfException {
    if (!e.hasAttribute(name) || e.getAttribute(name).isBlank()) {
      throw new UrdfException(where + ": missing attribute '" + name + "'");
    }
    return e.getAttribute(name).trim();
  }

  private static double number(Element e, String name, String where) throws UrdfException {
    return parseNumber(attribute(e, name, where), name, where);
  }

  private static double optionalNumber(Element e, String name, double fallback, String where)
      throws UrdfException {
    return e.hasAttribute(name) ? number(e, name, where) : fallback;
  }

  private static double parseNumber(String text, String name, String where) throws UrdfException {
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException ex) {
      throw new UrdfException(where + ": attribute '" + name + "' is not a number: '" + text + "'");
    }
    if (!Double.isFinite(v)) {
      throw new UrdfException(where + ": attribute '" + name + "' must be finite, got " + text);
    }
    return v;
  }

  private static double[] numbers(Element e, String name, int count, String where)
      throws UrdfException {
    String text = attribute(e, name, where);
    String[] parts = text.trim().split("\\s+");
    if (parts.length != count) {
      throw new UrdfException(
          where
              + ": attribute '"
              + name
              + "' needs "
              + count
              + " numbers, got "
              + parts.length
              + ": '"
              + text
              + "'");
    }
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = parseNumber(parts[i], name, where);
    }
    return out;
  }

  private static double positive(double v, String name, String where) throws UrdfException {
    if (!(v > 0)) {
      throw new UrdfException(where + ": " + name + " must be > 0, got " + v);
    }
    return v;
  }

  private static double nonNegative(double v, String name, String where) throws UrdfException {
    if (v < 0) {
      throw new UrdfException(where + ": " + name + " must be >= 0, got " + v);
    }
    return v;
  }
}
