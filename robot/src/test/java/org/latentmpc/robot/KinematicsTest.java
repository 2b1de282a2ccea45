package org.latentmpc.robot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KinematicsTest {
  private static final double POSE_TOL_M = 1e-12;
  private static final double FD_STEP = 1e-6;
  private static final double FD_TOL = 1e-7;

  @Test
  void reacherFingertipMatchesPlanarFormula() {
    RobotModel m = TestRobots.load(TestRobots.REACHER2);
    Kinematics k = m.newKinematics();
    int tip = m.linkIndex("fingertip");
    double[] pose = new double[12];
    Random rnd = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      double q1 = rnd.nextDouble() * 5 - 2.5;
      double q2 = rnd.nextDouble() * 5 - 2.5;
      k.update(new double[] {q1, q2});
      k.linkPose(tip, pose);
      assertEquals(0.12 * Math.cos(q1) + 0.10 * Math.cos(q1 + q2), pose[9], POSE_TOL_M);
      assertEquals(0.12 * Math.sin(q1) + 0.10 * Math.sin(q1 + q2), pose[10], POSE_TOL_M);
      assertEquals(0.055, pose[11], POSE_TOL_M);
      // The tip frame is rotated by q1 + q2 about z.
      assertEquals(Math.cos(q1 + q2), pose[0], POSE_TOL_M);
      assertEquals(Math.sin(q1 + q2), pose[3], POSE_TOL_M);
    }
  }

  @Test
  void arm7FlangeAtHandComputedPoses() {
    RobotModel m = TestRobots.load(TestRobots.ARM7);
    Kinematics k = m.newKinematics();
    int flange = m.linkIndex("arm7_link8");
    double[] pose = new double[12];
    // q = 0: flange at (a7, 0, d1 + d3 + d5 - d_flange), z axis pointing down.
    k.update(new double[7]);
    k.linkPose(flange, pose);
    assertVec(new double[] {0.088, 0, 0.926}, pose[9], pose[10], pose[11]);
    assertVec(new double[] {0, 0, -1}, pose[2], pose[5], pose[8]);
    assertVec(new double[] {1, 0, 0}, pose[0], pose[3], pose[6]);
    // q1 = pi/2 turns everything about the vertical axis.
    k.update(new double[] {Math.PI / 2, 0, 0, 0, 0, 0, 0});
    k.linkPose(flange, pose);
    assertVec(new double[] {0, 0.088, 0.926}, pose[9], pose[10], pose[11]);
    // q2 = pi/2 tips the arm forward about the shoulder (world +y through z = 0.333): the
    // shoulder-to-flange vector (0.088, 0, 0.593) becomes (0.593, 0, -0.088).
    k.update(new double[] {0, Math.PI / 2, 0, 0, 0, 0, 0});
    k.linkPose(flange, pose);
    assertVec(new double[] {0.593, 0, 0.245}, pose[9], pose[10], pose[11]);
    // The elbow link (joint 4 frame) at q = 0 sits at (a4, 0, d1 + d3).
    k.update(new double[7]);
    k.linkPose(m.linkIndex("arm7_link4"), pose);
    assertVec(new double[] {0.0825, 0, 0.649}, pose[9], pose[10], pose[11]);
    k.pointPosition(m.linkIndex("arm7_hand"), 0, 0, 0.1034, pose);
    assertVec(new double[] {0.088, 0, 0.926 - 0.1034}, pose[0], pose[1], pose[2]);
  }

  private static void assertVec(double[] expected, double x, double y, double z) {
    assertEquals(expected[0], x, POSE_TOL_M, "x");
    assertEquals(expected[1], y, POSE_TOL_M, "y");
    assertEquals(expected[2], z, POSE_TOL_M, "z");
  }

  @Test
  void jacobianMatchesFiniteDifferences() {
    for (var path : new java.nio.file.Path[] {TestRobots.ARM7, TestRobots.REACHER2}) {
      RobotModel m = TestRobots.load(path);
      Kinematics k = m.newKinematics();
      int n = m.dof();
      int link = m.deepestLeafLink();
      double px = 0.01, py = -0.02, pz = 0.03;
      Random rnd = new Random(11);
      double[] q = new double[n];
      double[] jac = new double[6 * n];
      double[] p0 = new double[3];
      double[] p1 = new double[3];
      double[] r0 = new double[12];
      double[] r1 = new double[12];
      for (int trial = 0; trial < 10; trial++) {
        for (int i = 0; i < n; i++) {
          q[i] = rnd.nextDouble() * 2 - 1;
        }
        k.update(q);
        k.jacobian(link, px, py, pz, jac);
        for (int j = 0; j < n; j++) {
          double[] qp = q.clone();
          double[] qm = q.clone();
          qp[j] += FD_STEP;
          qm[j] -= FD_STEP;
          k.update(qp);
          k.pointPosition(link, px, py, pz, p1);
          k.linkPose(link, r1);
          k.update(qm);
          k.pointPosition(link, px, py, pz, p0);
          k.linkPose(link, r0);
          for (int a = 0; a < 3; a++) {
            assertEquals((p1[a] - p0[a]) / (2 * FD_STEP), jac[a * n + j], FD_TOL, "linear " + a);
          }
          // omega^ = dR/dq R^T (central difference), read off the skew-symmetric part.
          double[] w = new double[9];
          for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
              double s = 0;
              for (int c = 0; c < 3; c++) {
                s +=
                    (r1[3 * a + c] - r0[3 * a + c])
                        / (2 * FD_STEP)
                        * (r1[3 * b + c] + r0[3 * b + c])
                        / 2;
              }
              w[3 * a + b] = s;
            }
          }
          assertEquals(w[7], jac[3 * n + j], FD_TOL, "wx");
          assertEquals(w[2], jac[4 * n + j], FD_TOL, "wy");
          assertEquals(w[3], jac[5 * n + j], FD_TOL, "wz");
        }
      }
    }
  }

  @Test
  void prismaticJointTranslatesAlongAxis() throws UrdfException {
    String urdf =
        "<robot name='p'><link name='a'/><link name='b'><inertial><mass value='1'/>"
            + "<inertia ixx='1' ixy='0' ixz='0' iyy='1' iyz='0' izz='1'/></inertial></link>"
            + "<joint name='s' type='prismatic'><parent link='a'/><child link='b'/>"
            + "<origin xyz='1 0 0' rpy='0 0 1.5707963267948966'/><axis xyz='1 0 0'/>"
            + "<limit lower='-1' upper='1' effort='10' velocity='1'/></joint></robot>";
    RobotModel m = RobotModel.fromUrdfString(urdf);
    Kinematics k = m.newKinematics();
    k.update(new double[] {0.25});
    double[] pose = new double[12];
    k.linkPose(1, pose);
    // The joint frame is turned 90 degrees about z, so its x axis is world y.
    assertVec(new double[] {1, 0.25, 0}, pose[9], pose[10], pose[11]);
    double[] jac = new double[6];
    k.jacobian(1, 0, 0, 0, jac);
    assertVec(new double[] {0, 1, 0}, jac[0], jac[1], jac[2]);
    assertVec(new double[] {0, 0, 0}, jac[3], jac[4], jac[5]);
  }
}
