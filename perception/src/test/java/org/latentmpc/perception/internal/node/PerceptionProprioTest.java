package org.latentmpc.perception.internal.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.Subscriber;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.msgs.latent_mpc_msgs.Latent;
import org.latentmpc.ros.msgs.sensor_msgs.Image;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Header;
import org.latentmpc.worldmodel.Observation;
import org.latentmpc.worldmodel.SequenceDataset;
import org.latentmpc.worldmodel.WorldModel;
import org.latentmpc.worldmodel.WorldModels;

/**
 * The perception node with a model that fuses joint positions: each image is paired with the latest
 * joint state stamped at or before it (over real TCPROS, embedded master); images before any joint
 * state are dropped. Also: a missing {@code ~model} is a clear start error.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PerceptionProprioTest {
  private static final long WAIT_S = 30;
  private static final float LATENT_TOLERANCE = 1e-5f;

  @TempDir static Path tmp;
  static SequenceDataset data;
  static WorldModel local;
  static EmbeddedMaster master;
  static NodeMainExecutor nodeExecutor;
  static NodeMainExecutor clientExecutor;
  static PerceptionNode perception;
  static ConnectedNode client;

  static NodeConfiguration config(Path model) {
    NodeConfiguration.Builder b = NodeConfiguration.builder().masterUri(URI.create(master.uri()));
    if (model != null) {
      b.privateParameter("model", model.toString());
    } else {
      b.nodeName("perception_nomodel");
    }
    return b.build();
  }

  static void awaitStarted(PerceptionNode node) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (!node.isReady() && node.failure() == null && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  @BeforeAll
  static void start() throws IOException {
    data = TinyModels.data();
    Path checkpoint = TinyModels.train(tmp.resolve("model"), data, "positions");
    local = WorldModels.load(checkpoint);
    assertEquals(2, local.proprioDim());
    master = EmbeddedMaster.start("127.0.0.1", 0);
    nodeExecutor = NodeMainExecutor.newDefault();
    clientExecutor = NodeMainExecutor.newDefault();
    perception = new PerceptionNode();
    nodeExecutor.execute(perception, config(checkpoint));
    client =
        clientExecutor.execute(
            new NodeMain() {
              @Override
              public String getDefaultNodeName() {
                return "proprio_test";
              }

              @Override
              public void onStart(ConnectedNode node) {}
            },
            NodeConfiguration.builder().masterUri(URI.create(master.uri())).build());
    awaitStarted(perception);
    if (perception.failure() != null) {
      throw new AssertionError("perception failed to start", perception.failure());
    }
    assertTrue(perception.isReady(), "perception not ready within " + WAIT_S + " s");
  }

  @AfterAll
  static void stop() {
    if (clientExecutor != null) {
      clientExecutor.shutdown();
    }
    if (nodeExecutor != null) {
      nodeExecutor.shutdown();
    }
    if (master != null) {
      master.close();
    }
    if (local != null) {
      local.close();
    }
  }

  static JointState joints(Time t, double... positions) {
    return new JointState()
        .setHeader(new Header().setStamp(t))
        .setName(new String[] {"x", "y"})
        .setPosition(positions)
        .setVelocity(new double[] {0, 0});
  }

  static Image rgb(byte[] pixels, Time t) {
    return new Image()
        .setHeader(new Header().setStamp(t))
        .setEncoding("rgb8")
        .setWidth(32)
        .setHeight(32)
        .setStep(96)
        .setData(pixels);
  }

  @Test
  void imagesArePairedWithTheLatestJointStateAtOrBeforeThem() throws Exception {
    Publisher<JointState> js =
        client.newPublisher(PerceptionNode.JOINT_STATE_TOPIC, JointState.TYPE);
    Publisher<Image> images = client.newPublisher(PerceptionNode.IMAGE_TOPIC, Image.TYPE);
    Subscriber<Latent> sub = client.newSubscriber(PerceptionNode.LATENT_TOPIC, Latent.TYPE);
    LinkedBlockingQueue<Latent> latents = new LinkedBlockingQueue<>();
    sub.addMessageListener(latents::offer);
    Observation o = data.episodes().get(0).observation(3);
    double[] early = {0.2, 0.3};
    double[] late = {0.8, 0.7};

    // An image before any joint state is dropped, not encoded.
    long droppedBefore = perception.framesDropped();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (perception.framesDropped() == droppedBefore && System.nanoTime() < deadline) {
      images.publish(rgb(o.rgb(), new Time(1, 0)));
      Thread.sleep(100);
    }
    assertTrue(perception.framesDropped() > droppedBefore, "image without joint state not dropped");
    assertTrue(latents.isEmpty(), "a latent for an image without a joint state");

    Time imageStamp = new Time(20, 0);
    float[] expected = local.encode(new Observation(32, 32, o.rgb(), early, new double[] {0, 0}));
    Latent got = null;
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (got == null && System.nanoTime() < deadline) {
      js.publish(joints(new Time(10, 0), early));
      js.publish(joints(new Time(30, 0), late)); // after the image: must not be used
      Thread.sleep(100);
      images.publish(rgb(o.rgb(), imageStamp));
      got = latents.poll(300, TimeUnit.MILLISECONDS);
    }
    assertNotNull(got, "no latent within " + WAIT_S + " s");
    assertEquals(imageStamp, got.getHeader().getStamp());
    assertArrayEquals(expected, got.getData(), LATENT_TOLERANCE);
    float[] withLate = local.encode(new Observation(32, 32, o.rgb(), late, new double[] {0, 0}));
    assertTrue(
        maxAbsDiff(withLate, expected) > 10 * LATENT_TOLERANCE,
        "joint positions do not change the latent: this test could not tell them apart");
  }

  private static float maxAbsDiff(float[] a, float[] b) {
    float m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  @Test
  void missingModelParameterIsAClearStartError() {
    try (NodeMainExecutor ex = NodeMainExecutor.newDefault()) {
      PerceptionNode node = new PerceptionNode();
      ex.execute(node, config(null));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
      while (node.failure() == null && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
      Throwable e = node.failure();
      assertTrue(e instanceof IllegalArgumentException, String.valueOf(e));
      assertTrue(e.getMessage().contains("~model"), e.getMessage());
    }
  }
}
