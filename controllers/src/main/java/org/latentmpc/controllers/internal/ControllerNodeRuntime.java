package org.latentmpc.controllers.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.latentmpc.controllers.CommandRejectedException;
import org.latentmpc.controllers.ControlClock;
import org.latentmpc.controllers.ControlLoop;
import org.latentmpc.controllers.ControlMode;
import org.latentmpc.controllers.ControllerSettings;
import org.latentmpc.controllers.ControllerType;
import org.latentmpc.controllers.JointController;
import org.latentmpc.controllers.LoopStatistics;
import org.latentmpc.controllers.OutputMode;
import org.latentmpc.controllers.PidGains;
import org.latentmpc.controllers.msgs.FollowJointTrajectoryActionFeedback;
import org.latentmpc.controllers.msgs.FollowJointTrajectoryFeedback;
import org.latentmpc.controllers.msgs.JointTrajectoryControllerState;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.ParameterTree;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.Subscriber;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.msgs.actionlib_msgs.GoalID;
import org.latentmpc.ros.msgs.rosgraph_msgs.Clock;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Bool;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.ros.msgs.std_msgs.Header;
import org.latentmpc.ros.msgs.std_msgs.MultiArrayDimension;
import org.latentmpc.ros.msgs.std_srvs.Trigger;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectory;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectoryPoint;
import org.slf4j.Logger;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Everything the {@link org.latentmpc.controllers.ControllerNode} wires together once the node is
 * up: settings from parameters, subscriptions, publishers, the reset service and the control loop.
 */
public final class ControllerNodeRuntime {
  /** Preallocated output messages per topic: more than a subscriber queue (32) plus one in use. */
  private static final int RING = 64;

  private final ConnectedNode node;
  private final Logger log;
  private final RobotModel model;
  private final ControllerSettings settings;
  private final JointController controller;
  private final ControlLoop loop;
  private final ControlClock clock;
  private final String ns;
  private final int n;

  /**
   * Lock-step with a simulator ({@code ~sim_mode lockstep}): one cycle per received joint state, at
   * its stamp, instead of the fixed-rate loop (the simulator waits for each command).
   */
  private final boolean lockstep;

  private final boolean simTime;

  private long lockstepPreviousNanos = Long.MIN_VALUE;

  private final Object stateLock = new Object();
  private final double[] sharedQ;
  private final double[] sharedQd;
  private boolean haveState;
  private volatile long lastStateNanos;
  private final long stateTimeoutNanos;
  private boolean stale;
  private final Map<String, Integer> jointIndex = new HashMap<>();
  private long badStateCount;

  private final double[] q;
  private final double[] qd;
  private final double[] effort;
  private final double[] desired;
  private final double[] desiredVel;
  private final double[] desiredAcc;

  private Publisher<Float64MultiArray> effortPub;
  private Publisher<Float64MultiArray> positionPub;
  private Publisher<Float64MultiArray> velocityPub;
  private final Float64MultiArray[] effortRing = new Float64MultiArray[RING];
  private final Float64MultiArray[] positionRing = new Float64MultiArray[RING];
  private final Float64MultiArray[] velocityRing = new Float64MultiArray[RING];
  private int ringIndex;
  private Publisher<JointTrajectoryControllerState> statePub;
  private final JointTrajectoryControllerState[] stateRing = new JointTrajectoryControllerState[8];
  private int stateIndex;
  private final long stateEveryCycles;
  private long cycleCount;
  private Publisher<Float64MultiArray> statsPub;
  private final FollowJointTrajectoryServer actionServer;
  private final long feedbackEveryCycles;

  /**
   * ROS time (the node's: wall since the epoch, or /clock) minus the control clock's time (ns): 0
   * on sim time and in lock-step (both already on ROS time), else refreshed every second. Stamps
   * published from the loop and trajectory stamps received are converted with it.
   */
  private volatile long rosMinusControlNanos;

  private ScheduledExecutorService statsExecutor;

  /** Reads the configuration and builds everything (nothing runs until {@link #start}). */
  public ControllerNodeRuntime(ConnectedNode node, RobotModel givenModel) {
    this.node = node;
    this.log = node.getLog();
    ParameterTree params = node.getParameterTree();
    this.model = givenModel != null ? givenModel : loadModel(params);
    String nsParam = params.getString("~controller_ns", "arm_controller");
    this.ns = node.resolveName(nsParam);
    if (!params.has(ns)) {
      String file = params.getString("~config_file", "");
      if (file.isEmpty()) {
        throw new IllegalArgumentException(
            "no controller configuration: parameter "
                + ns
                + " is not set and ~config_file is empty");
      }
      params.set(ns, loadNamespace(Path.of(file), nsParam));
    }
    this.settings = ControllerSettings.fromParameters(params.getMap(ns), model);
    this.controller = JointController.create(model, settings);
    this.n = settings.dof();
    for (int j = 0; j < n; j++) {
      jointIndex.put(settings.joints().get(j), j);
    }
    sharedQ = new double[n];
    sharedQd = new double[n];
    q = new double[n];
    qd = new double[n];
    effort = new double[n];
    desired = new double[n];
    desiredVel = new double[n];
    desiredAcc = new double[n];
    this.simTime = params.getBoolean("/use_sim_time", false);
    if (simTime) {
      ControlClock.SimClock sim = ControlClock.sim();
      Subscriber<Clock> clockSub = node.newSubscriber("/clock", Clock.TYPE);
      clockSub.addMessageListener(m -> sim.set(m.getClock().toNanos()));
      clock = sim;
    } else {
      clock = ControlClock.wall(Math.round(params.getDouble("~spin_us", 50) * 1000));
    }
    double timeoutS = params.getDouble("~joint_state_timeout", 0.25);
    if (!(timeoutS > 0)) {
      throw new IllegalArgumentException("~joint_state_timeout must be > 0 s, got " + timeoutS);
    }
    this.stateTimeoutNanos = Math.round(timeoutS * 1e9);
    String simMode = params.getString("~sim_mode", "").trim();
    this.lockstep = simMode.equalsIgnoreCase("lockstep");
    if (!simMode.isEmpty() && !lockstep && !simMode.matches("(?i)realtime|fast")) {
      throw new IllegalArgumentException(
          "~sim_mode must be realtime, fast, lockstep or empty, got '" + simMode + "'");
    }
    this.loop = new ControlLoop(clock, settings.rateHz(), this::cycle);
    this.stateEveryCycles =
        settings.statePublishRateHz() > 0
            ? Math.max(1, Math.round(settings.rateHz() / settings.statePublishRateHz()))
            : 0;
    this.feedbackEveryCycles =
        settings.actionMonitorRateHz() > 0
            ? Math.max(1, Math.round(settings.rateHz() / settings.actionMonitorRateHz()))
            : 0;
    this.actionServer =
        settings.type() == ControllerType.TRAJECTORY
            ? new FollowJointTrajectoryServer(
                node, ns, controller, () -> rosMinusControlNanos, this::jointStateProblem)
            : null;
    log.info(
        "controllers: {} joints {} at {} Hz on {} time, output {}, commands on {}/command",
        settings.type().name().toLowerCase(java.util.Locale.ROOT),
        settings.joints(),
        lockstep ? "one cycle per joint state (lock-step)," : settings.rateHz(),
        simTime ? "sim" : lockstep ? "joint-state stamp" : "wall",
        settings.outputMode(),
        ns);
  }

  private static RobotModel loadModel(ParameterTree params) {
    try {
      String file = params.getString("~robot_description_file", "");
      if (!file.isEmpty()) {
        return RobotModel.fromUrdf(Path.of(file));
      }
      String key = params.search("robot_description").orElse("/robot_description");
      if (!params.has(key)) {
        throw new IllegalArgumentException(
            "no robot description: set robot_description (URDF text) or ~robot_description_file");
      }
      return RobotModel.fromUrdfString(params.getString(key));
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalArgumentException("robot description: " + e.getMessage(), e);
    }
  }

  private static Object loadNamespace(Path file, String nsParam) {
    try {
      Object root =
          new Yaml(new SafeConstructor(new LoaderOptions()))
              .load(java.nio.file.Files.readString(file));
      String key = nsParam.startsWith("/") ? nsParam.substring(1) : nsParam;
      if (!(root instanceof Map<?, ?> m) || !(m.get(key) instanceof Map<?, ?> v)) {
        throw new IllegalArgumentException(file + ": no controller namespace '" + key + "'");
      }
      return v;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("~config_file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The controller. */
  public JointController controller() {
    return controller;
  }

  /** The follow_joint_trajectory action server (type trajectory), or null. */
  public FollowJointTrajectoryServer actionServer() {
    return actionServer;
  }

  /** The control loop. */
  public ControlLoop loop() {
    return loop;
  }

  private void refreshTimeOffset() {
    if (!simTime && !lockstep) {
      rosMinusControlNanos = node.getCurrentTime().toNanos() - clock.nowNanos();
    }
  }

  /** Subscribes, advertises and starts the loop. */
  public void start() {
    refreshTimeOffset();
    ParameterTree params = node.getParameterTree();
    String jointStates = params.getString("~joint_states_topic", "/joint_states");
    String estopTopic = params.getString("~emergency_stop_topic", "/emergency_stop");
    String resetService = params.getString("~reset_service", "/emergency_stop/reset");

    for (int k = 0; k < RING; k++) {
      effortRing[k] = array(n);
      positionRing[k] = array(n);
      velocityRing[k] = array(n);
    }
    for (int k = 0; k < stateRing.length; k++) {
      JointTrajectoryControllerState s = new JointTrajectoryControllerState();
      s.setJointNames(settings.joints().toArray(new String[0]));
      s.getDesired()
          .setPositions(new double[n])
          .setVelocities(new double[n])
          .setAccelerations(new double[n]);
      s.getActual().setPositions(new double[n]).setVelocities(new double[n]);
      s.getError().setPositions(new double[n]).setVelocities(new double[n]);
      stateRing[k] = s;
    }
    if (settings.outputMode() == OutputMode.EFFORT) {
      // Lock-step: latched, so that a simulator connecting after the first command still gets it
      // (it waits for a command before it steps and publishes the next joint state).
      effortPub =
          lockstep
              ? node.newPublisher(
                  settings.effortTopic(),
                  Float64MultiArray.TYPE,
                  org.latentmpc.ros.PublisherOptions.latched())
              : node.newPublisher(settings.effortTopic(), Float64MultiArray.TYPE);
    } else {
      positionPub = node.newPublisher(settings.positionTopic(), Float64MultiArray.TYPE);
      velocityPub = node.newPublisher(settings.velocityTopic(), Float64MultiArray.TYPE);
      effortPub = node.newPublisher(settings.effortTopic(), Float64MultiArray.TYPE);
    }
    if (stateEveryCycles > 0) {
      statePub = node.newPublisher(ns + "/state", JointTrajectoryControllerState.TYPE);
    }
    statsPub = node.newPublisher(ns + "/loop_statistics", Float64MultiArray.TYPE);

    Subscriber<JointState> js = node.newSubscriber(jointStates, JointState.TYPE);
    js.addMessageListener(this::onJointState, 4);
    subscribeCommands();
    if (actionServer != null) {
      actionServer.start();
    }
    Subscriber<Bool> estop = node.newSubscriber(estopTopic, Bool.TYPE);
    estop.addMessageListener(
        m -> {
          if (m.isData()) {
            controller.emergencyStop();
          } else if (controller.isEmergencyStopped()) {
            log.warn("emergency stop stays latched: call {} to release it", resetService);
          }
        });
    node.newServiceServer(
        resetService,
        Trigger.TYPE,
        (req, res) -> {
          boolean wasLatched = controller.resetEmergencyStop();
          res.setSuccess(wasLatched);
          res.setMessage(
              wasLatched
                  ? "emergency stop released; holding position"
                  : "no emergency stop was latched");
        });
    params.addParameterListener(ns + "/gains", v -> reloadGains());

    statsExecutor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "controller-statistics");
              t.setDaemon(true);
              return t;
            });
    statsExecutor.scheduleAtFixedRate(this::publishStatistics, 1, 1, TimeUnit.SECONDS);
    if (!lockstep) {
      loop.start("controller-loop");
    }
  }

  private void subscribeCommands() {
    String command = ns + "/command";
    if (settings.type() == ControllerType.TRAJECTORY) {
      node.newSubscriber(command, JointTrajectory.TYPE)
          .addMessageListener(
              m ->
                  guarded(
                      () ->
                          controller.commandTrajectory(
                              FollowJointTrajectoryServer.onControlTimeLine(
                                  m, rosMinusControlNanos))));
      node.newSubscriber(ns + "/group_command", Float64MultiArray.TYPE)
          .addMessageListener(m -> guarded(() -> controller.commandPositions(m.getData())));
      return;
    }
    Subscriber<Float64MultiArray> sub = node.newSubscriber(command, Float64MultiArray.TYPE);
    switch (settings.type()) {
      case POSITION ->
          sub.addMessageListener(m -> guarded(() -> controller.commandPositions(m.getData())));
      case VELOCITY ->
          sub.addMessageListener(m -> guarded(() -> controller.commandVelocities(m.getData())));
      case EFFORT ->
          sub.addMessageListener(m -> guarded(() -> controller.commandEfforts(m.getData())));
      default -> throw new IllegalStateException("unreachable");
    }
  }

  private void guarded(Runnable command) {
    try {
      command.run();
    } catch (CommandRejectedException e) {
      log.error("{}: command rejected, keeping the last safe command: {}", ns, e.getMessage());
    }
  }

  private void reloadGains() {
    try {
      Map<String, ?> gains = node.getParameterTree().getMap(ns + "/gains");
      for (Map.Entry<String, ?> e : gains.entrySet()) {
        if (!(e.getValue() instanceof Map<?, ?> m)) {
          throw new IllegalArgumentException(ns + "/gains/" + e.getKey() + " must be a map");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> jm = (Map<String, ?>) m;
        PidGains g = ControllerSettings.parseGains(jm, ns + "/gains/" + e.getKey());
        controller.setPositionGains(e.getKey(), g);
        log.info("{}: gains of {} now {}", ns, e.getKey(), g);
      }
    } catch (RuntimeException e) {
      log.error("{}: gains not changed: {}", ns, e.getMessage());
    }
  }

  private void onJointState(JointState m) {
    String[] names = m.getName();
    double[] p = m.getPosition();
    double[] v = m.getVelocity();
    if (p.length != names.length || (v.length != 0 && v.length != names.length)) {
      badState("joint state arrays disagree in length");
      return;
    }
    int found = 0;
    synchronized (stateLock) {
      for (int i = 0; i < names.length; i++) {
        Integer j = jointIndex.get(names[i]);
        if (j == null) {
          continue;
        }
        double vi = v.length == 0 ? 0 : v[i];
        if (!Double.isFinite(p[i]) || !Double.isFinite(vi)) {
          badState("joint state of '" + names[i] + "' is not finite");
          return;
        }
        found++;
      }
      if (found != n) {
        badState("joint state names " + List.of(names) + " do not cover " + settings.joints());
        return;
      }
      for (int i = 0; i < names.length; i++) {
        Integer j = jointIndex.get(names[i]);
        if (j != null) {
          sharedQ[j] = p[i];
          sharedQd[j] = v.length == 0 ? 0 : v[i];
        }
      }
      haveState = true;
      lastStateNanos = lockstep ? m.getHeader().getStamp().toNanos() : clock.nowNanos();
    }
    if (lockstep) {
      lockstepCycle(m.getHeader().getStamp().toNanos());
    }
  }

  /**
   * One cycle for the joint state just received, at its stamp (on the subscriber's thread, the only
   * one that runs cycles in lock-step). A repeated stamp gets no second cycle.
   */
  private void lockstepCycle(long stampNanos) {
    long period = Math.round(1e9 / settings.rateHz());
    long dt = lockstepPreviousNanos == Long.MIN_VALUE ? period : stampNanos - lockstepPreviousNanos;
    if (dt <= 0) {
      return;
    }
    lockstepPreviousNanos = stampNanos;
    cycle(stampNanos, dt);
  }

  private void badState(String why) {
    if (badStateCount++ % 1000 == 0) {
      log.error("{}: ignoring joint state ({}x so far): {}", ns, badStateCount, why);
    }
  }

  /** One control cycle on the loop thread. */
  private void cycle(long nowNanos, long dtNanos) {
    synchronized (stateLock) {
      if (!haveState) {
        return; // nothing to control before the first joint state
      }
      if (nowNanos - lastStateNanos > stateTimeoutNanos) {
        // Stale joint states (driver or simulator gone): send nothing rather than act on old data;
        // the driver's own command timeout takes over. Resumes when states flow again.
        if (!stale) {
          stale = true;
          log.error(
              "{}: no joint state for more than {} s: not sending commands",
              ns,
              stateTimeoutNanos / 1e9);
        }
        return;
      }
      if (stale) {
        stale = false;
        log.warn("{}: joint states are back: control resumes", ns);
      }
      System.arraycopy(sharedQ, 0, q, 0, n);
      System.arraycopy(sharedQd, 0, qd, 0, n);
    }
    controller.update(nowNanos, q, qd, effort);
    ringIndex = (ringIndex + 1) % RING;
    ControlMode mode = controller.mode();
    if (settings.outputMode() == OutputMode.EFFORT || settings.type() == ControllerType.EFFORT) {
      publish(effortPub, effortRing[ringIndex], effort);
    } else if (settings.type() == ControllerType.VELOCITY) {
      // A velocity-interface driver only listens for velocities: holding (start-up, watchdog,
      // e-stop) means commanding zero velocity there.
      if (mode == ControlMode.VELOCITY) {
        controller.getDesiredVelocities(desiredVel);
      } else {
        java.util.Arrays.fill(desiredVel, 0);
      }
      publish(velocityPub, velocityRing[ringIndex], desiredVel);
    } else {
      controller.getDesiredPositions(desired);
      publish(positionPub, positionRing[ringIndex], desired);
    }
    cycleCount++;
    if (statePub != null && cycleCount % stateEveryCycles == 0) {
      publishState(nowNanos);
    }
    if (actionServer != null && feedbackEveryCycles > 0 && cycleCount % feedbackEveryCycles == 0) {
      GoalID goal = actionServer.feedbackGoal();
      if (goal != null) {
        FollowJointTrajectoryActionFeedback f = actionServer.nextFeedback(goal);
        Time stamp = Time.fromNanos(nowNanos + rosMinusControlNanos);
        f.getHeader().setStamp(stamp);
        FollowJointTrajectoryFeedback fb = f.getFeedback();
        fillState(fb.getHeader(), stamp, fb.getDesired(), fb.getActual(), fb.getError());
        actionServer.publishFeedback(f);
      }
    }
  }

  /**
   * Why goals cannot be executed now (for the action server; any thread): no joint state yet, or
   * none for longer than ~joint_state_timeout; null when they flow.
   */
  private String jointStateProblem() {
    synchronized (stateLock) {
      if (!haveState) {
        return "no joint state received yet";
      }
      if (lockstep && !simTime) {
        return null; // stamps and the wall clock are not comparable
      }
      if (clock.nowNanos() - lastStateNanos > stateTimeoutNanos) {
        return "no joint state for more than " + stateTimeoutNanos / 1e9 + " s";
      }
      return null;
    }
  }

  private static void publish(Publisher<Float64MultiArray> pub, Float64MultiArray m, double[] v) {
    System.arraycopy(v, 0, m.getData(), 0, v.length);
    pub.publish(m);
  }

  private void publishState(long nowNanos) {
    stateIndex = (stateIndex + 1) % stateRing.length;
    JointTrajectoryControllerState s = stateRing[stateIndex];
    fillState(
        s.getHeader(),
        Time.fromNanos(nowNanos + rosMinusControlNanos),
        s.getDesired(),
        s.getActual(),
        s.getError());
    statePub.publish(s);
  }

  /**
   * Desired, actual (this cycle's measurement) and error (desired - actual) into preallocated
   * points.
   */
  private void fillState(
      Header header,
      Time stamp,
      JointTrajectoryPoint desiredPoint,
      JointTrajectoryPoint actual,
      JointTrajectoryPoint error) {
    header.setStamp(stamp);
    controller.getDesiredPositions(desiredPoint.getPositions());
    controller.getDesiredVelocities(desiredPoint.getVelocities());
    controller.getDesiredAccelerations(desiredPoint.getAccelerations());
    double[] ap = actual.getPositions();
    double[] av = actual.getVelocities();
    System.arraycopy(q, 0, ap, 0, n);
    System.arraycopy(qd, 0, av, 0, n);
    double[] dp = desiredPoint.getPositions();
    double[] dv = desiredPoint.getVelocities();
    double[] ep = error.getPositions();
    double[] ev = error.getVelocities();
    for (int j = 0; j < n; j++) {
      ep[j] = dp[j] - ap[j];
      ev[j] = dv[j] - av[j];
    }
  }

  private void publishStatistics() {
    try {
      refreshTimeOffset();
      LoopStatistics st = loop.statistics();
      Float64MultiArray m = new Float64MultiArray();
      String[] labels = {
        "cycles", "nominal_period_us", "mean_period_us", "jitter_p50_us", "jitter_p99_us",
        "jitter_p999_us", "jitter_max_us", "overruns", "mode", "rejected_commands"
      };
      MultiArrayDimension dim = new MultiArrayDimension();
      dim.setLabel(String.join(",", labels));
      dim.setSize(labels.length);
      dim.setStride(labels.length);
      m.getLayout().getDim().add(dim);
      m.setData(
          new double[] {
            st.cycles(),
            st.nominalPeriodUs(),
            st.meanPeriodUs(),
            st.jitterP50Us(),
            st.jitterP99Us(),
            st.jitterP999Us(),
            st.jitterMaxUs(),
            st.overruns(),
            controller.mode().ordinal(),
            controller.rejectedCommandCount()
          });
      statsPub.publish(m);
    } catch (RuntimeException e) {
      log.error("{}: cannot publish loop statistics: {}", ns, e.toString());
    }
  }

  /** Stops the loop and the statistics thread. */
  public void stop() {
    try {
      loop.stop(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (statsExecutor != null) {
      statsExecutor.shutdownNow();
    }
    if (actionServer != null) {
      actionServer.stop();
    }
  }

  private static Float64MultiArray array(int n) {
    Float64MultiArray m = new Float64MultiArray();
    m.setData(new double[n]);
    return m;
  }
}
