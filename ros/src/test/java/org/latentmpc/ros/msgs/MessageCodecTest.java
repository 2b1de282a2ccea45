package org.latentmpc.ros.msgs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageFormatException;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.internal.message.MessageSpecs;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.ros.msgs.std_msgs.MultiArrayDimension;
import org.latentmpc.ros.msgs.std_srvs.Trigger;
import org.latentmpc.ros.msgs.std_srvs.TriggerResponse;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectory;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectoryPoint;

class MessageCodecTest {
  private static final long SEED = 20261129L;
  private static final int SAMPLES_PER_TYPE = 40;

  static Stream<MessageType<?>> allTypes() {
    return AllMessageTypes.ALL.stream();
  }

  static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  static byte[] serialize(Message m) {
    ByteBuffer out = ByteBuffer.allocate(m.serializedSize()).order(ByteOrder.LITTLE_ENDIAN);
    m.serialize(out);
    assertEquals(out.capacity(), out.position(), "serializedSize must equal the bytes written");
    return out.array();
  }

  @ParameterizedTest
  @MethodSource("allTypes")
  void roundTripsRandomContentsOfEveryType(MessageType<?> type) {
    RandomWire wire = new RandomWire(SEED ^ type.name().hashCode(), MessageSpecs.classpath());
    Message reused = type.newMessage();
    for (int i = 0; i < SAMPLES_PER_TYPE; i++) {
      byte[] bytes = wire.message(type.name());
      Message a = type.newMessage();
      ByteBuffer in = le(bytes);
      a.deserialize(in);
      assertEquals(0, in.remaining(), type.name() + ": deserialize must consume the message");
      assertArrayEquals(bytes, serialize(a), type.name());
      Message b = type.newMessage();
      b.deserialize(le(serialize(a)));
      assertEquals(a, b);
      assertEquals(a.hashCode(), b.hashCode());
      reused.deserialize(le(bytes));
      assertEquals(a, reused, "deserializing into a reused instance");
      assertTrue(a.toString().startsWith(type.name() + "{"));
    }
  }

  @ParameterizedTest
  @MethodSource("allTypes")
  void truncatedBuffersGiveMessageFormatException(MessageType<?> type) {
    RandomWire wire = new RandomWire(SEED + 1, MessageSpecs.classpath());
    for (int i = 0; i < 10; i++) {
      byte[] bytes = wire.message(type.name());
      for (int cut = 0; cut < bytes.length; cut++) {
        ByteBuffer in = le(bytes).limit(cut);
        assertThrows(MessageFormatException.class, () -> type.newMessage().deserialize(in));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("allTypes")
  void garbageNeverAllocatesHugeArrays(MessageType<?> type) {
    Random random = new Random(SEED + 2);
    for (int i = 0; i < 200; i++) {
      byte[] bytes = new byte[random.nextInt(64)];
      random.nextBytes(bytes);
      try {
        type.newMessage().deserialize(le(bytes));
      } catch (MessageFormatException expected) {
        // fine: garbage is either rejected or happens to decode
      }
    }
    // an absurd length prefix straight away (0xFFFFFFF0 elements)
    byte[] huge = new byte[64];
    java.util.Arrays.fill(huge, (byte) 0xF0);
    try {
      type.newMessage().deserialize(le(huge));
    } catch (MessageFormatException expected) {
      // the only acceptable failure
    }
  }

  @Test
  void jointStateMatchesTheReferenceBytes() {
    // ros1-wire-facts.md section 3; its bytes show the stamp as secs=1, nsecs=2.
    JointState js = new JointState();
    js.getHeader().setSeq(7).setStamp(new Time(1, 2)).setFrameId("ab");
    js.setName(new String[] {"j1"}).setPosition(new double[] {1.0});
    byte[] expected =
        HexFormat.of()
            .parseHex(
                "07000000010000000200000002000000616201000000020000006a3101000000"
                    + "000000000000f03f0000000000000000");
    assertArrayEquals(expected, serialize(js));
    JointState back = new JointState();
    back.deserialize(le(expected));
    assertEquals(js, back);
    assertEquals("ab", back.getHeader().getFrameId());
  }

  @Test
  void reusedArraysAreNotReallocated() {
    JointState js = new JointState();
    double[] position = new double[3];
    js.setPosition(position).setName(new String[] {"a", "b", "c"});
    byte[] bytes = serialize(js);
    js.deserialize(le(bytes));
    assertTrue(js.getPosition() == position, "same-length arrays are reused");
  }

  @Test
  void steadyStateJointStateCodecDoesNotAllocate() {
    final int iterations = 20_000;
    final long allowedBytesPerCycle = 8;
    JointState js = new JointState();
    js.setName(new String[] {"j1", "j2", "j3", "j4", "j5", "j6", "j7"});
    js.setPosition(new double[7]).setVelocity(new double[7]).setEffort(new double[7]);
    js.getHeader().setStamp(new Time(1, 2)).setFrameId("base");
    ByteBuffer buffer = ByteBuffer.allocate(js.serializedSize()).order(ByteOrder.LITTLE_ENDIAN);
    JointState target = new JointState();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = 0;
    for (int round = 0; round < 2; round++) { // round 0 warms up
      before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < iterations; i++) {
        buffer.clear();
        js.getPosition()[i % 7] = i;
        js.serialize(buffer);
        buffer.flip();
        target.deserialize(buffer);
      }
    }
    long perCycle = (threads.getCurrentThreadAllocatedBytes() - before) / iterations;
    assertTrue(perCycle <= allowedBytesPerCycle, perCycle + " bytes allocated per cycle");
    assertEquals(js, target);
  }

  @Test
  void nestedListsRoundTrip() {
    JointTrajectory t = new JointTrajectory();
    t.setJointNames(new String[] {"a", "b"});
    JointTrajectoryPoint p = new JointTrajectoryPoint().setPositions(new double[] {1, 2});
    p.setTimeFromStart(org.latentmpc.ros.Duration.fromSeconds(0.5));
    t.getPoints().add(p);
    JointTrajectory back = new JointTrajectory();
    back.deserialize(le(serialize(t)));
    assertEquals(t, back);
    Float64MultiArray a = new Float64MultiArray().setData(new double[] {1, 2, 3});
    a.getLayout().getDim().add(new MultiArrayDimension().setLabel("x").setSize(3).setStride(3));
    Float64MultiArray b = new Float64MultiArray();
    b.deserialize(le(serialize(a)));
    assertEquals(a, b);
    b.getData()[0] = 9;
    assertNotEquals(a, b);
  }

  @Test
  void wrongLengthFixedArrayIsRefusedOnSerialize() {
    var info = new org.latentmpc.ros.msgs.sensor_msgs.CameraInfo().setK(new double[3]);
    ByteBuffer out = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> info.serialize(out));
    assertTrue(e.getMessage().contains("'K'"), e.getMessage());
  }

  @Test
  void serviceTypesHaveTheirMd5AndHalves() {
    assertEquals("937c9679a518e3a18d831e57125ea522", Trigger.TYPE.md5());
    assertEquals("std_srvs/TriggerResponse", TriggerResponse.TYPE.name());
    assertEquals(Trigger.TYPE.responseType(), TriggerResponse.TYPE);
    assertEquals(
        "09fb03525b03e7ea1fd3992bafd87e16", org.latentmpc.ros.msgs.std_srvs.SetBool.TYPE.md5());
    assertEquals(
        "d41d8cd98f00b204e9800998ecf8427e", org.latentmpc.ros.msgs.std_srvs.Empty.TYPE.md5());
  }
}
