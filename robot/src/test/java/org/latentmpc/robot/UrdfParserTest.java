package org.latentmpc.robot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UrdfParserTest {
  private static final double EPS = 1e-12;

  @Test
  void parsesArm7() {
    RobotModel m = TestRobots.load(TestRobots.ARM7);
    assertEquals("arm7", m.name());
    assertEquals(7, m.dof());
    assertEquals(11, m.links().size());
    assertEquals(
        List.of(
            "arm7_joint1",
            "arm7_joint2",
            "arm7_joint3",
            "arm7_joint4",
            "arm7_joint5",
            "arm7_joint6",
            "arm7_joint7"),
        m.jointNames());
    Joint j4 = m.movingJoint(3);
    assertEquals(JointType.REVOLUTE, j4.type());
    assertEquals(-3.0718, j4.limits().lower(), EPS);
    assertEquals(-0.0698, j4.limits().upper(), EPS);
    assertEquals(87, j4.limits().effort(), EPS);
    assertEquals(2.175, j4.limits().velocity(), EPS);
    assertNotNull(j4.safetyController());
    assertEquals(-3.0218, j4.safetyController().softLowerLimit(), EPS);
    assertEquals(100, j4.safetyController().kPosition(), EPS);
    assertEquals(0.5, j4.dampingCoefficient(), EPS);
    assertEquals(0.2, j4.friction(), EPS);
    Link l1 = m.links().get(m.linkIndex("arm7_link1"));
    assertEquals(4.970684, l1.inertial().massKg(), EPS);
    assertEquals(0.019169, l1.inertial().iyz(), EPS);
    assertEquals(-0.04762, l1.inertial().origin().xyzM().z(), EPS);
    Link hand = m.links().get(m.linkIndex("arm7_hand"));
    assertEquals(3, hand.visuals().size());
    assertInstanceOf(Geometry.Box.class, hand.visuals().get(0).geometry());
    assertEquals("arm7_hand", hand.visuals().get(0).material().name());
    assertEquals(0.20, hand.visuals().get(0).material().r(), EPS);
    assertEquals(0, m.linkIndex("arm7_link0"));
    assertEquals(-1, m.dofOfLink(m.linkIndex("arm7_link8")));
    assertEquals(m.linkIndex("arm7_tcp"), m.deepestLeafLink());
  }

  @Test
  void parsesReacherCapsulesAndGeometry() {
    RobotModel m = TestRobots.load(TestRobots.REACHER2);
    assertEquals(2, m.dof());
    Visual v = m.links().get(m.linkIndex("link1")).visuals().get(0);
    Geometry.Capsule c = assertInstanceOf(Geometry.Capsule.class, v.geometry());
    assertEquals(0.012, c.radiusM(), EPS);
    assertEquals(0.12, c.lengthM(), EPS);
    assertEquals(Math.PI / 2, v.origin().rpyRad().y(), 1e-15);
    assertInstanceOf(
        Geometry.Sphere.class, m.links().get(m.linkIndex("fingertip")).visuals().get(0).geometry());
  }

  @Test
  void continuousJointHasNoPositionLimits() throws UrdfException {
    RobotModel m = RobotModel.fromUrdfString(TestRobots.pendulum(1, 0.5, 0.01));
    JointLimits l = m.movingJoint(0).limits();
    assertEquals(false, l.hasPositionLimits());
    assertEquals(Double.POSITIVE_INFINITY, l.upper());
  }

  private static String robot(String body) {
    return "<robot name='r'><link name='a'/><link name='b'><inertial><mass value='1'/>"
        + "<inertia ixx='1' ixy='0' ixz='0' iyy='1' iyz='0' izz='1'/></inertial></link>"
        + body
        + "</robot>";
  }

  private static String revolute(String inner) {
    return robot(
        "<joint name='j' type='revolute'><parent link='a'/><child link='b'/>" + inner + "</joint>");
  }

  private static String error(String urdf) {
    return assertThrows(UrdfException.class, () -> RobotModel.fromUrdfString(urdf)).getMessage();
  }

  private static void assertMentions(String message, String... parts) {
    for (String p : parts) {
      assertTrue(message.contains(p), () -> "'" + message + "' should mention '" + p + "'");
    }
  }

  @Test
  void missingLimitNamesJoint() {
    assertMentions(error(revolute("")), "joint name='j'", "<limit>", "required");
  }

  @Test
  void badNumberNamesAttribute() {
    assertMentions(
        error(revolute("<limit lower='-1' upper='abc' effort='1' velocity='1'/>")),
        "joint name='j'",
        "'upper'",
        "abc");
    assertMentions(
        error(revolute("<origin xyz='1 2'/><limit effort='1' velocity='1'/>")),
        "joint name='j'",
        "<origin>",
        "3 numbers");
    assertMentions(
        error(revolute("<limit lower='-1' upper='NaN' effort='1' velocity='1'/>")),
        "must be finite");
  }

  @Test
  void lowerAboveUpperRejected() {
    assertMentions(
        error(revolute("<limit lower='1' upper='-1' effort='1' velocity='1'/>")),
        "lower 1.0 is greater than upper -1.0");
  }

  @Test
  void unsupportedJointTypes() {
    assertMentions(
        error(robot("<joint name='f' type='floating'><parent link='a'/><child link='b'/></joint>")),
        "joint name='f'",
        "floating",
        "not supported");
    assertMentions(
        error(robot("<joint name='f' type='hinge'><parent link='a'/><child link='b'/></joint>")),
        "unknown joint type 'hinge'");
    assertMentions(
        error(revolute("<limit effort='1' velocity='1'/><mimic joint='x'/>")), "<mimic>");
  }

  @Test
  void missingLinkAndTreeErrors() {
    assertMentions(
        error(robot("<joint name='j' type='fixed'><parent link='zz'/><child link='b'/></joint>")),
        "joint name='j'",
        "parent link 'zz'");
    assertMentions(error(robot("")), "exactly one root", "a", "b");
    assertMentions(
        error(
            robot(
                "<joint name='j1' type='fixed'><parent link='a'/><child link='b'/></joint>"
                    + "<joint name='j2' type='fixed'><parent link='b'/><child link='a'/></joint>")),
        "exactly one root",
        "cycle");
    assertMentions(
        error("<robot name='r'><link name='a'/><link name='a'/></robot>"),
        "link name='a'",
        "duplicate");
    assertMentions(
        error(revolute("<parent link='a'/><limit effort='1' velocity='1'/>")),
        "more than one <parent>");
  }

  @Test
  void geometryErrors() {
    String mesh =
        "<robot name='r'><link name='a'><visual><geometry><mesh filename='x.stl'/></geometry>"
            + "</visual></link></robot>";
    assertMentions(error(mesh), "link name='a'", "<mesh>", "not supported");
    String negative =
        "<robot name='r'><link name='a'><visual><geometry><sphere radius='-1'/></geometry>"
            + "</visual></link></robot>";
    assertMentions(error(negative), "<sphere>", "radius must be > 0");
  }

  @Test
  void physicsErrors() {
    assertMentions(
        error(revolute("<axis xyz='0 0 0'/><limit effort='1' velocity='1'/>")), "zero vector");
    String badInertia =
        "<robot name='r'><link name='a'><inertial><mass value='1'/>"
            + "<inertia ixx='1' ixy='0' ixz='0' iyy='1' iyz='0' izz='5'/></inertial></link></robot>";
    assertMentions(error(badInertia), "link name='a'", "triangle inequality");
    String massless =
        "<robot name='r'><link name='a'/><link name='b'/>"
            + "<joint name='j' type='continuous'><parent link='a'/><child link='b'/></joint></robot>";
    assertMentions(error(massless), "joint name='j'", "moves no mass");
  }

  @Test
  void rejectsDoctypeAndExternalEntities() {
    String xxe =
        "<?xml version='1.0'?><!DOCTYPE robot [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
            + "<robot name='r'><link name='&x;'/></robot>";
    assertMentions(error(xxe), "DOCTYPE");
    assertMentions(error("<robot name='r'><link name='a'>"), "not well-formed");
    assertMentions(error("<model/>"), "expected <robot>");
  }
}
