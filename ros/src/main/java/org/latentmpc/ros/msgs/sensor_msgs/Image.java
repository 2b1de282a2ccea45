package org.latentmpc.ros.msgs.sensor_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;
import org.latentmpc.ros.msgs.std_msgs.Header;

/**
 * The ROS message {@code sensor_msgs/Image}. This message contains an uncompressed image (0, 0) is
 * at top-left corner of image
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class Image implements Message {
  /** The type descriptor of {@code sensor_msgs/Image}. */
  public static final MessageType<Image> TYPE = MessageType.of("sensor_msgs/Image", Image::new);

  private Header header = new Header();
  private int height = 0;
  private int width = 0;
  private String encoding = "";
  private byte isBigendian = 0;
  private int step = 0;
  private byte[] data = new byte[0];

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public Image() {}

  /** Field {@code std_msgs/Header header} (held by reference). */
  public Header getHeader() {
    return header;
  }

  /** Sets field {@code header} (stored by reference, not copied); returns this. */
  public Image setHeader(Header header) {
    this.header = Objects.requireNonNull(header, "header");
    return this;
  }

  /** Field {@code uint32 height}. */
  public int getHeight() {
    return height;
  }

  /** Sets field {@code height}; returns this. */
  public Image setHeight(int height) {
    this.height = height;
    return this;
  }

  /** Field {@code uint32 width}. */
  public int getWidth() {
    return width;
  }

  /** Sets field {@code width}; returns this. */
  public Image setWidth(int width) {
    this.width = width;
    return this;
  }

  /** Field {@code string encoding}. */
  public String getEncoding() {
    return encoding;
  }

  /** Sets field {@code encoding}; returns this. */
  public Image setEncoding(String encoding) {
    this.encoding = Objects.requireNonNull(encoding, "encoding");
    return this;
  }

  /** Field {@code uint8 is_bigendian}. */
  public byte getIsBigendian() {
    return isBigendian;
  }

  /** Sets field {@code is_bigendian}; returns this. */
  public Image setIsBigendian(byte isBigendian) {
    this.isBigendian = isBigendian;
    return this;
  }

  /** Field {@code uint32 step}. */
  public int getStep() {
    return step;
  }

  /** Sets field {@code step}; returns this. */
  public Image setStep(int step) {
    this.step = step;
    return this;
  }

  /** Field {@code uint8[] data} (held by reference). */
  public byte[] getData() {
    return data;
  }

  /** Sets field {@code data} (stored by reference, not copied); returns this. */
  public Image setData(byte[] data) {
    this.data = Objects.requireNonNull(data, "data");
    return this;
  }

  @Override
  public MessageType<Image> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 17 + header.serializedSize() + Wire.stringSize(encoding) + data.length;
  }

  @Override
  public void serialize(ByteBuffer out) {
    header.serialize(out);
    out.putInt(height);
    out.putInt(width);
    Wire.putString(out, encoding);
    out.put(isBigendian);
    out.putInt(step);
    Wire.putUint8Array(out, data, -1, "data");
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      header.deserialize(in);
      height = in.getInt();
      width = in.getInt();
      encoding = Wire.getString(in, encoding, "encoding");
      isBigendian = in.get();
      step = in.getInt();
      data = Wire.getUint8Array(in, data, -1, "data");
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("sensor_msgs/Image", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Image)) {
      return false;
    }
    Image other = (Image) o;
    return header.equals(other.header)
        && height == other.height
        && width == other.width
        && encoding.equals(other.encoding)
        && isBigendian == other.isBigendian
        && step == other.step
        && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + header.hashCode();
    h = 31 * h + Integer.hashCode(height);
    h = 31 * h + Integer.hashCode(width);
    h = 31 * h + encoding.hashCode();
    h = 31 * h + Byte.hashCode(isBigendian);
    h = 31 * h + Integer.hashCode(step);
    h = 31 * h + Arrays.hashCode(data);
    return h;
  }

  @Override
  public String toString() {
    return "sensor_msgs/Image{"
        + "header="
        + header
        + ", height="
        + height
        + ", width="
        + width
        + ", encoding="
        + "\""
        + encoding
        + "\""
        + ", is_bigendian="
        + isBigendian
        + ", step="
        + step
        + ", data="
        + Arrays.toString(data)
        + "}";
  }
}
