package org.latentmpc.robot;

/**
 * A rigid transform as URDF writes it: translation {@code xyzM} (metres) and fixed-axis roll,
 * pitch, yaw {@code rpyRad} (radians), meaning rotation {@code R = Rz(yaw) * Ry(pitch) * Rx(roll)}.
 */
public record Pose(Vec3 xyzM, Vec3 rpyRad) {
  /** The identity transform. */
  public static final Pose IDENTITY = new Pose(Vec3.ZERO, Vec3.ZERO);

  /** Writes the rotation matrix, row-major, into {@code out[offset..offset+8]}. */
  public void rotationMatrix(double[] out, int offset) {
    double cr = Math.cos(rpyRad.x()), sr = Math.sin(rpyRad.x());
    double cp = Math.cos(rpyRad.y()), sp = Math.sin(rpyRad.y());
    double cy = Math.cos(rpyRad.z()), sy = Math.sin(rpyRad.z());
    out[offset] = cy * cp;
    out[offset + 1] = cy * sp * sr - sy * cr;
    out[offset + 2] = cy * sp * cr + sy * sr;
    out[offset + 3] = sy * cp;
    out[offset + 4] = sy * sp * sr + cy * cr;
    out[offset + 5] = sy * sp * cr - cy * sr;
    out[offset + 6] = -sp;
    out[offset + 7] = cp * sr;
    out[offset + 8] = cp * cr;
  }
}
