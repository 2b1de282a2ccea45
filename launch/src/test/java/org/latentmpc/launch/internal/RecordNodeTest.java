package org.latentmpc.launch.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.ros.BagMessage;
import org.latentmpc.ros.BagReader;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;

/** The launch files' bag recorder against a real master and a real publisher (TCPROS). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordNodeTest {
  private static final int MESSAGES = 5;

  @TempDir Path dir;

  private static NodeMain idle() {
    return new NodeMain() {
      @Override
      public String getDefaultNodeName() {
        return "talker";
      }

      @Override
      public void onStart(ConnectedNode node) {}
    };
  }

  @Test
  void recordsEveryMessageAndIndexesTheBagOnShutdown() throws Exception {
    Path bag = dir.resolve("sub/out.bag");
    try (EmbeddedMaster master = EmbeddedMaster.start("127.0.0.1", 0)) {
      URI uri = URI.create(master.uri());
      RecordNode recorder = new RecordNode();
      NodeMainExecutor recordExecutor = NodeMainExecutor.newDefault();
      try (NodeMainExecutor talkerExecutor = NodeMainExecutor.newDefault()) {
        recordExecutor.execute(
            recorder,
            NodeConfiguration.builder()
                .masterUri(uri)
                .privateParameter("output", bag.toString())
                .privateParameter("topics", List.of("/actions", "/unused"))
                .build());
        ConnectedNode talker =
            talkerExecutor.execute(idle(), NodeConfiguration.builder().masterUri(uri).build());
        Publisher<Float64MultiArray> pub = talker.newPublisher("/actions", Float64MultiArray.TYPE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pub.getNumberOfSubscribers() == 0 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        for (int k = 0; k < MESSAGES; k++) {
          pub.publish(new Float64MultiArray().setData(new double[] {k, -k}));
        }
        while (recorder.messageCount() < MESSAGES && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
      }
      recordExecutor.shutdown();
      recordExecutor.awaitTermination(10, TimeUnit.SECONDS);
    }
    try (BagReader reader = BagReader.open(bag)) {
      assertTrue(reader.isIndexed(), "closed and indexed on shutdown");
      List<BagMessage> messages = reader.readMessages().toList();
      assertEquals(MESSAGES, messages.size());
      for (int k = 0; k < MESSAGES; k++) {
        assertEquals("/actions", messages.get(k).topic());
        assertArrayEquals(
            new double[] {k, -k}, messages.get(k).decode(Float64MultiArray.TYPE).getData());
      }
    }
  }

  @Test
  void missingOutputOrTopicsOrBadCompressionFailTheStart() throws Exception {
    try (EmbeddedMaster master = EmbeddedMaster.start("127.0.0.1", 0);
        NodeMainExecutor executor = NodeMainExecutor.newDefault()) {
      URI uri = URI.create(master.uri());
      ConnectedNode node =
          executor.execute(
              idle(),
              NodeConfiguration.builder()
                  .masterUri(uri)
                  .nodeName("bad")
                  .privateParameter("topics", "/a /b")
                  .privateParameter("compression", "zip")
                  .build());
      RecordNode recorder = new RecordNode();
      IllegalArgumentException noOutput =
          assertThrows(IllegalArgumentException.class, () -> recorder.onStart(node));
      assertTrue(noOutput.getMessage().contains("~output"), noOutput.getMessage());
      node.getParameterTree().set("~output", dir.resolve("x.bag").toString());
      IllegalArgumentException badCompression =
          assertThrows(IllegalArgumentException.class, () -> recorder.onStart(node));
      assertTrue(badCompression.getMessage().contains("zip"), badCompression.getMessage());
      assertTrue(!dir.resolve("x.bag").toFile().exists(), "nothing written");
    }
  }
}
