package org.latentmpc.sim.internal.node;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.Node;
import org.latentmpc.ros.ParameterTree;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.PublisherOptions;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.msgs.latent_mpc_msgs.SetJointState;
import org.latentmpc.ros.msgs.latent_mpc_msgs.SetTarget;
import org.latentmpc.ros.msgs.rosgraph_msgs.Clock;
import org.latentmpc.ros.msgs.sensor_msgs.CameraInfo;
import org.latentmpc.ros.msgs.sensor_msgs.Image;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.ros.msgs.std_srvs.Trigger;
import org.latentmpc.sim.CameraRenderer;
import org.latentmpc.sim.Integrator;
import org.latentmpc.sim.Scene;
import org.latentmpc.sim.SimNodes;
import org.latentmpc.sim.SimWorld;
import org.latentmpc.sim.WorldOptions;

/**
 * The simulator as a ROS node: steps a {@link SimWorld} on its own thread and publishes {@code
 * /joint_states}, {@code /camera/image_raw}, {@code /camera/camera_info} and, when {@code
 * /use_sim_time} is true, {@code /clock}; applies {@code /sim/effort_command}; serves {@code
 * /sim/reset}, {@code /sim/set_joint_state} and {@code /sim/set_target}.
 *
 * <p>Parameters (private): {@code scene} (scene YAML naming the robot; required), {@code dt} (s,
 * 0.001), {@code integrator} (euler|rk4), {@code joint_state_rate} (Hz of sim time, 500), {@code
 * camera_rate} (Hz of sim time, 30; 0 disables the camera), {@code mode}: {@code realtime} (paced
 * to the wall clock), {@code fast} (as fast as possible) or {@code lockstep} (advances {@code
 * lockstep_steps} steps per effort command received, in the order received, and publishes a joint
 * state only after each command's steps (not at {@code joint_state_rate}), so a controller in the
 * loop sees every result; sim time only advances as the simulation does; {@code /joint_states} is
 * latched so a late subscriber gets the state the simulation waits in). Up to 256 lock-step
 * commands are buffered; beyond that the subscriber waits for the loop and its own queue (100)
 * drops the oldest, so send commands closed-loop (each after the previous state) or in bursts of
 * fewer than 256.
 *
 * <p>Camera: {@code /camera/image_raw} is the scene's whole image; for a scene with {@code
 * extra_views} that is all views side by side, view 0 (the scene's {@code camera}) on the left (see
 * {@link CameraRenderer}). {@code /camera/camera_info} then keeps {@code width}/{@code height}
 * equal to the published image's (as ROS consumers check), while K and P describe view 0 only: they
 * are exact for pixels of the left tile (which starts at u = 0) and say nothing about the other
 * tiles, which a single pinhole cannot describe. Use such an image as a learned observation, not
 * for geometric vision (rectification, stereo) across tiles.
 *
 * <p>{@code /sim/reset} returns to the scene's initial configuration at rest with a zero effort
 * command; sim time is not rewound. {@code /clock} is published after every physics step.
 *
 * <p>The physics never reads the wall clock; only real-time pacing does, through the injected
 * {@code nanoTime}. The loop allocates nothing per physics step; publishing allocates one {@link
 * Time} per published stamp.
 */
public final class SimNode implements SimNodes.SimNodeMain {
  /**
   * How long lock-step mode waits for a command before it logs that it is starved (it keeps
   * waiting).
   */
  private static final long LOCKSTEP_STARVED_LOG_NS = TimeUnit.SECONDS.toNanos(5);

  private final LongSupplier nanoTime;
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile SimLoop loop;
  private volatile RuntimeException startFailure;
  private Thread thread;

  /** A node paced by {@link System#nanoTime()} in real-time mode. */
  public SimNode() {
    this(System::nanoTime);
  }

  /** A node whose real-time pacing reads {@code nanoTime} (tests inject a clock). */
  public SimNode(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  @Override
  public String getDefaultNodeName() {
    return "sim";
  }

  /**
   * Reads the parameters, builds the world and starts the stepping thread.
   *
   * @throws IllegalArgumentException naming the parameter if one is missing or bad (the node then
   *     publishes nothing)
   */
  @Override
  public void onStart(ConnectedNode node) {
    try {
      SimConfig config = SimConfig.from(node.getParameterTree());
      SimLoop l = new SimLoop(node, config, nanoTime);
      thread = new Thread(l::run, "sim-loop" + node.getName());
      thread.setDaemon(true);
      loop = l;
      thread.start();
      node.getLog()
          .info(
              "simulating {} with {} joints, dt {} s ({}), mode {}",
              config.scene().robotFile().getFileName(),
              l.world.dof(),
              config.dtS(),
              config.integrator().cliName(),
              config.mode().name().toLowerCase(Locale.ROOT));
    } catch (RuntimeException e) {
      startFailure = e;
      throw e;
    } finally {
      started.countDown();
    }
  }

  @Override
  public void onShutdown(Node node) {
    SimLoop l = loop;
    if (l != null) {
      l.stop();
      try {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean awaitStarted(long timeout, TimeUnit unit) throws InterruptedException {
    if (!started.await(timeout, unit)) {
      return false;
    }
    RuntimeException failure = startFailure;
    if (failure != null) {
      throw new IllegalStateException(
          "the sim node failed to start: " + failure.getMessage(), failure);
    }
    return true;
  }

  @Override
  public <R> R withWorld(Function<SimWorld, R> action) {
    SimLoop l = loop;
    if (l == null) {
      throw new IllegalStateException("the sim node has not started");
    }
    synchronized (l.lock) {
      return action.apply(l.world);
    }
  }

  @Override
  public long stepCount() {
    SimLoop l = loop;
    return l == null ? 0 : l.stepCount();
  }

  /** Effort commands rejected so far (wrong length or not finite). */
  long commandsRejected() {
    SimLoop l = loop;
    return l == null ? 0 : l.commandsRejected;
  }

  /** Modes of stepping. */
  enum Mode {
    REALTIME,
    FAST,
    LOCKSTEP;

    static Mode parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "parameter ~mode must be realtime, fast or lockstep, got '" + text + "'");
      }
    }
  }

  /**
   * The sim node's settings, read from its private parameters.
   *
   * @param scene the scene (names the robot's URDF)
   * @param dtS physics step (s)
   * @param integrator semi-implicit Euler or RK4
   * @param jointStateRateHz joint-state publishing rate (Hz of sim time)
   * @param cameraRateHz camera rate (Hz of sim time); 0 disables the camera
   * @param mode how stepping is paced
   * @param lockstepSteps steps per received command in lock-step mode
   * @param publishClock whether to publish /clock (true when /use_sim_time is)
   */
  record SimConfig(
      Scene scene,
      double dtS,
      Integrator integrator,
      double jointStateRateHz,
      double cameraRateHz,
      Mode mode,
      int lockstepSteps,
      boolean publishClock) {
    static SimConfig from(ParameterTree params) {
      String scenePath = params.getString("~scene", "");
      if (scenePath.isEmpty()) {
        throw new IllegalArgumentException(
            "parameter ~scene (path of a scene YAML file, e.g. sim-configs/scenes/reacher2.yaml) is"
                + " required");
      }
      Scene scene;
      try {
        scene = Scene.load(Path.of(scenePath));
      } catch (Exception e) {
        throw new IllegalArgumentException(
            "parameter ~scene: cannot load scene " + scenePath + ": " + e.getMessage(), e);
      }
      if (scene.robotFile() == null) {
        throw new IllegalArgumentException(
            "parameter ~scene: scene " + scenePath + " names no robot (key 'robot')");
      }
      double dt = params.getDouble("~dt", 0.001);
      double jointRate = params.getDouble("~joint_state_rate", 500);
      double cameraRate = params.getDouble("~camera_rate", 30);
      int lockstepSteps = params.getInteger("~lockstep_steps", 1);
      if (!(dt > 0) || !Double.isFinite(dt)) {
        throw new IllegalArgumentException("parameter ~dt must be > 0 s, got " + dt);
      }
      if (!(jointRate > 0) || !Double.isFinite(jointRate)) {
        throw new IllegalArgumentException(
            "parameter ~joint_state_rate must be > 0 Hz, got " + jointRate);
      }
      if (!(cameraRate >= 0) || !Double.isFinite(cameraRate)) {
        throw new IllegalArgumentException(
            "parameter ~camera_rate must be >= 0 Hz (0 disables the camera), got " + cameraRate);
      }
      if (lockstepSteps < 1) {
        throw new IllegalArgumentException(
            "parameter ~lockstep_steps must be >= 1, got " + lockstepSteps);
      }
      Integrator integrator;
      try {
        integrator = Integrator.parse(params.getString("~integrator", "euler"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("parameter ~integrator: " + e.getMessage(), e);
      }
      return new SimConfig(
          scene,
          dt,
          integrator,
          jointRate,
          cameraRate,
          Mode.parse(params.getString("~mode", "realtime")),
          lockstepSteps,
          params.getBoolean("/use_sim_time", false));
    }
  }

  /**
   * The stepping thread and everything it owns. ROS callbacks (subscriber and service threads) hand
   * it work through {@link #lock}; the world is only touched under that lock, and messages are
   * filled under it and published outside it.
   */
  static final class SimLoop {
    /** Messages per topic ring: 64 cycles of history for slow in-process subscribers. */
    private static final int RING = 64;

    /** Lock-step commands buffered before the subscriber thread waits for the loop. */
    private static final int LOCKSTEP_QUEUE = 256;

    /** Real-time mode gives up catching up when it is this far behind the wall clock. */
    private static final long MAX_LAG_NS = TimeUnit.MILLISECONDS.toNanos(100);

    /** Sleeps shorter than this are skipped (the OS cannot honour them). */
    private static final long MIN_SLEEP_NS = 200_000;

    final SimWorld world;
    final Object lock = new Object();
    private final ConnectedNode node;
    private final SimConfig config;
    private final LongSupplier nanoTime;
    private final CameraRenderer camera;
    private final int stepsPerJointState;
    private final int stepsPerFrame;

    // Guarded by lock.
    private final double[] pendingEffort;
    private boolean effortPending;
    private final double[][] lockstepQueue;
    private int queueHead;
    private int queueSize;
    private volatile boolean running = true;
    volatile long commandsRejected;

    private final Publisher<JointState> jointStates;
    private final Publisher<Image> images;
    private final Publisher<CameraInfo> cameraInfos;
    private final Publisher<Clock> clock;
    // In-process subscribers receive the published objects themselves, so each topic cycles through
    // a ring of preallocated messages instead of refilling one (a subscriber would otherwise see it
    // change under it).
    private final JointState[] jointStateRing = new JointState[RING];
    private final Image[] imageRing = new Image[RING];
    private final CameraInfo[] cameraInfoRing = new CameraInfo[RING];
    private final Clock[] clockRing = new Clock[RING];
    private final double[] positionScratch;
    private int jointStateIndex;
    private int imageIndex;
    private int clockIndex;
    private int seq;

    // What the last snapshot filled (loop thread only).
    private JointState dueJointState;
    private Image dueImage;
    private CameraInfo dueCameraInfo;
    private Clock dueClock;

    SimLoop(ConnectedNode node, SimConfig config, LongSupplier nanoTime) {
      this.node = node;
      this.config = config;
      this.nanoTime = nanoTime;
      Scene scene = config.scene();
      RobotModel model;
      try {
        model = RobotModel.fromUrdf(scene.robotFile());
      } catch (Exception e) {
        throw new IllegalArgumentException(
            "parameter ~scene: cannot load robot " + scene.robotFile() + ": " + e.getMessage(), e);
      }
      WorldOptions options =
          WorldOptions.defaults().withTimeStep(config.dtS()).withIntegrator(config.integrator());
      this.world = SimWorld.create(model, options);
      try {
        world.setInitialPositions(scene.initialPositions(model));
      } catch (Exception e) {
        throw new IllegalArgumentException(
            "parameter ~scene: initial positions: " + e.getMessage(), e);
      }
      world.reset();
      this.camera = config.cameraRateHz() > 0 ? CameraRenderer.create(model, scene) : null;
      this.stepsPerJointState =
          Math.max(1, (int) Math.round(1.0 / (config.jointStateRateHz() * config.dtS())));
      this.stepsPerFrame =
          config.cameraRateHz() > 0
              ? Math.max(1, (int) Math.round(1.0 / (config.cameraRateHz() * config.dtS())))
              : Integer.MAX_VALUE;
      int dof = world.dof();
      this.pendingEffort = new double[dof];
      this.lockstepQueue =
          config.mode() == Mode.LOCKSTEP ? new double[LOCKSTEP_QUEUE][dof] : new double[0][];

      String[] names = model.jointNames().toArray(new String[0]);
      this.positionScratch = new double[dof];
      for (int i = 0; i < RING; i++) {
        JointState js = new JointState();
        js.setName(names);
        js.setPosition(new double[dof]);
        js.setVelocity(new double[dof]);
        js.setEffort(new double[dof]);
        jointStateRing[i] = js;
        clockRing[i] = new Clock();
      }
      jointStates =
          config.mode() == Mode.LOCKSTEP
              ? node.newPublisher("/joint_states", JointState.TYPE, PublisherOptions.latched())
              : node.newPublisher("/joint_states", JointState.TYPE);
      clock = config.publishClock() ? node.newPublisher("/clock", Clock.TYPE) : null;
      if (camera != null) {
        for (int i = 0; i < RING; i++) {
          Image image = new Image();
          image.setWidth(camera.width());
          image.setHeight(camera.height());
          image.setEncoding("rgb8");
          image.setStep(3 * camera.width());
          image.setData(new byte[3 * camera.width() * camera.height()]);
          image.getHeader().setFrameId("camera_optical");
          imageRing[i] = image;
          cameraInfoRing[i] = new CameraInfo();
          fillCameraInfo(cameraInfoRing[i]);
        }
        images = node.newPublisher("/camera/image_raw", Image.TYPE);
        cameraInfos = node.newPublisher("/camera/camera_info", CameraInfo.TYPE);
        Scene.Marker marker = scene.marker();
        if (marker != null) {
          camera.setTargetMarker(
              marker.positionM().x(), marker.positionM().y(), marker.positionM().z());
          camera.setTargetMarkerVisible(marker.visible());
        }
      } else {
        images = null;
        cameraInfos = null;
      }
      node.newSubscriber("/sim/effort_command", Float64MultiArray.TYPE)
          .addMessageListener(this::onEffortCommand, 100);
      node.newServiceServer(
          "/sim/reset",
          Trigger.TYPE,
          (req, resp) -> {
            synchronized (lock) {
              world.reset();
              Arrays.fill(pendingEffort, 0);
              effortPending = false;
            }
            resp.setSuccess(true).setMessage("reset to the initial configuration");
          });
      node.newServiceServer(
          "/sim/set_joint_state",
          SetJointState.TYPE,
          (req, resp) -> {
            try {
              synchronized (lock) {
                setJointState(req.getPosition(), req.getVelocity());
              }
              resp.setSuccess(true).setMessage("");
            } catch (IllegalArgumentException e) {
              node.getLog().error("/sim/set_joint_state refused: {}", e.getMessage());
              resp.setSuccess(false).setMessage(e.getMessage());
            }
          });
      node.newServiceServer(
          "/sim/set_target",
          SetTarget.TYPE,
          (req, resp) -> {
            double x = req.getPosition().getX();
            double y = req.getPosition().getY();
            double z = req.getPosition().getZ();
            if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
              String message =
                  "target position must be finite, got (" + x + ", " + y + ", " + z + ")";
              node.getLog().error("/sim/set_target refused: {}", message);
              resp.setSuccess(false).setMessage(message);
              return;
            }
            if (camera == null) {
              resp.setSuccess(false).setMessage("the camera is disabled (~camera_rate 0)");
              return;
            }
            synchronized (lock) {
              camera.setTargetMarker(x, y, z);
              camera.setTargetMarkerVisible(req.isVisible());
            }
            resp.setSuccess(true).setMessage("");
          });
    }

    /** Validates everything before changing anything. Caller holds the lock. */
    private void setJointState(double[] q, double[] qd) {
      int dof = world.dof();
      if ((q.length != 0 && q.length != dof) || (qd.length != 0 && qd.length != dof)) {
        throw new IllegalArgumentException(
            "expected "
                + dof
                + " positions and "
                + dof
                + " velocities (or none of either), got "
                + q.length
                + " and "
                + qd.length);
      }
      for (double v : q) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("positions must be finite: " + Arrays.toString(q));
        }
      }
      for (double v : qd) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("velocities must be finite: " + Arrays.toString(qd));
        }
      }
      if (q.length == dof) {
        world.setPositions(q);
      }
      if (qd.length == dof) {
        world.setVelocities(qd);
      }
    }

    /**
     * Validates a command on the subscriber's thread; a bad one is logged and the last valid one
     * stays. In lock-step mode a valid one is queued (waiting if the queue is full).
     */
    private void onEffortCommand(Float64MultiArray message) {
      double[] data = message.getData();
      if (data.length != pendingEffort.length) {
        commandsRejected++;
        node.getLog()
            .error(
                "/sim/effort_command rejected: {} values for {} actuated joints; keeping the last"
                    + " command",
                data.length,
                pendingEffort.length);
        return;
      }
      for (int i = 0; i < data.length; i++) {
        if (!Double.isFinite(data[i])) {
          commandsRejected++;
          node.getLog()
              .error(
                  "/sim/effort_command rejected: value {} for joint {} is not finite; keeping the"
                      + " last command",
                  data[i],
                  i);
          return;
        }
      }
      synchronized (lock) {
        if (config.mode() == Mode.LOCKSTEP) {
          try {
            while (running && queueSize == lockstepQueue.length) {
              lock.wait(100);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          if (!running) {
            return; // shutting down: the loop will not take it
          }
          int tail = (queueHead + queueSize) % lockstepQueue.length;
          System.arraycopy(data, 0, lockstepQueue[tail], 0, data.length);
          queueSize++;
        } else {
          System.arraycopy(data, 0, pendingEffort, 0, data.length);
          effortPending = true;
        }
        lock.notifyAll();
      }
    }

    long stepCount() {
      synchronized (lock) {
        return world.stepCount();
      }
    }

    void stop() {
      running = false;
      synchronized (lock) {
        lock.notifyAll();
      }
    }

    void run() {
      try {
        synchronized (lock) {
          snapshot(true);
        }
        publishDue();
        long baseNs = nanoTime.getAsLong();
        long stepsSinceBase = 0;
        long lastStarvedLog = baseNs;
        boolean lockstep = config.mode() == Mode.LOCKSTEP;
        while (running) {
          int steps = 1;
          synchronized (lock) {
            if (lockstep) {
              long waitStart = queueSize == 0 ? nanoTime.getAsLong() : 0;
              while (running && queueSize == 0) {
                lock.wait(100);
                long now = nanoTime.getAsLong();
                // Only a wait that itself lasts long is starvation (not every short wait).
                if (now - waitStart > LOCKSTEP_STARVED_LOG_NS
                    && now - lastStarvedLog > LOCKSTEP_STARVED_LOG_NS) {
                  lastStarvedLog = now;
                  node.getLog().warn("lock-step simulation is waiting for /sim/effort_command");
                }
              }
              if (!running) {
                break;
              }
              world.setEffortCommand(lockstepQueue[queueHead]);
              queueHead = (queueHead + 1) % lockstepQueue.length;
              queueSize--;
              lock.notifyAll();
              steps = config.lockstepSteps();
            } else if (effortPending) {
              world.setEffortCommand(pendingEffort);
              effortPending = false;
            }
          }
          for (int i = 0; i < steps && running; i++) {
            synchronized (lock) {
              world.step();
              snapshot(lockstep && i == steps - 1);
            }
            publishDue();
          }
          if (config.mode() == Mode.REALTIME) {
            stepsSinceBase += steps;
            long now = nanoTime.getAsLong();
            long dueNs = baseNs + Math.round(stepsSinceBase * config.dtS() * 1e9);
            if (now - dueNs > MAX_LAG_NS) {
              // Far behind (a pause or an overloaded machine): resume from now instead of racing.
              baseNs = now;
              stepsSinceBase = 0;
            } else if (dueNs - now > MIN_SLEEP_NS) {
              TimeUnit.NANOSECONDS.sleep(dueNs - now);
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        node.getLog().error("the simulation loop failed", e);
      }
    }

    /**
     * Fills the messages due at the current step: the clock every step, frames at their rate, joint
     * states at their rate or, in lock-step mode, only when {@code forceJointState} (after a
     * command's steps), so each state a controller sees answers exactly one command. Caller holds
     * the lock.
     */
    private void snapshot(boolean forceJointState) {
      long step = world.stepCount();
      dueClock = null;
      dueJointState = null;
      dueImage = null;
      dueCameraInfo = null;
      if (clock != null) {
        dueClock = clockRing[clockIndex];
        clockIndex = (clockIndex + 1) % RING;
      }
      boolean jointStateDue =
          config.mode() == Mode.LOCKSTEP ? forceJointState : step % stepsPerJointState == 0;
      if (jointStateDue) {
        JointState message = jointStateRing[jointStateIndex];
        jointStateIndex = (jointStateIndex + 1) % RING;
        world.getPositions(message.getPosition());
        world.getVelocities(message.getVelocity());
        world.getAppliedEffort(message.getEffort());
        message.getHeader().setSeq(seq++);
        dueJointState = message;
      }
      if (camera != null && step % stepsPerFrame == 0) {
        Image image = imageRing[imageIndex];
        CameraInfo info = cameraInfoRing[imageIndex];
        imageIndex = (imageIndex + 1) % RING;
        world.getPositions(positionScratch);
        camera.render(positionScratch, image.getData());
        dueImage = image;
        dueCameraInfo = info;
      }
      if (dueClock != null || dueJointState != null || dueImage != null) {
        Time now = Time.fromNanos(Math.round(world.timeS() * 1e9));
        if (dueClock != null) {
          dueClock.setClock(now);
        }
        if (dueJointState != null) {
          dueJointState.getHeader().setStamp(now);
        }
        if (dueImage != null) {
          dueImage.getHeader().setStamp(now);
          dueCameraInfo.getHeader().setStamp(now);
        }
      }
    }

    /** Publishes what {@link #snapshot} filled, outside the lock. */
    private void publishDue() {
      if (dueClock != null) {
        clock.publish(dueClock);
      }
      if (dueJointState != null) {
        jointStates.publish(dueJointState);
      }
      if (dueImage != null) {
        images.publish(dueImage);
        cameraInfos.publish(dueCameraInfo);
      }
    }

    /**
     * Size of the published (possibly tiled) image; K and P of view 0 (the left tile), see the
     * class comment.
     */
    private void fillCameraInfo(CameraInfo cameraInfo) {
      double f = camera.focalLengthPx();
      double cx = camera.principalPointXPx();
      double cy = camera.principalPointYPx();
      cameraInfo.getHeader().setFrameId("camera_optical");
      cameraInfo.setWidth(camera.width());
      cameraInfo.setHeight(camera.height());
      cameraInfo.setDistortionModel("plumb_bob");
      cameraInfo.setD(new double[5]);
      cameraInfo.setK(new double[] {f, 0, cx, 0, f, cy, 0, 0, 1});
      cameraInfo.setR(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
      cameraInfo.setP(new double[] {f, 0, cx, 0, 0, f, cy, 0, 0, 0, 1, 0});
    }
  }
}
