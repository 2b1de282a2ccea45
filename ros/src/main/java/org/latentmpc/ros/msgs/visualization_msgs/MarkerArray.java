package org.latentmpc.ros.msgs.visualization_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code visualization_msgs/MarkerArray}.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class MarkerArray implements Message {
  /** The type descriptor of {@code visualization_msgs/MarkerArray}. */
  public static final MessageType<MarkerArray> TYPE =
      MessageType.of("visualization_msgs/MarkerArray", MarkerArray::new);

  private List<Marker> markers = new ArrayList<>();

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public MarkerArray() {}

  /** Field {@code visualization_msgs/Marker[] markers} (held by reference). */
  public List<Marker> getMarkers() {
    return markers;
  }

  /** Sets field {@code markers} (stored by reference, not copied); returns this. */
  public MarkerArray setMarkers(List<Marker> markers) {
    this.markers = Objects.requireNonNull(markers, "markers");
    return this;
  }

  @Override
  public MessageType<MarkerArray> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return Wire.messageListSize(markers);
  }

  @Override
  public void serialize(ByteBuffer out) {
    out.putInt(markers.size());
    for (int i = 0, n = markers.size(); i < n; i++) {
      markers.get(i).serialize(out);
    }
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      int markersCount = Wire.readCount(in, 154, "markers");
      if (!(markers instanceof ArrayList)) {
        markers = new ArrayList<>(markersCount);
      }
      while (markers.size() > markersCount) {
        markers.remove(markers.size() - 1);
      }
      for (int i = 0; i < markersCount; i++) {
        if (i == markers.size()) {
          markers.add(new Marker());
        }
        markers.get(i).deserialize(in);
      }
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("visualization_msgs/MarkerArray", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MarkerArray)) {
      return false;
    }
    MarkerArray other = (MarkerArray) o;
    return markers.equals(other.markers);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + markers.hashCode();
    return h;
  }

  @Override
  public String toString() {
    return "visualization_msgs/MarkerArray{" + "markers=" + markers + "}";
  }
}
