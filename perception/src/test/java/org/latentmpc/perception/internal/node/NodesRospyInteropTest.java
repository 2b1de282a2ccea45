package org.latentmpc.perception.internal.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.msgs.latent_mpc_msgs.Latent;
import org.latentmpc.worldmodel.Observation;
import org.latentmpc.worldmodel.SequenceDataset;
import org.latentmpc.worldmodel.SurpriseMonitor;
import org.latentmpc.worldmodel.WorldModel;
import org.latentmpc.worldmodel.WorldModels;
import org.latentmpc.worldmodel.internal.node.WorldModelNode;

/**
 * The perception and world-model nodes with Debian's real ROS: a real roscore, a rospy camera that
 * publishes sensor_msgs/Image and std_msgs/Float64MultiArray actions and subscribes our latents
 * (raw, as rospy.AnyMsg) and the surprise (std_msgs/Float64). Skipped where ROS is not installed.
 */
@Tag("interop")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class NodesRospyInteropTest {
  private static final long PYTHON_TIMEOUT_S = 120;
  private static final float LATENT_TOLERANCE = 1e-5f;
  private static final double SURPRISE_RELATIVE_TOLERANCE = 1e-5;
  private static final float[] ACTION = {0.03f, -0.02f};

  private static final String SCRIPT =
      String.join(
          "\n",
          "import sys, time, rospy",
          "from sensor_msgs.msg import Image",
          "from std_msgs.msg import Float64, Float64MultiArray",
          "rospy.init_node('camera_py', disable_signals=True)",
          "rgb0 = bytes.fromhex(open(sys.argv[1]).read().strip())",
          "rgb1 = bytes.fromhex(open(sys.argv[2]).read().strip())",
          "latents = []",
          "surprises = []",
          "rospy.Subscriber('/perception/latent', rospy.AnyMsg, lambda m: latents.append(m._buff))",
          "rospy.Subscriber('/world_model/surprise', Float64, lambda m: surprises.append(m.data))",
          "pub = rospy.Publisher('/camera/image_raw', Image, queue_size=10)",
          "act = rospy.Publisher('/collect/action', Float64MultiArray, queue_size=10)",
          "def img(data, secs):",
          "    m = Image()",
          "    m.header.stamp = rospy.Time(secs, 0)",
          "    m.header.frame_id = 'camera'",
          "    m.height = 32; m.width = 32; m.encoding = 'rgb8'; m.step = 96; m.data = data",
          "    return m",
          "deadline = time.time() + 90",
          "while time.time() < deadline and len(surprises) < 3:",
          "    pub.publish(img(rgb0, 100)); time.sleep(0.3)",
          "    act.publish(Float64MultiArray(data=[0.03, -0.02])); time.sleep(0.3)",
          "    pub.publish(img(rgb1, 101)); time.sleep(0.4)",
          "for b in latents:",
          "    print('LATENT', bytes(b).hex())",
          "for s in surprises:",
          "    print('SURPRISE', repr(s))",
          "sys.stdout.flush()",
          "rospy.signal_shutdown('done')");

  @TempDir Path tmp;

  private static boolean rosAvailable() {
    if (!new File("/usr/bin/roscore").canExecute()) {
      return false;
    }
    try {
      Process p =
          new ProcessBuilder("/usr/bin/python3", "-c", "import rospy, sensor_msgs.msg").start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private Map<String, String> env(String masterUri) {
    return Map.of(
        "ROS_MASTER_URI",
        masterUri,
        "ROS_HOME",
        tmp.toString(),
        "ROS_LOG_DIR",
        tmp.resolve("log").toString(),
        "ROS_IP",
        "127.0.0.1",
        "ROS_HOSTNAME",
        "127.0.0.1",
        "PYTHONUNBUFFERED",
        "1");
  }

  private static void killTree(Process p) {
    List<ProcessHandle> tree = p.descendants().toList();
    tree.forEach(ProcessHandle::destroy);
    p.destroy();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    tree.forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void rospyCameraGetsLatentsAndSurpriseFromOurNodes() throws Exception {
    Assumptions.assumeTrue(
        rosAvailable(),
        "Debian ROS (roscore, /usr/bin/python3 with rospy) not installed: skipping nodes interop");
    SequenceDataset data = TinyModels.data();
    Path checkpoint = TinyModels.train(tmp.resolve("model"), data, "none");
    Observation o0 = data.episodes().get(0).observation(4);
    Observation o1 = data.episodes().get(0).observation(5);
    Files.writeString(tmp.resolve("rgb0.hex"), HexFormat.of().formatHex(o0.rgb()));
    Files.writeString(tmp.resolve("rgb1.hex"), HexFormat.of().formatHex(o1.rgb()));
    Files.writeString(tmp.resolve("camera.py"), SCRIPT);

    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String masterUri = "http://127.0.0.1:" + port + "/";
    ProcessBuilder core =
        new ProcessBuilder("/usr/bin/roscore", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("roscore.out").toFile());
    core.environment().putAll(env(masterUri));
    Process roscore = core.start();
    NodeMainExecutor executor = NodeMainExecutor.newDefault();
    try (WorldModel local = WorldModels.load(checkpoint)) {
      PerceptionNode perception = new PerceptionNode();
      WorldModelNode worldModel = new WorldModelNode();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      // roscore takes a moment to accept connections: retry the node start until it does.
      while (true) {
        try {
          executor.execute(
              perception,
              NodeConfiguration.builder()
                  .masterUri(URI.create(masterUri))
                  .privateParameter("model", checkpoint.toString())
                  .build());
          break;
        } catch (RuntimeException e) {
          if (System.nanoTime() > deadline) {
            throw e;
          }
          Thread.sleep(200);
        }
      }
      executor.execute(
          worldModel,
          NodeConfiguration.builder()
              .masterUri(URI.create(masterUri))
              .privateParameter("model", checkpoint.toString())
              .build());
      while ((!perception.isReady() || !worldModel.isReady())
          && perception.failure() == null
          && worldModel.failure() == null
          && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
      assertTrue(perception.isReady() && worldModel.isReady(), "nodes did not start");

      ProcessBuilder pb =
          new ProcessBuilder(
                  "/usr/bin/python3",
                  tmp.resolve("camera.py").toString(),
                  tmp.resolve("rgb0.hex").toString(),
                  tmp.resolve("rgb1.hex").toString())
              .redirectError(tmp.resolve("camera.err").toFile())
              .redirectOutput(tmp.resolve("camera.out").toFile());
      pb.environment().putAll(env(masterUri));
      Process py = pb.start();
      boolean done = py.waitFor(PYTHON_TIMEOUT_S, TimeUnit.SECONDS);
      if (!done) {
        killTree(py);
      }
      String out = Files.readString(tmp.resolve("camera.out"), StandardCharsets.UTF_8);
      String err = Files.readString(tmp.resolve("camera.err"), StandardCharsets.UTF_8);
      assertTrue(done && py.exitValue() == 0, "rospy camera failed: " + err + out);

      float[] z0 = local.encode(o0);
      float[] z1 = local.encode(o1);
      SurpriseMonitor monitor = new SurpriseMonitor(local);
      monitor.predict(z0, ACTION);
      double expectedSurprise = monitor.observe(z1);

      List<Latent> latents = new ArrayList<>();
      List<Double> surprises = new ArrayList<>();
      for (String line : out.split("\n")) {
        if (line.startsWith("LATENT ")) {
          Latent l = new Latent();
          l.deserialize(
              ByteBuffer.wrap(HexFormat.of().parseHex(line.substring(7).strip()))
                  .order(ByteOrder.LITTLE_ENDIAN));
          latents.add(l);
        } else if (line.startsWith("SURPRISE ")) {
          surprises.add(Double.parseDouble(line.substring(9).strip()));
        }
      }
      assertFalse(latents.isEmpty(), "rospy received no latents: " + err);
      for (Latent l : latents) {
        Time stamp = l.getHeader().getStamp();
        assertEquals(local.modelId(), l.getModel());
        assertEquals("camera", l.getHeader().getFrameId());
        if (stamp.equals(new Time(100, 0))) {
          assertArrayEquals(z0, l.getData(), LATENT_TOLERANCE);
        } else {
          assertEquals(new Time(101, 0), stamp);
          assertArrayEquals(z1, l.getData(), LATENT_TOLERANCE);
        }
      }
      assertFalse(surprises.isEmpty(), "rospy received no surprise: " + err);
      // Each action follows the stamp-100 latent and precedes the stamp-101 one; on a loaded
      // machine a message can be late, so at least one surprise (not every one) must match.
      boolean matched =
          surprises.stream()
              .anyMatch(
                  s ->
                      Math.abs(s - expectedSurprise)
                          <= SURPRISE_RELATIVE_TOLERANCE * Math.max(1, expectedSurprise));
      assertTrue(matched, "expected surprise " + expectedSurprise + " in " + surprises);
    } finally {
      executor.shutdown();
      killTree(roscore);
    }
  }
}
