package org.latentmpc.robot.internal;

/**
 * Spatial (6D) vector algebra on plain arrays with offsets, Featherstone's conventions: motion
 * vectors {@code [angular; linear]}, force vectors {@code [moment; force]}. A link transform is a
 * rotation {@code E} (parent to link coordinates, row-major 3x3) and the link origin {@code r} in
 * parent coordinates. Nothing allocates.
 */
final class Spatial {
  private Spatial() {}

  /** {@code out = X in} for a motion vector (parent to link coordinates). */
  static void transformMotion(
      double[] e, int eo, double[] r, int ro, double[] in, int io, double[] out, int oo) {
    double wx = in[io], wy = in[io + 1], wz = in[io + 2];
    double rx = r[ro], ry = r[ro + 1], rz = r[ro + 2];
    // v - r x w
    double vx = in[io + 3] - (ry * wz - rz * wy);
    double vy = in[io + 4] - (rz * wx - rx * wz);
    double vz = in[io + 5] - (rx * wy - ry * wx);
    out[oo] = e[eo] * wx + e[eo + 1] * wy + e[eo + 2] * wz;
    out[oo + 1] = e[eo + 3] * wx + e[eo + 4] * wy + e[eo + 5] * wz;
    out[oo + 2] = e[eo + 6] * wx + e[eo + 7] * wy + e[eo + 8] * wz;
    out[oo + 3] = e[eo] * vx + e[eo + 1] * vy + e[eo + 2] * vz;
    out[oo + 4] = e[eo + 3] * vx + e[eo + 4] * vy + e[eo + 5] * vz;
    out[oo + 5] = e[eo + 6] * vx + e[eo + 7] * vy + e[eo + 8] * vz;
  }

  /** {@code out += X^T f} for a force vector (link to parent coordinates). */
  static void addTransposeForce(
      double[] e, int eo, double[] r, int ro, double[] f, int fo, double[] out, int oo) {
    double nx = f[fo], ny = f[fo + 1], nz = f[fo + 2];
    double fx = f[fo + 3], fy = f[fo + 4], fz = f[fo + 5];
    double pfx = e[eo] * fx + e[eo + 3] * fy + e[eo + 6] * fz;
    double pfy = e[eo + 1] * fx + e[eo + 4] * fy + e[eo + 7] * fz;
    double pfz = e[eo + 2] * fx + e[eo + 5] * fy + e[eo + 8] * fz;
    double rx = r[ro], ry = r[ro + 1], rz = r[ro + 2];
    out[oo] += e[eo] * nx + e[eo + 3] * ny + e[eo + 6] * nz + (ry * pfz - rz * pfy);
    out[oo + 1] += e[eo + 1] * nx + e[eo + 4] * ny + e[eo + 7] * nz + (rz * pfx - rx * pfz);
    out[oo + 2] += e[eo + 2] * nx + e[eo + 5] * ny + e[eo + 8] * nz + (rx * pfy - ry * pfx);
    out[oo + 3] += pfx;
    out[oo + 4] += pfy;
    out[oo + 5] += pfz;
  }

  /** {@code out = X^T f} for a force vector. */
  static void transposeForce(
      double[] e, int eo, double[] r, int ro, double[] f, int fo, double[] out, int oo) {
    for (int k = 0; k < 6; k++) {
      out[oo + k] = 0;
    }
    addTransposeForce(e, eo, r, ro, f, fo, out, oo);
  }

  /** {@code out = v x m} (motion cross product). {@code out} must not alias the inputs. */
  static void crossMotion(double[] v, int vo, double[] m, int mo, double[] out, int oo) {
    double wx = v[vo], wy = v[vo + 1], wz = v[vo + 2];
    double lx = v[vo + 3], ly = v[vo + 4], lz = v[vo + 5];
    double mwx = m[mo], mwy = m[mo + 1], mwz = m[mo + 2];
    double mvx = m[mo + 3], mvy = m[mo + 4], mvz = m[mo + 5];
    out[oo] = wy * mwz - wz * mwy;
    out[oo + 1] = wz * mwx - wx * mwz;
    out[oo + 2] = wx * mwy - wy * mwx;
    out[oo + 3] = wy * mvz - wz * mvy + ly * mwz - lz * mwy;
    out[oo + 4] = wz * mvx - wx * mvz + lz * mwx - lx * mwz;
    out[oo + 5] = wx * mvy - wy * mvx + lx * mwy - ly * mwx;
  }

  /** {@code out += v x* f} (force cross product). */
  static void addCrossForce(double[] v, int vo, double[] f, int fo, double[] out, int oo) {
    double wx = v[vo], wy = v[vo + 1], wz = v[vo + 2];
    double lx = v[vo + 3], ly = v[vo + 4], lz = v[vo + 5];
    double nx = f[fo], ny = f[fo + 1], nz = f[fo + 2];
    double fx = f[fo + 3], fy = f[fo + 4], fz = f[fo + 5];
    out[oo] += wy * nz - wz * ny + ly * fz - lz * fy;
    out[oo + 1] += wz * nx - wx * nz + lz * fx - lx * fz;
    out[oo + 2] += wx * ny - wy * nx + lx * fy - ly * fx;
    out[oo + 3] += wy * fz - wz * fy;
    out[oo + 4] += wz * fx - wx * fz;
    out[oo + 5] += wx * fy - wy * fx;
  }

  /** {@code out = M v} for a 6x6 row-major matrix. */
  static void mul6(double[] m, int mo, double[] v, int vo, double[] out, int oo) {
    double v0 = v[vo], v1 = v[vo + 1], v2 = v[vo + 2], v3 = v[vo + 3], v4 = v[vo + 4];
    double v5 = v[vo + 5];
    for (int a = 0; a < 6; a++) {
      int row = mo + 6 * a;
      out[oo + a] =
          m[row] * v0
              + m[row + 1] * v1
              + m[row + 2] * v2
              + m[row + 3] * v3
              + m[row + 4] * v4
              + m[row + 5] * v5;
    }
  }

  /** Dot product of two 6-vectors. */
  static double dot6(double[] a, int ao, double[] b, int bo) {
    return a[ao] * b[bo]
        + a[ao + 1] * b[bo + 1]
        + a[ao + 2] * b[bo + 2]
        + a[ao + 3] * b[bo + 3]
        + a[ao + 4] * b[bo + 4]
        + a[ao + 5] * b[bo + 5];
  }

  /**
   * {@code out += X^T I X} for a symmetric 6x6 spatial inertia {@code I} (link coordinates) moved
   * to parent coordinates. {@code w} is a scratch array of at least 63 doubles.
   */
  static void addCongruence(
      double[] e,
      int eo,
      double[] r,
      int ro,
      double[] in,
      int io,
      double[] out,
      int oo,
      double[] w) {
    // Rotate the three blocks: A1 = E^T A E (w[0..8]), B1 = E^T B E (w[9..17]), C1 (w[18..26]).
    rotateBlock(e, eo, in, io, w, 0, w, 54);
    rotateBlock(e, eo, in, io + 3, w, 9, w, 54);
    rotateBlock(e, eo, in, io + 21, w, 18, w, 54);
    double rx = r[ro], ry = r[ro + 1], rz = r[ro + 2];
    // T = rx * C1 (w[27..35]); B2 = B1 + T
    for (int b = 0; b < 3; b++) {
      double c0 = w[18 + b], c1 = w[21 + b], c2 = w[24 + b];
      w[27 + b] = -rz * c1 + ry * c2;
      w[30 + b] = rz * c0 - rx * c2;
      w[33 + b] = -ry * c0 + rx * c1;
    }
    // K = B1 * rx - rx * B1^T + T * rx  (A2 = A1 - K)  stored in w[36..44]
    for (int a = 0; a < 3; a++) {
      double b0 = w[9 + 3 * a], b1 = w[9 + 3 * a + 1], b2 = w[9 + 3 * a + 2];
      double t0 = w[27 + 3 * a], t1 = w[27 + 3 * a + 1], t2 = w[27 + 3 * a + 2];
      // (M rx)[a] = [M1 rz - M2 ry, -M0 rz + M2 rx, M0 ry - M1 rx]
      w[36 + 3 * a] = (b1 * rz - b2 * ry) + (t1 * rz - t2 * ry);
      w[36 + 3 * a + 1] = (-b0 * rz + b2 * rx) + (-t0 * rz + t2 * rx);
      w[36 + 3 * a + 2] = (b0 * ry - b1 * rx) + (t0 * ry - t1 * rx);
    }
    // (rx B1^T)[a][b] = sum_k rx[a][k] B1[b][k]
    for (int b = 0; b < 3; b++) {
      double b0 = w[9 + 3 * b], b1 = w[9 + 3 * b + 1], b2 = w[9 + 3 * b + 2];
      w[36 + b] -= -rz * b1 + ry * b2;
      w[39 + b] -= rz * b0 - rx * b2;
      w[42 + b] -= -ry * b0 + rx * b1;
    }
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        int k = 3 * a + b;
        double bb = w[9 + k] + w[27 + k];
        out[oo + 6 * a + b] += w[k] - w[36 + k];
        out[oo + 6 * a + b + 3] += bb;
        out[oo + 6 * (b + 3) + a] += bb;
        out[oo + 6 * (a + 3) + b + 3] += w[18 + k];
      }
    }
  }

  /** {@code dst[d..d+8] = E^T * block * E} where block is the 3x3 at {@code m[mo]} (stride 6). */
  private static void rotateBlock(
      double[] e, int eo, double[] m, int mo, double[] dst, int d, double[] tmp, int t) {
    for (int a = 0; a < 3; a++) {
      double m0 = m[mo + 6 * a], m1 = m[mo + 6 * a + 1], m2 = m[mo + 6 * a + 2];
      for (int b = 0; b < 3; b++) {
        tmp[t + 3 * a + b] = m0 * e[eo + b] + m1 * e[eo + 3 + b] + m2 * e[eo + 6 + b];
      }
    }
    for (int a = 0; a < 3; a++) {
      double e0 = e[eo + a], e1 = e[eo + 3 + a], e2 = e[eo + 6 + a];
      for (int b = 0; b < 3; b++) {
        dst[d + 3 * a + b] = e0 * tmp[t + b] + e1 * tmp[t + 3 + b] + e2 * tmp[t + 6 + b];
      }
    }
  }
}
