package org.latentmpc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.robot.TestRobots;
import org.latentmpc.robot.UrdfException;

/** Physics validation against analytic results and an independent closed-form model. */
class PhysicsValidationTest {
  private static final double G = WorldOptions.STANDARD_GRAVITY;
  private static final double ENERGY_DRIFT_LIMIT = 1e-4;
  private static final double PERIOD_TOL_RK4 = 1e-4;
  private static final double PERIOD_TOL_EULER = 1e-3;
  private static final double TRAJECTORY_TOL_RAD = 1e-7;

  private static final double M1 = 1.3, L1 = 0.7, LC1 = 0.4, I1 = 0.05;
  private static final double M2 = 0.8, LC2 = 0.35, I2 = 0.02;

  private static RobotModel doublePendulum() throws UrdfException {
    return RobotModel.fromUrdfString(TestRobots.doublePendulum(M1, L1, LC1, I1, M2, LC2, I2));
  }

  @Test
  void rk4ConservesEnergyOfDoublePendulum() throws UrdfException {
    RobotModel m = doublePendulum();
    WorldOptions opt = WorldOptions.defaults().conservative().withIntegrator(Integrator.RK4);
    SimWorld rest = SimWorld.create(m, opt);
    double groundEnergy = rest.totalEnergyJ();
    SimWorld w = SimWorld.create(m, opt);
    w.setPositions(new double[] {1.6, -0.7});
    w.setVelocities(new double[] {2.0, -3.0});
    double e0 = w.totalEnergyJ() - groundEnergy;
    assertTrue(e0 > 1, "a lively start: " + e0 + " J above rest");
    double worst = 0;
    for (int s = 0; s < 10_000; s++) {
      w.step();
      if (s % 10 == 0) {
        worst = Math.max(worst, Math.abs(w.totalEnergyJ() - groundEnergy - e0) / e0);
      }
    }
    assertEquals(10.0, w.timeS(), 1e-9);
    assertTrue(worst < ENERGY_DRIFT_LIMIT, "relative energy drift " + worst);
  }

  @Test
  void rk4ConservesEnergyOfArm7() {
    RobotModel m = TestRobots.load(TestRobots.ARM7);
    WorldOptions opt = WorldOptions.defaults().conservative().withIntegrator(Integrator.RK4);
    SimWorld w = SimWorld.create(m, opt);
    w.setPositions(new double[] {0.3, -0.5, 0.2, -2.0, 0.4, 1.5, 0.6});
    w.setVelocities(new double[] {0.5, -0.4, 0.8, 0.3, -1.0, 0.7, 1.2});
    double e0 = w.totalEnergyJ();
    double maxKinetic = 0;
    double worstAbs = 0;
    double[] qd = new double[7];
    for (int s = 0; s < 10_000; s++) {
      w.step();
      if (s % 10 == 0) {
        worstAbs = Math.max(worstAbs, Math.abs(w.totalEnergyJ() - e0));
        // kinetic energy = total - potential; potential from a copy at rest is not needed:
        w.getVelocities(qd);
        maxKinetic = Math.max(maxKinetic, kinetic(m, w));
      }
    }
    double relative = worstAbs / maxKinetic;
    assertTrue(maxKinetic > 1, "the arm falls and swings: max kinetic " + maxKinetic + " J");
    assertTrue(relative < ENERGY_DRIFT_LIMIT, "energy drift relative to max kinetic: " + relative);
  }

  private static double kinetic(RobotModel m, SimWorld w) {
    int n = m.dof();
    double[] q = new double[n], qd = new double[n], mm = new double[n * n];
    w.getPositions(q);
    w.getVelocities(qd);
    m.newDynamics().massMatrix(q, mm);
    double k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        k += 0.5 * qd[i] * mm[i * n + j] * qd[j];
      }
    }
    return k;
  }

  @Test
  void smallAnglePendulumPeriodMatchesAnalytic() throws UrdfException {
    double mass = 0.9, lc = 0.45, ic = 0.012;
    RobotModel m = RobotModel.fromUrdfString(TestRobots.pendulum(mass, lc, ic));
    double analytic = 2 * Math.PI * Math.sqrt((ic + mass * lc * lc) / (mass * G * lc));
    for (Integrator integ : Integrator.values()) {
      SimWorld w = SimWorld.create(m, WorldOptions.defaults().conservative().withIntegrator(integ));
      double amplitude = 0.005;
      w.setPositions(new double[] {amplitude});
      // Times of downward zero crossings (linear interpolation between steps).
      double first = Double.NaN;
      double last = Double.NaN;
      int crossings = 0;
      double prevQ = w.position(0);
      double prevT = 0;
      while (crossings < 11) {
        w.step();
        double qNow = w.position(0);
        if (prevQ > 0 && qNow <= 0) {
          double t = prevT + (w.timeS() - prevT) * prevQ / (prevQ - qNow);
          if (crossings == 0) {
            first = t;
          }
          last = t;
          crossings++;
        }
        prevQ = qNow;
        prevT = w.timeS();
      }
      double measured = (last - first) / 10;
      // Finite amplitude lengthens the period by amplitude^2 / 16 (about 2e-6 here).
      double expected = analytic * (1 + amplitude * amplitude / 16);
      double tol = integ == Integrator.RK4 ? PERIOD_TOL_RK4 : PERIOD_TOL_EULER;
      assertEquals(expected, measured, tol * expected, integ + " period");
    }
  }

  /** The closed-form double-pendulum dynamics (Lagrangian), written out independently of ABA. */
  private static void closedFormAccel(double[] s, double[] tauIn, double[] out) {
    double q1 = s[0], q2 = s[1], v1 = s[2], v2 = s[3];
    double c2 = Math.cos(q2), s2 = Math.sin(q2);
    double m11 = M1 * LC1 * LC1 + I1 + M2 * (L1 * L1 + LC2 * LC2 + 2 * L1 * LC2 * c2) + I2;
    double m12 = M2 * (LC2 * LC2 + L1 * LC2 * c2) + I2;
    double m22 = M2 * LC2 * LC2 + I2;
    double hh = M2 * L1 * LC2 * s2;
    double s12 = Math.sin(q1 + q2);
    double h1 =
        -hh * (2 * v1 * v2 + v2 * v2)
            + (M1 * LC1 + M2 * L1) * G * Math.sin(q1)
            + M2 * LC2 * G * s12;
    double h2 = hh * v1 * v1 + M2 * LC2 * G * s12;
    double r1 = tauIn[0] - h1, r2 = tauIn[1] - h2;
    double det = m11 * m22 - m12 * m12;
    out[0] = v1;
    out[1] = v2;
    out[2] = (m22 * r1 - m12 * r2) / det;
    out[3] = (-m12 * r1 + m11 * r2) / det;
  }

  @Test
  void doublePendulumTrajectoryMatchesClosedFormLagrangian() throws UrdfException {
    double dt = 0.001;
    SimWorld w =
        SimWorld.create(
            doublePendulum(),
            WorldOptions.defaults().conservative().withIntegrator(Integrator.RK4));
    double[] state = {1.2, -0.4, 0.5, 1.0};
    w.setPositions(new double[] {state[0], state[1]});
    w.setVelocities(new double[] {state[2], state[3]});
    double[] torque = {0.3, -0.2};
    w.setEffortCommand(torque);
    double[] k1 = new double[4], k2 = new double[4], k3 = new double[4], k4 = new double[4];
    double[] tmp = new double[4];
    double travel = 0;
    for (int s = 0; s < 2000; s++) {
      closedFormAccel(state, torque, k1);
      for (int i = 0; i < 4; i++) {
        tmp[i] = state[i] + 0.5 * dt * k1[i];
      }
      closedFormAccel(tmp, torque, k2);
      for (int i = 0; i < 4; i++) {
        tmp[i] = state[i] + 0.5 * dt * k2[i];
      }
      closedFormAccel(tmp, torque, k3);
      for (int i = 0; i < 4; i++) {
        tmp[i] = state[i] + dt * k3[i];
      }
      closedFormAccel(tmp, torque, k4);
      for (int i = 0; i < 4; i++) {
        state[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
      }
      w.step();
      travel = Math.max(travel, Math.abs(w.position(0) - 1.2));
    }
    assertEquals(state[0], w.position(0), TRAJECTORY_TOL_RAD);
    assertEquals(state[1], w.position(1), TRAJECTORY_TOL_RAD);
    assertEquals(state[2], w.velocity(0), TRAJECTORY_TOL_RAD);
    assertEquals(state[3], w.velocity(1), TRAJECTORY_TOL_RAD);
    assertTrue(travel > 0.5, "the pendulum actually swung: " + travel);
  }
}
