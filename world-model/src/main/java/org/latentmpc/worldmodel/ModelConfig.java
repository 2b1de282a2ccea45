package org.latentmpc.worldmodel;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The world model's architecture and training settings, as read from {@code
 * sim-configs/models/*.yaml}. Every key is optional (defaults below); unknown keys and values of
 * the wrong type or range are rejected with an error naming the key.
 *
 * @param imageWidth image width in pixels the encoder takes (a multiple of 2^layers)
 * @param imageHeight image height in pixels
 * @param latentDim size of the latent vector z
 * @param encoderChannels output channels of each stride-2 4x4 convolution of the encoder
 * @param proprio which proprioception is fused into the encoder: none, positions or
 *     positions_velocities
 * @param predictorProprio what the predictor takes besides the latent and the action: none, or
 *     positions (the joint positions at each step, as in V-JEPA 2-AC's action-conditioned
 *     predictor: the effect of a joint motion on the image depends on the whole configuration,
 *     which an image shows only in part). Rollouts then start from the current joint positions and
 *     add each action (joint-position deltas) to them. Goals stay images.
 * @param predictorWidth hidden width of the predictor MLP
 * @param predictorDepth number of hidden layers of the predictor MLP
 * @param horizon number of autoregressive prediction steps in the multi-step loss
 * @param regularizer anti-collapse regulariser: sigreg or vicreg
 * @param sigregWeight weight of the SIGReg statistic in the loss
 * @param sigregProjections number of random 1-D projections per step
 * @param sigregKnots number of integration knots of the Epps-Pulley statistic on [0, 3]
 * @param vicregVarianceWeight weight of VICReg's variance hinge
 * @param vicregCovarianceWeight weight of VICReg's off-diagonal covariance penalty
 * @param stateProbeWeight weight of the training-only state probe: a linear head that predicts the
 *     robot's state ({@code stateProbe}) from the latent, trained with the encoder so the latent
 *     must encode that state linearly; 0 (default) leaves it out. The encoder still takes images
 *     only at run time (the probe is not used for inference).
 * @param stateProbe what the state probe predicts, each dimension standardised over the training
 *     data: joints (the joint positions), end_effector (the end effector's position by forward
 *     kinematics of the recorded joints; training needs the robot model) or joints_end_effector
 *     (both)
 * @param emaTarget whether targets come from an exponential-moving-average copy of the encoder
 *     (else a stop-gradient pass through the online encoder)
 * @param emaDecay decay of the EMA target encoder per step
 * @param learningRate Adam learning rate
 * @param batchSize sequences per training step
 * @param epochs passes over the training data
 * @param stepsPerEpoch training steps per epoch, or 0 for one pass over the training sequences
 * @param validationFraction fraction of episodes held out for validation
 * @param seed seed of every random choice in training
 */
public record ModelConfig(
    int imageWidth,
    int imageHeight,
    int latentDim,
    List<Integer> encoderChannels,
    String proprio,
    String predictorProprio,
    int predictorWidth,
    int predictorDepth,
    int horizon,
    String regularizer,
    double sigregWeight,
    int sigregProjections,
    int sigregKnots,
    double vicregVarianceWeight,
    double vicregCovarianceWeight,
    double stateProbeWeight,
    String stateProbe,
    boolean emaTarget,
    double emaDecay,
    double learningRate,
    int batchSize,
    int epochs,
    int stepsPerEpoch,
    double validationFraction,
    long seed) {

  /** Proprioception choices. */
  public static final Set<String> PROPRIO_CHOICES =
      Set.of("none", "positions", "positions_velocities");

  /** Predictor proprioception choices. */
  public static final Set<String> PREDICTOR_PROPRIO_CHOICES = Set.of("none", "positions");

  /** State probe target choices. */
  public static final Set<String> STATE_PROBE_CHOICES =
      Set.of("joints", "end_effector", "joints_end_effector");

  /** Regulariser choices. */
  public static final Set<String> REGULARIZER_CHOICES = Set.of("sigreg", "vicreg");

  /** Validates every field. */
  public ModelConfig {
    encoderChannels = List.copyOf(encoderChannels);
    positive("image_width", imageWidth);
    positive("image_height", imageHeight);
    positive("latent_dim", latentDim);
    if (encoderChannels.isEmpty()) {
      throw new IllegalArgumentException("encoder_channels: needs at least one layer");
    }
    for (int c : encoderChannels) {
      positive("encoder_channels", c);
    }
    int factor = 1 << encoderChannels.size();
    if (imageWidth % factor != 0 || imageHeight % factor != 0) {
      throw new IllegalArgumentException(
          "image_width/image_height ("
              + imageWidth
              + "x"
              + imageHeight
              + ") must be multiples of 2^"
              + encoderChannels.size()
              + " = "
              + factor
              + " for "
              + encoderChannels.size()
              + " stride-2 convolutions");
    }
    if (!PROPRIO_CHOICES.contains(proprio)) {
      throw new IllegalArgumentException(
          "proprio: '" + proprio + "' is not one of " + PROPRIO_CHOICES);
    }
    if (!PREDICTOR_PROPRIO_CHOICES.contains(predictorProprio)) {
      throw new IllegalArgumentException(
          "predictor_proprio: '"
              + predictorProprio
              + "' is not one of "
              + PREDICTOR_PROPRIO_CHOICES);
    }
    positive("predictor_width", predictorWidth);
    positive("predictor_depth", predictorDepth);
    positive("horizon", horizon);
    if (!REGULARIZER_CHOICES.contains(regularizer)) {
      throw new IllegalArgumentException(
          "regularizer: '" + regularizer + "' is not one of " + REGULARIZER_CHOICES);
    }
    nonNegative("sigreg_weight", sigregWeight);
    positive("sigreg_projections", sigregProjections);
    if (sigregKnots < 3) {
      throw new IllegalArgumentException("sigreg_knots: must be at least 3, got " + sigregKnots);
    }
    nonNegative("vicreg_variance_weight", vicregVarianceWeight);
    nonNegative("vicreg_covariance_weight", vicregCovarianceWeight);
    nonNegative("state_probe_weight", stateProbeWeight);
    if (!STATE_PROBE_CHOICES.contains(stateProbe)) {
      throw new IllegalArgumentException(
          "state_probe: '" + stateProbe + "' is not one of " + STATE_PROBE_CHOICES);
    }
    if (!(emaDecay >= 0 && emaDecay < 1)) {
      throw new IllegalArgumentException("ema_decay: must be in [0, 1), got " + emaDecay);
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning_rate: must be positive, got " + learningRate);
    }
    if (batchSize < 2) {
      throw new IllegalArgumentException("batch_size: must be at least 2, got " + batchSize);
    }
    positive("epochs", epochs);
    if (stepsPerEpoch < 0) {
      throw new IllegalArgumentException("steps_per_epoch: must be >= 0, got " + stepsPerEpoch);
    }
    if (!(validationFraction > 0 && validationFraction < 1)) {
      throw new IllegalArgumentException(
          "validation_fraction: must be in (0, 1), got " + validationFraction);
    }
  }

  /** The defaults: 64x64 RGB, latent 32, SIGReg, no EMA. */
  public static ModelConfig defaults() {
    return fromMap(Map.of(), "defaults");
  }

  /** Reads a YAML file; errors name the file and the key. */
  public static ModelConfig load(Path file) throws IOException {
    Object root;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage(), e);
    }
    if (root == null) {
      root = Map.of();
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(file + ": expected a mapping of keys, got " + root);
    }
    try {
      return fromMap(map, file.toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** Builds a config from a key/value map (YAML or checkpoint metadata). */
  public static ModelConfig fromMap(Map<?, ?> map, String source) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "unknown key '" + key + "' in " + source + " (known: " + KEYS + ")");
      }
      values.put(key, e.getValue());
    }
    Values v = new Values(values);
    return new ModelConfig(
        v.integer("image_width", 64),
        v.integer("image_height", 64),
        v.integer("latent_dim", 32),
        v.integerList("encoder_channels", List.of(16, 32, 64, 64)),
        v.string("proprio", "none"),
        v.string("predictor_proprio", "none"),
        v.integer("predictor_width", 256),
        v.integer("predictor_depth", 2),
        v.integer("horizon", 4),
        v.string("regularizer", "sigreg"),
        v.real("sigreg_weight", 1.0),
        v.integer("sigreg_projections", 64),
        v.integer("sigreg_knots", 17),
        v.real("vicreg_variance_weight", 1.0),
        v.real("vicreg_covariance_weight", 0.04),
        v.real("state_probe_weight", 0.0),
        v.string("state_probe", "joints"),
        v.bool("ema_target", false),
        v.real("ema_decay", 0.99),
        v.real("learning_rate", 1e-3),
        v.integer("batch_size", 64),
        v.integer("epochs", 10),
        v.integer("steps_per_epoch", 0),
        v.real("validation_fraction", 0.2),
        v.integer("seed", 42));
  }

  /** The config as an ordered key/value map with the YAML key names. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("image_width", imageWidth);
    m.put("image_height", imageHeight);
    m.put("latent_dim", latentDim);
    m.put("encoder_channels", new ArrayList<>(encoderChannels));
    m.put("proprio", proprio);
    m.put("predictor_proprio", predictorProprio);
    m.put("predictor_width", predictorWidth);
    m.put("predictor_depth", predictorDepth);
    m.put("horizon", horizon);
    m.put("regularizer", regularizer);
    m.put("sigreg_weight", sigregWeight);
    m.put("sigreg_projections", sigregProjections);
    m.put("sigreg_knots", sigregKnots);
    m.put("vicreg_variance_weight", vicregVarianceWeight);
    m.put("vicreg_covariance_weight", vicregCovarianceWeight);
    m.put("state_probe_weight", stateProbeWeight);
    m.put("state_probe", stateProbe);
    m.put("ema_target", emaTarget);
    m.put("ema_decay", emaDecay);
    m.put("learning_rate", learningRate);
    m.put("batch_size", batchSize);
    m.put("epochs", epochs);
    m.put("steps_per_epoch", stepsPerEpoch);
    m.put("validation_fraction", validationFraction);
    m.put("seed", seed);
    return m;
  }

  /** The same config with other values for some keys (YAML key names). */
  public ModelConfig with(Map<String, ?> overrides) {
    Map<String, Object> m = toMap();
    m.putAll(overrides);
    return fromMap(m, "overrides");
  }

  /** Whether training adds the state probe (see {@code stateProbeWeight}). */
  public boolean hasStateProbe() {
    return stateProbeWeight > 0;
  }

  /** Whether the state probe's targets include the end effector's position. */
  public boolean stateProbeUsesEndEffector() {
    return hasStateProbe() && stateProbe.endsWith("end_effector");
  }

  /**
   * The state probe's output size for a robot with {@code joints} joints (0 without a probe): the
   * joints, 3 for the end effector, or both.
   */
  public int stateProbeDim(int joints) {
    if (!hasStateProbe()) {
      return 0;
    }
    return switch (stateProbe) {
      case "end_effector" -> 3;
      case "joints_end_effector" -> joints + 3;
      default -> joints;
    };
  }

  /** Whether the predictor takes the joint positions ({@code predictor_proprio: positions}). */
  public boolean predictorTakesPositions() {
    return predictorProprio.equals("positions");
  }

  /** The joint positions the predictor takes for a robot with {@code joints} joints (0: none). */
  public int predictorProprioDim(int joints) {
    return predictorTakesPositions() ? joints : 0;
  }

  /**
   * The proprioception entries normalised for the model (positions first, then velocities): what
   * the encoder or the predictor needs, whichever is more.
   */
  public int normalisedProprioDim(int joints) {
    return Math.max(proprioDim(joints), predictorProprioDim(joints));
  }

  /** The number of encoder proprioception inputs for a robot with {@code joints} joints. */
  public int proprioDim(int joints) {
    return switch (proprio) {
      case "positions" -> joints;
      case "positions_velocities" -> 2 * joints;
      default -> 0;
    };
  }

  private static final List<String> KEYS = List.copyOf(defaultsKeys());

  private static List<String> defaultsKeys() {
    return List.of(
        "image_width",
        "image_height",
        "latent_dim",
        "encoder_channels",
        "proprio",
        "predictor_proprio",
        "predictor_width",
        "predictor_depth",
        "horizon",
        "regularizer",
        "sigreg_weight",
        "sigreg_projections",
        "sigreg_knots",
        "vicreg_variance_weight",
        "vicreg_covariance_weight",
        "state_probe_weight",
        "state_probe",
        "ema_target",
        "ema_decay",
        "learning_rate",
        "batch_size",
        "epochs",
        "steps_per_epoch",
        "validation_fraction",
        "seed");
  }

  private static void positive(String key, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(key + ": must be positive, got " + value);
    }
  }

  private static void nonNegative(String key, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(key + ": must be >= 0, got " + value);
    }
  }

  private record Values(Map<String, Object> map) {
    int integer(String key, int fallback) {
      Object o = map.get(key);
      if (o == null) {
        return fallback;
      }
      if (o instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
        long l = n.longValue();
        if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
          return (int) l;
        }
      }
      throw new IllegalArgumentException(key + ": expected an integer, got '" + o + "'");
    }

    double real(String key, double fallback) {
      Object o = map.get(key);
      if (o == null) {
        return fallback;
      }
      if (o instanceof Number n) {
        return n.doubleValue();
      }
      throw new IllegalArgumentException(key + ": expected a number, got '" + o + "'");
    }

    boolean bool(String key, boolean fallback) {
      Object o = map.get(key);
      if (o == null) {
        return fallback;
      }
      if (o instanceof Boolean b) {
        return b;
      }
      throw new IllegalArgumentException(key + ": expected true or false, got '" + o + "'");
    }

    String string(String key, String fallback) {
      Object o = map.get(key);
      if (o == null) {
        return fallback;
      }
      if (o instanceof String s) {
        return s.toLowerCase(Locale.ROOT);
      }
      throw new IllegalArgumentException(key + ": expected a string, got '" + o + "'");
    }

    List<Integer> integerList(String key, List<Integer> fallback) {
      Object o = map.get(key);
      if (o == null) {
        return fallback;
      }
      if (o instanceof List<?> list) {
        List<Integer> out = new ArrayList<>();
        for (Object item : list) {
          if (item instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            out.add(n.intValue());
          } else {
            throw new IllegalArgumentException(
                key + ": expected a list of integers, got item '" + item + "'");
          }
        }
        return out;
      }
      throw new IllegalArgumentException(key + ": expected a list of integers, got '" + o + "'");
    }
  }
}
