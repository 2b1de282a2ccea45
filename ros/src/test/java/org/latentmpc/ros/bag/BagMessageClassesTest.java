package org.latentmpc.ros.bag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.ros.BagMessage;
import org.latentmpc.ros.BagReader;
import org.latentmpc.ros.BagWriter;
import org.latentmpc.ros.Compression;
import org.latentmpc.ros.DynamicMessage;
import org.latentmpc.ros.MessageFormatException;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64;
import org.latentmpc.ros.msgs.std_msgs.Header;

/** Bags with the library's message classes: written as messages, decoded typed or dynamic. */
class BagMessageClassesTest {
  @TempDir Path dir;

  static JointState jointState(int i) {
    return new JointState()
        .setHeader(new Header().setSeq(i).setStamp(Time.fromSeconds(10 + i)).setFrameId("base"))
        .setName(new String[] {"j1", "j2"})
        .setPosition(new double[] {0.1 * i, -0.2 * i})
        .setVelocity(new double[] {1, 2})
        .setEffort(new double[0]);
  }

  @Test
  void messagesWrittenAsObjectsDecodeTypedAndDynamic() throws IOException {
    Path path = dir.resolve("messages.bag");
    try (BagWriter writer = BagWriter.open(path, Compression.LZ4, 1024)) {
      for (int i = 0; i < 50; i++) {
        writer.write("/joint_states", Time.fromSeconds(10 + i), jointState(i));
        writer.write("/surprise", Time.fromSeconds(10 + i), new Float64().setData(i * 0.5));
      }
    }
    try (BagReader reader = BagReader.open(path)) {
      List<BagMessage> states = reader.readMessages(List.of("/joint_states"), null, null).toList();
      assertEquals(50, states.size());
      assertEquals(JointState.TYPE.md5(), states.get(0).connection().md5sum());
      assertEquals(JointState.TYPE.definition(), states.get(0).connection().messageDefinition());
      for (int i = 0; i < 50; i++) {
        JointState decoded = states.get(i).decode(JointState.TYPE);
        assertEquals(jointState(i), decoded);
        assertArrayEquals(new double[] {0.1 * i, -0.2 * i}, decoded.getPosition());
      }
      // Any type can be decoded from the definition stored in the bag.
      BagMessage last = states.get(49);
      DynamicMessage dynamic =
          last.decode(
              DynamicMessage.type(
                  last.connection().type(),
                  last.connection().md5sum(),
                  last.connection().messageDefinition()));
      assertEquals(List.of("j1", "j2"), dynamic.get("name"));
      // Decoding as the wrong type is refused by md5.
      MessageFormatException e =
          assertThrows(MessageFormatException.class, () -> last.decode(Float64.TYPE));
      assertEquals(true, e.getMessage().contains("sensor_msgs/JointState"), e.getMessage());
      assertEquals(
          12.0,
          reader
              .readMessages(List.of("/surprise"), null, null)
              .skip(24)
              .findFirst()
              .orElseThrow()
              .decode(Float64.TYPE)
              .getData());
    }
  }
}
