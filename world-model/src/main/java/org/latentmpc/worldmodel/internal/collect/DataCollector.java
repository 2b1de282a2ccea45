package org.latentmpc.worldmodel.internal.collect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.latentmpc.controllers.JointController;
import org.latentmpc.controllers.JointSafetyLimits;
import org.latentmpc.ros.BagWriter;
import org.latentmpc.ros.Compression;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.msgs.sensor_msgs.Image;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.ros.msgs.std_msgs.Header;
import org.latentmpc.ros.msgs.std_msgs.Int32;
import org.latentmpc.sim.CameraRenderer;
import org.latentmpc.sim.Scene;
import org.latentmpc.sim.SimWorld;
import org.latentmpc.sim.WorldOptions;
import org.latentmpc.worldmodel.BagTopics;

/**
 * Collects exploration data: runs the simulator in lock-step in this process with the project's
 * joint position controller ({@link JointController}, its rate, gravity compensation) and the
 * {@link RandomSmoothPolicy}, and records a rosbag v2 (lz4).
 *
 * <p>Per episode: the world is reset to a random configuration inside the (soft) joint limits minus
 * a margin, a fresh controller holds it for {@link Options#episodeGapS()} of sim time, then an
 * Int32 (episode index) on {@code /collect/episode} marks the start. At each action period {@code
 * t_k} (k = 0..T) the image ({@code /camera/image_raw}, rgb8) and the joint state ({@code
 * /joint_states}) are recorded; for k < T the policy's delta {@code d_k} gives the target {@code
 * q_k + d_k} clamped into the limits minus the margin, recorded on {@code
 * /arm_controller/group_command}, and the effective delta (target minus {@code q_k}) on {@code
 * /collect/action} (the world model's action topic, {@link BagTopics#DEFAULTS}), both stamped
 * {@code t_k}; the controller then tracks the target until {@code t_(k+1)}. Every stamp is sim time
 * (the simulator's clock is never rewound, so time is continuous across episodes). Deterministic:
 * the same options give the same messages.
 *
 * <p>The image is the scene's whole image: for a scene with {@code extra_views}, all views side by
 * side (view 0 on the left), {@link Options#imageWidthPx()} wide in total.
 */
public final class DataCollector {
  /** The topic of the effective joint-position deltas (std_msgs/Float64MultiArray). */
  public static final String ACTION_DELTA_TOPIC = BagTopics.DELTA_ACTION_TOPIC;

  /**
   * Collection settings.
   *
   * @param episodes number of episodes, > 0
   * @param stepsPerEpisode actions per episode, > 0
   * @param seed random seed (start configurations and policy)
   * @param actionRateHz action rate (Hz); the controller period must divide the action period
   * @param maxDeltaRad bound of each action (rad per joint)
   * @param smoothness correlation of consecutive actions, in [0, 1)
   * @param limitMarginRad targets and start configurations stay this far inside the limits (rad)
   * @param episodeGapS sim time the controller holds the start configuration before an episode (s),
   *     >= 1 so episodes are at least one second apart
   * @param imageWidthPx width of the whole recorded image (pixels): all the scene's views side by
   *     side, so a multiple of their number ({@link Scene#withImageSize})
   * @param imageHeightPx image height (pixels)
   */
  public record Options(
      int episodes,
      int stepsPerEpisode,
      long seed,
      double actionRateHz,
      double maxDeltaRad,
      double smoothness,
      double limitMarginRad,
      double episodeGapS,
      int imageWidthPx,
      int imageHeightPx) {

    /** Validates the numbers (messages name the command-line option). */
    public Options {
      if (episodes <= 0) {
        throw new IllegalArgumentException("--episodes must be positive, got " + episodes);
      }
      if (stepsPerEpisode <= 0) {
        throw new IllegalArgumentException("--steps must be positive, got " + stepsPerEpisode);
      }
      if (!(actionRateHz > 0) || !Double.isFinite(actionRateHz)) {
        throw new IllegalArgumentException("--action-rate must be > 0 Hz, got " + actionRateHz);
      }
      if (!(maxDeltaRad > 0) || !Double.isFinite(maxDeltaRad)) {
        throw new IllegalArgumentException("--max-delta must be > 0 rad, got " + maxDeltaRad);
      }
      if (!(smoothness >= 0 && smoothness < 1)) {
        throw new IllegalArgumentException("--smoothness must be in [0, 1), got " + smoothness);
      }
      if (!(limitMarginRad >= 0) || !Double.isFinite(limitMarginRad)) {
        throw new IllegalArgumentException("--margin must be >= 0 rad, got " + limitMarginRad);
      }
      if (!(episodeGapS >= 1) || !Double.isFinite(episodeGapS)) {
        throw new IllegalArgumentException("episode gap must be >= 1 s, got " + episodeGapS);
      }
      if (imageWidthPx <= 0 || imageHeightPx <= 0) {
        throw new IllegalArgumentException(
            "--image-size must be positive, got " + imageWidthPx + "x" + imageHeightPx);
      }
    }

    /**
     * Defaults for {@code robot}: 10 Hz, its default bound, smoothness 0.8, 0.1 rad, 1 s, the
     * scene's image size (64x64 per view).
     */
    public static Options defaults(CollectRobot robot, int episodes, int steps, long seed) {
      return new Options(
          episodes,
          steps,
          seed,
          10,
          robot.defaultMaxDeltaRad(),
          0.8,
          0.1,
          1.0,
          robot.scene().imageWidthPx(),
          robot.scene().imageHeightPx());
    }
  }

  /** Receives progress after each recorded observation. */
  public interface Progress {
    /**
     * @param episode the current episode (0-based)
     * @param step the observation index in the episode (0..T)
     * @param simSteps simulator steps so far
     * @param samples observations recorded so far
     */
    void update(int episode, int step, long simSteps, long samples);
  }

  /**
   * What a run did.
   *
   * @param simSteps simulator steps taken (including the holds between episodes)
   * @param samples observations (image plus joint state) recorded
   * @param actions actions recorded
   * @param messages messages written
   * @param wallS wall-clock time (s)
   */
  public record Result(long simSteps, long samples, long actions, long messages, double wallS) {
    /** Simulator steps per wall-clock second. */
    public double simStepsPerS() {
      return simSteps / wallS;
    }

    /** Recorded observations per wall-clock second. */
    public double samplesPerS() {
      return samples / wallS;
    }
  }

  private final CollectRobot robot;
  private final Options options;
  private final Scene scene;
  private final int dof;
  private final double[] lowerRad;
  private final double[] upperRad;
  private final int simStepsPerCycle;
  private final int cyclesPerAction;
  private final long stepNanos;

  /**
   * @throws IllegalArgumentException if the limits leave no room inside the margin, or the action
   *     period is not a whole number of controller periods, or the controller period not a whole
   *     number of simulator steps, or the image width is not a multiple of the scene's views
   */
  public DataCollector(CollectRobot robot, Options options) {
    this.robot = robot;
    this.options = options;
    try {
      this.scene = robot.scene().withImageSize(options.imageWidthPx(), options.imageHeightPx());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--image-size: " + e.getMessage(), e);
    }
    this.dof = robot.controller().dof();
    if (dof != robot.model().dof()) {
      throw new IllegalArgumentException(
          "the controller must drive every joint of " + robot.name());
    }
    this.lowerRad = new double[dof];
    this.upperRad = new double[dof];
    for (int j = 0; j < dof; j++) {
      JointSafetyLimits l = robot.controller().limits(j);
      double lo = l.hasSoftLimits() ? Math.max(l.lowerRad(), l.softLowerRad()) : l.lowerRad();
      double hi = l.hasSoftLimits() ? Math.min(l.upperRad(), l.softUpperRad()) : l.upperRad();
      lowerRad[j] = lo + options.limitMarginRad();
      upperRad[j] = hi - options.limitMarginRad();
      if (!(lowerRad[j] < upperRad[j]) || !Double.isFinite(upperRad[j] - lowerRad[j])) {
        throw new IllegalArgumentException(
            "joint '"
                + l.name()
                + "' has no finite range inside a margin of "
                + options.limitMarginRad()
                + " rad");
      }
    }
    double dtS = WorldOptions.defaults().timeStepS();
    double cycleS = 1.0 / robot.controller().rateHz();
    this.simStepsPerCycle = wholeRatio(cycleS, dtS, "controller period", "simulator step");
    this.cyclesPerAction =
        wholeRatio(1.0 / options.actionRateHz(), cycleS, "action period", "controller period");
    this.stepNanos = Math.round(dtS * 1e9);
  }

  private static int wholeRatio(double a, double b, String nameA, String nameB) {
    double r = a / b;
    long n = Math.round(r);
    if (n < 1 || Math.abs(r - n) > 1e-6 * Math.max(1, r)) {
      throw new IllegalArgumentException(
          "the " + nameA + " (" + a + " s) is not a whole number of " + nameB + "s (" + b + " s)");
    }
    return (int) n;
  }

  /** The robot. */
  public CollectRobot robot() {
    return robot;
  }

  /** The options. */
  public Options options() {
    return options;
  }

  /**
   * Collects into {@code out} (overwritten).
   *
   * @throws IOException if the bag cannot be written
   */
  public Result collect(Path out, Progress progress) throws IOException {
    long startNanos = System.nanoTime();
    CameraRenderer camera = CameraRenderer.create(robot.model(), scene);
    SimWorld world = SimWorld.create(robot.model(), WorldOptions.defaults());
    Random starts = new Random(options.seed());
    RandomSmoothPolicy policy =
        new RandomSmoothPolicy(
            dof, options.maxDeltaRad(), options.smoothness(), options.seed() * 31 + 7);
    BagTopics topics = BagTopics.DEFAULTS;
    String[] names = robot.model().jointNames().toArray(new String[0]);
    int w = options.imageWidthPx();
    int h = options.imageHeightPx();
    byte[] rgb = new byte[3 * w * h];
    double[] q = new double[dof];
    double[] qd = new double[dof];
    double[] effort = new double[dof];
    double[] applied = new double[dof];
    double[] delta = new double[dof];
    double[] target = new double[dof];
    double[] q0 = new double[dof];
    Header imageHeader = new Header().setFrameId("camera");
    Header stateHeader = new Header();
    Image image =
        new Image()
            .setHeader(imageHeader)
            .setWidth(w)
            .setHeight(h)
            .setEncoding("rgb8")
            .setStep(3 * w)
            .setData(rgb);
    JointState state =
        new JointState()
            .setHeader(stateHeader)
            .setName(names)
            .setPosition(q)
            .setVelocity(qd)
            .setEffort(applied);
    Float64MultiArray deltaMsg = new Float64MultiArray().setData(delta);
    Float64MultiArray targetMsg = new Float64MultiArray().setData(target);
    Int32 marker = new Int32();
    long samples = 0;
    long actions = 0;
    long messages;
    int seq = 0;
    int gapCycles = (int) Math.ceil(options.episodeGapS() * robot.controller().rateHz());
    try (BagWriter bag =
        BagWriter.open(out, Compression.LZ4, BagWriter.DEFAULT_CHUNK_THRESHOLD_BYTES)) {
      for (int e = 0; e < options.episodes(); e++) {
        for (int j = 0; j < dof; j++) {
          q0[j] = lowerRad[j] + (upperRad[j] - lowerRad[j]) * starts.nextDouble();
        }
        world.setInitialPositions(q0);
        world.reset();
        policy.reset();
        JointController controller = JointController.create(robot.model(), robot.controller());
        runCycles(world, controller, gapCycles, q, qd, effort);
        marker.setData(e);
        bag.write(topics.episode(), now(world), marker);
        for (int k = 0; k <= options.stepsPerEpisode(); k++) {
          Time t = now(world);
          world.getPositions(q);
          world.getVelocities(qd);
          world.getAppliedEffort(applied);
          camera.render(q, rgb);
          imageHeader.setSeq(seq).setStamp(t);
          stateHeader.setSeq(seq).setStamp(t);
          seq++;
          bag.write(topics.image(), t, image);
          bag.write(topics.jointStates(), t, state);
          samples++;
          progress.update(e, k, world.stepCount(), samples);
          if (k == options.stepsPerEpisode()) {
            break;
          }
          policy.next(delta);
          for (int j = 0; j < dof; j++) {
            target[j] = Math.max(lowerRad[j], Math.min(upperRad[j], q[j] + delta[j]));
            delta[j] = target[j] - q[j];
          }
          bag.write(topics.action(), t, deltaMsg);
          bag.write(BagTopics.TARGET_ACTION_TOPIC, t, targetMsg);
          actions++;
          controller.commandPositions(target);
          runCycles(world, controller, cyclesPerAction, q, qd, effort);
        }
      }
      messages = bag.messageCount();
    }
    double wallS = (System.nanoTime() - startNanos) * 1e-9;
    return new Result(world.stepCount(), samples, actions, messages, wallS);
  }

  private Time now(SimWorld world) {
    return Time.fromNanos(nowNanos(world));
  }

  private long nowNanos(SimWorld world) {
    return world.stepCount() * stepNanos;
  }

  private void runCycles(
      SimWorld world,
      JointController controller,
      int cycles,
      double[] q,
      double[] qd,
      double[] effort) {
    for (int c = 0; c < cycles; c++) {
      world.getPositions(q);
      world.getVelocities(qd);
      controller.update(nowNanos(world), q, qd, effort);
      world.setEffortCommand(effort);
      world.step(simStepsPerCycle);
    }
  }
}
