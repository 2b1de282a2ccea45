package org.latentmpc.robot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.junit.jupiter.api.Test;

class DynamicsTest {
  private static final double ROUND_TRIP_TOL = 1e-9;
  private static final double CLOSED_FORM_TOL = 1e-10;
  private static final double G = 9.80665;
  private static final int STATES = 200;

  private static void randomState(Random rnd, RobotModel m, double[] q, double[] qd, double[] x) {
    for (int i = 0; i < m.dof(); i++) {
      JointLimits l = m.movingJoint(i).limits();
      double lo = l.hasPositionLimits() ? l.lower() : -Math.PI;
      double hi = l.hasPositionLimits() ? l.upper() : Math.PI;
      q[i] = lo + rnd.nextDouble() * (hi - lo);
      qd[i] = (rnd.nextDouble() * 2 - 1) * 2.0;
      double e = Double.isFinite(l.effort()) ? l.effort() : 10;
      x[i] = (rnd.nextDouble() * 2 - 1) * e;
    }
  }

  @Test
  void rneaInvertsAbaOnRandomStates() {
    for (var path : new java.nio.file.Path[] {TestRobots.REACHER2, TestRobots.ARM7}) {
      RobotModel m = TestRobots.load(path);
      Dynamics d = m.newDynamics();
      int n = m.dof();
      double[] q = new double[n], qd = new double[n], tau = new double[n];
      double[] qdd = new double[n], back = new double[n];
      Random rnd = new Random(42);
      for (int s = 0; s < STATES; s++) {
        randomState(rnd, m, q, qd, tau);
        d.forwardDynamics(q, qd, tau, qdd);
        d.inverseDynamics(q, qd, qdd, back);
        for (int i = 0; i < n; i++) {
          assertEquals(tau[i], back[i], ROUND_TRIP_TOL, m.name() + " state " + s + " joint " + i);
        }
      }
    }
  }

  @Test
  void massMatrixSymmetricPositiveDefiniteAndConsistentWithAba() {
    for (var path : new java.nio.file.Path[] {TestRobots.REACHER2, TestRobots.ARM7}) {
      RobotModel m = TestRobots.load(path);
      Dynamics d = m.newDynamics();
      int n = m.dof();
      double[] q = new double[n], qd = new double[n], tau = new double[n];
      double[] qdd = new double[n], h = new double[n], mm = new double[n * n];
      double[] unit = new double[n], col = new double[n], grav = new double[n];
      double[] zero = new double[n];
      Random rnd = new Random(3);
      CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
      for (int s = 0; s < STATES; s++) {
        randomState(rnd, m, q, qd, tau);
        d.massMatrix(q, mm);
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            assertEquals(mm[i * n + j], mm[j * n + i], 0.0, "symmetry");
          }
        }
        assertTrue(chol.decompose(new DMatrixRMaj(n, n, true, mm)), "positive definite");
        d.forwardDynamics(q, qd, tau, qdd);
        d.biasForces(q, qd, h);
        for (int i = 0; i < n; i++) {
          double s2 = h[i];
          for (int j = 0; j < n; j++) {
            s2 += mm[i * n + j] * qdd[j];
          }
          assertEquals(tau[i], s2, ROUND_TRIP_TOL, "M qdd + h = tau");
        }
        // Columns of M from RNEA: M e_j = ID(q, 0, e_j) - g(q).
        d.gravityTorques(q, grav);
        for (int j = 0; j < n; j++) {
          java.util.Arrays.fill(unit, 0);
          unit[j] = 1;
          d.inverseDynamics(q, zero, unit, col);
          for (int i = 0; i < n; i++) {
            assertEquals(mm[i * n + j], col[i] - grav[i], ROUND_TRIP_TOL, "CRBA vs RNEA column");
          }
        }
      }
    }
  }

  @Test
  void doublePendulumMatchesClosedFormLagrangian() throws UrdfException {
    double m1 = 1.3, l1 = 0.7, lc1 = 0.4, i1 = 0.05, m2 = 0.8, lc2 = 0.35, i2 = 0.02;
    RobotModel m =
        RobotModel.fromUrdfString(TestRobots.doublePendulum(m1, l1, lc1, i1, m2, lc2, i2));
    Dynamics d = m.newDynamics();
    Random rnd = new Random(5);
    double[] q = new double[2], qd = new double[2], tau = new double[2], qdd = new double[2];
    double[] mm = new double[4], h = new double[2];
    for (int s = 0; s < STATES; s++) {
      q[0] = rnd.nextDouble() * 6 - 3;
      q[1] = rnd.nextDouble() * 6 - 3;
      qd[0] = rnd.nextDouble() * 4 - 2;
      qd[1] = rnd.nextDouble() * 4 - 2;
      tau[0] = rnd.nextDouble() * 4 - 2;
      tau[1] = rnd.nextDouble() * 4 - 2;
      double c2 = Math.cos(q[1]), s2 = Math.sin(q[1]), s1 = Math.sin(q[0]);
      double s12 = Math.sin(q[0] + q[1]);
      // Lagrangian of two rods hanging from parallel joints (angles from the downward vertical).
      double m11 = m1 * lc1 * lc1 + i1 + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * c2) + i2;
      double m12 = m2 * (lc2 * lc2 + l1 * lc2 * c2) + i2;
      double m22 = m2 * lc2 * lc2 + i2;
      double hh = m2 * l1 * lc2 * s2;
      double h1 =
          -hh * (2 * qd[0] * qd[1] + qd[1] * qd[1])
              + (m1 * lc1 + m2 * l1) * G * s1
              + m2 * lc2 * G * s12;
      double h2 = hh * qd[0] * qd[0] + m2 * lc2 * G * s12;
      d.massMatrix(q, mm);
      assertEquals(m11, mm[0], CLOSED_FORM_TOL);
      assertEquals(m12, mm[1], CLOSED_FORM_TOL);
      assertEquals(m22, mm[3], CLOSED_FORM_TOL);
      d.biasForces(q, qd, h);
      assertEquals(h1, h[0], CLOSED_FORM_TOL);
      assertEquals(h2, h[1], CLOSED_FORM_TOL);
      double det = m11 * m22 - m12 * m12;
      double r1 = tau[0] - h1, r2 = tau[1] - h2;
      d.forwardDynamics(q, qd, tau, qdd);
      assertEquals((m22 * r1 - m12 * r2) / det, qdd[0], CLOSED_FORM_TOL);
      assertEquals((-m12 * r1 + m11 * r2) / det, qdd[1], CLOSED_FORM_TOL);
    }
  }

  @Test
  void gravityTorquesOfPendulumAndPlanarReacher() throws UrdfException {
    double mass = 2.0, lc = 0.5;
    RobotModel p = RobotModel.fromUrdfString(TestRobots.pendulum(mass, lc, 0.01));
    Dynamics d = p.newDynamics();
    double[] tau = new double[1];
    d.gravityTorques(new double[] {0.3}, tau);
    assertEquals(mass * G * lc * Math.sin(0.3), tau[0], CLOSED_FORM_TOL);
    d.setGravity(0, 0, 0);
    d.gravityTorques(new double[] {0.3}, tau);
    assertEquals(0, tau[0], 0);
    d.setGravity(0, 0, -1.62);
    d.gravityTorques(new double[] {0.3}, tau);
    assertEquals(mass * 1.62 * lc * Math.sin(0.3), tau[0], CLOSED_FORM_TOL);

    RobotModel r = TestRobots.load(TestRobots.REACHER2);
    double[] t2 = new double[2];
    r.newDynamics().gravityTorques(new double[] {0.4, -1.1}, t2);
    assertEquals(0, t2[0], CLOSED_FORM_TOL, "horizontal plane: gravity does not act on joint 1");
    assertEquals(0, t2[1], CLOSED_FORM_TOL, "horizontal plane: gravity does not act on joint 2");
  }

  @Test
  void prismaticJointFallsFreely() throws UrdfException {
    String urdf =
        "<robot name='p'><link name='a'/><link name='b'><inertial><mass value='3'/>"
            + "<inertia ixx='1' ixy='0' ixz='0' iyy='1' iyz='0' izz='1'/></inertial></link>"
            + "<joint name='s' type='prismatic'><parent link='a'/><child link='b'/>"
            + "<axis xyz='0 0 1'/><limit lower='-1' upper='1' effort='100' velocity='1'/></joint>"
            + "</robot>";
    Dynamics d = RobotModel.fromUrdfString(urdf).newDynamics();
    double[] qdd = new double[1];
    d.forwardDynamics(new double[] {0.1}, new double[] {0.5}, new double[] {6}, qdd);
    assertEquals(-G + 2.0, qdd[0], CLOSED_FORM_TOL);
  }

  @Test
  void wrongLengthsRejected() {
    Dynamics d = TestRobots.load(TestRobots.ARM7).newDynamics();
    var ex =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> d.forwardDynamics(new double[6], new double[7], new double[7], new double[7]));
    assertTrue(ex.getMessage().contains("q has 6 values"));
  }

  @Test
  void choleskySolveOfMassMatrixMatchesAba() {
    RobotModel m = TestRobots.load(TestRobots.ARM7);
    Dynamics d = m.newDynamics();
    MassMatrixSolver solver = new MassMatrixSolver(7);
    double[] q = new double[7], qd = new double[7], tau = new double[7];
    double[] mm = new double[49], h = new double[7], rhs = new double[7];
    double[] viaSolve = new double[7], viaAba = new double[7];
    Random rnd = new Random(77);
    for (int s = 0; s < 50; s++) {
      randomState(rnd, m, q, qd, tau);
      d.massMatrix(q, mm);
      d.biasForces(q, qd, h);
      for (int i = 0; i < 7; i++) {
        rhs[i] = tau[i] - h[i];
      }
      assertTrue(solver.factor(mm));
      solver.solve(rhs, viaSolve);
      d.forwardDynamics(q, qd, tau, viaAba);
      for (int i = 0; i < 7; i++) {
        assertEquals(viaAba[i], viaSolve[i], 1e-8 * Math.max(1, Math.abs(viaAba[i])));
      }
    }
    assertTrue(!solver.factor(new double[49]), "the zero matrix is not positive definite");
  }
}
