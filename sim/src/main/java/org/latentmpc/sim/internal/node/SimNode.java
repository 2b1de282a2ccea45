package org.latentmpc.sim.internal.node;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.Node;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.ParameterTree;
import org.latentmpc.ros.Publisher;
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
 * camera_rate} (Hz of sim time, 30), {@code mode}: {@code realtime} (paced to the wall clock),
 * {@code fast} (as fast as possible) or {@code lockstep} (advances {@code lockstep_steps} steps per
 * effort command received, so a controller in the loop sees every state; sim time only advances as
 * the simulation does).
 *
 * <p>The physics never reads the wall clock; only real-time pacing does, through the injected
 * {@code nanoTime}.
 */
public final class SimNode implements NodeMain {
  /**
   * How long lock-step mode waits for a command before it logs that it is starved (it keeps
   * waiting).
   */
  private static final long LOCKSTEP_STARVED_LOG_NS = TimeUnit.SECONDS.toNanos(5);

  private final LongSupplier nanoTime;
  private volatile SimLoop loop;
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

  @Override
  public void onStart(ConnectedNode node) {
    SimConfig config = SimConfig.from(node.getParameterTree());
    loop = new SimLoop(node, config, nanoTime);
    thread = new Thread(loop::run, "sim-loop" + node.getName());
    thread.setDaemon(true);
    thread.start();
    node.getLog()
        .info(
            "simulating {} with {} joints, dt {} s ({}), mode {}",
            config.scene().robotFile().getFileName(),
            loop.world.dof(),
            config.dtS(),
            config.integrator().cliName(),
            config.mode());
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

  /** The running world (for in-process harnesses and tests); null before start. */
  public SimWorld world() {
    SimLoop l = loop;
    return l == null ? null : l.world;
  }

  /** Total steps taken so far (0 before start). */
  public long stepCount() {
    SimLoop l = loop;
    return l == null ? 0 : l.stepCount();
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
            "parameter ~scene (path of a scene YAML file, e.g. sim-configs/scenes/reacher2.yaml) is required");
      }
      Scene scene;
      try {
        scene = Scene.load(Path.of(scenePath));
      } catch (Exception e) {
        throw new IllegalArgumentException(
            "cannot load scene " + scenePath + ": " + e.getMessage(), e);
      }
      double dt = params.getDouble("~dt", 0.001);
      double jointRate = params.getDouble("~joint_state_rate", 500);
      double cameraRate = params.getDouble("~camera_rate", 30);
      int lockstepSteps = params.getInteger("~lockstep_steps", 1);
      if (!(dt > 0) || !(jointRate > 0) || cameraRate < 0 || lockstepSteps < 1) {
        throw new IllegalArgumentException(
            "need ~dt > 0, ~joint_state_rate > 0, ~camera_rate >= 0, ~lockstep_steps >= 1; got "
                + dt
                + ", "
                + jointRate
                + ", "
                + cameraRate
                + ", "
                + lockstepSteps);
      }
      return new SimConfig(
          scene,
          dt,
          Integrator.parse(params.getString("~integrator", "euler")),
          jointRate,
          cameraRate,
          Mode.parse(params.getString("~mode", "realtime")),
          lockstepSteps,
          params.getBoolean("/use_sim_time", false));
    }
  }

  /** The stepping thread and everything it owns; ROS callbacks hand it work through a lock. */
  static final class SimLoop {
    /** Messages per topic ring: 64 cycles of history for slow in-process subscribers. */
    private static final int RING = 64;

    final SimWorld world;
    private final ConnectedNode node;
    private final SimConfig config;
    private final LongSupplier nanoTime;
    private final CameraRenderer camera;
    private final Object lock = new Object();
    private final int stepsPerJointState;
    private final int stepsPerFrame;

    private final double[] pendingEffort;
    private boolean effortPending;
    private long commandsReceived;
    private long commandsConsumed;
    private volatile boolean running = true;

    private final Publisher<JointState> jointStates;
    private final Publisher<Image> images;
    private final Publisher<CameraInfo> cameraInfos;
    private final Publisher<Clock> clock;
    // In-process subscribers receive the published objects themselves, so each topic cycles through
    // a ring of
    // preallocated messages instead of refilling one (a subscriber would otherwise see it change
    // under it).
    private final JointState[] jointStateRing = new JointState[RING];
    private final Image[] imageRing = new Image[RING];
    private final CameraInfo[] cameraInfoRing = new CameraInfo[RING];
    private final Clock[] clockRing = new Clock[RING];
    private final double[] positionScratch;
    private int jointStateIndex;
    private int imageIndex;
    private int clockIndex;
    private int seq;

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
            "cannot load robot " + scene.robotFile() + ": " + e.getMessage(), e);
      }
      WorldOptions options =
          WorldOptions.defaults().withTimeStep(config.dtS()).withIntegrator(config.integrator());
      this.world = SimWorld.create(model, options);
      try {
        world.setInitialPositions(scene.initialPositions(model));
      } catch (Exception e) {
        throw new IllegalArgumentException("scene initial positions: " + e.getMessage(), e);
      }
      world.reset();
      this.camera = config.cameraRateHz() > 0 ? CameraRenderer.create(model, scene) : null;
      this.stepsPerJointState =
          Math.max(1, (int) Math.round(1.0 / (config.jointStateRateHz() * config.dtS())));
      this.stepsPerFrame =
          config.cameraRateHz() > 0
              ? Math.max(1, (int) Math.round(1.0 / (config.cameraRateHz() * config.dtS())))
              : Integer.MAX_VALUE;
      this.pendingEffort = new double[world.dof()];

      String[] names = model.jointNames().toArray(new String[0]);
      this.positionScratch = new double[world.dof()];
      for (int i = 0; i < RING; i++) {
        JointState js = new JointState();
        js.setName(names);
        js.setPosition(new double[world.dof()]);
        js.setVelocity(new double[world.dof()]);
        js.setEffort(new double[world.dof()]);
        jointStateRing[i] = js;
        clockRing[i] = new Clock();
      }
      jointStates = node.newPublisher("/joint_states", JointState.TYPE);
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
        }
        for (int i = 0; i < RING; i++) {
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
              resp.setSuccess(false).setMessage("target position must be finite");
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

    private void setJointState(double[] q, double[] qd) {
      int dof = world.dof();
      if ((q.length != 0 && q.length != dof) || (qd.length != 0 && qd.length != dof)) {
        throw new IllegalArgumentException(
            "expected "
                + dof
                + " positions and velocities (or none), got "
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
     * stays.
     */
    private void onEffortCommand(Float64MultiArray message) {
      double[] data = message.getData();
      if (data.length != pendingEffort.length) {
        node.getLog()
            .error(
                "/sim/effort_command rejected: {} values for {} actuated joints; keeping the last command",
                data.length,
                pendingEffort.length);
        return;
      }
      for (int i = 0; i < data.length; i++) {
        if (!Double.isFinite(data[i])) {
          node.getLog()
              .error(
                  "/sim/effort_command rejected: value {} of joint {} is not finite; keeping the last command",
                  data[i],
                  i);
          return;
        }
      }
      synchronized (lock) {
        System.arraycopy(data, 0, pendingEffort, 0, data.length);
        effortPending = true;
        commandsReceived++;
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
        publishState();
        long startNs = nanoTime.getAsLong();
        long startStep = world.stepCount();
        long lastStarvedLog = startNs;
        while (running) {
          int steps = 1;
          synchronized (lock) {
            if (config.mode() == Mode.LOCKSTEP) {
              while (running && commandsConsumed == commandsReceived) {
                lock.wait(100);
                long now = nanoTime.getAsLong();
                if (now - lastStarvedLog > LOCKSTEP_STARVED_LOG_NS) {
                  lastStarvedLog = now;
                  node.getLog().warn("lock-step simulation is waiting for /sim/effort_command");
                }
              }
              if (!running) {
                break;
              }
              commandsConsumed = commandsReceived;
              steps = config.lockstepSteps();
            }
            if (effortPending) {
              world.setEffortCommand(pendingEffort);
              effortPending = false;
            }
          }
          for (int i = 0; i < steps && running; i++) {
            synchronized (lock) {
              world.step();
            }
            publishState();
          }
          if (config.mode() == Mode.REALTIME) {
            long due = startNs + Math.round((world.stepCount() - startStep) * config.dtS() * 1e9);
            long sleepNs = due - nanoTime.getAsLong();
            if (sleepNs > 200_000) {
              TimeUnit.NANOSECONDS.sleep(sleepNs);
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
     * Publishes what is due at the current step: clock every step, joint states and frames at their
     * rates.
     */
    private void publishState() {
      long step = world.stepCount();
      Time now = Time.fromNanos(Math.round(world.timeS() * 1e9));
      if (clock != null) {
        Clock message = clockRing[clockIndex];
        clockIndex = (clockIndex + 1) % RING;
        message.setClock(now);
        clock.publish(message);
      }
      if (step % stepsPerJointState == 0) {
        JointState message = jointStateRing[jointStateIndex];
        jointStateIndex = (jointStateIndex + 1) % RING;
        synchronized (lock) {
          world.getPositions(message.getPosition());
          world.getVelocities(message.getVelocity());
          world.getAppliedEffort(message.getEffort());
        }
        message.getHeader().setSeq(seq++).setStamp(now);
        jointStates.publish(message);
      }
      if (camera != null && step % stepsPerFrame == 0) {
        Image image = imageRing[imageIndex];
        CameraInfo info = cameraInfoRing[imageIndex];
        imageIndex = (imageIndex + 1) % RING;
        synchronized (lock) {
          world.getPositions(positionScratch);
          camera.render(positionScratch, image.getData());
        }
        image.getHeader().setStamp(now);
        images.publish(image);
        info.getHeader().setStamp(now);
        cameraInfos.publish(info);
      }
    }

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
