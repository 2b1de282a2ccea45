package org.latentmpc.planner.internal.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.planner.LatentRoadmap;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.PublisherOptions;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.msgs.latent_mpc_msgs.Latent;
import org.latentmpc.ros.msgs.latent_mpc_msgs.PlanStatus;
import org.latentmpc.ros.msgs.rosgraph_msgs.Clock;
import org.latentmpc.ros.msgs.sensor_msgs.Image;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.worldmodel.ModelConfig;
import org.latentmpc.worldmodel.NormalisationStats;
import org.latentmpc.worldmodel.Observation;
import org.latentmpc.worldmodel.WorldModel;
import org.latentmpc.worldmodel.WorldModels;
import org.latentmpc.worldmodel.internal.model.CheckpointMetadata;
import org.latentmpc.worldmodel.internal.model.Checkpoints;
import org.latentmpc.worldmodel.internal.model.JepaNetwork;
import org.latentmpc.worldmodel.internal.node.WorldModelNode;

/**
 * The planner node over real TCPROS with the embedded master and a tiny randomly initialised world
 * model saved as a checkpoint: the test node publishes latents, joint states and goal images from
 * another executor and listens to the commands and status.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PlannerNodeTest {
  private static final long TIMEOUT_MS = 30_000;
  private static final int SIZE = 16;

  /** The model's joint order: the reverse of the URDF's (reacher2: joint1, joint2). */
  private static final List<String> JOINTS = List.of("joint2", "joint1");

  private static final Path REACHER_URDF = Path.of("..", "sim-configs", "robots", "reacher2.urdf");
  private static final double JOINT2_UPPER_RAD = 2.6;
  private static final double ACTION_LIMIT_RAD = 0.1;
  private static final double COMMAND_TOL = 1e-6;
  private static final double DISTANCE_TOL = 1e-4;

  /** Stream period of the test's latents and joint states (the node plans at 20 Hz). */
  private static final long STREAM_PERIOD_MS = 30;

  @TempDir static Path tmp;
  private static Path checkpoint;
  private static Path plannerYaml;
  private static Path limitYaml;
  private static WorldModel encoder;
  private static byte[] goalRgb;
  private static byte[] startRgb;
  private static float[] goalLatent;
  private static float[] startLatent;

  private EmbeddedMaster master;
  private NodeMainExecutor plannerExecutor;
  private NodeMainExecutor testExecutor;
  private ScheduledExecutorService stream;
  private PlannerNode plannerNode;
  private Publisher<Latent> latentPub;
  private Publisher<JointState> jointPub;
  private Publisher<Image> goalPub;
  private final ConcurrentLinkedQueue<Float64MultiArray> commands = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<PlanStatus> statuses = new ConcurrentLinkedQueue<>();
  private volatile float[] streamedLatent;
  private volatile boolean streaming;

  /** Joint positions streamed, in the model's joint order. */
  private static final double[] Q = {0.3, -0.4};

  private volatile double[] streamedQ = Q;

  /**
   * Nodes expected on /joint_states: the planner, plus a world-model node serving a model whose
   * predictor takes the joint positions (it listens for its surprise signal).
   */
  private int jointStateSubscribers = 1;

  @BeforeAll
  static void writeCheckpoint() throws Exception {
    Engine.getEngine("PyTorch").setRandomSeed(5);
    ModelConfig config =
        ModelConfig.defaults()
            .with(
                Map.of(
                    "image_width",
                    SIZE,
                    "image_height",
                    SIZE,
                    "encoder_channels",
                    List.of(8, 8),
                    "latent_dim",
                    8,
                    "predictor_width",
                    32));
    float[] actionStd = new float[JOINTS.size()];
    Arrays.fill(actionStd, 0.05f);
    NormalisationStats stats =
        new NormalisationStats(
            new float[] {0.5f, 0.5f, 0.5f},
            new float[] {0.25f, 0.25f, 0.25f},
            new float[0],
            new float[0],
            new float[JOINTS.size()],
            actionStd);
    checkpoint = tmp.resolve("model");
    writeRandomCheckpoint(checkpoint, config, stats);
    plannerYaml = tmp.resolve("cem-small.yaml");
    Files.writeString(
        plannerYaml,
        String.join(
            "\n",
            "algorithm: cem",
            "horizon: 3",
            "samples: 16",
            "iterations: 2",
            "seed: 3",
            "actionLimitRad: " + ACTION_LIMIT_RAD,
            "cem:",
            "  elites: 4",
            "cost:",
            "  latentNorm: l2",
            ""));
    limitYaml = tmp.resolve("cem-limits.yaml");
    Files.writeString(
        limitYaml,
        Files.readString(plannerYaml)
            + "  jointLimitWeight: 10000.0\n  jointLimitMarginRad: 0.05\n");
    SplittableRandom r = new SplittableRandom(17);
    goalRgb = new byte[SIZE * SIZE * 3];
    startRgb = new byte[SIZE * SIZE * 3];
    for (int i = 0; i < goalRgb.length; i++) {
      goalRgb[i] = (byte) r.nextInt(256);
      startRgb[i] = (byte) r.nextInt(256);
    }
    encoder = WorldModels.load(checkpoint);
    goalLatent = encoder.encode(Observation.ofImage(SIZE, SIZE, goalRgb));
    startLatent = encoder.encode(Observation.ofImage(SIZE, SIZE, startRgb));
    assertTrue(distance(goalLatent, startLatent) > 10 * DISTANCE_TOL, "test images differ");
  }

  /** Writes a randomly initialised image-only checkpoint for {@link #JOINTS} into {@code dir}. */
  private static void writeRandomCheckpoint(Path dir, ModelConfig config, NormalisationStats stats)
      throws Exception {
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager();
        JepaNetwork net = new JepaNetwork(manager, config, 0, JOINTS.size(), JOINTS.size())) {
      Checkpoints.write(
          dir,
          net,
          null,
          new CheckpointMetadata(
              Checkpoints.FORMAT_VERSION,
              Checkpoints.CODE_VERSION,
              config,
              0,
              JOINTS.size(),
              JOINTS,
              stats,
              "sha256:random-init",
              0,
              0,
              List.of(),
              Map.of()));
    }
  }

  @AfterAll
  static void closeEncoder() {
    if (encoder != null) {
      encoder.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    master = EmbeddedMaster.start("127.0.0.1", 0);
    plannerExecutor = NodeMainExecutor.newDefault();
    testExecutor = NodeMainExecutor.newDefault();
    stream = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterEach
  void stop() {
    stream.shutdownNow();
    plannerExecutor.shutdown();
    testExecutor.shutdown();
    master.close();
  }

  private NodeConfiguration.Builder config() {
    return NodeConfiguration.builder().masterUri(URI.create(master.uri()));
  }

  /** Starts the planner node (goal tolerance tiny: only an exact goal latent counts) and wiring. */
  private void startPlanner(double latentTimeoutS) throws Exception {
    startPlanner(new PlannerNode(), latentTimeoutS, Map.of());
  }

  private void startPlanner(PlannerNode planner, double latentTimeoutS, Map<String, Object> extra)
      throws Exception {
    plannerNode = planner;
    NodeConfiguration.Builder b =
        config()
            .privateParameter("model", checkpoint.toString())
            .privateParameter("planner_config", plannerYaml.toString())
            .privateParameter("plan_rate", 20)
            .privateParameter("goal_tolerance", DISTANCE_TOL)
            .privateParameter("latent_timeout", latentTimeoutS);
    extra.forEach(b::privateParameter);
    plannerExecutor.execute(plannerNode, b.build());
    ConnectedNode test = testExecutor.execute(idle("test_driver"), config().build());
    test.newSubscriber("/arm_controller/group_command", Float64MultiArray.TYPE)
        .addMessageListener(commands::add);
    test.newSubscriber("/planner/status", PlanStatus.TYPE).addMessageListener(statuses::add);
    latentPub = test.newPublisher("/perception/latent", Latent.TYPE);
    jointPub = test.newPublisher("/joint_states", JointState.TYPE);
    goalPub = test.newPublisher("/planner/goal_image", Image.TYPE);
    // The world-model node, when one runs, also listens to the latents (for its surprise signal).
    int latentSubscribers = extra.containsKey("world_model_service") ? 2 : 1;
    assertTrue(
        eventually(
            () ->
                latentPub.getNumberOfSubscribers() == latentSubscribers
                    && jointPub.getNumberOfSubscribers() == jointStateSubscribers
                    && goalPub.getNumberOfSubscribers() == 1),
        "the planner subscribed to latents, joint states and goal images");
    assertTrue(eventually(() -> !statuses.isEmpty()), "the planner publishes status");
  }

  /** Streams {@code latent} and the joint state {@link #Q} until {@link #streaming} is cleared. */
  private void startStreaming(float[] latent) {
    streamedLatent = latent;
    streaming = true;
    stream.scheduleAtFixedRate(
        () -> {
          if (!streaming) {
            return;
          }
          latentPub.publish(new Latent().setModel("test").setData(streamedLatent.clone()));
          double[] q = streamedQ;
          jointPub.publish(
              new JointState()
                  .setName(new String[] {"joint1", "joint2", "gripper"})
                  .setPosition(new double[] {q[1], q[0], 0.01}));
        },
        0,
        STREAM_PERIOD_MS,
        TimeUnit.MILLISECONDS);
  }

  private static Image rgbImage(byte[] rgb) {
    return new Image()
        .setWidth(SIZE)
        .setHeight(SIZE)
        .setEncoding("rgb8")
        .setStep(SIZE * 3)
        .setData(rgb.clone());
  }

  private PlanStatus awaitStatus(Predicate<PlanStatus> what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
    while (System.nanoTime() < deadline) {
      for (PlanStatus s : statuses) {
        if (what.test(s)) {
          return s;
        }
      }
      Thread.sleep(20);
    }
    return null;
  }

  /** Waits until {@code count} more statuses than now have arrived. */
  private void awaitMoreStatuses(int count) throws InterruptedException {
    int target = statuses.size() + count;
    assertTrue(eventually(() -> statuses.size() >= target), count + " more statuses");
  }

  @Test
  void commandsOfTheRightShapeFollowAGoalImageAndLatents() throws Exception {
    startPlanner(0.5);
    startStreaming(startLatent);
    goalPub.publish(rgbImage(goalRgb));
    assertTrue(eventually(() -> commands.size() >= 3), "commands arrive");
    for (Float64MultiArray c : commands) {
      double[] target = c.getData();
      assertEquals(JOINTS.size(), target.length, "one value per joint");
      for (int j = 0; j < target.length; j++) {
        assertTrue(Double.isFinite(target[j]));
        // Model joint order (joint2, joint1), whatever the joint-state order: q + first action.
        assertTrue(
            Math.abs(target[j] - Q[j]) <= ACTION_LIMIT_RAD + COMMAND_TOL,
            "joint " + j + " target " + target[j] + " within one bounded step of " + Q[j]);
      }
    }
    PlanStatus s = awaitStatus(p -> p.getMessage().startsWith("planning"));
    assertNotNull(s, "a planning status");
    assertEquals(2, s.getIterations());
    assertEquals("cem", s.getPlanner());
    assertTrue(Double.isFinite(s.getCost()) && s.getCost() >= 0, "cost " + s.getCost());
    assertTrue(s.getSolveTimeS() >= 0);
    assertFalse(s.isGoalReached());
    assertEquals(distance(startLatent, goalLatent), s.getGoalDistance(), DISTANCE_TOL);
    assertTrue(plannerNode.cycles() > 0);
  }

  /** The checkpoint with joint-position inputs to the predictor (written on first use). */
  private static Path jointPredictorCheckpoint() throws Exception {
    Path withJoints = tmp.resolve("model-joint-predictor");
    if (!Files.isDirectory(withJoints)) {
      CheckpointMetadata base = Checkpoints.readMetadata(checkpoint);
      ModelConfig config = base.config().with(Map.of("predictor_proprio", "positions"));
      NormalisationStats s = base.stats();
      NormalisationStats stats =
          new NormalisationStats(
              s.imageMean(),
              s.imageStd(),
              new float[] {0.1f, -0.2f},
              new float[] {0.5f, 0.7f},
              s.actionMean(),
              s.actionStd());
      writeRandomCheckpoint(withJoints, config, stats);
    }
    return withJoints;
  }

  @Test
  void aModelWhosePredictorTakesTheJointPositionsPlansFromTheJointStates() throws Exception {
    Path withJoints = jointPredictorCheckpoint();
    startPlanner(new PlannerNode(), 0.5, Map.of("model", withJoints.toString()));
    startStreaming(startLatent);
    goalPub.publish(rgbImage(goalRgb));
    assertTrue(eventually(() -> commands.size() >= 3), "commands arrive");
    for (Float64MultiArray c : commands) {
      double[] target = c.getData();
      assertEquals(JOINTS.size(), target.length, "one value per joint");
      for (int j = 0; j < target.length; j++) {
        assertTrue(Math.abs(target[j] - Q[j]) <= ACTION_LIMIT_RAD + COMMAND_TOL);
      }
    }
    assertNotNull(awaitStatus(p -> p.getMessage().startsWith("planning")), "plans, no error");
  }

  @Test
  void aRoadmapInTheModelFolderIsFollowedWhileTheStatusMeasuresTheGoal() throws Exception {
    Path withRoadmap = tmp.resolve("model-with-roadmap");
    if (!Files.isDirectory(withRoadmap)) {
      Files.createDirectories(withRoadmap);
      try (var files = Files.list(checkpoint)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.copy(f, withRoadmap.resolve(f.getFileName()));
        }
      }
      // Nodes on the straight line from the start latent to the goal latent, one recording.
      int n = 20;
      int d = startLatent.length;
      float[] nodes = new float[n * d];
      for (int i = 0; i < n; i++) {
        float t = i / (float) (n - 1);
        for (int j = 0; j < d; j++) {
          nodes[i * d + j] = startLatent[j] + t * (goalLatent[j] - startLatent[j]);
        }
      }
      double spacing = distance(startLatent, goalLatent) / (n - 1);
      new LatentRoadmap(nodes, new int[n], d, 2, 1.5 * spacing, 3.5 * spacing)
          .save(LatentRoadmap.fileIn(withRoadmap));
    }
    startPlanner(new PlannerNode(), 0.5, Map.of("model", withRoadmap.toString()));
    startStreaming(startLatent);
    goalPub.publish(rgbImage(goalRgb));
    assertTrue(eventually(() -> commands.size() >= 3), "commands arrive");
    for (Float64MultiArray c : commands) {
      assertEquals(JOINTS.size(), c.getData().length, "one value per joint");
    }
    PlanStatus s =
        awaitStatus(p -> p.getMessage().startsWith("planning towards a roadmap waypoint"));
    assertNotNull(s, "a status planning towards a waypoint: " + statuses);
    // The status reports the distance to the goal itself, not to the waypoint.
    assertEquals(distance(startLatent, goalLatent), s.getGoalDistance(), DISTANCE_TOL);
  }

  @Test
  void rolloutsServedByTheWorldModelNodeDriveThePlanUntilTheServiceGoes() throws Exception {
    WorldModelNode worldModel = new WorldModelNode();
    NodeMainExecutor worldModelExecutor = NodeMainExecutor.newDefault();
    try {
      worldModelExecutor.execute(
          worldModel, config().privateParameter("model", checkpoint.toString()).build());
      assertTrue(
          eventually(() -> worldModel.isReady() || worldModel.failure() != null),
          "world-model node up");
      assertNull(worldModel.failure());
      startPlanner(
          new PlannerNode(),
          0.5,
          Map.of("world_model_service", WorldModelNode.PREDICT_SERVICE, "world_model_wait", 10.0));
      startStreaming(startLatent);
      goalPub.publish(rgbImage(goalRgb));
      assertTrue(eventually(() -> commands.size() >= 3), "commands arrive");
      PlanStatus s = awaitStatus(p -> p.getMessage().startsWith("planning"));
      assertNotNull(s, "a planning status");
      assertEquals(distance(startLatent, goalLatent), s.getGoalDistance(), DISTANCE_TOL);
      // Without the service there is nothing to plan with: the cycles fail, saying why, and no
      // command goes out.
      worldModelExecutor.shutdown();
      PlanStatus failed =
          awaitStatus(
              p ->
                  p.getMessage().startsWith("plan cycle failed")
                      && p.getMessage().contains("world-model service"));
      assertNotNull(failed, "cycles fail once the service is gone: " + statuses);
      int before = commands.size();
      awaitMoreStatuses(5);
      assertTrue(commands.size() <= before + 1, "no commands without the service");
    } finally {
      worldModelExecutor.shutdown();
    }
  }

  @Test
  void aJointPositionModelIsPlannedThroughTheWorldModelService() throws Exception {
    Path withJoints = jointPredictorCheckpoint();
    WorldModelNode worldModel = new WorldModelNode();
    NodeMainExecutor worldModelExecutor = NodeMainExecutor.newDefault();
    try {
      worldModelExecutor.execute(
          worldModel, config().privateParameter("model", withJoints.toString()).build());
      assertTrue(
          eventually(() -> worldModel.isReady() || worldModel.failure() != null),
          "world-model node up");
      assertNull(worldModel.failure());
      jointStateSubscribers = 2;
      startPlanner(
          new PlannerNode(),
          0.5,
          Map.of(
              "model",
              withJoints.toString(),
              "world_model_service",
              WorldModelNode.PREDICT_SERVICE,
              "world_model_wait",
              10.0));
      startStreaming(startLatent);
      goalPub.publish(rgbImage(goalRgb));
      assertTrue(eventually(() -> commands.size() >= 3), "commands arrive: " + statuses);
      for (Float64MultiArray c : commands) {
        double[] target = c.getData();
        assertEquals(JOINTS.size(), target.length, "one value per joint");
        for (int j = 0; j < target.length; j++) {
          assertTrue(Math.abs(target[j] - Q[j]) <= ACTION_LIMIT_RAD + COMMAND_TOL);
        }
      }
      assertNotNull(awaitStatus(p -> p.getMessage().startsWith("planning")), "plans, no error");
      // The rollouts really go over the service: without it the cycles fail, saying why.
      worldModelExecutor.shutdown();
      assertNotNull(
          awaitStatus(
              p ->
                  p.getMessage().startsWith("plan cycle failed")
                      && p.getMessage().contains("world-model service")),
          "cycles fail once the service is gone: " + statuses);
    } finally {
      worldModelExecutor.shutdown();
    }
  }

  @Test
  void noCommandsWithoutAGoal() throws Exception {
    startPlanner(0.5);
    startStreaming(startLatent);
    assertNotNull(awaitStatus(p -> p.getMessage().startsWith("no goal")));
    awaitMoreStatuses(10);
    assertEquals(0, commands.size(), "no commands without a goal");
  }

  @Test
  void staleLatentsStopTheCommands() throws Exception {
    startPlanner(0.3);
    startStreaming(startLatent);
    goalPub.publish(rgbImage(goalRgb));
    assertTrue(eventually(() -> commands.size() >= 2), "commands while latents flow");
    streaming = false;
    assertNotNull(awaitStatus(p -> p.getMessage().startsWith("latent stream stale")));
    // A command sent in the cycle before the first stale one may still be on its way (another
    // topic, another connection): let it land before counting.
    awaitMoreStatuses(3);
    int before = commands.size();
    awaitMoreStatuses(10);
    assertEquals(before, commands.size(), "no commands while the latent stream is stale");
    // The stream resumes: so do the commands.
    streaming = true;
    assertTrue(eventually(() -> commands.size() > before), "commands resume with fresh latents");
  }

  @Test
  void reachingTheGoalStopsTheCommands() throws Exception {
    startPlanner(0.5);
    startStreaming(startLatent);
    goalPub.publish(rgbImage(goalRgb));
    assertTrue(eventually(() -> commands.size() >= 2), "commands while away from the goal");
    streamedLatent = goalLatent; // perception now sees the goal image
    PlanStatus reached = awaitStatus(PlanStatus::isGoalReached);
    assertNotNull(reached, "goal reached reported");
    assertTrue(reached.getGoalDistance() <= DISTANCE_TOL, "distance " + reached.getGoalDistance());
    awaitMoreStatuses(3); // the last command before the goal was reached may still be on its way
    int before = commands.size();
    awaitMoreStatuses(10);
    assertEquals(before, commands.size(), "no commands once the goal is reached");
    // Even if the latent moves away again, the reached goal stays reached until a new goal.
    streamedLatent = startLatent;
    awaitMoreStatuses(5);
    assertEquals(before, commands.size());
    goalPub.publish(rgbImage(goalRgb));
    assertTrue(eventually(() -> commands.size() > before), "a new goal restarts commanding");
  }

  @Test
  void badGoalImagesAreRejectedAndTheNodeKeepsRunning() throws Exception {
    startPlanner(0.5);
    startStreaming(startLatent);
    // A bad goal first: still no goal.
    goalPub.publish(rgbImage(goalRgb).setEncoding("32FC1"));
    goalPub.publish(rgbImage(goalRgb).setData(new byte[10]));
    awaitMoreStatuses(10);
    assertEquals(0, commands.size(), "a rejected goal image sets no goal");
    assertTrue(statuses.stream().allMatch(p -> p.getMessage().startsWith("no goal")));
    // A good goal, then a bad one: the goal is unchanged (same distance), commands continue.
    goalPub.publish(rgbImage(goalRgb));
    assertTrue(eventually(() -> commands.size() >= 2));
    goalPub.publish(rgbImage(startRgb).setEncoding("16UC1"));
    int before = commands.size();
    awaitMoreStatuses(10);
    assertTrue(commands.size() > before, "the node keeps commanding");
    PlanStatus last = null;
    for (PlanStatus p : statuses) {
      last = p;
    }
    assertEquals(distance(startLatent, goalLatent), last.getGoalDistance(), DISTANCE_TOL);
  }

  @Test
  void goalJointsWithoutARendererAreIgnored() throws Exception {
    startPlanner(0.5);
    startStreaming(startLatent);
    ConnectedNode user = testExecutor.execute(idle("user"), config().build());
    Publisher<JointState> goalJoints = user.newPublisher("/planner/goal_joints", JointState.TYPE);
    assertTrue(eventually(() -> goalJoints.getNumberOfSubscribers() == 1));
    goalJoints.publish(
        new JointState().setName(JOINTS.toArray(new String[0])).setPosition(new double[] {1, 1}));
    awaitMoreStatuses(10);
    assertEquals(0, commands.size(), "goal joints set no goal without a renderer");
  }

  @Test
  void goalJointsAreRenderedWhenARendererIsGiven() throws Exception {
    ConcurrentLinkedQueue<JointState> rendered = new ConcurrentLinkedQueue<>();
    PlannerNode planner =
        new PlannerNode(
            goal -> {
              rendered.add(goal);
              return rgbImage(goalRgb);
            });
    startPlanner(planner, 0.5, Map.of());
    startStreaming(startLatent);
    ConnectedNode user = testExecutor.execute(idle("user"), config().build());
    Publisher<JointState> goalJoints = user.newPublisher("/planner/goal_joints", JointState.TYPE);
    assertTrue(eventually(() -> goalJoints.getNumberOfSubscribers() == 1));
    goalJoints.publish(
        new JointState().setName(JOINTS.toArray(new String[0])).setPosition(new double[] {1, 2}));
    assertTrue(eventually(() -> commands.size() >= 2), "commands towards the rendered goal");
    assertEquals(1, rendered.size());
    assertEquals(2.0, rendered.peek().getPosition()[1]);
    PlanStatus s = awaitStatus(p -> p.getMessage().startsWith("planning"));
    assertEquals(distance(startLatent, goalLatent), s.getGoalDistance(), DISTANCE_TOL);
  }

  @Test
  void jointLimitsFromTheUrdfTurnTheCommandBackInsideTheLimits() throws Exception {
    assertTrue(Files.isRegularFile(REACHER_URDF), REACHER_URDF.toAbsolutePath() + " exists");
    // joint2 (model index 0) beyond its upper limit: every plan must move it back down.
    streamedQ = new double[] {JOINT2_UPPER_RAD + 0.4, -0.4};
    startPlanner(
        new PlannerNode(),
        0.5,
        Map.of(
            "robot_description_file", REACHER_URDF.toString(),
            "planner_config", limitYaml.toString()));
    startStreaming(startLatent);
    goalPub.publish(rgbImage(goalRgb));
    assertTrue(eventually(() -> commands.size() >= 3), "commands arrive");
    for (Float64MultiArray c : commands) {
      assertTrue(
          c.getData()[0] < streamedQ[0],
          "joint2 target " + c.getData()[0] + " below its position " + streamedQ[0]);
    }
  }

  @Test
  void latentAgeIsMeasuredOnTheNodeClockUnderSimTime() throws Exception {
    ConnectedNode sim = testExecutor.execute(idle("sim"), config().build());
    sim.getParameterTree().set("/use_sim_time", true);
    // Latched: every node started under sim time gets the current time when it connects.
    Publisher<Clock> clock = sim.newPublisher("/clock", Clock.TYPE, PublisherOptions.latched());
    clock.publish(new Clock().setClock(Time.fromSeconds(100)));
    startPlanner(0.5);
    startStreaming(startLatent);
    goalPub.publish(rgbImage(goalRgb));
    assertTrue(eventually(() -> commands.size() >= 2), "commands while latents flow");
    // The latents stop but simulated time stands still: they are not stale, commands go on.
    streaming = false;
    awaitMoreStatuses(5);
    int before = commands.size();
    awaitMoreStatuses(5);
    assertTrue(commands.size() > before, "no staleness while simulated time stands still");
    // One simulated second later they are.
    clock.publish(new Clock().setClock(Time.fromSeconds(101)));
    assertNotNull(awaitStatus(p -> p.getMessage().startsWith("latent stream stale")));
  }

  @Test
  void badParametersAreNamed() throws Exception {
    ConnectedNode node = testExecutor.execute(idle("bad_planner"), config().build());
    IllegalArgumentException noModel =
        assertThrows(IllegalArgumentException.class, () -> new PlannerNodeRuntime(node, null));
    assertTrue(noModel.getMessage().contains("~model"), noModel.getMessage());
    node.getParameterTree().set("~model", tmp.resolve("missing").toString());
    node.getParameterTree().set("~planner_config", plannerYaml.toString());
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> new PlannerNodeRuntime(node, null));
    assertTrue(
        missing.getMessage().contains("~model") && missing.getMessage().contains("missing"),
        missing.getMessage());
    node.getParameterTree().set("~model", checkpoint.toString());
    node.getParameterTree().set("~planner_config", "no_such_config");
    IllegalArgumentException config =
        assertThrows(IllegalArgumentException.class, () -> new PlannerNodeRuntime(node, null));
    assertTrue(config.getMessage().contains("~planner_config"), config.getMessage());
    node.getParameterTree().set("~planner_config", plannerYaml.toString());
    node.getParameterTree().set("~plan_rate", -1.0);
    IllegalArgumentException rate =
        assertThrows(IllegalArgumentException.class, () -> new PlannerNodeRuntime(node, null));
    assertTrue(rate.getMessage().contains("~plan_rate"), rate.getMessage());
  }

  private static NodeMain idle(String name) {
    return new NodeMain() {
      @Override
      public String getDefaultNodeName() {
        return name;
      }

      @Override
      public void onStart(ConnectedNode node) {}
    };
  }

  private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return Math.sqrt(s);
  }
}
