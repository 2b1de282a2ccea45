package org.latentmpc.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.robot.RobotModel;

class ControllerSettingsTest {
  private static final Path CONFIGS = Path.of("..", "sim-configs", "controllers");
  private final RobotModel arm7 = TestRobots.arm7();

  @Test
  void shippedSimConfigParses() throws Exception {
    ControllerSettings s =
        ControllerSettings.fromYaml(CONFIGS.resolve("arm7_sim.yaml"), "arm_controller", arm7);
    assertEquals(ControllerType.TRAJECTORY, s.type());
    assertEquals(arm7.jointNames(), s.joints());
    assertEquals(1000, s.rateHz(), 0.0);
    assertEquals(0.5, s.watchdogTimeoutS(), 0.0);
    assertEquals(OutputMode.EFFORT, s.outputMode());
    assertEquals("/sim/effort_command", s.effortTopic());
    assertEquals(600, s.positionGains(0).p(), 0.0);
    assertEquals(-5, s.positionGains(0).iClampMin(), 0.0);
    assertEquals(0.002, s.positionGains(0).derivativeFilterTimeConstantS(), 0.0);
    assertEquals(15.0, s.limits(0).maxAcceleration(), 0.0);
    assertEquals(2.175, s.limits(0).maxVelocity(), 0.0); // from the URDF
    assertEquals(0.1, s.pathTolerance(3), 0.0);
    assertEquals(0.01, s.goalTolerance(3), 0.0);
    assertEquals(0.5, s.goalTimeS(), 0.0);
  }

  @Test
  void frankaPandaForwardConfigParsesAgainstAPandaDescription() throws Exception {
    String urdf =
        Files.readString(Path.of("..", "sim-configs", "robots", "arm7.urdf"))
            .replace("arm7_joint", "panda_joint");
    RobotModel panda = RobotModel.fromUrdfString(urdf);
    ControllerSettings s =
        ControllerSettings.fromYaml(
            CONFIGS.resolve("franka_panda_forward.yaml"), "arm_controller", panda);
    assertEquals(OutputMode.FORWARD, s.outputMode());
    assertEquals("/joint_group_position_controller/command", s.positionTopic());
    assertFalse(s.gravityCompensation());
    assertEquals(1.0875, s.limits(0).maxVelocity(), 0.0);
    assertEquals(7, s.dof());
  }

  @Test
  void urForwardConfigParsesAgainstAUrDescription() throws Exception {
    RobotModel ur = RobotModel.fromUrdfString(urLikeUrdf());
    ControllerSettings s =
        ControllerSettings.fromYaml(
            CONFIGS.resolve("ur_eseries_forward.yaml"), "arm_controller", ur);
    assertEquals(ControllerType.VELOCITY, s.type());
    assertEquals(500, s.rateHz(), 0.0);
    assertEquals("/joint_group_vel_controller/command", s.velocityTopic());
    assertEquals(1.0, s.limits(5).maxVelocity(), 0.0);
    assertEquals(6, s.dof());
  }

  /** A six-joint chain with UR joint names and UR e-series limits (kinematics irrelevant here). */
  static String urLikeUrdf() {
    String[] names = {
      "shoulder_pan_joint", "shoulder_lift_joint", "elbow_joint",
      "wrist_1_joint", "wrist_2_joint", "wrist_3_joint"
    };
    double[] effort = {150, 150, 150, 28, 28, 28};
    StringBuilder b = new StringBuilder("<robot name='ur_like'><link name='base'/>");
    for (int i = 0; i < 6; i++) {
      b.append("<link name='l")
          .append(i)
          .append("'><inertial><mass value='2'/>")
          .append(
              "<inertia ixx='0.01' iyy='0.01' izz='0.01' ixy='0' ixz='0' iyz='0'/></inertial></link>");
      b.append("<joint name='")
          .append(names[i])
          .append("' type='revolute'><parent link='")
          .append(i == 0 ? "base" : "l" + (i - 1))
          .append("'/><child link='l")
          .append(i)
          .append("'/><origin xyz='0 0 0.1'/><axis xyz='0 ")
          .append(i % 2)
          .append(' ')
          .append(1 - i % 2)
          .append("'/><limit lower='-6.283' upper='6.283' effort='")
          .append(effort[i])
          .append("' velocity='3.1416'/></joint>");
    }
    return b.append("</robot>").toString();
  }

  @Test
  void errorsNameTheKey(@TempDir Path dir) throws Exception {
    Map<String, Object> base = new HashMap<>();
    base.put("type", "position");
    assertEquals(ControllerType.POSITION, ControllerSettings.fromParameters(base, arm7).type());

    assertMessage(Map.of("type", "torque"), "unknown controller type 'torque'");
    assertMessage(
        Map.of("joints", List.of("arm7_joint1", "elbow")), "'elbow' is not a moving joint");
    assertMessage(Map.of("rate", -5), "rate must be finite and > 0");
    assertMessage(
        Map.of("gains", Map.of("arm7_joint1", Map.of("p", "high"))),
        "gains/arm7_joint1/p must be a number");
    assertMessage(
        Map.of("gains", Map.of("arm7_jointX", Map.of("p", 1))), "gains/arm7_jointX: not one of");
    assertMessage(
        Map.of("joint_limits", Map.of("arm7_joint1", Map.of("max_velocity", 9.0))),
        "max_velocity = 9.0 is looser");
    assertMessage(Map.of("output", Map.of("mode", "torque")), "output/mode: 'torque'");
    assertMessage(
        Map.of("constraints", Map.of("arm7_joint2", Map.of("goal", -1))),
        "constraints/arm7_joint2/goal must be finite and >= 0");

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "arm_controller: {gains: [1, 2\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ControllerSettings.fromYaml(bad, "arm_controller", arm7));
    assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    Files.writeString(bad, "other: {}\n");
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ControllerSettings.fromYaml(bad, "arm_controller", arm7));
    assertTrue(e.getMessage().contains("no controller namespace 'arm_controller'"));
  }

  private void assertMessage(Map<String, ?> params, String expected) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ControllerSettings.fromParameters(params, arm7));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
