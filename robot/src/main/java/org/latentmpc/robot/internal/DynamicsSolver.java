package org.latentmpc.robot.internal;

import java.util.Arrays;
import org.latentmpc.robot.Dynamics;
import org.latentmpc.robot.RobotModel;

/**
 * RNEA, ABA and CRBA (Featherstone, "Rigid Body Dynamics Algorithms", 2008, tables 5.1, 7.1, 6.2)
 * over {@link ModelArrays}, fixed root, one degree of freedom per moving joint. All workspaces are
 * allocated in the constructor.
 */
public final class DynamicsSolver implements Dynamics {
  private final ModelArrays m;
  private final int n;
  private final int links;

  /** Motion subspace of each link's joint in link coordinates (zero for fixed joints). */
  private final double[] s;

  private final double[] v;
  private final double[] a;
  private final double[] c;
  private final double[] f;
  private final double[] ia;
  private final double[] pa;
  private final double[] u6;
  private final double[] dInv;
  private final double[] uScalar;
  private final double[] tmp6 = new double[6];
  private final double[] tmp6b = new double[6];
  private final double[] vj = new double[6];
  private final double[] w = new double[64];
  private final double[] iaScratch = new double[36];
  private final double[] zeros;
  private final double[] gravity = {0, 0, 0, 0, 0, 9.80665};

  /** Creates a workspace for {@code model}, links joined by fixed joints merged into one body. */
  public DynamicsSolver(RobotModel model) {
    this(model, true);
  }

  /**
   * Creates a workspace; {@code mergeFixedJoints = false} keeps one body per link (slower, used to
   * cross-check the merge).
   */
  public DynamicsSolver(RobotModel model, boolean mergeFixedJoints) {
    m = mergeFixedJoints ? ModelArrays.forDynamics(model) : new ModelArrays(model);
    n = m.dof;
    links = m.links;
    s = new double[6 * links];
    for (int i = 1; i < links; i++) {
      int off = m.type[i] == ModelArrays.REVOLUTE ? 0 : 3;
      if (m.type[i] != ModelArrays.FIXED) {
        s[6 * i + off] = m.axis[3 * i];
        s[6 * i + off + 1] = m.axis[3 * i + 1];
        s[6 * i + off + 2] = m.axis[3 * i + 2];
      }
    }
    v = new double[6 * links];
    a = new double[6 * links];
    c = new double[6 * links];
    f = new double[6 * links];
    ia = new double[36 * links];
    pa = new double[6 * links];
    u6 = new double[6 * links];
    dInv = new double[links];
    uScalar = new double[links];
    zeros = new double[n];
  }

  @Override
  public RobotModel model() {
    return m.model;
  }

  @Override
  public void setGravity(double gx, double gy, double gz) {
    // The base accelerates upwards: a_0 = -g.
    gravity[3] = -gx;
    gravity[4] = -gy;
    gravity[5] = -gz;
  }

  private void check(double[] x, String what) {
    if (x.length != n) {
      throw new IllegalArgumentException(
          what + " has " + x.length + " values, the robot has " + n + " joints");
    }
  }

  @Override
  public void inverseDynamics(double[] q, double[] qd, double[] qdd, double[] tauOut) {
    check(q, "q");
    check(qd, "qd");
    check(qdd, "qdd");
    check(tauOut, "tau");
    m.computeTransforms(q);
    double[] e = m.e;
    double[] r = m.r;
    System.arraycopy(gravity, 0, a, 0, 6);
    Arrays.fill(v, 0, 6, 0.0);
    for (int i = 1; i < links; i++) {
      int p = m.parent[i];
      int i6 = 6 * i;
      Spatial.transformMotion(e, 9 * i, r, 3 * i, v, 6 * p, v, i6);
      Spatial.transformMotion(e, 9 * i, r, 3 * i, a, 6 * p, a, i6);
      int d = m.dofOf[i];
      if (d >= 0) {
        double qdi = qd[d];
        double qddi = qdd[d];
        for (int k = 0; k < 6; k++) {
          vj[k] = s[i6 + k] * qdi;
          v[i6 + k] += vj[k];
          a[i6 + k] += s[i6 + k] * qddi;
        }
        Spatial.crossMotion(v, i6, vj, 0, tmp6, 0);
        for (int k = 0; k < 6; k++) {
          a[i6 + k] += tmp6[k];
        }
      }
      Spatial.mul6(m.inertia, 36 * i, a, i6, f, i6);
      Spatial.mul6(m.inertia, 36 * i, v, i6, tmp6, 0);
      Spatial.addCrossForce(v, i6, tmp6, 0, f, i6);
    }
    for (int i = links - 1; i > 0; i--) {
      int d = m.dofOf[i];
      if (d >= 0) {
        tauOut[d] = Spatial.dot6(s, 6 * i, f, 6 * i);
      }
      int p = m.parent[i];
      if (p > 0) {
        Spatial.addTransposeForce(e, 9 * i, r, 3 * i, f, 6 * i, f, 6 * p);
      }
    }
  }

  @Override
  public void gravityTorques(double[] q, double[] tauOut) {
    inverseDynamics(q, zeros, zeros, tauOut);
  }

  @Override
  public void biasForces(double[] q, double[] qd, double[] hOut) {
    inverseDynamics(q, qd, zeros, hOut);
  }

  @Override
  public void forwardDynamics(double[] q, double[] qd, double[] tau, double[] qddOut) {
    check(q, "q");
    check(qd, "qd");
    check(tau, "tau");
    check(qddOut, "qdd");
    m.computeTransforms(q);
    double[] e = m.e;
    double[] r = m.r;
    Arrays.fill(v, 0, 6, 0.0);
    for (int i = 1; i < links; i++) {
      int p = m.parent[i];
      int i6 = 6 * i;
      Spatial.transformMotion(e, 9 * i, r, 3 * i, v, 6 * p, v, i6);
      int d = m.dofOf[i];
      if (d >= 0) {
        double qdi = qd[d];
        for (int k = 0; k < 6; k++) {
          vj[k] = s[i6 + k] * qdi;
          v[i6 + k] += vj[k];
        }
        Spatial.crossMotion(v, i6, vj, 0, c, i6);
      } else {
        Arrays.fill(c, i6, i6 + 6, 0.0);
      }
      System.arraycopy(m.inertia, 36 * i, ia, 36 * i, 36);
      Spatial.mul6(m.inertia, 36 * i, v, i6, tmp6, 0);
      Arrays.fill(pa, i6, i6 + 6, 0.0);
      Spatial.addCrossForce(v, i6, tmp6, 0, pa, i6);
    }
    for (int i = links - 1; i > 0; i--) {
      int i6 = 6 * i;
      int i36 = 36 * i;
      int d = m.dofOf[i];
      int p = m.parent[i];
      if (d >= 0) {
        Spatial.mul6(ia, i36, s, i6, u6, i6);
        double dd = Spatial.dot6(s, i6, u6, i6);
        double di = 1.0 / dd;
        dInv[i] = di;
        double ui = tau[d] - Spatial.dot6(s, i6, pa, i6);
        uScalar[i] = ui;
        if (p > 0) {
          // Ia = IA - U U^T / D ; pa' = pA + Ia c + U u / D
          for (int x = 0; x < 6; x++) {
            double ux = u6[i6 + x] * di;
            for (int y = 0; y < 6; y++) {
              iaScratch[6 * x + y] = ia[i36 + 6 * x + y] - ux * u6[i6 + y];
            }
          }
          Spatial.mul6(iaScratch, 0, c, i6, tmp6b, 0);
          double k = ui * di;
          for (int x = 0; x < 6; x++) {
            tmp6b[x] += pa[i6 + x] + u6[i6 + x] * k;
          }
          Spatial.addCongruence(e, 9 * i, r, 3 * i, iaScratch, 0, ia, 36 * p, w);
          Spatial.addTransposeForce(e, 9 * i, r, 3 * i, tmp6b, 0, pa, 6 * p);
        }
      } else if (p > 0) {
        Spatial.mul6(ia, i36, c, i6, tmp6b, 0);
        for (int x = 0; x < 6; x++) {
          tmp6b[x] += pa[i6 + x];
        }
        Spatial.addCongruence(e, 9 * i, r, 3 * i, ia, i36, ia, 36 * p, w);
        Spatial.addTransposeForce(e, 9 * i, r, 3 * i, tmp6b, 0, pa, 6 * p);
      }
    }
    System.arraycopy(gravity, 0, a, 0, 6);
    for (int i = 1; i < links; i++) {
      int i6 = 6 * i;
      int p = m.parent[i];
      Spatial.transformMotion(e, 9 * i, r, 3 * i, a, 6 * p, a, i6);
      for (int k = 0; k < 6; k++) {
        a[i6 + k] += c[i6 + k];
      }
      int d = m.dofOf[i];
      if (d >= 0) {
        double qddi = (uScalar[i] - Spatial.dot6(u6, i6, a, i6)) * dInv[i];
        qddOut[d] = qddi;
        for (int k = 0; k < 6; k++) {
          a[i6 + k] += s[i6 + k] * qddi;
        }
      }
    }
  }

  @Override
  public void massMatrix(double[] q, double[] out) {
    check(q, "q");
    if (out.length != n * n) {
      throw new IllegalArgumentException(
          "mass matrix output needs " + (n * n) + " values, got " + out.length);
    }
    m.computeTransforms(q);
    double[] e = m.e;
    double[] r = m.r;
    System.arraycopy(m.inertia, 0, ia, 0, 36 * links);
    for (int i = links - 1; i > 0; i--) {
      int p = m.parent[i];
      if (p > 0) {
        Spatial.addCongruence(e, 9 * i, r, 3 * i, ia, 36 * i, ia, 36 * p, w);
      }
    }
    Arrays.fill(out, 0, n * n, 0.0);
    for (int i = 1; i < links; i++) {
      int di = m.dofOf[i];
      if (di < 0) {
        continue;
      }
      Spatial.mul6(ia, 36 * i, s, 6 * i, f, 0);
      out[di * n + di] = Spatial.dot6(s, 6 * i, f, 0);
      int j = i;
      while (m.parent[j] > 0) {
        Spatial.transposeForce(e, 9 * j, r, 3 * j, f, 0, tmp6, 0);
        System.arraycopy(tmp6, 0, f, 0, 6);
        j = m.parent[j];
        int dj = m.dofOf[j];
        if (dj >= 0) {
          double h = Spatial.dot6(s, 6 * j, f, 0);
          out[di * n + dj] = h;
          out[dj * n + di] = h;
        }
      }
    }
  }
}
