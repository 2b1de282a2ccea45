package org.latentmpc.worldmodel.internal.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
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
import org.latentmpc.ros.ServiceClient;
import org.latentmpc.ros.ServiceException;
import org.latentmpc.ros.Subscriber;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.msgs.latent_mpc_msgs.Latent;
import org.latentmpc.ros.msgs.latent_mpc_msgs.Predict;
import org.latentmpc.ros.msgs.latent_mpc_msgs.PredictRequest;
import org.latentmpc.ros.msgs.latent_mpc_msgs.PredictResponse;
import org.latentmpc.ros.msgs.std_msgs.Float64;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.worldmodel.ModelConfig;
import org.latentmpc.worldmodel.SequenceDataset;
import org.latentmpc.worldmodel.SurpriseMonitor;
import org.latentmpc.worldmodel.Trainer;
import org.latentmpc.worldmodel.WorldModel;
import org.latentmpc.worldmodel.WorldModels;
import org.latentmpc.worldmodel.internal.data.MovingDots;

/**
 * The world-model node over real TCPROS with the embedded master on loopback: the node and the
 * test's client run in different executors, so every call crosses a socket.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class WorldModelNodeTest {
  private static final long WAIT_S = 30;
  private static final float ROLLOUT_TOLERANCE = 1e-6f;

  @TempDir static Path tmp;
  static Path checkpoint;
  static SequenceDataset data;
  static WorldModel local;
  static EmbeddedMaster master;
  static NodeMainExecutor serverExecutor;
  static NodeMainExecutor clientExecutor;
  static ConnectedNode client;

  /** A tiny, randomly initialised model: 2 training steps on moving dots (sets {@link #data}). */
  static Path trainTinyModel(Path dir) throws IOException {
    data = movingDots();
    return trainTinyModel(dir, Map.of(), data);
  }

  /** The moving-dots data of the tiny models (joints "x" and "y"). */
  static SequenceDataset movingDots() {
    return new MovingDots(32, 32, 0.08).generate(3, 12, 3);
  }

  /**
   * A tiny model trained for 2 steps on {@code dots}, with {@code extra} configuration (e.g. {@code
   * predictor_proprio: positions}).
   */
  static Path trainTinyModel(Path dir, Map<String, Object> extra, SequenceDataset dots)
      throws IOException {
    ModelConfig config =
        ModelConfig.defaults()
            .with(
                Map.ofEntries(
                    Map.entry("image_width", 32),
                    Map.entry("image_height", 32),
                    Map.entry("latent_dim", 16),
                    Map.entry("encoder_channels", List.of(8, 16, 32)),
                    Map.entry("predictor_width", 64),
                    Map.entry("predictor_depth", 2),
                    Map.entry("horizon", 3),
                    Map.entry("batch_size", 16),
                    Map.entry("epochs", 1),
                    Map.entry("steps_per_epoch", 2),
                    Map.entry("seed", 7)))
            .with(extra);
    new Trainer(config, dir, new PrintStream(OutputStream.nullOutputStream())).train(dots, false);
    return dir;
  }

  static NodeConfiguration config(String name, Map<String, Object> params) {
    return config(master.uri(), name, params);
  }

  static NodeConfiguration config(String masterUri, String name, Map<String, Object> params) {
    NodeConfiguration.Builder b =
        NodeConfiguration.builder().masterUri(URI.create(masterUri)).nodeName(name);
    params.forEach(b::privateParameter);
    return b.build();
  }

  static NodeMain idle(String name) {
    return new NodeMain() {
      @Override
      public String getDefaultNodeName() {
        return name;
      }

      @Override
      public void onStart(ConnectedNode node) {}
    };
  }

  @BeforeAll
  static void start() throws IOException {
    checkpoint = trainTinyModel(tmp.resolve("model"));
    local = WorldModels.load(checkpoint);
    master = EmbeddedMaster.start("127.0.0.1", 0);
    serverExecutor = NodeMainExecutor.newDefault();
    clientExecutor = NodeMainExecutor.newDefault();
    WorldModelNode node = new WorldModelNode();
    serverExecutor.execute(node, config("world_model", Map.of("model", checkpoint.toString())));
    client = clientExecutor.execute(idle("test_client"), config("test_client", Map.of()));
    awaitReady(node::isReady, node::failure);
  }

  /** Waits (bounded) until a node is ready; fails with its start error if it has one. */
  static void awaitReady(BooleanSupplier ready, Supplier<Throwable> failure) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (!ready.getAsBoolean() && failure.get() == null && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    if (failure.get() != null) {
      throw new AssertionError("node failed to start", failure.get());
    }
    assertTrue(ready.getAsBoolean(), "node not ready within " + WAIT_S + " s");
  }

  @AfterAll
  static void stop() {
    if (clientExecutor != null) {
      clientExecutor.shutdown();
    }
    if (serverExecutor != null) {
      serverExecutor.shutdown();
    }
    if (master != null) {
      master.close();
    }
    if (local != null) {
      local.close();
    }
  }

  static float[] randomActions(int count, long seed) {
    Random rng = new Random(seed);
    float[] a = new float[count];
    for (int i = 0; i < count; i++) {
      a[i] = (float) (0.05 * rng.nextGaussian());
    }
    return a;
  }

  float[] startLatent() {
    return local.encode(data.episodes().get(0).observation(2));
  }

  ServiceClient<PredictRequest, PredictResponse> predictClient() throws Exception {
    return client.newServiceClient(WorldModelNode.PREDICT_SERVICE, Predict.TYPE, true);
  }

  PredictRequest validRequest(ServiceClient<PredictRequest, PredictResponse> c, int n, int h) {
    PredictRequest q = c.newRequest();
    q.setModel(local.modelId());
    q.setLatent(startLatent());
    q.setNumSequences(n);
    q.setHorizon(h);
    q.setActionDim(local.actionDim());
    q.setActions(randomActions(n * h * local.actionDim(), 11));
    return q;
  }

  @Test
  void predictServiceEqualsInProcessRollout() throws Exception {
    try (ServiceClient<PredictRequest, PredictResponse> c = predictClient()) {
      int n = 4;
      int h = 5;
      PredictRequest q = validRequest(c, n, h);
      PredictResponse r = c.call(q);
      float[] expected = new float[n * h * local.latentDim()];
      local.rollout(q.getLatent(), q.getActions(), n, h, expected);
      assertEquals(local.latentDim(), r.getLatentDim());
      assertArrayEquals(expected, r.getPredicted(), ROLLOUT_TOLERANCE);
    }
  }

  @Test
  void badRequestsGetErrorsAndTheNodeKeepsServing() throws Exception {
    try (ServiceClient<PredictRequest, PredictResponse> c = predictClient()) {
      PredictRequest shortLatent = validRequest(c, 2, 3).setLatent(new float[3]);
      ServiceException e1 = assertThrows(ServiceException.class, () -> c.call(shortLatent));
      assertTrue(e1.getMessage().contains("latent has length 3"), e1.getMessage());

      PredictRequest wrongActions = validRequest(c, 2, 3).setActions(new float[5]);
      ServiceException e2 = assertThrows(ServiceException.class, () -> c.call(wrongActions));
      assertTrue(e2.getMessage().contains("actions has length 5"), e2.getMessage());

      PredictRequest wrongDim = validRequest(c, 2, 3).setActionDim(local.actionDim() + 1);
      ServiceException e3 = assertThrows(ServiceException.class, () -> c.call(wrongDim));
      assertTrue(e3.getMessage().contains("action_dim"), e3.getMessage());

      PredictRequest tooMany = validRequest(c, 1, 1).setNumSequences(1 << 20).setHorizon(100);
      ServiceException e4 = assertThrows(ServiceException.class, () -> c.call(tooMany));
      assertTrue(e4.getMessage().contains("exceeds the limit"), e4.getMessage());

      PredictRequest wrongModel = validRequest(c, 1, 1).setModel("some-other-model");
      ServiceException e5 = assertThrows(ServiceException.class, () -> c.call(wrongModel));
      assertTrue(e5.getMessage().contains("some-other-model"), e5.getMessage());

      PredictRequest nan = validRequest(c, 1, 1);
      nan.getActions()[0] = Float.NaN;
      ServiceException e6 = assertThrows(ServiceException.class, () -> c.call(nan));
      assertTrue(e6.getMessage().contains("not finite"), e6.getMessage());

      // This model's predictor takes no joint positions: a request that carries some is wrong.
      PredictRequest joints = validRequest(c, 1, 1).setJointPositions(new float[] {0.1f, 0.2f});
      ServiceException e7 = assertThrows(ServiceException.class, () -> c.call(joints));
      assertTrue(
          e7.getMessage().contains("joint_positions has length 2")
              && e7.getMessage().contains("takes no joint positions"),
          e7.getMessage());
    }
    // Still serving, on a fresh connection too.
    try (ServiceClient<PredictRequest, PredictResponse> c = predictClient()) {
      PredictRequest q = validRequest(c, 1, 2);
      assertEquals(2 * local.latentDim(), c.call(q).getPredicted().length);
    }
  }

  @Test
  void remoteWorldModelRolloutEqualsLocal() {
    try (WorldModel remote = WorldModels.remote(client, WorldModelNode.PREDICT_SERVICE)) {
      assertEquals(local.latentDim(), remote.latentDim());
      assertEquals(local.actionDim(), remote.actionDim());
      assertEquals(local.modelId(), remote.modelId());
      assertEquals(local.imageWidth(), remote.imageWidth());
      assertEquals(0, remote.predictorJointDim());
      int n = 3;
      int h = 4;
      float[] z0 = startLatent();
      float[] actions = randomActions(n * h * local.actionDim(), 21);
      float[] expected = new float[n * h * local.latentDim()];
      float[] got = new float[expected.length];
      local.rollout(z0, actions, n, h, expected);
      remote.rollout(z0, actions, n, h, got);
      assertArrayEquals(expected, got, ROLLOUT_TOLERANCE);

      // One start latent per sequence.
      float[] starts = new float[n * local.latentDim()];
      for (int i = 0; i < n; i++) {
        float[] zi = local.encode(data.episodes().get(1).observation(i));
        System.arraycopy(zi, 0, starts, i * zi.length, zi.length);
      }
      local.rollout(starts, actions, n, h, expected);
      remote.rollout(starts, actions, n, h, got);
      assertArrayEquals(expected, got, ROLLOUT_TOLERANCE);

      assertThrows(
          IllegalArgumentException.class,
          () -> remote.rollout(z0, new float[3], n, h, new float[expected.length]));
      UnsupportedOperationException e =
          assertThrows(UnsupportedOperationException.class, () -> remote.encode(null, z0));
      assertTrue(e.getMessage().contains("perception"), e.getMessage());
    }
  }

  @Test
  void surpriseIsPublishedAfterActionAndNextLatent() throws Exception {
    BlockingQueue<Float64> surprises = new ArrayBlockingQueue<>(100);
    Subscriber<Float64> sub = client.newSubscriber(WorldModelNode.SURPRISE_TOPIC, Float64.TYPE);
    sub.addMessageListener(surprises::offer);
    Publisher<Latent> latents = client.newPublisher(WorldModelNode.LATENT_TOPIC, Latent.TYPE);
    Publisher<Float64MultiArray> actions =
        client.newPublisher(WorldModelNode.DEFAULT_ACTION_TOPIC, Float64MultiArray.TYPE);
    try {
      float[] z0 = local.encode(data.episodes().get(0).observation(4));
      float[] z1 = local.encode(data.episodes().get(0).observation(5));
      double[] action = {0.03, -0.02};
      float[] actionF = {0.03f, -0.02f};
      SurpriseMonitor expectedMonitor = new SurpriseMonitor(local);
      expectedMonitor.predict(z0, actionF);
      double expected = expectedMonitor.observe(z1);

      // Connections are set up asynchronously: repeat the latent/action/latent triple until a
      // surprise arrives (each triple yields the same value).
      Float64 got = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
      while (got == null && System.nanoTime() < deadline) {
        latents.publish(latent(z0));
        Thread.sleep(100);
        actions.publish(new Float64MultiArray().setData(action));
        Thread.sleep(100);
        latents.publish(latent(z1));
        got = surprises.poll(300, TimeUnit.MILLISECONDS);
      }
      assertNotNull(got, "no surprise published within " + WAIT_S + " s");
      assertEquals(expected, got.getData(), 1e-6 * Math.max(1, expected));
    } finally {
      sub.shutdown();
      latents.shutdown();
      actions.shutdown();
    }
  }

  private static Latent latent(float[] z) {
    return new Latent().setData(z.clone()).setModel(local.modelId());
  }

  @Test
  void missingModelParameterIsAClearError() {
    try (NodeMainExecutor ex = NodeMainExecutor.newDefault()) {
      WorldModelNode node = new WorldModelNode();
      ex.execute(node, config("world_model_nomodel", Map.of()));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
      while (node.failure() == null && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
      Throwable e = node.failure();
      assertTrue(e instanceof IllegalArgumentException, String.valueOf(e));
      assertTrue(e.getMessage().contains("~model"), e.getMessage());
      assertFalse(node.isReady());
    }
  }
}
