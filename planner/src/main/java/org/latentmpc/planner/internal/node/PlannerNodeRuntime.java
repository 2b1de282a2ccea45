package org.latentmpc.planner.internal.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.latentmpc.planner.CostConfig;
import org.latentmpc.planner.JointLimitCost;
import org.latentmpc.planner.LatentDynamics;
import org.latentmpc.planner.LatentRoadmap;
import org.latentmpc.planner.PlanResult;
import org.latentmpc.planner.Planner;
import org.latentmpc.planner.PlannerConfig;
import org.latentmpc.planner.Planners;
import org.latentmpc.planner.internal.RoadmapPlanner;
import org.latentmpc.robot.JointLimits;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.ParameterTree;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.msgs.latent_mpc_msgs.Latent;
import org.latentmpc.ros.msgs.latent_mpc_msgs.PlanStatus;
import org.latentmpc.ros.msgs.sensor_msgs.Image;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.worldmodel.CheckpointException;
import org.latentmpc.worldmodel.ImageConversion;
import org.latentmpc.worldmodel.Observation;
import org.latentmpc.worldmodel.WorldModel;
import org.latentmpc.worldmodel.WorldModels;
import org.latentmpc.worldmodel.internal.model.Checkpoints;
import org.slf4j.Logger;

/**
 * Everything the {@link PlannerNode} wires together once the node is up: the world model, the
 * planner, subscriptions, publishers and the plan loop on its own thread. Time comes from the
 * node's clock (wall or {@code /clock}), except the planner's time budget and solve time, which are
 * compute time on the wall clock.
 */
final class PlannerNodeRuntime {
  /** Preallocated output messages: more than a subscriber queue plus one in use. */
  private static final int RING = 64;

  private final ConnectedNode node;
  private final Logger log;
  private final PlannerNode.GoalRenderer renderer;
  private final WorldModel model;
  private final WorldModel remoteModel;
  private final Planner planner;
  private final PlanResult result;
  private final String plannerName;
  private final int latentDim;
  private final int actionDim;
  private final int imageWidth;
  private final int imageHeight;
  private final int proprioDim;
  private final List<String> jointNames;
  private final Map<String, Integer> jointIndex = new HashMap<>();
  private final double planRateHz;
  private final double goalTolerance;
  private final long latentTimeoutNanos;

  // Shared between the subscriber threads and the plan thread, guarded by stateLock.
  private final Object stateLock = new Object();
  private final float[] sharedLatent;
  private long latentReceivedNanos;
  private boolean haveLatent;
  private final double[] sharedQ;
  private boolean haveJoints;
  private final float[] sharedGoal;
  private long goalVersion;
  private byte[] pendingGoal;
  private String pendingGoalSource;

  // Plan-thread workspace.
  private final float[] zNow;
  private final float[] zGoal;
  private final double[] q;
  private final float[] qf;
  private long plannedGoalVersion;
  private boolean goalReached;
  private boolean wasStale;
  private final AtomicLong cycles = new AtomicLong();

  private Publisher<Float64MultiArray> commandPub;
  private Publisher<PlanStatus> statusPub;
  private final Float64MultiArray[] commandRing = new Float64MultiArray[RING];
  private final PlanStatus[] statusRing = new PlanStatus[RING];
  private int commandIndex;
  private int statusIndex;
  private final ScheduledExecutorService executor;

  /** Reads the parameters, loads the model and builds the planner (nothing runs until start). */
  PlannerNodeRuntime(ConnectedNode node, PlannerNode.GoalRenderer renderer) {
    this.node = node;
    this.log = node.getLog();
    this.renderer = renderer;
    ParameterTree params = node.getParameterTree();
    String modelDir = params.getString("~model", "");
    if (modelDir.isEmpty()) {
      throw new IllegalArgumentException(
          "parameter ~model (the world-model checkpoint folder) is required");
    }
    planRateHz = params.getDouble("~plan_rate", 10.0);
    if (!(planRateHz > 0) || Double.isInfinite(planRateHz)) {
      throw new IllegalArgumentException("~plan_rate must be finite and > 0 Hz, got " + planRateHz);
    }
    goalTolerance = params.getDouble("~goal_tolerance", 1.0);
    if (!(goalTolerance >= 0) || Double.isInfinite(goalTolerance)) {
      throw new IllegalArgumentException(
          "~goal_tolerance must be finite and >= 0, got " + goalTolerance);
    }
    double timeoutS = params.getDouble("~latent_timeout", 0.5);
    if (!(timeoutS > 0) || Double.isInfinite(timeoutS)) {
      throw new IllegalArgumentException(
          "~latent_timeout must be finite and > 0 s, got " + timeoutS);
    }
    latentTimeoutNanos = Math.round(timeoutS * 1e9);
    PlannerConfig config = loadPlannerConfig(params.getString("~planner_config", "cem"));
    RobotModel robot = loadRobot(params.getString("~robot_description_file", ""));
    boolean useRoadmap = params.getBoolean("~roadmap", true);
    String service = params.getString("~world_model_service", "");
    double serviceWaitS = params.getDouble("~world_model_wait", 30.0);
    if (!(serviceWaitS >= 0) || Double.isInfinite(serviceWaitS)) {
      throw new IllegalArgumentException(
          "~world_model_wait must be finite and >= 0 s, got " + serviceWaitS);
    }

    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "planner-loop");
              t.setDaemon(true);
              return t;
            });
    Loaded loaded;
    try {
      loaded =
          executor
              .submit(
                  () -> load(Path.of(modelDir), config, robot, useRoadmap, service, serviceWaitS))
              .get();
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("planner: interrupted while loading the model", e);
    } catch (ExecutionException e) {
      executor.shutdownNow();
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("planner: loading failed: " + cause, cause);
    }
    model = loaded.model();
    remoteModel = loaded.remote();
    planner = loaded.planner();
    jointNames = loaded.jointNames();
    latentDim = model.latentDim();
    actionDim = model.actionDim();
    imageWidth = model.imageWidth();
    imageHeight = model.imageHeight();
    proprioDim = model.proprioDim();
    result = planner.newResult();
    if (jointNames != null) {
      for (int j = 0; j < jointNames.size(); j++) {
        jointIndex.put(jointNames.get(j), j);
      }
    }
    plannerName = config.algorithm();
    sharedLatent = new float[latentDim];
    sharedGoal = new float[latentDim];
    sharedQ = new double[actionDim];
    zNow = new float[latentDim];
    zGoal = new float[latentDim];
    q = new double[actionDim];
    qf = new float[actionDim];
    log.info(
        "planner: {} over model {} (latent {}, joints {}) at {} Hz, goal tolerance {}, latent"
            + " timeout {} s",
        plannerName,
        model.modelId(),
        latentDim,
        jointNames == null ? actionDim + " in joint-state order" : jointNames,
        planRateHz,
        goalTolerance,
        timeoutS);
  }

  /**
   * What the planner thread loads: the model (it encodes goal images; its rollouts too unless a
   * service serves them), the service client (or null), the planner and the model's joint order.
   */
  private record Loaded(
      WorldModel model, WorldModel remote, Planner planner, List<String> jointNames) {}

  /**
   * Runs on the planner thread, the only thread that touches the model (WorldModels.load switches
   * PyTorch's per-thread grad mode off for whichever thread loads and uses the model).
   */
  private Loaded load(
      Path dir,
      PlannerConfig config,
      RobotModel robot,
      boolean useRoadmap,
      String service,
      double serviceWaitS) {
    WorldModel m;
    try {
      m = WorldModels.load(dir);
    } catch (CheckpointException e) {
      throw new IllegalArgumentException("~model " + dir + ": " + e.getMessage(), e);
    }
    WorldModel remote = null;
    try {
      List<String> names =
          resolveJointNames(Checkpoints.readMetadata(dir).jointNames(), robot, m.actionDim());
      CostConfig.JointLimitCostFactory limits =
          robot == null ? null : (margin, w) -> jointLimits(robot, names, m.actionDim(), margin, w);
      if (robot == null && config.cost().jointLimitWeight() > 0) {
        log.info("planner: no ~robot_description_file: joint limits are not penalised");
      }
      // The time budget and the reported solve time are compute time: the wall clock, also under
      // /use_sim_time (a lock-step simulator may run several times faster than real time).
      // A predictor that takes the joint positions is rolled out from the current joint state
      // (Planner.setJointPositions) in-process or over the service (its joint_positions field).
      remote = service.isEmpty() ? null : connectService(service, serviceWaitS, m);
      Planner p =
          config.create(LatentDynamics.of(remote != null ? remote : m), limits, System::nanoTime);
      LatentRoadmap roadmap;
      try {
        roadmap = useRoadmap ? LatentRoadmap.loadFor(dir, m.latentDim()) : null;
      } catch (IOException e) {
        throw new IllegalArgumentException("~model: " + e.getMessage(), e);
      }
      if (roadmap != null) {
        p = Planners.withRoadmap(p, roadmap);
        log.info(
            "planner: following the waypoints of {} ({} nodes, lookahead {})",
            LatentRoadmap.fileIn(dir),
            roadmap.nodeCount(),
            roadmap.lookahead());
      }
      return new Loaded(m, remote, p, names);
    } catch (RuntimeException e) {
      if (remote != null) {
        remote.close();
      }
      m.close();
      throw e;
    }
  }

  /**
   * Connects to the world-model node's Predict service, retrying until {@code waitS} has passed (a
   * launch starts the nodes together), and checks that it serves the same latent and action sizes
   * and joint-position inputs as the local checkpoint (whose encoder makes the goal latents).
   */
  private WorldModel connectService(String service, double waitS, WorldModel local) {
    long deadline = System.nanoTime() + Math.round(waitS * 1e9);
    WorldModel remote;
    while (true) {
      try {
        remote = WorldModels.remote(node, service);
        break;
      } catch (IllegalStateException e) {
        if (System.nanoTime() >= deadline) {
          throw new IllegalArgumentException(
              "~world_model_service: " + e.getMessage() + " (waited " + waitS + " s)", e);
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("planner: interrupted while waiting for " + service);
        }
      }
    }
    if (remote.latentDim() != local.latentDim() || remote.actionDim() != local.actionDim()) {
      String message =
          "~world_model_service "
              + service
              + " serves latents of "
              + remote.latentDim()
              + " and actions of "
              + remote.actionDim()
              + ", the checkpoint ~model has "
              + local.latentDim()
              + " and "
              + local.actionDim();
      remote.close();
      throw new IllegalArgumentException(message);
    }
    if (remote.predictorJointDim() != local.predictorJointDim()) {
      String message =
          "~world_model_service "
              + service
              + " serves a model whose predictor takes "
              + remote.predictorJointDim()
              + " joint positions, the checkpoint ~model's takes "
              + local.predictorJointDim();
      remote.close();
      throw new IllegalArgumentException(message);
    }
    if (!remote.modelId().equals(local.modelId())) {
      log.warn(
          "planner: {} serves model {} but goal images are encoded with {}: plans are only"
              + " meaningful if both are the same checkpoint",
          service,
          remote.modelId(),
          local.modelId());
    }
    log.info("planner: rollouts served by {} (model {})", service, remote.modelId());
    return remote;
  }

  private long nowNanos() {
    return node.getCurrentTime().toNanos();
  }

  private static PlannerConfig loadPlannerConfig(String value) {
    Path file = Path.of(value);
    if (!Files.isRegularFile(file) && value.matches("[A-Za-z0-9_\\-]+")) {
      String home = System.getProperty("latentmpc.home");
      Path named =
          (home != null ? Path.of(home) : Path.of(""))
              .resolve("sim-configs")
              .resolve("planner")
              .resolve(value + ".yaml");
      if (!Files.isRegularFile(named)) {
        throw new IllegalArgumentException(
            "~planner_config '"
                + value
                + "': neither a file nor a named configuration ("
                + named.toAbsolutePath()
                + " does not exist)");
      }
      file = named;
    }
    try {
      return PlannerConfig.load(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "~planner_config " + file + ": cannot read: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("~planner_config " + e.getMessage(), e);
    }
  }

  private static RobotModel loadRobot(String file) {
    if (file.isEmpty()) {
      return null;
    }
    try {
      return RobotModel.fromUrdf(Path.of(file));
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "~robot_description_file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The model's joint order: from the checkpoint, else the robot's, else null (message order). */
  private static List<String> resolveJointNames(
      List<String> fromCheckpoint, RobotModel robot, int actionDim) {
    if (fromCheckpoint != null && !fromCheckpoint.isEmpty()) {
      if (fromCheckpoint.size() != actionDim) {
        throw new IllegalArgumentException(
            "~model: the checkpoint names "
                + fromCheckpoint.size()
                + " joints but its actions have "
                + actionDim
                + " dimensions");
      }
      return List.copyOf(fromCheckpoint);
    }
    if (robot != null) {
      if (robot.dof() != actionDim) {
        throw new IllegalArgumentException(
            "~robot_description_file: the robot has "
                + robot.dof()
                + " moving joints, the model's actions have "
                + actionDim
                + " dimensions");
      }
      return List.copyOf(robot.jointNames());
    }
    return null;
  }

  /** The robot's limits in the model's joint order. */
  private static JointLimitCost jointLimits(
      RobotModel robot, List<String> jointNames, int actionDim, double marginRad, double weight) {
    float[] lo = new float[actionDim];
    float[] hi = new float[actionDim];
    for (int j = 0; j < actionDim; j++) {
      int dof = jointNames == null ? j : robot.dofIndex(jointNames.get(j));
      if (dof < 0) {
        throw new IllegalArgumentException(
            "~robot_description_file: the robot has no moving joint " + jointNames.get(j));
      }
      JointLimits l = robot.movingJoint(dof).limits();
      lo[j] = l.hasPositionLimits() ? (float) l.lower() : Float.NEGATIVE_INFINITY;
      hi[j] = l.hasPositionLimits() ? (float) l.upper() : Float.POSITIVE_INFINITY;
    }
    return new JointLimitCost(lo, hi, marginRad, weight);
  }

  /** Plan cycles run so far. */
  long cycles() {
    return cycles.get();
  }

  /** Subscribes, advertises and starts the plan loop. */
  void start() {
    for (int k = 0; k < RING; k++) {
      commandRing[k] = new Float64MultiArray().setData(new double[actionDim]);
      statusRing[k] = new PlanStatus().setPlanner(plannerName);
    }
    commandPub = node.newPublisher("/arm_controller/group_command", Float64MultiArray.TYPE);
    statusPub = node.newPublisher("/planner/status", PlanStatus.TYPE);
    node.newSubscriber("/perception/latent", Latent.TYPE).addMessageListener(this::onLatent, 4);
    node.newSubscriber("/joint_states", JointState.TYPE).addMessageListener(this::onJointState, 4);
    node.newSubscriber("/planner/goal_image", Image.TYPE).addMessageListener(this::onGoalImage, 2);
    node.newSubscriber("/planner/goal_joints", JointState.TYPE)
        .addMessageListener(this::onGoalJoints, 2);
    long periodNanos = Math.max(1, Math.round(1e9 / planRateHz));
    executor.scheduleAtFixedRate(this::safeCycle, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
  }

  /** Stops the loop and releases the model. */
  void stop() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
    if (remoteModel != null) {
      remoteModel.close();
    }
    model.close();
  }

  private void onLatent(Latent m) {
    float[] data = m.getData();
    if (data == null || data.length != latentDim) {
      log.error(
          "planner: latent of length {} ignored: the model's latent size is {}",
          data == null ? 0 : data.length,
          latentDim);
      return;
    }
    for (float v : data) {
      if (!Float.isFinite(v)) {
        log.error("planner: latent with a non-finite entry ignored");
        return;
      }
    }
    long now = nowNanos();
    synchronized (stateLock) {
      System.arraycopy(data, 0, sharedLatent, 0, latentDim);
      latentReceivedNanos = now;
      haveLatent = true;
    }
  }

  private void onJointState(JointState m) {
    String[] names = m.getName();
    double[] pos = m.getPosition();
    synchronized (stateLock) {
      if (jointNames == null) {
        if (pos.length != actionDim) {
          log.error(
              "planner: joint state with {} positions ignored: the model has {} joints",
              pos.length,
              actionDim);
          return;
        }
        System.arraycopy(pos, 0, sharedQ, 0, actionDim);
        haveJoints = true;
        return;
      }
      if (names.length != pos.length) {
        log.error(
            "planner: joint state with {} names and {} positions ignored",
            names.length,
            pos.length);
        return;
      }
      int found = 0;
      for (int i = 0; i < names.length; i++) {
        Integer j = jointIndex.get(names[i]);
        if (j != null) {
          found++;
        }
      }
      if (found < actionDim) {
        log.error(
            "planner: joint state ignored: it lacks some of the model's joints {}", jointNames);
        return;
      }
      for (int i = 0; i < names.length; i++) {
        Integer j = jointIndex.get(names[i]);
        if (j != null) {
          sharedQ[j] = pos[i];
        }
      }
      haveJoints = true;
    }
  }

  private void onGoalImage(Image image) {
    acceptGoalImage(image, "/planner/goal_image");
  }

  private void onGoalJoints(JointState goal) {
    if (renderer == null) {
      log.warn(
          "planner: /planner/goal_joints ignored: it needs the simulator's renderer to become a"
              + " goal image, and this node has none; publish /planner/goal_image instead");
      return;
    }
    Image image;
    try {
      image = renderer.render(goal);
    } catch (RuntimeException e) {
      log.error("planner: /planner/goal_joints rejected: rendering failed: {}", e.getMessage());
      return;
    }
    acceptGoalImage(image, "/planner/goal_joints (rendered)");
  }

  /**
   * Checks and converts a goal image here (plain Java) and leaves the encoding to the planner
   * thread, the only one that touches the model; the latest goal wins. A bad image is logged and
   * changes nothing.
   */
  private void acceptGoalImage(Image image, String source) {
    byte[] rgb;
    try {
      if (proprioDim > 0) {
        throw new IllegalArgumentException(
            "the model's encoder also takes joint states ("
                + proprioDim
                + " inputs); a goal image alone cannot be encoded");
      }
      rgb = ImageConversion.toRgb8(image, imageWidth, imageHeight);
    } catch (RuntimeException e) {
      log.error("planner: goal from {} rejected, goal unchanged: {}", source, e.getMessage());
      return;
    }
    synchronized (stateLock) {
      pendingGoal = rgb;
      pendingGoalSource = source;
    }
  }

  /**
   * Encodes the rgb8 goal image to the goal latent (on the planner thread); on an error logs it and
   * keeps the old goal.
   */
  private void setGoalFrom(byte[] rgb, String source) {
    float[] z = new float[latentDim];
    try {
      model.encode(Observation.ofImage(imageWidth, imageHeight, rgb), z);
    } catch (RuntimeException e) {
      log.error("planner: goal from {} rejected, goal unchanged: {}", source, e.getMessage());
      return;
    }
    synchronized (stateLock) {
      System.arraycopy(z, 0, sharedGoal, 0, latentDim);
      goalVersion++;
    }
    log.info("planner: new goal from {}", source);
  }

  private void safeCycle() {
    try {
      cycle();
    } catch (RuntimeException e) {
      // Keep the loop alive: a failed cycle commands nothing.
      log.error("planner: plan cycle failed: {}", e.toString());
      status(Double.NaN, 0, 0, Double.NaN, false, "plan cycle failed: " + e.getMessage());
    }
  }

  private void cycle() {
    cycles.incrementAndGet();
    byte[] goalImage;
    String goalSource;
    synchronized (stateLock) {
      goalImage = pendingGoal;
      goalSource = pendingGoalSource;
      pendingGoal = null;
    }
    if (goalImage != null) {
      setGoalFrom(goalImage, goalSource);
    }
    long now = nowNanos();
    long version;
    boolean latent;
    boolean joints;
    long ageNanos;
    synchronized (stateLock) {
      version = goalVersion;
      latent = haveLatent;
      joints = haveJoints;
      ageNanos = now - latentReceivedNanos;
      System.arraycopy(sharedGoal, 0, zGoal, 0, latentDim);
      System.arraycopy(sharedLatent, 0, zNow, 0, latentDim);
      System.arraycopy(sharedQ, 0, q, 0, actionDim);
    }
    if (version == 0) {
      status(Double.NaN, 0, 0, Double.NaN, false, "no goal: publish /planner/goal_image");
      return;
    }
    if (version != plannedGoalVersion) {
      plannedGoalVersion = version;
      goalReached = false;
      planner.reset();
    }
    if (!latent) {
      status(Double.NaN, 0, 0, Double.NaN, false, "no latent received on /perception/latent");
      return;
    }
    double distance = distance(zNow, zGoal);
    if (goalReached) {
      status(Double.NaN, 0, 0, distance, true, "goal reached: waiting for a new goal");
      return;
    }
    if (ageNanos > latentTimeoutNanos) {
      wasStale = true;
      status(
          Double.NaN,
          0,
          0,
          distance,
          false,
          String.format(
              Locale.ROOT,
              "latent stream stale (%.3f s old, timeout %.3f s): not commanding",
              ageNanos / 1e9,
              latentTimeoutNanos / 1e9));
      return;
    }
    if (!joints) {
      status(Double.NaN, 0, 0, distance, false, "no joint state on /joint_states");
      return;
    }
    if (distance <= goalTolerance) {
      goalReached = true;
      status(Double.NaN, 0, 0, distance, true, "goal reached: commanding stopped");
      return;
    }
    if (wasStale) {
      // The warm start is from before the gap: start afresh.
      wasStale = false;
      planner.reset();
    }
    for (int j = 0; j < actionDim; j++) {
      qf[j] = (float) q[j];
    }
    planner.setJointPositions(qf);
    planner.plan(zNow, zGoal, result);
    Float64MultiArray cmd = commandRing[commandIndex];
    commandIndex = (commandIndex + 1) % RING;
    double[] target = cmd.getData();
    for (int j = 0; j < actionDim; j++) {
      target[j] = q[j] + result.action(0, j);
    }
    commandPub.publish(cmd);
    status(
        result.bestCost(),
        result.iterations(),
        result.solveTimeNanos() / 1e9,
        distance,
        false,
        planningMessage());
  }

  /** The status message of a planning cycle (constants: no allocation per cycle). */
  private String planningMessage() {
    boolean viaWaypoint = planner instanceof RoadmapPlanner rp && rp.lastWaypointNode() >= 0;
    if (result.budgetExceeded()) {
      return viaWaypoint
          ? "planning towards a roadmap waypoint (time budget cut the search short)"
          : "planning (time budget cut the search short)";
    }
    return viaWaypoint ? "planning towards a roadmap waypoint" : "planning";
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return Math.sqrt(s);
  }

  private void status(
      double cost,
      int iterations,
      double solveTimeS,
      double goalDistance,
      boolean reached,
      String message) {
    PlanStatus s = statusRing[statusIndex];
    statusIndex = (statusIndex + 1) % RING;
    s.getHeader().setStamp(node.getCurrentTime());
    s.setCost(cost)
        .setIterations(iterations)
        .setSolveTimeS(solveTimeS)
        .setGoalDistance(goalDistance)
        .setGoalReached(reached)
        .setMessage(message);
    statusPub.publish(s);
  }
}
