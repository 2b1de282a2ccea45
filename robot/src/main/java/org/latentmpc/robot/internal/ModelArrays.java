package org.latentmpc.robot.internal;

import org.latentmpc.robot.Inertial;
import org.latentmpc.robot.Joint;
import org.latentmpc.robot.JointType;
import org.latentmpc.robot.RobotModel;

/**
 * The model flattened into arrays for the hot loops, plus the per-configuration joint transforms.
 * Link i's transform is stored Featherstone-style: {@code e[9i..9i+8]} rotates parent coordinates
 * into link coordinates (row-major) and {@code r[3i..3i+2]} is the link origin in parent
 * coordinates.
 */
final class ModelArrays {
  static final int FIXED = 0;
  static final int REVOLUTE = 1;
  static final int PRISMATIC = 2;

  final RobotModel model;
  final int links;
  final int dof;
  final int[] parent;
  final int[] dofOf;
  final int[] type;
  final double[] axis;
  final double[] originR;
  final double[] originP;

  /** Rigid-body spatial inertia of each link in link coordinates, 6x6 row-major. */
  final double[] inertia;

  final double[] e;
  final double[] r;

  private ModelArrays(RobotModel model, int links) {
    this.model = model;
    this.links = links;
    dof = model.dof();
    parent = new int[links];
    dofOf = new int[links];
    type = new int[links];
    axis = new double[3 * links];
    originR = new double[9 * links];
    originP = new double[3 * links];
    inertia = new double[36 * links];
    e = new double[9 * links];
    r = new double[3 * links];
  }

  /** One body per link (forward kinematics needs every link frame). */
  ModelArrays(RobotModel model) {
    this(model, model.links().size());
    for (int i = 0; i < links; i++) {
      parent[i] = model.parentLinkIndex(i);
      dofOf[i] = model.dofOfLink(i);
      Joint j = model.parentJoint(i);
      if (j == null) {
        type[i] = FIXED;
        originR[9 * i] = originR[9 * i + 4] = originR[9 * i + 8] = 1;
      } else {
        setJoint(i, j);
        j.origin().rotationMatrix(originR, 9 * i);
        originP[3 * i] = j.origin().xyzM().x();
        originP[3 * i + 1] = j.origin().xyzM().y();
        originP[3 * i + 2] = j.origin().xyzM().z();
      }
      spatialInertia(model.links().get(i).inertial(), inertia, 36 * i);
    }
  }

  private void setJoint(int body, Joint j) {
    type[body] =
        j.type() == JointType.FIXED
            ? FIXED
            : j.type() == JointType.PRISMATIC ? PRISMATIC : REVOLUTE;
    axis[3 * body] = j.axis().x();
    axis[3 * body + 1] = j.axis().y();
    axis[3 * body + 2] = j.axis().z();
  }

  /**
   * Bodies for dynamics: links joined by fixed joints are merged into their nearest moving (or
   * root) ancestor, with their inertia moved into that body's frame. Body 0 is the root; the other
   * bodies are the links of the moving joints, in topological order.
   */
  static ModelArrays forDynamics(RobotModel model) {
    int n = model.links().size();
    int[] body = new int[n];
    double[] relR = new double[9 * n];
    double[] relP = new double[3 * n];
    double[] jointR = new double[9];
    int count = 1;
    for (int i = 1; i < n; i++) {
      if (model.dofOfLink(i) >= 0) {
        count++;
      }
    }
    ModelArrays m = new ModelArrays(model, count);
    m.originR[0] = m.originR[4] = m.originR[8] = 1;
    m.parent[0] = -1;
    m.dofOf[0] = -1;
    m.type[0] = FIXED;
    relR[0] = relR[4] = relR[8] = 1;
    int next = 1;
    for (int i = 1; i < n; i++) {
      int p = model.parentLinkIndex(i);
      Joint j = model.parentJoint(i);
      j.origin().rotationMatrix(jointR, 0);
      double ox = j.origin().xyzM().x(), oy = j.origin().xyzM().y(), oz = j.origin().xyzM().z();
      // Pose of this joint frame in the frame of the parent's body: rel(p) * origin.
      double[] rot = new double[9];
      double[] pos = new double[3];
      for (int a = 0; a < 3; a++) {
        for (int b = 0; b < 3; b++) {
          rot[3 * a + b] =
              relR[9 * p + 3 * a] * jointR[b]
                  + relR[9 * p + 3 * a + 1] * jointR[3 + b]
                  + relR[9 * p + 3 * a + 2] * jointR[6 + b];
        }
        pos[a] =
            relP[3 * p + a]
                + relR[9 * p + 3 * a] * ox
                + relR[9 * p + 3 * a + 1] * oy
                + relR[9 * p + 3 * a + 2] * oz;
      }
      if (model.dofOfLink(i) >= 0) {
        int b = next++;
        body[i] = b;
        m.parent[b] = body[p];
        m.dofOf[b] = model.dofOfLink(i);
        m.setJoint(b, j);
        System.arraycopy(rot, 0, m.originR, 9 * b, 9);
        System.arraycopy(pos, 0, m.originP, 3 * b, 3);
        relR[9 * i] = relR[9 * i + 4] = relR[9 * i + 8] = 1;
      } else {
        body[i] = body[p];
        System.arraycopy(rot, 0, relR, 9 * i, 9);
        System.arraycopy(pos, 0, relP, 3 * i, 3);
      }
    }
    double[] linkInertia = new double[36];
    double[] e = new double[9];
    double[] w = new double[64];
    for (int i = 0; i < n; i++) {
      spatialInertia(model.links().get(i).inertial(), linkInertia, 0);
      for (int a = 0; a < 3; a++) {
        for (int b = 0; b < 3; b++) {
          e[3 * a + b] = relR[9 * i + 3 * b + a];
        }
      }
      Spatial.addCongruence(e, 0, relP, 3 * i, linkInertia, 0, m.inertia, 36 * body[i], w);
    }
    return m;
  }

  /** Featherstone's rigid-body inertia [Ic + m cx cx^T, m cx; m cx^T, m 1] in link coordinates. */
  static void spatialInertia(Inertial in, double[] out, int o) {
    double m = in.massKg();
    double[] rot = new double[9];
    in.origin().rotationMatrix(rot, 0);
    double[] ic = {
      in.ixx(), in.ixy(), in.ixz(), in.ixy(), in.iyy(), in.iyz(), in.ixz(), in.iyz(), in.izz()
    };
    // Ic in link frame = R Ic R^T
    double[] tmp = new double[9];
    double[] icl = new double[9];
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
          s += rot[3 * a + k] * ic[3 * k + b];
        }
        tmp[3 * a + b] = s;
      }
    }
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
          s += tmp[3 * a + k] * rot[3 * b + k];
        }
        icl[3 * a + b] = s;
      }
    }
    double cx = in.origin().xyzM().x();
    double cy = in.origin().xyzM().y();
    double cz = in.origin().xyzM().z();
    double[] c = {0, -cz, cy, cz, 0, -cx, -cy, cx, 0}; // [c]x
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        // m cx cx^T = -m cx cx
        double s = 0;
        for (int k = 0; k < 3; k++) {
          s += c[3 * a + k] * c[3 * b + k];
        }
        out[o + 6 * a + b] = icl[3 * a + b] + m * s;
        out[o + 6 * a + b + 3] = m * c[3 * a + b];
        out[o + 6 * (a + 3) + b] = m * c[3 * b + a];
        out[o + 6 * (a + 3) + b + 3] = a == b ? m : 0;
      }
    }
  }

  /** Computes {@link #e} and {@link #r} of every link for joint positions {@code q}. */
  void computeTransforms(double[] q) {
    for (int i = 1; i < links; i++) {
      int o9 = 9 * i;
      int o3 = 3 * i;
      int t = type[i];
      double px = originP[o3], py = originP[o3 + 1], pz = originP[o3 + 2];
      if (t == REVOLUTE) {
        double angle = q[dofOf[i]];
        double c = Math.cos(angle), s = Math.sin(angle), v = 1 - c;
        double ax = axis[o3], ay = axis[o3 + 1], az = axis[o3 + 2];
        // R_j = c I + s [a]x + (1 - c) a a^T
        double j00 = c + v * ax * ax, j01 = v * ax * ay - s * az, j02 = v * ax * az + s * ay;
        double j10 = v * ay * ax + s * az, j11 = c + v * ay * ay, j12 = v * ay * az - s * ax;
        double j20 = v * az * ax - s * ay, j21 = v * az * ay + s * ax, j22 = c + v * az * az;
        for (int a = 0; a < 3; a++) {
          double o0 = originR[o9 + 3 * a],
              o1 = originR[o9 + 3 * a + 1],
              o2 = originR[o9 + 3 * a + 2];
          // R_pc[a][b] = sum_k o[a][k] j[k][b]; e[b][a] = R_pc[a][b]
          e[o9 + a] = o0 * j00 + o1 * j10 + o2 * j20;
          e[o9 + 3 + a] = o0 * j01 + o1 * j11 + o2 * j21;
          e[o9 + 6 + a] = o0 * j02 + o1 * j12 + o2 * j22;
        }
        r[o3] = px;
        r[o3 + 1] = py;
        r[o3 + 2] = pz;
      } else {
        for (int a = 0; a < 3; a++) {
          for (int b = 0; b < 3; b++) {
            e[o9 + 3 * b + a] = originR[o9 + 3 * a + b];
          }
        }
        if (t == PRISMATIC) {
          double d = q[dofOf[i]];
          double ax = axis[o3] * d, ay = axis[o3 + 1] * d, az = axis[o3 + 2] * d;
          r[o3] = px + originR[o9] * ax + originR[o9 + 1] * ay + originR[o9 + 2] * az;
          r[o3 + 1] = py + originR[o9 + 3] * ax + originR[o9 + 4] * ay + originR[o9 + 5] * az;
          r[o3 + 2] = pz + originR[o9 + 6] * ax + originR[o9 + 7] * ay + originR[o9 + 8] * az;
        } else {
          r[o3] = px;
          r[o3 + 1] = py;
          r[o3 + 2] = pz;
        }
      }
    }
  }
}
