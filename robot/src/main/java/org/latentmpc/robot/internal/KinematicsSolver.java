package org.latentmpc.robot.internal;

import org.latentmpc.robot.Kinematics;
import org.latentmpc.robot.RobotModel;

/**
 * Forward kinematics and Jacobians over {@link ModelArrays}; allocation-free after construction.
 */
public final class KinematicsSolver implements Kinematics {
  private final ModelArrays m;

  /** World-from-link rotation (row-major) per link. */
  private final double[] rw;

  /** World position of each link origin. */
  private final double[] pw;

  private final double[] point = new double[3];

  /** Creates a workspace for {@code model}. */
  public KinematicsSolver(RobotModel model) {
    this.m = new ModelArrays(model);
    rw = new double[9 * m.links];
    pw = new double[3 * m.links];
    rw[0] = rw[4] = rw[8] = 1;
  }

  @Override
  public RobotModel model() {
    return m.model;
  }

  @Override
  public void update(double[] qRad) {
    if (qRad.length != m.dof) {
      throw new IllegalArgumentException(
          "q has " + qRad.length + " values, the robot has " + m.dof + " joints");
    }
    m.computeTransforms(qRad);
    double[] e = m.e;
    double[] r = m.r;
    for (int i = 1; i < m.links; i++) {
      int p = m.parent[i];
      int p9 = 9 * p, i9 = 9 * i, p3 = 3 * p, i3 = 3 * i;
      for (int a = 0; a < 3; a++) {
        double w0 = rw[p9 + 3 * a], w1 = rw[p9 + 3 * a + 1], w2 = rw[p9 + 3 * a + 2];
        // R_w_i = R_w_p * E^T : (R_w_p)[a][k] * E[b][k]
        for (int b = 0; b < 3; b++) {
          rw[i9 + 3 * a + b] = w0 * e[i9 + 3 * b] + w1 * e[i9 + 3 * b + 1] + w2 * e[i9 + 3 * b + 2];
        }
        pw[i3 + a] = pw[p3 + a] + w0 * r[i3] + w1 * r[i3 + 1] + w2 * r[i3 + 2];
      }
    }
  }

  @Override
  public void linkPose(int link, double[] out) {
    System.arraycopy(rw, 9 * link, out, 0, 9);
    System.arraycopy(pw, 3 * link, out, 9, 3);
  }

  @Override
  public void pointPosition(int link, double x, double y, double z, double[] out3) {
    int o = 9 * link;
    for (int a = 0; a < 3; a++) {
      out3[a] =
          pw[3 * link + a] + rw[o + 3 * a] * x + rw[o + 3 * a + 1] * y + rw[o + 3 * a + 2] * z;
    }
  }

  @Override
  public void jacobian(int link, double x, double y, double z, double[] out) {
    int n = m.dof;
    java.util.Arrays.fill(out, 0, 6 * n, 0.0);
    pointPosition(link, x, y, z, point);
    for (int j = link; j > 0; j = m.parent[j]) {
      int d = m.dofOf[j];
      if (d < 0) {
        continue;
      }
      int o = 9 * j;
      double ax = m.axis[3 * j], ay = m.axis[3 * j + 1], az = m.axis[3 * j + 2];
      double zx = rw[o] * ax + rw[o + 1] * ay + rw[o + 2] * az;
      double zy = rw[o + 3] * ax + rw[o + 4] * ay + rw[o + 5] * az;
      double zz = rw[o + 6] * ax + rw[o + 7] * ay + rw[o + 8] * az;
      if (m.type[j] == ModelArrays.PRISMATIC) {
        out[d] = zx;
        out[n + d] = zy;
        out[2 * n + d] = zz;
      } else {
        double dx = point[0] - pw[3 * j],
            dy = point[1] - pw[3 * j + 1],
            dz = point[2] - pw[3 * j + 2];
        out[d] = zy * dz - zz * dy;
        out[n + d] = zz * dx - zx * dz;
        out[2 * n + d] = zx * dy - zy * dx;
        out[3 * n + d] = zx;
        out[4 * n + d] = zy;
        out[5 * n + d] = zz;
      }
    }
  }
}
