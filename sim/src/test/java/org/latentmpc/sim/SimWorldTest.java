package org.latentmpc.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.robot.TestRobots;

class SimWorldTest {
  private static final RobotModel ARM7 = TestRobots.load(TestRobots.ARM7);
  private static final RobotModel REACHER2 = TestRobots.load(TestRobots.REACHER2);

  private static double[][] run(Integrator integ, long seed) {
    SimWorld w = SimWorld.create(ARM7, WorldOptions.defaults().withIntegrator(integ));
    w.setPositions(new double[] {0, -0.785, 0, -2.356, 0, 1.571, 0.785});
    Random rnd = new Random(seed);
    double[] cmd = new double[7];
    double[][] traj = new double[500][14];
    double[] q = new double[7], qd = new double[7];
    for (int s = 0; s < 500; s++) {
      if (s % 10 == 0) {
        for (int i = 0; i < 7; i++) {
          cmd[i] = (rnd.nextDouble() * 2 - 1) * (i < 4 ? 40 : 5);
        }
        w.setEffortCommand(cmd);
      }
      w.step();
      w.getPositions(q);
      w.getVelocities(qd);
      System.arraycopy(q, 0, traj[s], 0, 7);
      System.arraycopy(qd, 0, traj[s], 7, 7);
    }
    return traj;
  }

  @Test
  void sameInputsGiveIdenticalTrajectories() {
    for (Integrator integ : Integrator.values()) {
      double[][] a = run(integ, 17);
      double[][] b = run(integ, 17);
      for (int s = 0; s < a.length; s++) {
        assertArrayEquals(a[s], b[s], 0.0, integ + " step " + s);
      }
      double[][] c = run(integ, 18);
      assertTrue(c[499][0] != a[499][0], "different commands give a different trajectory");
    }
  }

  @Test
  void timeIsAStepCounter() {
    SimWorld w = SimWorld.create(REACHER2, WorldOptions.defaults().withTimeStep(0.002));
    assertEquals(0.0, w.timeS());
    w.step(1500);
    assertEquals(1500, w.stepCount());
    assertEquals(3.0, w.timeS(), 0.0);
    w.reset();
    assertEquals(3.0, w.timeS(), 0.0, "reset keeps the clock monotonic");
    assertThrows(IllegalArgumentException.class, () -> w.step(-1));
  }

  @Test
  void badCommandsRejectedAndLastValidKept() {
    SimWorld w = SimWorld.create(REACHER2, WorldOptions.defaults());
    w.setEffortCommand(new double[] {0.1, -0.2});
    var e1 =
        assertThrows(IllegalArgumentException.class, () -> w.setEffortCommand(new double[] {1}));
    assertTrue(e1.getMessage().contains("has 1 values, expected 2"), e1.getMessage());
    var e2 =
        assertThrows(
            IllegalArgumentException.class,
            () -> w.setEffortCommand(new double[] {0.3, Double.NaN}));
    assertTrue(e2.getMessage().contains("joint2"), e2.getMessage());
    double[] cmd = new double[2];
    w.getEffortCommand(cmd);
    assertArrayEquals(new double[] {0.1, -0.2}, cmd, 0.0);
    assertThrows(
        IllegalArgumentException.class,
        () -> w.setPositions(new double[] {Double.POSITIVE_INFINITY, 0}));
    assertEquals(0.0, w.position(0));
  }

  @Test
  void positiveEffortMovesJointPositive() {
    SimWorld w = SimWorld.create(REACHER2, WorldOptions.defaults());
    w.setEffortCommand(new double[] {0.05, -0.02});
    w.step(200);
    assertTrue(w.position(0) > 0.01, "joint1 " + w.position(0));
    assertTrue(w.velocity(0) > 0, "joint1 velocity");
  }

  @Test
  void horizontalReacherDoesNotFallAndArmDoesWithoutCommand() {
    SimWorld r = SimWorld.create(REACHER2, WorldOptions.defaults());
    r.setPositions(new double[] {0.4, 1.0});
    r.step(1000);
    assertEquals(0.4, r.position(0), 1e-12);
    assertEquals(1.0, r.position(1), 1e-12);

    SimWorld a = SimWorld.create(ARM7, WorldOptions.defaults());
    double[] home = {0, -0.785, 0, -2.356, 0, 1.571, 0.785};
    a.setPositions(home);
    a.step(200);
    assertTrue(Math.abs(a.position(1) - home[1]) > 0.01, "gravity moves the shoulder");

    SimWorld z = SimWorld.create(ARM7, WorldOptions.defaults().withGravity(0, 0, 0));
    z.setPositions(home);
    z.step(200);
    assertEquals(home[1], z.position(1), 1e-12, "no gravity: stays");
  }

  @Test
  void gravityCompensationHoldsTheArm() {
    SimWorld w = SimWorld.create(ARM7, WorldOptions.defaults());
    double[] home = {0, -0.785, 0, -2.356, 0, 1.571, 0.785};
    w.setPositions(home);
    var dyn = ARM7.newDynamics();
    double[] g = new double[7];
    dyn.gravityTorques(home, g);
    w.setEffortCommand(g);
    w.step(1000);
    for (int i = 0; i < 7; i++) {
      assertEquals(home[i], w.position(i), 1e-9, "joint " + i);
    }
  }

  @Test
  void effortSaturatesAtUrdfLimit() {
    SimWorld big = SimWorld.create(ARM7, WorldOptions.defaults().withGravity(0, 0, 0));
    SimWorld atLimit = SimWorld.create(ARM7, WorldOptions.defaults().withGravity(0, 0, 0));
    double[] q = {0, 0, 0, -1.5, 0, 1.5, 0};
    big.setPositions(q);
    atLimit.setPositions(q);
    big.setEffortCommand(new double[] {1000, 0, 0, 0, -500, 0, 0});
    atLimit.setEffortCommand(new double[] {87, 0, 0, 0, -12, 0, 0});
    big.step(20);
    atLimit.step(20);
    double[] applied = new double[7];
    big.getAppliedEffort(applied);
    assertEquals(87, applied[0], 0.0);
    assertEquals(-12, applied[4], 0.0);
    assertEquals(atLimit.position(0), big.position(0), 0.0);
    assertEquals(atLimit.position(4), big.position(4), 0.0);

    SimWorld unsaturated =
        SimWorld.create(
            ARM7,
            WorldOptions.defaults().withGravity(0, 0, 0).withJointEffects(true, true, true, false));
    unsaturated.setPositions(q);
    unsaturated.setEffortCommand(new double[] {1000, 0, 0, 0, -500, 0, 0});
    unsaturated.step(20);
    assertTrue(
        unsaturated.position(0) > 3 * big.position(0),
        "saturation off: more torque " + unsaturated.position(0) + " vs " + big.position(0));
  }

  @Test
  void positionLimitsActAsStiffSprings() {
    for (Integrator integ : Integrator.values()) {
      SimWorld w = SimWorld.create(REACHER2, WorldOptions.defaults().withIntegrator(integ));
      w.setPositions(new double[] {2.7, 0});
      w.setEffortCommand(new double[] {1.0, 0}); // the full effort limit, into the upper limit 2.8
      w.step(3000);
      double penetration = w.position(0) - 2.8;
      assertTrue(penetration > 0, integ + " presses into the limit");
      assertTrue(penetration < 0.05, integ + " penetration " + penetration);
      assertTrue(Math.abs(w.velocity(0)) < 1e-3, integ + " at rest against the limit");
      w.setEffortCommand(new double[] {0, 0});
      w.step(1000);
      assertTrue(w.position(0) <= 2.8 + 1e-6, integ + " pushed back inside: " + w.position(0));
      SimWorld free =
          SimWorld.create(
              REACHER2,
              WorldOptions.defaults()
                  .withIntegrator(integ)
                  .withJointEffects(true, true, false, true));
      free.setPositions(new double[] {2.7, 0});
      free.setEffortCommand(new double[] {1.0, 0});
      free.step(3000);
      assertTrue(free.position(0) > 3.5, "without limits the joint passes " + free.position(0));
    }
  }

  @Test
  void dampingAndFrictionSlowTheJoints() {
    SimWorld damped = SimWorld.create(REACHER2, WorldOptions.defaults());
    SimWorld free = SimWorld.create(REACHER2, WorldOptions.defaults().conservative());
    damped.setVelocities(new double[] {0, 3});
    free.setVelocities(new double[] {0, 3});
    damped.step(2000);
    free.step(2000);
    assertTrue(
        Math.abs(damped.velocity(1)) < 0.5 * Math.abs(free.velocity(1)),
        "damped " + damped.velocity(1) + " free " + free.velocity(1));

    // An effort below the Coulomb friction level barely moves the joint.
    SimWorld withFriction = SimWorld.create(REACHER2, WorldOptions.defaults());
    SimWorld noFriction =
        SimWorld.create(
            REACHER2, WorldOptions.defaults().withJointEffects(true, false, true, true));
    double[] cmd = {0.0005, 0};
    withFriction.setEffortCommand(cmd);
    noFriction.setEffortCommand(cmd);
    withFriction.step(3000);
    noFriction.step(3000);
    assertTrue(
        withFriction.velocity(0) < noFriction.velocity(0) / 3,
        "friction " + withFriction.velocity(0) + " vs none " + noFriction.velocity(0));
  }

  @Test
  void resetReturnsToInitialConfiguration() {
    SimWorld w = SimWorld.create(ARM7, WorldOptions.defaults());
    double[] home = {0, -0.785, 0, -2.356, 0, 1.571, 0.785};
    w.setInitialPositions(home);
    w.reset();
    double[] q = new double[7];
    w.getPositions(q);
    assertArrayEquals(home, q, 0.0);
    w.setEffortCommand(new double[] {5, 5, 5, 5, 1, 1, 1});
    w.step(100);
    w.reset();
    w.getPositions(q);
    assertArrayEquals(home, q, 0.0);
    double[] cmd = new double[7];
    w.getEffortCommand(cmd);
    assertArrayEquals(new double[7], cmd, 0.0);
    // The default initial configuration is zero clamped into the limits (joint4 upper -0.0698).
    SimWorld fresh = SimWorld.create(ARM7, WorldOptions.defaults());
    assertEquals(-0.0698, fresh.position(3), 0.0);
  }

  @Test
  void arm7StaysStableUnderRandomFullTorquesAgainstTheLimits() {
    for (Integrator integ : Integrator.values()) {
      SimWorld w = SimWorld.create(ARM7, WorldOptions.defaults().withIntegrator(integ));
      Random rnd = new Random(123);
      double[] cmd = new double[7];
      double worstExcess = 0;
      for (int s = 0; s < 10_000; s++) {
        if (s % 500 == 0) {
          for (int i = 0; i < 7; i++) {
            cmd[i] = (rnd.nextBoolean() ? 1 : -1) * ARM7.movingJoint(i).limits().effort();
          }
          w.setEffortCommand(cmd);
        }
        w.step();
        for (int i = 0; i < 7; i++) {
          var l = ARM7.movingJoint(i).limits();
          double q = w.position(i);
          worstExcess = Math.max(worstExcess, Math.max(q - l.upper(), l.lower() - q));
        }
      }
      // Full effort with no velocity limit spins joints up to ~100 rad/s into the limit springs
      // (natural frequency 200 rad/s): bounded penetration, no blow-up.
      assertTrue(worstExcess < 0.5, integ + " worst limit penetration " + worstExcess + " rad");
    }
  }
}
