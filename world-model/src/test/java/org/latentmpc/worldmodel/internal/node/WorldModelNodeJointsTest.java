package org.latentmpc.worldmodel.internal.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.ros.ConnectedNode;
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
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.worldmodel.SequenceDataset;
import org.latentmpc.worldmodel.SurpriseMonitor;
import org.latentmpc.worldmodel.WorldModel;
import org.latentmpc.worldmodel.WorldModels;
import org.latentmpc.worldmodel.internal.model.Checkpoints;

/**
 * The world-model node serving a model whose predictor also takes the joint positions ({@code
 * predictor_proprio: positions}), over real TCPROS with the embedded master on loopback: Predict
 * with {@code joint_positions}, the remote model's q0 rollout and the surprise from {@code
 * /joint_states}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class WorldModelNodeJointsTest {
  private static final long WAIT_S = 30;
  private static final float ROLLOUT_TOLERANCE = 1e-6f;

  /** Start joint positions (rad) in the model's joint order (x, y): exact in float32. */
  private static final double[] Q0 = {0.25, -0.5};

  /** How long the node gets to (wrongly) publish a surprise without a joint state. */
  private static final long QUIET_MS = 1500;

  @TempDir static Path tmp;
  static SequenceDataset data;
  static WorldModel local;
  static EmbeddedMaster master;
  static NodeMainExecutor serverExecutor;
  static NodeMainExecutor clientExecutor;
  static ConnectedNode client;

  @BeforeAll
  static void start() throws Exception {
    data = WorldModelNodeTest.movingDots();
    Path checkpoint =
        WorldModelNodeTest.trainTinyModel(
            tmp.resolve("model-joints"), Map.of("predictor_proprio", "positions"), data);
    assertEquals(List.of("x", "y"), Checkpoints.readMetadata(checkpoint).jointNames());
    local = WorldModels.load(checkpoint);
    assertEquals(2, local.predictorJointDim());
    master = EmbeddedMaster.start("127.0.0.1", 0);
    serverExecutor = NodeMainExecutor.newDefault();
    clientExecutor = NodeMainExecutor.newDefault();
    WorldModelNode node = new WorldModelNode();
    serverExecutor.execute(
        node,
        WorldModelNodeTest.config(
            master.uri(), "world_model", Map.of("model", checkpoint.toString())));
    client =
        clientExecutor.execute(
            WorldModelNodeTest.idle("test_client"),
            WorldModelNodeTest.config(master.uri(), "test_client", Map.of()));
    WorldModelNodeTest.awaitReady(node::isReady, node::failure);
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

  private static float[] startLatent() {
    return local.encode(data.episodes().get(0).observation(2));
  }

  private static PredictRequest request(
      ServiceClient<PredictRequest, PredictResponse> c, int n, int h, float[] q0) {
    return c.newRequest()
        .setModel(local.modelId())
        .setLatent(startLatent())
        .setNumSequences(n)
        .setHorizon(h)
        .setActionDim(local.actionDim())
        .setActions(WorldModelNodeTest.randomActions(n * h * local.actionDim(), 31))
        .setJointPositions(q0);
  }

  private static float[] q0Float() {
    return new float[] {(float) Q0[0], (float) Q0[1]};
  }

  @Test
  void predictWithJointPositionsEqualsTheInProcessRollout() throws Exception {
    try (ServiceClient<PredictRequest, PredictResponse> c =
        client.newServiceClient(WorldModelNode.PREDICT_SERVICE, Predict.TYPE, true)) {
      int n = 4;
      int h = 5;
      PredictRequest q = request(c, n, h, q0Float());
      PredictResponse r = c.call(q);
      float[] expected = new float[n * h * local.latentDim()];
      local.rollout(q.getLatent(), Q0, q.getActions(), n, h, expected);
      assertEquals(local.latentDim(), r.getLatentDim());
      assertArrayEquals(expected, r.getPredicted(), ROLLOUT_TOLERANCE);

      // Other start positions give other latents: the positions reach the predictor.
      float[] elsewhere = c.call(q.setJointPositions(new float[] {0.9f, 0.1f})).getPredicted();
      double diff = 0;
      for (int i = 0; i < elsewhere.length; i++) {
        diff += Math.abs(elsewhere[i] - expected[i]);
      }
      assertTrue(diff > 1e-4, "the joint positions do not change the prediction: " + diff);
    }
  }

  @Test
  void badJointPositionsGetErrorsAndTheNodeKeepsServing() throws Exception {
    try (ServiceClient<PredictRequest, PredictResponse> c =
        client.newServiceClient(WorldModelNode.PREDICT_SERVICE, Predict.TYPE, true)) {
      ServiceException none =
          assertThrows(ServiceException.class, () -> c.call(request(c, 2, 3, new float[0])));
      assertTrue(
          none.getMessage().contains("joint_positions has length 0")
              && none.getMessage().contains("takes the 2 start joint positions"),
          none.getMessage());

      ServiceException three =
          assertThrows(
              ServiceException.class, () -> c.call(request(c, 2, 3, new float[] {0, 0, 0})));
      assertTrue(three.getMessage().contains("joint_positions has length 3"), three.getMessage());

      ServiceException nan =
          assertThrows(
              ServiceException.class,
              () -> c.call(request(c, 2, 3, new float[] {0.1f, Float.NaN})));
      assertTrue(nan.getMessage().contains("joint_positions[1] is not finite"), nan.getMessage());

      // The same connection still serves a good request.
      assertEquals(
          6 * local.latentDim(), c.call(request(c, 2, 3, q0Float())).getPredicted().length);
    }
    // And a fresh one.
    try (ServiceClient<PredictRequest, PredictResponse> c =
        client.newServiceClient(WorldModelNode.PREDICT_SERVICE, Predict.TYPE, true)) {
      assertEquals(local.latentDim(), c.call(request(c, 1, 1, q0Float())).getPredicted().length);
    }
  }

  @Test
  void remoteWorldModelRollsOutFromTheJointPositions() {
    try (WorldModel remote = WorldModels.remote(client, WorldModelNode.PREDICT_SERVICE)) {
      assertEquals(2, remote.predictorJointDim());
      int n = 3;
      int h = 4;
      float[] z0 = startLatent();
      float[] actions = WorldModelNodeTest.randomActions(n * h * local.actionDim(), 41);
      float[] expected = new float[n * h * local.latentDim()];
      float[] got = new float[expected.length];
      local.rollout(z0, Q0, actions, n, h, expected);
      remote.rollout(z0, Q0, actions, n, h, got);
      assertArrayEquals(expected, got, ROLLOUT_TOLERANCE);

      // One start latent per sequence, the same joint positions for all.
      float[] starts = new float[n * local.latentDim()];
      for (int i = 0; i < n; i++) {
        float[] zi = local.encode(data.episodes().get(1).observation(i));
        System.arraycopy(zi, 0, starts, i * zi.length, zi.length);
      }
      local.rollout(starts, Q0, actions, n, h, expected);
      remote.rollout(starts, Q0, actions, n, h, got);
      assertArrayEquals(expected, got, ROLLOUT_TOLERANCE);

      // As in-process: no rollout without the joint positions, or with the wrong number.
      IllegalStateException plain =
          assertThrows(IllegalStateException.class, () -> remote.rollout(z0, actions, n, h, got));
      assertTrue(plain.getMessage().contains("joint positions"), plain.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> remote.rollout(z0, new double[] {0.1}, actions, n, h, got));
      assertThrows(
          IllegalArgumentException.class,
          () -> remote.rollout(z0, new double[] {0.1, Double.NaN}, actions, n, h, got));
    }
  }

  @Test
  void surpriseUsesTheJointStateAndWaitsForOne() throws Exception {
    BlockingQueue<Float64> surprises = new ArrayBlockingQueue<>(100);
    Subscriber<Float64> sub = client.newSubscriber(WorldModelNode.SURPRISE_TOPIC, Float64.TYPE);
    sub.addMessageListener(surprises::offer);
    Publisher<Latent> latents = client.newPublisher(WorldModelNode.LATENT_TOPIC, Latent.TYPE);
    Publisher<Float64MultiArray> actions =
        client.newPublisher(WorldModelNode.DEFAULT_ACTION_TOPIC, Float64MultiArray.TYPE);
    Publisher<JointState> joints =
        client.newPublisher(WorldModelNode.JOINT_STATES_TOPIC, JointState.TYPE);
    try {
      assertTrue(
          eventually(
              () ->
                  sub.getNumberOfPublishers() == 1
                      && latents.getNumberOfSubscribers() == 1
                      && actions.getNumberOfSubscribers() == 1
                      && joints.getNumberOfSubscribers() == 1),
          "connected to the world-model node");
      float[] z0 = local.encode(data.episodes().get(0).observation(4));
      float[] z1 = local.encode(data.episodes().get(0).observation(5));
      double[] action = {0.03, -0.02};
      float[] actionF = {0.03f, -0.02f};

      // No joint state yet: the node cannot predict, so it publishes no surprise.
      for (int k = 0; k < 3; k++) {
        latents.publish(latent(z0));
        Thread.sleep(50);
        actions.publish(new Float64MultiArray().setData(action));
        Thread.sleep(50);
        latents.publish(latent(z1));
      }
      assertNull(
          surprises.poll(QUIET_MS, TimeUnit.MILLISECONDS), "no surprise without a joint state");

      SurpriseMonitor expectedMonitor = new SurpriseMonitor(local);
      expectedMonitor.predict(z0, Q0, actionF);
      double expected = expectedMonitor.observe(z1);
      // Joint states name the joints in another order than the model (x, y), with an extra one.
      JointState state =
          new JointState()
              .setName(new String[] {"y", "gripper", "x"})
              .setPosition(new double[] {Q0[1], 0.7, Q0[0]});
      Float64 got = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
      while (got == null && System.nanoTime() < deadline) {
        joints.publish(state);
        Thread.sleep(100);
        latents.publish(latent(z0));
        Thread.sleep(100);
        actions.publish(new Float64MultiArray().setData(action));
        Thread.sleep(100);
        latents.publish(latent(z1));
        got = surprises.poll(300, TimeUnit.MILLISECONDS);
      }
      assertNotNull(got, "no surprise published within " + WAIT_S + " s of joint states");
      assertEquals(expected, got.getData(), 1e-6 * Math.max(1, expected));
    } finally {
      sub.shutdown();
      latents.shutdown();
      actions.shutdown();
      joints.shutdown();
    }
  }

  private static Latent latent(float[] z) {
    return new Latent().setData(z.clone()).setModel(local.modelId());
  }

  private static boolean eventually(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    return condition.getAsBoolean();
  }
}
