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
 * The ROS message {@code sensor_msgs/CameraInfo}. This message defines meta information for a
 * camera. It should be in a camera namespace on topic "camera_info" and accompanied by up to five
 * image topics named: image_raw - raw data from the camera driver, possibly Bayer encoded image -
 * monochrome, distorted image_color - color, distorted image_rect - monochrome, rectified
 * image_rect_color - color, rectified The image_pipeline contains packages (image_proc,
 * stereo_image_proc) for producing the four processed image topics from image_raw and camera_info.
 * The meaning of the camera parameters are described in detail at
 * http://www.ros.org/wiki/image_pipeline/CameraInfo. The image_geometry package provides a
 * user-friendly interface to common operations using this meta information. If you want to, e.g.,
 * project a 3d point into image coordinates, we strongly recommend using image_geometry. If the
 * camera is uncalibrated, the matrices D, K, R, P should be left zeroed out. In particular, clients
 * may assume that K[0] == 0.0 indicates an uncalibrated camera.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class CameraInfo implements Message {
  /** The type descriptor of {@code sensor_msgs/CameraInfo}. */
  public static final MessageType<CameraInfo> TYPE =
      MessageType.of("sensor_msgs/CameraInfo", CameraInfo::new);

  private Header header = new Header();
  private int height = 0;
  private int width = 0;
  private String distortionModel = "";
  private double[] d = new double[0];
  private double[] k = new double[9];
  private double[] r = new double[9];
  private double[] p = new double[12];
  private int binningX = 0;
  private int binningY = 0;
  private RegionOfInterest roi = new RegionOfInterest();

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public CameraInfo() {}

  /** Field {@code std_msgs/Header header} (held by reference). */
  public Header getHeader() {
    return header;
  }

  /** Sets field {@code header} (stored by reference, not copied); returns this. */
  public CameraInfo setHeader(Header header) {
    this.header = Objects.requireNonNull(header, "header");
    return this;
  }

  /** Field {@code uint32 height}. */
  public int getHeight() {
    return height;
  }

  /** Sets field {@code height}; returns this. */
  public CameraInfo setHeight(int height) {
    this.height = height;
    return this;
  }

  /** Field {@code uint32 width}. */
  public int getWidth() {
    return width;
  }

  /** Sets field {@code width}; returns this. */
  public CameraInfo setWidth(int width) {
    this.width = width;
    return this;
  }

  /** Field {@code string distortion_model}. */
  public String getDistortionModel() {
    return distortionModel;
  }

  /** Sets field {@code distortion_model}; returns this. */
  public CameraInfo setDistortionModel(String distortionModel) {
    this.distortionModel = Objects.requireNonNull(distortionModel, "distortion_model");
    return this;
  }

  /** Field {@code float64[] D} (held by reference). */
  public double[] getD() {
    return d;
  }

  /** Sets field {@code D} (stored by reference, not copied); returns this. */
  public CameraInfo setD(double[] d) {
    this.d = Objects.requireNonNull(d, "D");
    return this;
  }

  /** Field {@code float64[9] K} (held by reference). */
  public double[] getK() {
    return k;
  }

  /** Sets field {@code K} (stored by reference, not copied); returns this. */
  public CameraInfo setK(double[] k) {
    this.k = Objects.requireNonNull(k, "K");
    return this;
  }

  /** Field {@code float64[9] R} (held by reference). */
  public double[] getR() {
    return r;
  }

  /** Sets field {@code R} (stored by reference, not copied); returns this. */
  public CameraInfo setR(double[] r) {
    this.r = Objects.requireNonNull(r, "R");
    return this;
  }

  /** Field {@code float64[12] P} (held by reference). */
  public double[] getP() {
    return p;
  }

  /** Sets field {@code P} (stored by reference, not copied); returns this. */
  public CameraInfo setP(double[] p) {
    this.p = Objects.requireNonNull(p, "P");
    return this;
  }

  /** Field {@code uint32 binning_x}. */
  public int getBinningX() {
    return binningX;
  }

  /** Sets field {@code binning_x}; returns this. */
  public CameraInfo setBinningX(int binningX) {
    this.binningX = binningX;
    return this;
  }

  /** Field {@code uint32 binning_y}. */
  public int getBinningY() {
    return binningY;
  }

  /** Sets field {@code binning_y}; returns this. */
  public CameraInfo setBinningY(int binningY) {
    this.binningY = binningY;
    return this;
  }

  /** Field {@code sensor_msgs/RegionOfInterest roi} (held by reference). */
  public RegionOfInterest getRoi() {
    return roi;
  }

  /** Sets field {@code roi} (stored by reference, not copied); returns this. */
  public CameraInfo setRoi(RegionOfInterest roi) {
    this.roi = Objects.requireNonNull(roi, "roi");
    return this;
  }

  @Override
  public MessageType<CameraInfo> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 20
        + header.serializedSize()
        + Wire.stringSize(distortionModel)
        + 8 * d.length
        + 8 * k.length
        + 8 * r.length
        + 8 * p.length
        + roi.serializedSize();
  }

  @Override
  public void serialize(ByteBuffer out) {
    header.serialize(out);
    out.putInt(height);
    out.putInt(width);
    Wire.putString(out, distortionModel);
    Wire.putFloat64Array(out, d, -1, "D");
    Wire.putFloat64Array(out, k, 9, "K");
    Wire.putFloat64Array(out, r, 9, "R");
    Wire.putFloat64Array(out, p, 12, "P");
    out.putInt(binningX);
    out.putInt(binningY);
    roi.serialize(out);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      header.deserialize(in);
      height = in.getInt();
      width = in.getInt();
      distortionModel = Wire.getString(in, distortionModel, "distortion_model");
      d = Wire.getFloat64Array(in, d, -1, "D");
      k = Wire.getFloat64Array(in, k, 9, "K");
      r = Wire.getFloat64Array(in, r, 9, "R");
      p = Wire.getFloat64Array(in, p, 12, "P");
      binningX = in.getInt();
      binningY = in.getInt();
      roi.deserialize(in);
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("sensor_msgs/CameraInfo", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CameraInfo)) {
      return false;
    }
    CameraInfo other = (CameraInfo) o;
    return header.equals(other.header)
        && height == other.height
        && width == other.width
        && distortionModel.equals(other.distortionModel)
        && Arrays.equals(d, other.d)
        && Arrays.equals(k, other.k)
        && Arrays.equals(r, other.r)
        && Arrays.equals(p, other.p)
        && binningX == other.binningX
        && binningY == other.binningY
        && roi.equals(other.roi);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + header.hashCode();
    h = 31 * h + Integer.hashCode(height);
    h = 31 * h + Integer.hashCode(width);
    h = 31 * h + distortionModel.hashCode();
    h = 31 * h + Arrays.hashCode(d);
    h = 31 * h + Arrays.hashCode(k);
    h = 31 * h + Arrays.hashCode(r);
    h = 31 * h + Arrays.hashCode(p);
    h = 31 * h + Integer.hashCode(binningX);
    h = 31 * h + Integer.hashCode(binningY);
    h = 31 * h + roi.hashCode();
    return h;
  }

  @Override
  public String toString() {
    return "sensor_msgs/CameraInfo{"
        + "header="
        + header
        + ", height="
        + height
        + ", width="
        + width
        + ", distortion_model="
        + "\""
        + distortionModel
        + "\""
        + ", D="
        + Arrays.toString(d)
        + ", K="
        + Arrays.toString(k)
        + ", R="
        + Arrays.toString(r)
        + ", P="
        + Arrays.toString(p)
        + ", binning_x="
        + binningX
        + ", binning_y="
        + binningY
        + ", roi="
        + roi
        + "}";
  }
}
