package org.latentmpc.robot;

import java.nio.file.Path;

/** Robots used by the tests: the shipped descriptions and generated pendulums. */
public final class TestRobots {
  private TestRobots() {}

  public static final Path REACHER2 = Path.of("../sim-configs/robots/reacher2.urdf");
  public static final Path ARM7 = Path.of("../sim-configs/robots/arm7.urdf");

  public static RobotModel load(Path p) {
    try {
      return RobotModel.fromUrdf(p);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /**
   * A planar double pendulum swinging about +y: rods hanging along -z, link i has mass m_i, length
   * l_i, centre of mass lc_i below its joint and inertia iyy_i about the centre of mass.
   */
  public static String doublePendulum(
      double m1, double l1, double lc1, double i1, double m2, double lc2, double i2) {
    return "<robot name='double_pendulum'>"
        + "<link name='world'/>"
        + "<joint name='j1' type='continuous'><parent link='world'/><child link='l1'/>"
        + "<axis xyz='0 1 0'/></joint>"
        + link("l1", m1, lc1, i1)
        + "<joint name='j2' type='continuous'><parent link='l1'/><child link='l2'/>"
        + "<origin xyz='0 0 "
        + (-l1)
        + "'/><axis xyz='0 1 0'/></joint>"
        + link("l2", m2, lc2, i2)
        + "</robot>";
  }

  /** A single pendulum: one rod as in {@link #doublePendulum}. */
  public static String pendulum(double m, double lc, double iyy) {
    return "<robot name='pendulum'><link name='world'/>"
        + "<joint name='j1' type='continuous'><parent link='world'/><child link='l1'/>"
        + "<axis xyz='0 1 0'/></joint>"
        + link("l1", m, lc, iyy)
        + "</robot>";
  }

  private static String link(String name, double m, double lc, double iyy) {
    return "<link name='"
        + name
        + "'><inertial><origin xyz='0 0 "
        + (-lc)
        + "'/><mass value='"
        + m
        + "'/><inertia ixx='"
        + iyy
        + "' ixy='0' ixz='0' iyy='"
        + iyy
        + "' iyz='0' izz='"
        + (iyy * 0.1)
        + "'/></inertial></link>";
  }
}
