package org.latentmpc.controllers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentmpc.robot.Joint;
import org.latentmpc.robot.RobotModel;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The configuration of one controller namespace, read from rosparam (YAML) in the ros_controllers
 * layout; see {@code sim-configs/controllers/*.yaml}. Immutable.
 *
 * <pre>
 * arm_controller:
 *   type: trajectory              # position | velocity | effort | trajectory
 *   joints: [arm7_joint1, ...]    # default: every moving joint of the robot description
 *   rate: 1000                    # control loop rate (Hz)
 *   watchdog_timeout: 0.5         # s without a command until position holds / velocity stops
 *   gravity_compensation: true
 *   gains:          {arm7_joint1: {p: 600, i: 10, d: 30, i_clamp: 5, d_filter: 0.002}}
 *   velocity_gains: {arm7_joint1: {p: 20, i: 0, d: 0}}
 *   joint_limits:   {arm7_joint1: {max_velocity: 1.0, max_acceleration: 5.0}}
 *   constraints: {goal_time: 0.5, stopped_velocity_tolerance: 0.05,
 *                 arm7_joint1: {trajectory: 0.2, goal: 0.01}}
 *   stop_trajectory_duration: 0.2
 *   state_publish_rate: 50
 *   action_monitor_rate: 20       # follow_joint_trajectory feedback (Hz)
 *   output: {mode: effort, effort_topic: /sim/effort_command,
 *            position_topic: ..., velocity_topic: ...}
 * </pre>
 */
public final class ControllerSettings {
  private final ControllerType type;
  private final List<String> joints;
  private final JointSafetyLimits[] limits;
  private final PidGains[] positionGains;
  private final PidGains[] velocityGains;
  private final double rateHz;
  private final double watchdogTimeoutS;
  private final boolean gravityCompensation;
  private final double goalTimeS;
  private final double stoppedVelocityTolerance;
  private final double[] pathTolerance;
  private final double[] goalTolerance;
  private final double stopTrajectoryDurationS;
  private final double statePublishRateHz;
  private final double actionMonitorRateHz;
  private final OutputMode outputMode;
  private final String effortTopic;
  private final String positionTopic;
  private final String velocityTopic;

  private ControllerSettings(Builder b) {
    this.type = b.type;
    this.joints = List.copyOf(b.joints);
    this.limits = b.limits.clone();
    this.positionGains = b.positionGains.clone();
    this.velocityGains = b.velocityGains.clone();
    this.rateHz = b.rateHz;
    this.watchdogTimeoutS = b.watchdogTimeoutS;
    this.gravityCompensation = b.gravityCompensation;
    this.goalTimeS = b.goalTimeS;
    this.stoppedVelocityTolerance = b.stoppedVelocityTolerance;
    this.pathTolerance = b.pathTolerance.clone();
    this.goalTolerance = b.goalTolerance.clone();
    this.stopTrajectoryDurationS = b.stopTrajectoryDurationS;
    this.statePublishRateHz = b.statePublishRateHz;
    this.actionMonitorRateHz = b.actionMonitorRateHz;
    this.outputMode = b.outputMode;
    this.effortTopic = b.effortTopic;
    this.positionTopic = b.positionTopic;
    this.velocityTopic = b.velocityTopic;
  }

  /**
   * Reads a controller namespace (the map under e.g. {@code arm_controller}) for {@code model}.
   *
   * @throws IllegalArgumentException naming the key and what is wrong (unknown joint, non-numeric
   *     gain, loosened limit, negative tolerance, unknown type or output mode)
   */
  public static ControllerSettings fromParameters(Map<String, ?> params, RobotModel model) {
    P p = new P(params, "");
    List<String> joints;
    Object js = params.get("joints");
    if (js == null) {
      joints = model.jointNames();
    } else if (js instanceof List<?> list) {
      joints = new ArrayList<>();
      for (Object o : list) {
        if (!(o instanceof String s) || model.dofIndex(s) < 0) {
          throw new IllegalArgumentException(
              "joints: '" + o + "' is not a moving joint of robot '" + model.name() + "'");
        }
        if (joints.contains(s)) {
          throw new IllegalArgumentException("joints: '" + s + "' is listed twice");
        }
        joints.add(s);
      }
      if (joints.isEmpty()) {
        throw new IllegalArgumentException("joints: the list is empty");
      }
    } else {
      throw new IllegalArgumentException("joints must be a list of joint names, got " + js);
    }
    Builder b = new Builder(model, joints);
    b.type = ControllerType.parse(p.string("type", "position"));
    b.rateHz = p.positive("rate", b.rateHz);
    b.watchdogTimeoutS = p.positive("watchdog_timeout", b.watchdogTimeoutS);
    b.gravityCompensation = p.bool("gravity_compensation", b.gravityCompensation);
    b.stopTrajectoryDurationS =
        p.nonNegative("stop_trajectory_duration", b.stopTrajectoryDurationS);
    b.statePublishRateHz = p.nonNegative("state_publish_rate", b.statePublishRateHz);
    b.actionMonitorRateHz = p.nonNegative("action_monitor_rate", b.actionMonitorRateHz);
    Map<String, ?> gains = p.map("gains");
    Map<String, ?> vgains = p.map("velocity_gains");
    Map<String, ?> lim = p.map("joint_limits");
    Map<String, ?> cons = p.map("constraints");
    P c = new P(cons, "constraints/");
    b.goalTimeS = c.nonNegative("goal_time", b.goalTimeS);
    b.stoppedVelocityTolerance =
        c.nonNegative("stopped_velocity_tolerance", b.stoppedVelocityTolerance);
    for (String key : List.of("gains", "velocity_gains", "joint_limits")) {
      for (String jointName : p.map(key).keySet()) {
        if (!joints.contains(jointName)) {
          throw new IllegalArgumentException(
              key + "/" + jointName + ": not one of the controller's joints " + joints);
        }
      }
    }
    for (int j = 0; j < joints.size(); j++) {
      String name = joints.get(j);
      if (gains.containsKey(name)) {
        b.positionGains[j] = gainsFrom(new P(p.map(gains, name, "gains/"), "gains/" + name + "/"));
      }
      if (vgains.containsKey(name)) {
        b.velocityGains[j] =
            gainsFrom(
                new P(p.map(vgains, name, "velocity_gains/"), "velocity_gains/" + name + "/"));
      }
      if (lim.containsKey(name)) {
        try {
          b.limits[j] = b.limits[j].withOverrides(p.map(lim, name, "joint_limits/"));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("joint_limits/" + e.getMessage(), e);
        }
      }
      if (cons.containsKey(name)) {
        P jc = new P(p.map(cons, name, "constraints/"), "constraints/" + name + "/");
        b.pathTolerance[j] = jc.nonNegative("trajectory", 0);
        b.goalTolerance[j] = jc.nonNegative("goal", 0);
      }
    }
    Map<String, ?> out = p.map("output");
    P o = new P(out, "output/");
    String mode = o.string("mode", "effort");
    switch (mode) {
      case "effort" -> b.outputMode = OutputMode.EFFORT;
      case "forward" -> b.outputMode = OutputMode.FORWARD;
      default ->
          throw new IllegalArgumentException(
              "output/mode: '" + mode + "' is neither 'effort' nor 'forward'");
    }
    b.effortTopic = o.string("effort_topic", b.effortTopic);
    b.positionTopic = o.string("position_topic", b.positionTopic);
    b.velocityTopic = o.string("velocity_topic", b.velocityTopic);
    return b.build();
  }

  /**
   * Reads the controller namespace {@code namespace} of a rosparam YAML file.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the file and what is wrong (not YAML, no such
   *     namespace, or any {@link #fromParameters} error)
   */
  public static ControllerSettings fromYaml(Path file, String namespace, RobotModel model)
      throws IOException {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    } catch (YAMLException e) {
      throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage(), e);
    }
    if (!(root instanceof Map<?, ?> map) || !(map.get(namespace) instanceof Map<?, ?> ns)) {
      throw new IllegalArgumentException(file + ": no controller namespace '" + namespace + "'");
    }
    @SuppressWarnings("unchecked")
    Map<String, ?> params = (Map<String, ?>) ns;
    try {
      return fromParameters(params, model);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + namespace + "/" + e.getMessage(), e);
    }
  }

  /**
   * Parses one joint's gains map ({@code p, i, d, i_clamp | i_clamp_min/i_clamp_max, antiwindup,
   * d_filter}), e.g. after a run-time parameter change.
   *
   * @param where the parameter name, for error messages
   * @throws IllegalArgumentException naming the key when a value is missing its type or range
   */
  public static PidGains parseGains(Map<String, ?> gains, String where) {
    return gainsFrom(new P(gains, where.endsWith("/") ? where : where + "/"));
  }

  private static PidGains gainsFrom(P g) {
    double iClamp = g.nonNegative("i_clamp", 0);
    double min = g.number("i_clamp_min", -iClamp);
    double max = g.number("i_clamp_max", iClamp);
    double p = g.nonNegative("p", 0);
    double i = g.nonNegative("i", 0);
    double d = g.nonNegative("d", 0);
    boolean antiWindup = g.bool("antiwindup", true);
    double filter = g.nonNegative("d_filter", 0);
    try {
      return new PidGains(p, i, d, min, max, antiWindup, filter);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(g.prefix + e.getMessage(), e);
    }
  }

  /** A builder with defaults for {@code joints} of {@code model}: limits from the URDF. */
  public static Builder builder(RobotModel model, List<String> joints) {
    return new Builder(model, joints);
  }

  /** The command interface offered on {@code command}. */
  public ControllerType type() {
    return type;
  }

  /** The controlled joints, in command order. */
  public List<String> joints() {
    return joints;
  }

  /** Number of joints. */
  public int dof() {
    return joints.size();
  }

  /** The limits of joint {@code j} (command order). */
  public JointSafetyLimits limits(int j) {
    return limits[j];
  }

  /** The position loop gains of joint {@code j}. */
  public PidGains positionGains(int j) {
    return positionGains[j];
  }

  /** The velocity loop gains of joint {@code j}. */
  public PidGains velocityGains(int j) {
    return velocityGains[j];
  }

  /** The control loop rate (Hz), default 1000. */
  public double rateHz() {
    return rateHz;
  }

  /** Seconds without a command before the watchdog stops the motion, default 0.5. */
  public double watchdogTimeoutS() {
    return watchdogTimeoutS;
  }

  /** Whether effort outputs include the model's gravity (or inverse-dynamics) feedforward. */
  public boolean gravityCompensation() {
    return gravityCompensation;
  }

  /** Time allowed after the last trajectory point to reach the goal (s); 0 = unbounded. */
  public double goalTimeS() {
    return goalTimeS;
  }

  /** Velocity below which a joint counts as stopped at the goal (rad/s); 0 = not checked. */
  public double stoppedVelocityTolerance() {
    return stoppedVelocityTolerance;
  }

  /** Path (tracking) tolerance of joint {@code j} (rad); 0 = not checked. */
  public double pathTolerance(int j) {
    return pathTolerance[j];
  }

  /** Goal tolerance of joint {@code j} (rad); 0 = not checked. */
  public double goalTolerance(int j) {
    return goalTolerance[j];
  }

  /** Duration of the deceleration ramp when a trajectory is stopped (s). */
  public double stopTrajectoryDurationS() {
    return stopTrajectoryDurationS;
  }

  /** Rate of the {@code state} topic (Hz); 0 disables it. */
  public double statePublishRateHz() {
    return statePublishRateHz;
  }

  /**
   * Rate of the follow_joint_trajectory action's feedback while a goal executes (Hz; type
   * trajectory); 0 disables feedback.
   */
  public double actionMonitorRateHz() {
    return actionMonitorRateHz;
  }

  /** Effort output or forwarding to a driver. */
  public OutputMode outputMode() {
    return outputMode;
  }

  /** Topic of effort commands (effort mode, or effort commands forwarded). */
  public String effortTopic() {
    return effortTopic;
  }

  /** Topic of the driver's position group controller (forward mode). */
  public String positionTopic() {
    return positionTopic;
  }

  /** Topic of the driver's velocity group controller (forward mode). */
  public String velocityTopic() {
    return velocityTopic;
  }

  @Override
  public String toString() {
    return "ControllerSettings[type="
        + type
        + ", joints="
        + joints
        + ", rate="
        + rateHz
        + " Hz, output="
        + outputMode
        + ", gains="
        + Arrays.toString(positionGains)
        + "]";
  }

  /** Builds {@link ControllerSettings}; every setter validates. */
  public static final class Builder {
    private final List<String> joints;
    private ControllerType type = ControllerType.POSITION;
    private final JointSafetyLimits[] limits;
    private final PidGains[] positionGains;
    private final PidGains[] velocityGains;
    private double rateHz = 1000;
    private double watchdogTimeoutS = 0.5;
    private boolean gravityCompensation = true;
    private double goalTimeS = 0;
    private double stoppedVelocityTolerance = 0.01;
    private final double[] pathTolerance;
    private final double[] goalTolerance;
    private double stopTrajectoryDurationS = 0.2;
    private double statePublishRateHz = 50;
    private double actionMonitorRateHz = 20;
    private OutputMode outputMode = OutputMode.EFFORT;
    private String effortTopic = "/sim/effort_command";
    private String positionTopic = "joint_group_position_controller/command";
    private String velocityTopic = "joint_group_vel_controller/command";

    private Builder(RobotModel model, List<String> joints) {
      this.joints = Collections.unmodifiableList(new ArrayList<>(joints));
      int n = joints.size();
      limits = new JointSafetyLimits[n];
      positionGains = new PidGains[n];
      velocityGains = new PidGains[n];
      pathTolerance = new double[n];
      goalTolerance = new double[n];
      for (int j = 0; j < n; j++) {
        int dof = model.dofIndex(joints.get(j));
        if (dof < 0) {
          throw new IllegalArgumentException(
              "'" + joints.get(j) + "' is not a moving joint of robot '" + model.name() + "'");
        }
        Joint joint = model.movingJoint(dof);
        limits[j] = JointSafetyLimits.fromUrdf(joint);
        positionGains[j] = PidGains.of(0, 0, 0, 0);
        velocityGains[j] = PidGains.of(0, 0, 0, 0);
      }
    }

    /** The command interface. */
    public Builder type(ControllerType t) {
      this.type = t;
      return this;
    }

    /** Limits of joint {@code j}. */
    public Builder limits(int j, JointSafetyLimits l) {
      limits[j] = l;
      return this;
    }

    /** Position gains of joint {@code j}. */
    public Builder positionGains(int j, PidGains g) {
      positionGains[j] = g;
      return this;
    }

    /** Velocity gains of joint {@code j}. */
    public Builder velocityGains(int j, PidGains g) {
      velocityGains[j] = g;
      return this;
    }

    /** Loop rate (Hz). */
    public Builder rateHz(double hz) {
      if (!(hz > 0) || !Double.isFinite(hz)) {
        throw new IllegalArgumentException("rate must be > 0 Hz: " + hz);
      }
      this.rateHz = hz;
      return this;
    }

    /** Watchdog timeout (s). */
    public Builder watchdogTimeoutS(double s) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("watchdog_timeout must be > 0 s: " + s);
      }
      this.watchdogTimeoutS = s;
      return this;
    }

    /** Gravity compensation on or off. */
    public Builder gravityCompensation(boolean on) {
      this.gravityCompensation = on;
      return this;
    }

    /** Trajectory goal time (s). */
    public Builder goalTimeS(double s) {
      this.goalTimeS = s;
      return this;
    }

    /** Stopped velocity tolerance (rad/s). */
    public Builder stoppedVelocityTolerance(double v) {
      this.stoppedVelocityTolerance = v;
      return this;
    }

    /** Path and goal tolerances of joint {@code j} (rad). */
    public Builder tolerances(int j, double path, double goal) {
      pathTolerance[j] = path;
      goalTolerance[j] = goal;
      return this;
    }

    /** Stop ramp duration (s). */
    public Builder stopTrajectoryDurationS(double s) {
      this.stopTrajectoryDurationS = s;
      return this;
    }

    /** Output mode and topics. */
    public Builder output(OutputMode mode, String effort, String position, String velocity) {
      this.outputMode = mode;
      this.effortTopic = effort;
      this.positionTopic = position;
      this.velocityTopic = velocity;
      return this;
    }

    /** The settings. */
    public ControllerSettings build() {
      return new ControllerSettings(this);
    }
  }

  /** Typed access to one YAML map with error messages naming the key. */
  private static final class P {
    private final Map<String, ?> m;
    private final String prefix;

    P(Map<String, ?> m, String prefix) {
      this.m = m;
      this.prefix = prefix;
    }

    double number(String key, double def) {
      Object v = m.get(key);
      if (v == null) {
        return def;
      }
      if (!(v instanceof Number num) || Double.isNaN(num.doubleValue())) {
        throw new IllegalArgumentException(prefix + key + " must be a number, got '" + v + "'");
      }
      return num.doubleValue();
    }

    double nonNegative(String key, double def) {
      double v = number(key, def);
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(prefix + key + " must be finite and >= 0, got " + v);
      }
      return v;
    }

    double positive(String key, double def) {
      double v = number(key, def);
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(prefix + key + " must be finite and > 0, got " + v);
      }
      return v;
    }

    boolean bool(String key, boolean def) {
      Object v = m.get(key);
      if (v == null) {
        return def;
      }
      if (!(v instanceof Boolean b)) {
        throw new IllegalArgumentException(
            prefix + key + " must be true or false, got '" + v + "'");
      }
      return b;
    }

    String string(String key, String def) {
      Object v = m.get(key);
      if (v == null) {
        return def;
      }
      if (!(v instanceof String s) || s.isEmpty()) {
        throw new IllegalArgumentException(
            prefix + key + " must be a non-empty string, got '" + v + "'");
      }
      return s;
    }

    Map<String, ?> map(String key) {
      return map(m, key, prefix);
    }

    @SuppressWarnings("unchecked")
    Map<String, ?> map(Map<String, ?> from, String key, String where) {
      Object v = from.get(key);
      if (v == null) {
        return new LinkedHashMap<String, Object>();
      }
      if (!(v instanceof Map)) {
        throw new IllegalArgumentException(where + key + " must be a map, got '" + v + "'");
      }
      return (Map<String, ?>) v;
    }
  }
}
