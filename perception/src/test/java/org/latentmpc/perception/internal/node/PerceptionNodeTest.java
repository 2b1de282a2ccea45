package org.latentmpc.perception.internal.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.BeforeEach;
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
import org.latentmpc.ros.msgs.std_msgs.Header;
import org.latentmpc.worldmodel.ImageConversion;
import org.latentmpc.worldmodel.Observation;
import org.latentmpc.worldmodel.SequenceDataset;
import org.latentmpc.worldmodel.WorldModel;
import org.latentmpc.worldmodel.WorldModels;

/**
 * The perception node over real TCPROS with the embedded master on loopback: images published by
 * another executor's node, latents received back, compared with an in-process encode.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PerceptionNodeTest {
  private static final long WAIT_S = 30;
  private static final float LATENT_TOLERANCE = 1e-5f;

  @TempDir static Path tmp;
  static SequenceDataset data;
  static WorldModel local;
  static EmbeddedMaster master;
  static NodeMainExecutor nodeExecutor;
  static NodeMainExecutor clientExecutor;
  static PerceptionNode perception;
  static Publisher<Image> images;
  static final LinkedBlockingQueue<Latent> latents = new LinkedBlockingQueue<>();

  @BeforeAll
  static void start() throws IOException {
    data = TinyModels.data();
    Path checkpoint = TinyModels.train(tmp.resolve("model"), data, "none");
    local = WorldModels.load(checkpoint);

    master = EmbeddedMaster.start("127.0.0.1", 0);
    nodeExecutor = NodeMainExecutor.newDefault();
    clientExecutor = NodeMainExecutor.newDefault();
    perception = new PerceptionNode();
    nodeExecutor.execute(
        perception,
        NodeConfiguration.builder()
            .masterUri(URI.create(master.uri()))
            .privateParameter("model", checkpoint.toString())
            .build());
    ConnectedNode client =
        clientExecutor.execute(
            new NodeMain() {
              @Override
              public String getDefaultNodeName() {
                return "camera_test";
              }

              @Override
              public void onStart(ConnectedNode node) {}
            },
            NodeConfiguration.builder().masterUri(URI.create(master.uri())).build());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (!perception.isReady() && perception.failure() == null && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    if (perception.failure() != null) {
      throw new AssertionError("perception failed to start", perception.failure());
    }
    assertTrue(perception.isReady(), "perception not ready within " + WAIT_S + " s");
    images = client.newPublisher(PerceptionNode.IMAGE_TOPIC, Image.TYPE);
    Subscriber<Latent> sub = client.newSubscriber(PerceptionNode.LATENT_TOPIC, Latent.TYPE);
    sub.addMessageListener(latents::offer);
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

  @BeforeEach
  void clear() {
    latents.clear();
  }

  static Image image(String encoding, int width, int height, int channels, byte[] pixels, Time t) {
    Header h = new Header().setStamp(t).setFrameId("camera");
    return new Image()
        .setHeader(h)
        .setEncoding(encoding)
        .setWidth(width)
        .setHeight(height)
        .setStep(width * channels)
        .setData(pixels);
  }

  /** Publishes {@code image} until a latent stamped like it arrives (connections are async). */
  static Latent publishUntilLatent(Image image) throws InterruptedException {
    Time stamp = image.getHeader().getStamp();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (System.nanoTime() < deadline) {
      images.publish(image);
      Latent l = latents.poll(200, TimeUnit.MILLISECONDS);
      while (l != null) {
        if (l.getHeader().getStamp().equals(stamp)) {
          return l;
        }
        l = latents.poll();
      }
    }
    return null;
  }

  @Test
  void latentEqualsInProcessEncodeAndKeepsTheImageStamp() throws Exception {
    Observation o = data.episodes().get(0).observation(5);
    Time stamp = new Time(1234, 567_000_000);
    Latent got = publishUntilLatent(image("rgb8", 32, 32, 3, o.rgb(), stamp));
    assertNotNull(got, "no latent within " + WAIT_S + " s");
    assertArrayEquals(local.encode(o), got.getData(), LATENT_TOLERANCE);
    assertEquals(stamp, got.getHeader().getStamp());
    assertEquals("camera", got.getHeader().getFrameId());
    assertEquals(local.modelId(), got.getModel());
  }

  @Test
  void otherEncodingsAndSizesAreConverted() throws Exception {
    // bgr8 at twice the model's size: converted and averaged down to the model's rgb8 input.
    int w = 64;
    int h = 64;
    byte[] bgr = new byte[w * h * 3];
    java.util.Random rng = new java.util.Random(5);
    rng.nextBytes(bgr);
    Image img = image("bgr8", w, h, 3, bgr, new Time(50, 1));
    byte[] rgb = ImageConversion.toRgb8(img, local.imageWidth(), local.imageHeight());
    float[] expected =
        local.encode(Observation.ofImage(local.imageWidth(), local.imageHeight(), rgb));
    Latent got = publishUntilLatent(img);
    assertNotNull(got, "no latent within " + WAIT_S + " s");
    assertArrayEquals(expected, got.getData(), LATENT_TOLERANCE);
  }

  @Test
  void unsupportedEncodingIsDroppedAndTheNodeKeepsRunning() throws Exception {
    long droppedBefore = perception.framesDropped();
    Time badStamp = new Time(7, 0);
    Image bad = image("32FC1", 32, 32, 4, new byte[32 * 32 * 4], badStamp);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (perception.framesDropped() == droppedBefore && System.nanoTime() < deadline) {
      images.publish(bad);
      Thread.sleep(100);
    }
    assertTrue(perception.framesDropped() > droppedBefore, "the 32FC1 frame was not rejected");

    Observation o = data.episodes().get(1).observation(2);
    Latent got = publishUntilLatent(image("rgb8", 32, 32, 3, o.rgb(), new Time(8, 0)));
    assertNotNull(got, "no latent after a rejected frame: the node stopped");
    assertArrayEquals(local.encode(o), got.getData(), LATENT_TOLERANCE);
    for (Latent l : latents) {
      assertFalse(l.getHeader().getStamp().equals(badStamp), "a latent for the rejected frame");
    }
  }
}
