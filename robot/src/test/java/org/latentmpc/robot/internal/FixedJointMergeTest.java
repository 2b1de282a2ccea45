package org.latentmpc.robot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latentmpc.robot.JointLimits;
import org.latentmpc.robot.RobotModel;

/** Merging fixed-joint links into their moving ancestors must not change the dynamics. */
class FixedJointMergeTest {
  private static final double TOL = 1e-10;

  @Test
  void mergedAndPerLinkDynamicsAgree() throws Exception {
    for (String name : new String[] {"reacher2", "arm7"}) {
      RobotModel m = RobotModel.fromUrdf(Path.of("../sim-configs/robots/" + name + ".urdf"));
      DynamicsSolver merged = new DynamicsSolver(m, true);
      DynamicsSolver perLink = new DynamicsSolver(m, false);
      int n = m.dof();
      double[] q = new double[n], qd = new double[n], tau = new double[n];
      double[] a = new double[n], b = new double[n];
      double[] ma = new double[n * n], mb = new double[n * n];
      Random rnd = new Random(99);
      for (int s = 0; s < 100; s++) {
        for (int i = 0; i < n; i++) {
          JointLimits l = m.movingJoint(i).limits();
          q[i] = l.lower() + rnd.nextDouble() * (l.upper() - l.lower());
          qd[i] = rnd.nextDouble() * 4 - 2;
          tau[i] = (rnd.nextDouble() * 2 - 1) * l.effort();
        }
        merged.forwardDynamics(q, qd, tau, a);
        perLink.forwardDynamics(q, qd, tau, b);
        for (int i = 0; i < n; i++) {
          assertEquals(b[i], a[i], TOL * Math.max(1, Math.abs(b[i])), name + " ABA " + i);
        }
        merged.inverseDynamics(q, qd, a, tau);
        perLink.inverseDynamics(q, qd, a, b);
        for (int i = 0; i < n; i++) {
          assertEquals(b[i], tau[i], TOL * Math.max(1, Math.abs(b[i])), name + " RNEA " + i);
        }
        merged.massMatrix(q, ma);
        perLink.massMatrix(q, mb);
        for (int i = 0; i < n * n; i++) {
          assertEquals(mb[i], ma[i], TOL, name + " CRBA " + i);
        }
      }
    }
  }
}
