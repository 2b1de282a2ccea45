package org.latentmpc.ros.msgs.sensor_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code sensor_msgs/RegionOfInterest}. This message is used to specify a region of
 * interest within an image. When used to specify the ROI setting of the camera when the image was
 * taken, the height and width fields should either match the height and width fields for the
 * associated image; or height = width = 0 indicates that the full resolution image was captured.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class RegionOfInterest implements Message {
  /** The type descriptor of {@code sensor_msgs/RegionOfInterest}. */
  public static final MessageType<RegionOfInterest> TYPE =
      MessageType.of("sensor_msgs/RegionOfInterest", RegionOfInterest::new);

  private int xOffset = 0;
  private int yOffset = 0;
  private int height = 0;
  private int width = 0;
  private boolean doRectify = false;

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public RegionOfInterest() {}

  /** Field {@code uint32 x_offset}. */
  public int getXOffset() {
    return xOffset;
  }

  /** Sets field {@code x_offset}; returns this. */
  public RegionOfInterest setXOffset(int xOffset) {
    this.xOffset = xOffset;
    return this;
  }

  /** Field {@code uint32 y_offset}. */
  public int getYOffset() {
    return yOffset;
  }

  /** Sets field {@code y_offset}; returns this. */
  public RegionOfInterest setYOffset(int yOffset) {
    this.yOffset = yOffset;
    return this;
  }

  /** Field {@code uint32 height}. */
  public int getHeight() {
    return height;
  }

  /** Sets field {@code height}; returns this. */
  public RegionOfInterest setHeight(int height) {
    this.height = height;
    return this;
  }

  /** Field {@code uint32 width}. */
  public int getWidth() {
    return width;
  }

  /** Sets field {@code width}; returns this. */
  public RegionOfInterest setWidth(int width) {
    this.width = width;
    return this;
  }

  /** Field {@code bool do_rectify}. */
  public boolean isDoRectify() {
    return doRectify;
  }

  /** Sets field {@code do_rectify}; returns this. */
  public RegionOfInterest setDoRectify(boolean doRectify) {
    this.doRectify = doRectify;
    return this;
  }

  @Override
  public MessageType<RegionOfInterest> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 17;
  }

  @Override
  public void serialize(ByteBuffer out) {
    out.putInt(xOffset);
    out.putInt(yOffset);
    out.putInt(height);
    out.putInt(width);
    out.put((byte) (doRectify ? 1 : 0));
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      xOffset = in.getInt();
      yOffset = in.getInt();
      height = in.getInt();
      width = in.getInt();
      doRectify = in.get() != 0;
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("sensor_msgs/RegionOfInterest", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RegionOfInterest)) {
      return false;
    }
    RegionOfInterest other = (RegionOfInterest) o;
    return xOffset == other.xOffset
        && yOffset == other.yOffset
        && height == other.height
        && width == other.width
        && doRectify == other.doRectify;
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + Integer.hashCode(xOffset);
    h = 31 * h + Integer.hashCode(yOffset);
    h = 31 * h + Integer.hashCode(height);
    h = 31 * h + Integer.hashCode(width);
    h = 31 * h + Boolean.hashCode(doRectify);
    return h;
  }

  @Override
  public String toString() {
    return "sensor_msgs/RegionOfInterest{"
        + "x_offset="
        + xOffset
        + ", y_offset="
        + yOffset
        + ", height="
        + height
        + ", width="
        + width
        + ", do_rectify="
        + doRectify
        + "}";
  }
}
