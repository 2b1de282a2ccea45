package org.latentmpc.ros.msgs.visualization_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.latentmpc.ros.Duration;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;
import org.latentmpc.ros.msgs.geometry_msgs.Point;
import org.latentmpc.ros.msgs.geometry_msgs.Pose;
import org.latentmpc.ros.msgs.geometry_msgs.Vector3;
import org.latentmpc.ros.msgs.std_msgs.ColorRGBA;
import org.latentmpc.ros.msgs.std_msgs.Header;

/**
 * The ROS message {@code visualization_msgs/Marker}. See
 * http://www.ros.org/wiki/rviz/DisplayTypes/Marker and
 * http://www.ros.org/wiki/rviz/Tutorials/Markers%3A%20Basic%20Shapes for more information on using
 * this message with rviz
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class Marker implements Message {
  /** The type descriptor of {@code visualization_msgs/Marker}. */
  public static final MessageType<Marker> TYPE =
      MessageType.of("visualization_msgs/Marker", Marker::new);

  /** Constant {@code ARROW} = 0. */
  public static final byte ARROW = (byte) 0;

  /** Constant {@code CUBE} = 1. */
  public static final byte CUBE = (byte) 1;

  /** Constant {@code SPHERE} = 2. */
  public static final byte SPHERE = (byte) 2;

  /** Constant {@code CYLINDER} = 3. */
  public static final byte CYLINDER = (byte) 3;

  /** Constant {@code LINE_STRIP} = 4. */
  public static final byte LINE_STRIP = (byte) 4;

  /** Constant {@code LINE_LIST} = 5. */
  public static final byte LINE_LIST = (byte) 5;

  /** Constant {@code CUBE_LIST} = 6. */
  public static final byte CUBE_LIST = (byte) 6;

  /** Constant {@code SPHERE_LIST} = 7. */
  public static final byte SPHERE_LIST = (byte) 7;

  /** Constant {@code POINTS} = 8. */
  public static final byte POINTS = (byte) 8;

  /** Constant {@code TEXT_VIEW_FACING} = 9. */
  public static final byte TEXT_VIEW_FACING = (byte) 9;

  /** Constant {@code MESH_RESOURCE} = 10. */
  public static final byte MESH_RESOURCE = (byte) 10;

  /** Constant {@code TRIANGLE_LIST} = 11. */
  public static final byte TRIANGLE_LIST = (byte) 11;

  /** Constant {@code ADD} = 0. */
  public static final byte ADD = (byte) 0;

  /** Constant {@code MODIFY} = 0. */
  public static final byte MODIFY = (byte) 0;

  /** Constant {@code DELETE} = 2. */
  public static final byte DELETE = (byte) 2;

  /** Constant {@code DELETEALL} = 3. */
  public static final byte DELETEALL = (byte) 3;

  private Header header = new Header();
  private String ns = "";
  private int id = 0;
  private int type = 0;
  private int action = 0;
  private Pose pose = new Pose();
  private Vector3 scale = new Vector3();
  private ColorRGBA color = new ColorRGBA();
  private Duration lifetime = Duration.ZERO;
  private boolean frameLocked = false;
  private List<Point> points = new ArrayList<>();
  private List<ColorRGBA> colors = new ArrayList<>();
  private String text = "";
  private String meshResource = "";
  private boolean meshUseEmbeddedMaterials = false;

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public Marker() {}

  /** Field {@code std_msgs/Header header} (held by reference). */
  public Header getHeader() {
    return header;
  }

  /** Sets field {@code header} (stored by reference, not copied); returns this. */
  public Marker setHeader(Header header) {
    this.header = Objects.requireNonNull(header, "header");
    return this;
  }

  /** Field {@code string ns}. */
  public String getNs() {
    return ns;
  }

  /** Sets field {@code ns}; returns this. */
  public Marker setNs(String ns) {
    this.ns = Objects.requireNonNull(ns, "ns");
    return this;
  }

  /** Field {@code int32 id}. */
  public int getId() {
    return id;
  }

  /** Sets field {@code id}; returns this. */
  public Marker setId(int id) {
    this.id = id;
    return this;
  }

  /** Field {@code int32 type}. */
  public int getType() {
    return type;
  }

  /** Sets field {@code type}; returns this. */
  public Marker setType(int type) {
    this.type = type;
    return this;
  }

  /** Field {@code int32 action}. */
  public int getAction() {
    return action;
  }

  /** Sets field {@code action}; returns this. */
  public Marker setAction(int action) {
    this.action = action;
    return this;
  }

  /** Field {@code geometry_msgs/Pose pose} (held by reference). */
  public Pose getPose() {
    return pose;
  }

  /** Sets field {@code pose} (stored by reference, not copied); returns this. */
  public Marker setPose(Pose pose) {
    this.pose = Objects.requireNonNull(pose, "pose");
    return this;
  }

  /** Field {@code geometry_msgs/Vector3 scale} (held by reference). */
  public Vector3 getScale() {
    return scale;
  }

  /** Sets field {@code scale} (stored by reference, not copied); returns this. */
  public Marker setScale(Vector3 scale) {
    this.scale = Objects.requireNonNull(scale, "scale");
    return this;
  }

  /** Field {@code std_msgs/ColorRGBA color} (held by reference). */
  public ColorRGBA getColor() {
    return color;
  }

  /** Sets field {@code color} (stored by reference, not copied); returns this. */
  public Marker setColor(ColorRGBA color) {
    this.color = Objects.requireNonNull(color, "color");
    return this;
  }

  /** Field {@code duration lifetime}. */
  public Duration getLifetime() {
    return lifetime;
  }

  /** Sets field {@code lifetime}; returns this. */
  public Marker setLifetime(Duration lifetime) {
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    return this;
  }

  /** Field {@code bool frame_locked}. */
  public boolean isFrameLocked() {
    return frameLocked;
  }

  /** Sets field {@code frame_locked}; returns this. */
  public Marker setFrameLocked(boolean frameLocked) {
    this.frameLocked = frameLocked;
    return this;
  }

  /** Field {@code geometry_msgs/Point[] points} (held by reference). */
  public List<Point> getPoints() {
    return points;
  }

  /** Sets field {@code points} (stored by reference, not copied); returns this. */
  public Marker setPoints(List<Point> points) {
    this.points = Objects.requireNonNull(points, "points");
    return this;
  }

  /** Field {@code std_msgs/ColorRGBA[] colors} (held by reference). */
  public List<ColorRGBA> getColors() {
    return colors;
  }

  /** Sets field {@code colors} (stored by reference, not copied); returns this. */
  public Marker setColors(List<ColorRGBA> colors) {
    this.colors = Objects.requireNonNull(colors, "colors");
    return this;
  }

  /** Field {@code string text}. */
  public String getText() {
    return text;
  }

  /** Sets field {@code text}; returns this. */
  public Marker setText(String text) {
    this.text = Objects.requireNonNull(text, "text");
    return this;
  }

  /** Field {@code string mesh_resource}. */
  public String getMeshResource() {
    return meshResource;
  }

  /** Sets field {@code mesh_resource}; returns this. */
  public Marker setMeshResource(String meshResource) {
    this.meshResource = Objects.requireNonNull(meshResource, "mesh_resource");
    return this;
  }

  /** Field {@code bool mesh_use_embedded_materials}. */
  public boolean isMeshUseEmbeddedMaterials() {
    return meshUseEmbeddedMaterials;
  }

  /** Sets field {@code mesh_use_embedded_materials}; returns this. */
  public Marker setMeshUseEmbeddedMaterials(boolean meshUseEmbeddedMaterials) {
    this.meshUseEmbeddedMaterials = meshUseEmbeddedMaterials;
    return this;
  }

  @Override
  public MessageType<Marker> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 22
        + header.serializedSize()
        + Wire.stringSize(ns)
        + pose.serializedSize()
        + scale.serializedSize()
        + color.serializedSize()
        + Wire.messageListSize(points)
        + Wire.messageListSize(colors)
        + Wire.stringSize(text)
        + Wire.stringSize(meshResource);
  }

  @Override
  public void serialize(ByteBuffer out) {
    header.serialize(out);
    Wire.putString(out, ns);
    out.putInt(id);
    out.putInt(type);
    out.putInt(action);
    pose.serialize(out);
    scale.serialize(out);
    color.serialize(out);
    Wire.putDuration(out, lifetime);
    out.put((byte) (frameLocked ? 1 : 0));
    out.putInt(points.size());
    for (int i = 0, n = points.size(); i < n; i++) {
      points.get(i).serialize(out);
    }
    out.putInt(colors.size());
    for (int i = 0, n = colors.size(); i < n; i++) {
      colors.get(i).serialize(out);
    }
    Wire.putString(out, text);
    Wire.putString(out, meshResource);
    out.put((byte) (meshUseEmbeddedMaterials ? 1 : 0));
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      header.deserialize(in);
      ns = Wire.getString(in, ns, "ns");
      id = in.getInt();
      type = in.getInt();
      action = in.getInt();
      pose.deserialize(in);
      scale.deserialize(in);
      color.deserialize(in);
      lifetime = Wire.getDuration(in, lifetime);
      frameLocked = in.get() != 0;
      int pointsCount = Wire.readCount(in, 24, "points");
      if (!(points instanceof ArrayList)) {
        points = new ArrayList<>(pointsCount);
      }
      while (points.size() > pointsCount) {
        points.remove(points.size() - 1);
      }
      for (int i = 0; i < pointsCount; i++) {
        if (i == points.size()) {
          points.add(new Point());
        }
        points.get(i).deserialize(in);
      }
      int colorsCount = Wire.readCount(in, 16, "colors");
      if (!(colors instanceof ArrayList)) {
        colors = new ArrayList<>(colorsCount);
      }
      while (colors.size() > colorsCount) {
        colors.remove(colors.size() - 1);
      }
      for (int i = 0; i < colorsCount; i++) {
        if (i == colors.size()) {
          colors.add(new ColorRGBA());
        }
        colors.get(i).deserialize(in);
      }
      text = Wire.getString(in, text, "text");
      meshResource = Wire.getString(in, meshResource, "mesh_resource");
      meshUseEmbeddedMaterials = in.get() != 0;
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("visualization_msgs/Marker", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Marker)) {
      return false;
    }
    Marker other = (Marker) o;
    return header.equals(other.header)
        && ns.equals(other.ns)
        && id == other.id
        && type == other.type
        && action == other.action
        && pose.equals(other.pose)
        && scale.equals(other.scale)
        && color.equals(other.color)
        && lifetime.equals(other.lifetime)
        && frameLocked == other.frameLocked
        && points.equals(other.points)
        && colors.equals(other.colors)
        && text.equals(other.text)
        && meshResource.equals(other.meshResource)
        && meshUseEmbeddedMaterials == other.meshUseEmbeddedMaterials;
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + header.hashCode();
    h = 31 * h + ns.hashCode();
    h = 31 * h + Integer.hashCode(id);
    h = 31 * h + Integer.hashCode(type);
    h = 31 * h + Integer.hashCode(action);
    h = 31 * h + pose.hashCode();
    h = 31 * h + scale.hashCode();
    h = 31 * h + color.hashCode();
    h = 31 * h + lifetime.hashCode();
    h = 31 * h + Boolean.hashCode(frameLocked);
    h = 31 * h + points.hashCode();
    h = 31 * h + colors.hashCode();
    h = 31 * h + text.hashCode();
    h = 31 * h + meshResource.hashCode();
    h = 31 * h + Boolean.hashCode(meshUseEmbeddedMaterials);
    return h;
  }

  @Override
  public String toString() {
    return "visualization_msgs/Marker{"
        + "header="
        + header
        + ", ns="
        + "\""
        + ns
        + "\""
        + ", id="
        + id
        + ", type="
        + type
        + ", action="
        + action
        + ", pose="
        + pose
        + ", scale="
        + scale
        + ", color="
        + color
        + ", lifetime="
        + lifetime
        + ", frame_locked="
        + frameLocked
        + ", points="
        + points
        + ", colors="
        + colors
        + ", text="
        + "\""
        + text
        + "\""
        + ", mesh_resource="
        + "\""
        + meshResource
        + "\""
        + ", mesh_use_embedded_materials="
        + meshUseEmbeddedMaterials
        + "}";
  }
}
