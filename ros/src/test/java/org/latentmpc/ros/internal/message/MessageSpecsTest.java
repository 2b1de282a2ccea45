package org.latentmpc.ros.internal.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentmpc.ros.MessageFormatException;

class MessageSpecsTest {
  /** The md5 table of ros1-wire-facts.md section 3. */
  @ParameterizedTest
  @CsvSource({
    "std_msgs/Float64MultiArray, 4b7d974086d4060e7db4613a7e6c3ba4",
    "std_msgs/Header, 2176decaecbce78abc3b96ef049fabed",
    "sensor_msgs/JointState, 3066dcd76a6cfaef579bd0f34173e9fd",
    "sensor_msgs/Image, 060021388200f6f0f447d0fcd9c64743",
    "trajectory_msgs/JointTrajectory, 65b4f94a94d1ed67169da35a02f33d3f",
    "trajectory_msgs/JointTrajectoryPoint, f3cd1e1c4d320c79d6985c904ae5dcd3",
    "geometry_msgs/PoseStamped, d3812c3cbc69362b77dc0b19b345f8f5",
    "std_msgs/String, 992ce8a1687cec8c8bd883ec73ca41d1",
    "std_msgs/Float64, fdb28210bfa9d7c91146260178d9a584",
  })
  void messageMd5MatchesReferenceTable(String type, String md5) {
    assertEquals(md5, MessageSpecs.describe(type).md5());
  }

  @ParameterizedTest
  @CsvSource({
    "std_srvs/Trigger, 937c9679a518e3a18d831e57125ea522",
    "std_srvs/SetBool, 09fb03525b03e7ea1fd3992bafd87e16",
  })
  void serviceMd5MatchesReferenceTable(String type, String md5) {
    assertEquals(md5, MessageSpecs.service(type).md5());
  }

  @Test
  void md5TextStripsCommentsAndReplacesNestedTypesByTheirMd5() {
    assertEquals(
        "2176decaecbce78abc3b96ef049fabed header\nstring[] name\nfloat64[] position\n"
            + "float64[] velocity\nfloat64[] effort",
        MessageSpecs.classpath().md5Text("sensor_msgs/JointState"));
  }

  @Test
  void definitionListsDependenciesDepthFirstOnce() {
    assertEquals(
        List.of(
            "std_msgs/Header",
            "geometry_msgs/Pose",
            "geometry_msgs/Point",
            "geometry_msgs/Quaternion",
            "geometry_msgs/Vector3",
            "std_msgs/ColorRGBA"),
        MessageSpecs.classpath().dependencies("visualization_msgs/Marker"));
    String def = MessageSpecs.describe("sensor_msgs/JointState").definition();
    assertTrue(def.startsWith("# This is a message that holds data"));
    assertTrue(
        def.contains(
            "float64[] effort\n\n" + "=".repeat(80) + "\nMSG: std_msgs/Header\n# Standard"));
  }

  @Test
  void projectMessagesAreOnTheClasspath() {
    assertEquals(32, MessageSpecs.describe("latent_mpc_msgs/Latent").md5().length());
    assertEquals(32, MessageSpecs.describe("latent_mpc_msgs/PlanStatus").md5().length());
    assertEquals(32, MessageSpecs.service("latent_mpc_msgs/Predict").md5().length());
  }

  @Test
  void predictMd5IsPinned() {
    // Computed by genmsg (gentools.compute_md5) from ros/latent_mpc_msgs/srv/Predict.srv; a change
    // of the service breaks every client built against the old one, so it must be deliberate.
    assertEquals(
        "4ca2b3819cf5e5992505c2532d6ddfd0",
        MessageSpecs.service("latent_mpc_msgs/Predict").md5(),
        "latent_mpc_msgs/Predict (with float32[] joint_positions)");
    assertEquals(
        "8e137483e40e674a56fca1ae9a44e516",
        MessageSpecs.describe("latent_mpc_msgs/PredictRequest").md5(),
        "latent_mpc_msgs/PredictRequest");
  }

  @Test
  void unknownTypeIsAClearError() {
    MessageFormatException e =
        assertThrows(
            MessageFormatException.class, () -> MessageSpecs.describe("nope_msgs/Nothing"));
    assertTrue(e.getMessage().contains("nope_msgs/Nothing"), e.getMessage());
  }
}
