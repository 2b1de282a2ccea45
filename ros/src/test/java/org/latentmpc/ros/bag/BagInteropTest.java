package org.latentmpc.ros.bag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentmpc.ros.BagConnection;
import org.latentmpc.ros.BagMessage;
import org.latentmpc.ros.BagReader;
import org.latentmpc.ros.BagWriter;
import org.latentmpc.ros.Compression;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.bag.BagTestData.Written;

/** Our bags read by Debian's rosbag (Python API and CLI), and bags written by rosbag read by us. */
@Tag("interop")
class BagInteropTest {
  private static final int MESSAGES = 900;
  private static final String JOINT_STATE_MD5 = "3066dcd76a6cfaef579bd0f34173e9fd";
  private static final String FLOAT64_MD5 = "fdb28210bfa9d7c91146260178d9a584";
  private static final double TIME_TOLERANCE_S = 1e-6;

  @TempDir Path dir;

  @BeforeAll
  static void requireRosbag() {
    assumeTrue(
        RosPython.available(),
        "Debian ROS not installed (no python3 imports rosbag, roslz4, sensor_msgs):"
            + " skipping rosbag interop tests");
  }

  @ParameterizedTest
  @EnumSource(
      value = Compression.class,
      names = {"NONE", "LZ4", "BZ2"})
  void pythonRosbagReadsOurBagWithTheRightTopicsTypesAndValues(Compression compression)
      throws IOException {
    List<Written> written = BagTestData.messages(MESSAGES, 21);
    Path bag = dir.resolve("ours-" + compression + ".bag");
    try (BagWriter writer = BagWriter.open(bag, compression, 4096)) {
      BagConnection latched = writer.connection("/latched", BagTestData.FLOAT64, "/talker", true);
      writer.write(latched, Time.fromSeconds(1), java.nio.ByteBuffer.wrap(BagTestData.float64(7)));
      for (Written message : written) {
        writer.write(message.topic(), message.time(), message.type(), message.bytes());
      }
    }
    String script =
        """
        import json, sys, rosbag
        bag = rosbag.Bag(sys.argv[1])
        info = bag.get_type_and_topic_info()
        out = {
          'count': bag.get_message_count(),
          'compression': bag.get_compression_info().compression,
          'topics': {t: [i.msg_type, i.message_count] for t, i in info.topics.items()},
          'md5': {k: v for k, v in info.msg_types.items()},
          'messages': [],
          'headers': {},
        }
        for topic, msg, t, header in bag.read_messages(return_connection_header=True):
          out['messages'].append([topic, t.secs, t.nsecs, msg.data])
          out['headers'][topic] = [header.get('callerid').decode(), header.get('latching').decode()]
        print(json.dumps(out))
        """;
    Map<String, Object> out = RosPython.parse(RosPython.python(dir, script, bag.toString()));
    assertEquals(MESSAGES + 1, out.get("count"));
    assertEquals(compression.wireName(), out.get("compression"));
    Map<String, List<Object>> topics = cast(out.get("topics"));
    assertEquals(List.of("std_msgs/Float64", MESSAGES / 3), topics.get("/surprise"));
    assertEquals(List.of("std_msgs/String", MESSAGES / 3), topics.get("/status"));
    assertEquals(List.of("std_msgs/Float64", 1), topics.get("/latched"));
    assertEquals(
        Map.of("std_msgs/Float64", FLOAT64_MD5, "std_msgs/String", BagTestData.STRING.md5()),
        out.get("md5"));
    Map<String, List<Object>> headers = cast(out.get("headers"));
    assertEquals(List.of("/talker", "1"), headers.get("/latched"));
    assertEquals(List.of("", "0"), headers.get("/surprise"));

    List<List<Object>> messages = cast(out.get("messages"));
    List<Written> expected = BagTestData.inTimeOrder(written);
    assertEquals(List.of("/latched", 1, 0, 7.0), messages.get(0));
    for (int i = 0; i < expected.size(); i++) {
      Written w = expected.get(i);
      List<Object> m = messages.get(i + 1);
      assertEquals(w.topic(), m.get(0), "topic of message " + i);
      assertEquals(w.time().secs(), ((Number) m.get(1)).longValue(), "secs of message " + i);
      assertEquals(w.time().nsecs(), ((Number) m.get(2)).intValue(), "nsecs of message " + i);
      Object value =
          w.type() == BagTestData.FLOAT64
              ? (Object) BagTestData.float64(w.bytes())
              : new String(
                  w.bytes(), 4, w.bytes().length - 4, java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(value, m.get(3) instanceof Integer n ? n.doubleValue() : m.get(3));
    }
  }

  @Test
  void roslz4ReadsOurLargeLz4ChunksOfCameraLikeData() throws IOException {
    Path bag = dir.resolve("images-lz4.bag");
    java.util.Random random = new java.util.Random(3);
    List<byte[]> images = new java.util.ArrayList<>();
    for (int k = 0; k < 150; k++) {
      byte[] image = new byte[4 + 64 * 64 * 3];
      java.nio.ByteBuffer.wrap(image).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(64 * 64 * 3);
      for (int i = 4; i < image.length; i++) {
        int pixel = (i - 4) / 3;
        image[i] = (byte) (k % 3 == 0 ? 0 : (pixel % 64) * 2 + pixel / 64 + random.nextInt(6));
      }
      images.add(image);
    }
    var blob =
        BagTestData.rawType("test_msgs/Blob", "0123456789abcdef0123456789abcdef", "uint8[] data\n");
    try (BagWriter writer =
        BagWriter.open(bag, Compression.LZ4, BagWriter.DEFAULT_CHUNK_THRESHOLD_BYTES)) {
      for (int k = 0; k < images.size(); k++) {
        writer.write("/camera/image_raw", Time.fromSeconds(1 + k * 0.1), blob, images.get(k));
      }
    }
    String script =
        """
        import hashlib, sys, rosbag
        bag = rosbag.Bag(sys.argv[1])
        for topic, raw, t in bag.read_messages(raw=True):
          print(hashlib.md5(raw[1]).hexdigest())
        """;
    List<String> theirs =
        List.of(RosPython.python(dir, script, bag.toString()).strip().split("\n"));
    List<String> ours = new java.util.ArrayList<>();
    for (byte[] image : images) {
      try {
        ours.add(
            HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(image)));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new AssertionError(e);
      }
    }
    assertEquals(ours, theirs);
    try (BagReader reader = BagReader.open(bag)) {
      assertTrue(reader.chunks().size() >= 2, "chunks: " + reader.chunks().size());
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Compression.class,
      names = {"NONE", "LZ4"})
  void rosbagInfoCommandSummarisesOurBag(Compression compression) throws IOException {
    assumeTrue(RosPython.rosbagCliAvailable(), "rosbag command not on PATH: skipping");
    Path bag = dir.resolve("info-" + compression + ".bag");
    BagTestData.write(bag, compression, 4096, BagTestData.messages(MESSAGES, 4));
    String yaml =
        RosPython.run(List.of("rosbag", "info", "--yaml", bag.toString()), dir, true).stdout();
    Map<String, Object> info = RosPython.parse(yaml);
    assertEquals(MESSAGES, info.get("messages"));
    assertEquals(compression.wireName(), info.get("compression"));
    assertEquals(2.0, ((Number) info.get("version")).doubleValue());
    try (BagReader reader = BagReader.open(bag)) {
      assertEquals(reader.sizeBytes(), ((Number) info.get("size")).longValue());
      assertEquals(
          reader.startTime().orElseThrow().toSeconds(),
          ((Number) info.get("start")).doubleValue(),
          TIME_TOLERANCE_S);
    }
    List<Map<String, Object>> topics = cast(info.get("topics"));
    assertEquals(3, topics.size());
    for (Map<String, Object> topic : topics) {
      assertEquals(MESSAGES / 3, topic.get("messages"), "messages on " + topic.get("topic"));
    }
    String text = RosPython.run(List.of("rosbag", "info", bag.toString()), dir, true).stdout();
    assertTrue(text.contains("/joint/position"), text);
    assertTrue(
        text.matches("(?s).*std_msgs/String +\\[992ce8a1687cec8c8bd883ec73ca41d1\\].*"), text);
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void ourReaderReadsBagsWrittenByPythonRosbag(Compression compression) throws IOException {
    Path bag = dir.resolve("python-" + compression + ".bag");
    String script =
        """
        import io, json, sys, rosbag, rospy
        from sensor_msgs.msg import JointState
        from std_msgs.msg import Float64, Header
        bag = rosbag.Bag(sys.argv[1], 'w', compression=sys.argv[2], chunk_threshold=2048)
        out = []
        for i in range(300):
          t = rospy.Time(1600000000 + i // 100, (i % 100) * 10000000)
          js = JointState(header=Header(seq=i, stamp=t, frame_id='base'),
                          name=['j1', 'j2'], position=[i * 0.1, -i * 0.1],
                          velocity=[1.0, 2.0], effort=[])
          bag.write('/joint_states', js, t)
          f = Float64(data=i * 0.25)
          bag.write('/surprise', f, t)
          for topic, m in (('/joint_states', js), ('/surprise', f)):
            buf = io.BytesIO(); m.serialize(buf)
            out.append([topic, t.secs, t.nsecs, buf.getvalue().hex()])
        bag.close()
        print(json.dumps(out))
        """;
    List<List<Object>> written =
        RosPython.parse(RosPython.python(dir, script, bag.toString(), compression.wireName()));
    try (BagReader reader = BagReader.open(bag)) {
      assertTrue(reader.isIndexed());
      assertTrue(reader.chunks().size() > 10, "chunks: " + reader.chunks().size());
      assertTrue(reader.chunks().stream().allMatch(c -> c.compression() == compression));
      List<BagMessage> read = reader.readMessages().toList();
      assertEquals(written.size(), read.size());
      for (int i = 0; i < read.size(); i++) {
        BagMessage message = read.get(i);
        List<Object> expected = written.get(i);
        assertEquals(expected.get(0), message.topic(), "topic of message " + i);
        assertEquals(
            new Time(((Number) expected.get(1)).longValue(), ((Number) expected.get(2)).intValue()),
            message.time());
        assertArrayEquals(HexFormat.of().parseHex((String) expected.get(3)), message.serialized());
        String md5 = message.topic().equals("/joint_states") ? JOINT_STATE_MD5 : FLOAT64_MD5;
        assertEquals(md5, message.connection().md5sum());
      }
      assertTrue(
          reader.connections().get(0).messageDefinition().contains("MSG: std_msgs/Header"),
          reader.connections().get(0).messageDefinition());
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Compression.class,
      names = {"NONE", "LZ4"})
  void ourReaderRecoversABagWhosePythonRecorderWasKilled(Compression compression)
      throws IOException {
    Path bag = dir.resolve("killed-" + compression + ".bag");
    // Writes 5 complete chunks, then streams 40 messages into an unfinished chunk and dies
    // without closing the bag (no index, chunk sizes never written).
    String script =
        """
        import os, sys, rosbag, rospy
        from std_msgs.msg import Float64
        bag = rosbag.Bag(sys.argv[1], 'w', compression=sys.argv[2], chunk_threshold=1000)
        i = 0
        while len(bag._chunks) < 5:
          bag.write('/x', Float64(data=i), rospy.Time(100 + i, 0)); i += 1
        complete = i
        for _ in range(40):
          bag.write('/x', Float64(data=i), rospy.Time(100 + i, 0)); i += 1
        bag._output_file.flush() if sys.argv[2] == 'none' else None
        bag._file.flush()
        print(complete, i)
        os._exit(0)
        """;
    String[] counts =
        RosPython.python(dir, script, bag.toString(), compression.wireName()).trim().split(" ");
    int complete = Integer.parseInt(counts[0]);
    int total = Integer.parseInt(counts[1]);
    try (BagReader reader = BagReader.open(bag)) {
      BagReader.Recovery recovery = reader.recovery().orElseThrow();
      assertTrue(recovery.reason().startsWith("index missing"), recovery.summary());
      List<BagMessage> read = reader.readMessages().toList();
      assertTrue(read.size() >= complete, recovery.summary());
      if (compression == Compression.NONE) {
        assertEquals(total, read.size(), recovery.summary());
      }
      for (int i = 0; i < read.size(); i++) {
        assertEquals(i, BagTestData.float64(read.get(i).serialized()));
        assertEquals(new Time(100 + i, 0), read.get(i).time());
      }
      assertTrue(recovery.summary().contains("unfinished"), recovery.summary());
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }
}
