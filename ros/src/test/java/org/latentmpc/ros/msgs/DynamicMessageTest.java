package org.latentmpc.ros.msgs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentmpc.ros.msgs.MessageCodecTest.le;
import static org.latentmpc.ros.msgs.MessageCodecTest.serialize;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentmpc.ros.Duration;
import org.latentmpc.ros.DynamicMessage;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageFormatException;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.RawMessage;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.internal.message.MessageSpecs;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectory;

class DynamicMessageTest {
  private static final long SEED = 424242L;
  private static final Time NOW = new Time(1_700_000_000, 5);

  static Stream<MessageType<?>> allTypes() {
    return AllMessageTypes.ALL.stream();
  }

  @ParameterizedTest
  @MethodSource("allTypes")
  void decodesFromTheFullDefinitionWithTheSameBytesAsTheTypedClass(MessageType<?> typed) {
    MessageType<DynamicMessage> dyn =
        DynamicMessage.type(typed.name(), typed.md5(), typed.definition());
    assertEquals(typed.md5(), dyn.md5());
    assertEquals(typed.definition(), dyn.definition());
    RandomWire wire = new RandomWire(SEED ^ typed.name().hashCode(), MessageSpecs.classpath());
    for (int i = 0; i < 20; i++) {
      byte[] bytes = wire.message(typed.name());
      DynamicMessage d = dyn.newMessage();
      ByteBuffer in = le(bytes);
      d.deserialize(in);
      assertEquals(0, in.remaining());
      assertArrayEquals(bytes, serialize(d), typed.name());
      Message t = typed.newMessage();
      t.deserialize(le(serialize(d)));
      assertArrayEquals(bytes, serialize(t));
      DynamicMessage again = new DynamicMessage(dyn);
      again.deserialize(le(bytes));
      assertEquals(d, again);
      assertEquals(d.hashCode(), again.hashCode());
      for (int cut = 0; cut < bytes.length; cut += 3) {
        ByteBuffer truncated = le(bytes).limit(cut);
        assertThrows(MessageFormatException.class, () -> dyn.newMessage().deserialize(truncated));
      }
    }
  }

  @Test
  void fieldAccessByName() {
    JointState js = new JointState().setName(new String[] {"j1"}).setPosition(new double[] {1.5});
    js.getHeader().setSeq(7).setStamp(new Time(1, 200_000_000)).setFrameId("ab");
    DynamicMessage d = DynamicMessage.type("sensor_msgs/JointState").newMessage();
    d.deserialize(le(serialize(js)));
    DynamicMessage header = (DynamicMessage) d.get("header");
    assertEquals(7L, header.get("seq"));
    assertEquals(new Time(1, 200_000_000), header.get("stamp"));
    assertEquals(List.of("j1"), d.get("name"));
    assertArrayEquals(new double[] {1.5}, (double[]) d.get("position"));
    d.set("position", new double[] {2.5});
    header.set("seq", 8);
    JointState back = new JointState();
    back.deserialize(le(serialize(d)));
    assertEquals(8, back.getHeader().getSeq());
    assertEquals(2.5, back.getPosition()[0]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.get("nope"));
    assertTrue(e.getMessage().contains("nope"));
    MessageFormatException wrong =
        assertThrows(MessageFormatException.class, () -> header.set("seq", -1));
    assertTrue(wrong.getMessage().contains("seq"), wrong.getMessage());
  }

  @Test
  void echoYamlLooksLikeRostopicEcho() {
    JointState js = new JointState().setName(new String[] {"j1", "yes"});
    js.setPosition(new double[] {1.0, 1e-5, 0.1, 1e16});
    js.getHeader().setSeq(7).setStamp(new Time(1, 200_000_000)).setFrameId("ab");
    DynamicMessage d = DynamicMessage.type("sensor_msgs/JointState").newMessage();
    d.deserialize(le(serialize(js)));
    assertEquals(
        "header: \n"
            + "  seq: 7\n"
            + "  stamp: \n"
            + "    secs: 1\n"
            + "    nsecs: 200000000\n"
            + "  frame_id: \"ab\"\n"
            + "name: \n"
            + "  - j1\n"
            + "  - 'yes'\n"
            + "position: [1.0, 1e-05, 0.1, 1e+16]\n"
            + "velocity: []\n"
            + "effort: []",
        d.toYaml());
    JointTrajectory t = new JointTrajectory();
    t.getPoints().add(new org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectoryPoint());
    DynamicMessage dt = DynamicMessage.type("trajectory_msgs/JointTrajectory").newMessage();
    dt.deserialize(le(serialize(t)));
    assertTrue(
        dt.toYaml()
            .endsWith(
                "joint_names: []\npoints: \n  - \n    positions: []\n    velocities: []\n"
                    + "    accelerations: []\n    effort: []\n    time_from_start: \n"
                    + "      secs: 0\n      nsecs:         0"),
        dt.toYaml());
  }

  @Test
  void pubArgumentsAsMappingListAndPlainValue() {
    MessageType<DynamicMessage> f64 = DynamicMessage.type("std_msgs/Float64MultiArray");
    DynamicMessage a = DynamicMessage.fromYaml(f64, "{data: [1.0, 2]}", NOW);
    Float64MultiArray typed = new RawMessage(f64, serialize(a)).decode(Float64MultiArray.TYPE);
    assertArrayEquals(new double[] {1.0, 2.0}, typed.getData());

    MessageType<DynamicMessage> str = DynamicMessage.type("std_msgs/String");
    assertEquals("hello", DynamicMessage.fromYaml(str, "hello", NOW).get("data"));
    assertEquals("", DynamicMessage.fromYamlArgs(str, List.of("{data: }"), NOW).get("data"));

    MessageType<DynamicMessage> js = DynamicMessage.type("sensor_msgs/JointState");
    DynamicMessage auto =
        DynamicMessage.fromYaml(js, "{header: auto, name: [a, b], position: [0.5, 1]}", NOW);
    assertEquals(NOW, ((DynamicMessage) auto.get("header")).get("stamp"));
    assertEquals(List.of("a", "b"), auto.get("name"));
    DynamicMessage positional =
        DynamicMessage.fromYamlArgs(
            js, List.of("[7, {secs: 1, nsecs: 2}, ab]", "[a]", "[1.0]", "[]", "[]"), NOW);
    DynamicMessage header = (DynamicMessage) positional.get("header");
    assertEquals(new Time(1, 2), header.get("stamp"));
    assertEquals("ab", header.get("frame_id"));

    MessageType<DynamicMessage> jt = DynamicMessage.type("trajectory_msgs/JointTrajectory");
    DynamicMessage traj =
        DynamicMessage.fromYaml(
            jt, "{joint_names: [j], points: [{positions: [1], time_from_start: {secs: 2}}]}", NOW);
    JointTrajectory typedTraj = new RawMessage(jt, serialize(traj)).decode(JointTrajectory.TYPE);
    assertEquals(new Duration(2, 0), typedTraj.getPoints().get(0).getTimeFromStart());
  }

  @Test
  void pubArgumentErrorsNameTheField() {
    MessageType<DynamicMessage> js = DynamicMessage.type("sensor_msgs/JointState");
    assertMessage("header.sq", () -> DynamicMessage.fromYaml(js, "{header: {sq: 1}}", NOW));
    assertMessage("position", () -> DynamicMessage.fromYaml(js, "{position: 3}", NOW));
    assertMessage("position[1]", () -> DynamicMessage.fromYaml(js, "{position: [1, x]}", NOW));
    assertMessage("frame_id", () -> DynamicMessage.fromYaml(js, "{header: {frame_id: 3}}", NOW));
    assertMessage("not enough", () -> DynamicMessage.fromYaml(js, "[1]", NOW));
    assertMessage("seq", () -> DynamicMessage.fromYaml(js, "{header: {seq: 5000000000}}", NOW));
    assertMessage("invalid YAML", () -> DynamicMessage.fromYaml(js, "{a: [", NOW));
    MessageType<DynamicMessage> ci = DynamicMessage.type("sensor_msgs/CameraInfo");
    assertMessage("exactly 9", () -> DynamicMessage.fromYaml(ci, "{K: [1, 2]}", NOW));
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
    MessageFormatException ex = assertThrows(MessageFormatException.class, e);
    assertTrue(ex.getMessage().contains(expected), ex.getMessage());
  }

  @Test
  void definitionWithAMissingDependencyIsAClearError() {
    String def = "Header header\nmy_pkg/Unknown thing\n";
    MessageFormatException e =
        assertThrows(
            MessageFormatException.class, () -> DynamicMessage.type("my_pkg/Top", "*", def));
    assertTrue(e.getMessage().contains("my_pkg/Unknown"), e.getMessage());
  }

  @Test
  void convertsToAndFromTypedMessages() {
    JointState js = new JointState().setName(new String[] {"a"}).setPosition(new double[] {3});
    DynamicMessage d = DynamicMessage.fromMessage(js);
    assertEquals(List.of("a"), d.get("name"));
    assertEquals(js, d.toMessage(JointState.TYPE));
    MessageFormatException e =
        assertThrows(MessageFormatException.class, () -> d.toMessage(Float64MultiArray.TYPE));
    assertTrue(e.getMessage().contains("md5"), e.getMessage());
  }

  @Test
  void rawMessageSerializesAsItsBytes() {
    byte[] bytes = serialize(new org.latentmpc.ros.msgs.std_msgs.Float64().setData(2.5));
    RawMessage raw = new RawMessage(org.latentmpc.ros.msgs.std_msgs.Float64.TYPE, bytes);
    assertArrayEquals(bytes, serialize(raw));
    RawMessage copy = new RawMessage(org.latentmpc.ros.msgs.std_msgs.Float64.TYPE);
    copy.deserialize(le(bytes));
    assertEquals(raw, copy);
    assertEquals(2.5, copy.decode(org.latentmpc.ros.msgs.std_msgs.Float64.TYPE).getData());
  }
}
