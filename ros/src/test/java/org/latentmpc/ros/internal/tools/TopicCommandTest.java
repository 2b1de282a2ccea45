package org.latentmpc.ros.internal.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import picocli.CommandLine;

/** The topic tool against our embedded master: list, info, echo -n, pub -1, hz. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TopicCommandTest {
  private EmbeddedMaster master;
  private NodeMainExecutor executor;
  private ConnectedNode node;

  @BeforeEach
  void start() throws Exception {
    master = EmbeddedMaster.start("127.0.0.1", 0);
    executor = NodeMainExecutor.newDefault();
    node =
        executor.execute(
            new NodeMain() {
              @Override
              public String getDefaultNodeName() {
                return "fixture";
              }

              @Override
              public void onStart(ConnectedNode connectedNode) {}
            },
            NodeConfiguration.builder().masterUri(URI.create(master.uri())).build());
  }

  @AfterEach
  void stop() {
    executor.shutdown();
    master.close();
  }

  /** Runs {@code topic ARGS} and returns what it printed; fails on a non-zero exit code. */
  private String topic(String... args) {
    TopicCommand command = new TopicCommand();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    command.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    CommandLine cli = new CommandLine(command);
    String[] full = new String[args.length + 2];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--master";
    full[args.length + 1] = master.uri();
    int exit = cli.execute(full);
    assertEquals(0, exit, "exit code of topic " + String.join(" ", args));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private Thread publishContinuously(Publisher<Float64MultiArray> pub, double... data) {
    Float64MultiArray m = new Float64MultiArray();
    m.setData(data);
    Thread t =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                pub.publish(m);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    t.start();
    return t;
  }

  @Test
  void listAndInfo() {
    node.newPublisher("/arm/command", Float64MultiArray.TYPE);
    String list = topic("list");
    assertTrue(list.lines().anyMatch("/arm/command"::equals), list);
    String info = topic("info", "/arm/command");
    assertTrue(info.contains("Type: std_msgs/Float64MultiArray"), info);
    assertTrue(info.contains("* /fixture ("), info);
  }

  @Test
  void echoPrintsYamlAndStopsAfterN() throws Exception {
    Publisher<Float64MultiArray> pub = node.newPublisher("/echo_me", Float64MultiArray.TYPE);
    Thread t = publishContinuously(pub, 1.5, 2.5);
    try {
      String out = topic("echo", "-n", "2", "/echo_me");
      assertEquals(2, out.lines().filter("---"::equals).count(), out);
      assertTrue(out.contains("data: [1.5, 2.5]"), out);
    } finally {
      t.interrupt();
      t.join();
    }
  }

  @Test
  void pubOnceReachesSubscriber() throws Exception {
    BlockingQueue<Float64MultiArray> received = new ArrayBlockingQueue<>(10);
    node.newSubscriber("/pub_me", Float64MultiArray.TYPE).addMessageListener(received::offer);
    topic("pub", "-1", "/pub_me", "std_msgs/Float64MultiArray", "{data: [0.25, -1.0]}");
    Float64MultiArray got = received.poll(20, TimeUnit.SECONDS);
    assertArrayEquals(new double[] {0.25, -1.0}, got.getData());
  }

  @Test
  void hzMeasuresTheRate() throws Exception {
    Publisher<Float64MultiArray> pub = node.newPublisher("/hz_me", Float64MultiArray.TYPE);
    Thread t = publishContinuously(pub, 1.0);
    try {
      String out = topic("hz", "--duration", "3", "/hz_me");
      assertTrue(out.contains("average rate:"), out);
      assertNotEquals(-1, out.indexOf("window:"), out);
    } finally {
      t.interrupt();
      t.join();
    }
  }
}
