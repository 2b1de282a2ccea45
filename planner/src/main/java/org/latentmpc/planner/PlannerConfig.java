package org.latentmpc.planner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A planner configuration as read from {@code sim-configs/planner/*.yaml}: the algorithm (cem or
 * mppi) with its settings, a symmetric per-step action bound in radians, and the cost weights.
 * Unknown keys, wrong types and bad values are rejected with a message naming the key.
 *
 * @param algorithm "cem" or "mppi"
 * @param cem CEM settings (null for mppi)
 * @param mppi MPPI settings (null for cem)
 * @param actionLimitRad symmetric bound on each action dimension (joint-position delta per step)
 * @param cost cost weights
 */
public record PlannerConfig(
    String algorithm, CemConfig cem, MppiConfig mppi, double actionLimitRad, CostConfig cost) {

  private static final Set<String> TOP_KEYS =
      Set.of(
          "algorithm",
          "horizon",
          "samples",
          "iterations",
          "seed",
          "timeBudgetMs",
          "actionLimitRad",
          "cem",
          "mppi",
          "cost");
  private static final Set<String> CEM_KEYS =
      Set.of("elites", "initialStd", "minStd", "momentum", "eliteCarryOver");
  private static final Set<String> MPPI_KEYS = Set.of("temperature", "noiseStd");
  private static final Set<String> COST_KEYS =
      Set.of(
          "latentNorm",
          "terminalWeight",
          "runningWeight",
          "actionWeight",
          "smoothnessWeight",
          "jointLimitWeight",
          "jointLimitMarginRad",
          "stateReadoutWeight");

  /** Validates the combination. */
  public PlannerConfig {
    if (!"cem".equals(algorithm) && !"mppi".equals(algorithm)) {
      throw new IllegalArgumentException("algorithm must be cem or mppi, got " + algorithm);
    }
    if ("cem".equals(algorithm) && cem == null) {
      throw new IllegalArgumentException("algorithm cem needs cem settings");
    }
    if ("mppi".equals(algorithm) && mppi == null) {
      throw new IllegalArgumentException("algorithm mppi needs mppi settings");
    }
    ConfigChecks.nonNegative("actionLimitRad", actionLimitRad);
    if (cost == null) {
      throw new IllegalArgumentException("cost settings must be given");
    }
  }

  /** Reads a YAML file; errors name the file and the bad key. */
  public static PlannerConfig load(Path file) throws IOException {
    return parse(Files.readString(file), file.toString());
  }

  /** Parses YAML text; {@code source} names it in error messages. */
  public static PlannerConfig parse(String yamlText, String source) {
    try {
      Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
      if (!(root instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("expected a mapping at the top level");
      }
      return fromMap(map);
    } catch (YAMLException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static PlannerConfig fromMap(Map<?, ?> top) {
    Section t = new Section("", top, TOP_KEYS);
    String algorithm = t.string("algorithm", null);
    int horizon = t.integer("horizon", 10);
    int samples = t.integer("samples", 256);
    int iterations = t.integer("iterations", 4);
    long seed = t.longValue("seed", 0L);
    double budgetMs = t.number("timeBudgetMs", 0.0);
    if (!Double.isFinite(budgetMs) || budgetMs < 0) {
      throw new IllegalArgumentException("timeBudgetMs must be finite and >= 0, got " + budgetMs);
    }
    long budgetNanos = Math.round(budgetMs * 1e6);
    double actionLimit = t.number("actionLimitRad", 0.1);
    CemConfig cem = null;
    MppiConfig mppi = null;
    if ("cem".equals(algorithm)) {
      Section c = t.section("cem", CEM_KEYS);
      cem =
          new CemConfig(
              samples,
              c.integer("elites", Math.max(1, samples / 8)),
              iterations,
              horizon,
              c.number("initialStd", 0.05),
              c.number("minStd", 1e-3),
              c.number("momentum", 0.1),
              c.integer("eliteCarryOver", 0),
              seed,
              budgetNanos);
      t.forbid("mppi", algorithm);
    } else if ("mppi".equals(algorithm)) {
      Section m = t.section("mppi", MPPI_KEYS);
      mppi =
          new MppiConfig(
              samples,
              iterations,
              horizon,
              m.number("temperature", 0.1),
              m.number("noiseStd", 0.05),
              seed,
              budgetNanos);
      t.forbid("cem", algorithm);
    }
    Section c = t.section("cost", COST_KEYS);
    String norm = c.string("latentNorm", "l2");
    LatentNorm latentNorm;
    try {
      latentNorm = LatentNorm.valueOf(norm.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cost.latentNorm must be l1, l2 or l2_squared, got " + norm, e);
    }
    CostConfig cost =
        new CostConfig(
            latentNorm,
            c.number("terminalWeight", 1.0),
            c.number("runningWeight", 0.0),
            c.number("actionWeight", 0.0),
            c.number("smoothnessWeight", 0.0),
            c.number("jointLimitWeight", 0.0),
            c.number("jointLimitMarginRad", 0.0),
            c.number("stateReadoutWeight", 0.0));
    return new PlannerConfig(algorithm, cem, mppi, actionLimit, cost);
  }

  /** Horizon H. */
  public int horizon() {
    return cem != null ? cem.horizon() : mppi.horizon();
  }

  /**
   * Builds the planner over {@code dynamics} with the symmetric action bound and the composed cost;
   * {@code jointLimits} may be null (no joint-limit term).
   */
  public Planner create(
      LatentDynamics dynamics,
      CostConfig.JointLimitCostFactory jointLimits,
      LongSupplier nanoTime) {
    ActionBounds bounds = ActionBounds.symmetric(dynamics.actionDim(), (float) actionLimitRad);
    PlanCost planCost = cost.build(jointLimits, dynamics.stateReadout(), dynamics.latentDim());
    return cem != null
        ? Planners.cem(cem, dynamics, planCost, bounds, nanoTime)
        : Planners.mppi(mppi, dynamics, planCost, bounds, nanoTime);
  }

  /** One YAML mapping with its allowed keys and typed getters. */
  private static final class Section {
    private final String prefix;
    private final Map<String, Object> values = new LinkedHashMap<>();

    Section(String prefix, Map<?, ?> map, Set<String> allowed) {
      this.prefix = prefix;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        if (!allowed.contains(key)) {
          throw new IllegalArgumentException(
              "unknown key " + prefix + key + " (allowed: " + List.copyOf(allowed) + ")");
        }
        values.put(key, e.getValue());
      }
    }

    Section section(String key, Set<String> allowed) {
      Object v = values.get(key);
      if (v == null) {
        return new Section(key + ".", Map.of(), allowed);
      }
      if (!(v instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException(prefix + key + " must be a mapping");
      }
      return new Section(key + ".", m, allowed);
    }

    void forbid(String key, String algorithm) {
      if (values.containsKey(key)) {
        throw new IllegalArgumentException(
            prefix + key + " settings given but algorithm is " + algorithm);
      }
    }

    String string(String key, String def) {
      Object v = values.get(key);
      if (v == null) {
        if (def == null) {
          throw new IllegalArgumentException(prefix + key + " is required");
        }
        return def;
      }
      if (!(v instanceof String s)) {
        throw new IllegalArgumentException(prefix + key + " must be a string, got " + v);
      }
      return s;
    }

    double number(String key, double def) {
      Object v = values.get(key);
      if (v == null) {
        return def;
      }
      if (!(v instanceof Number num)) {
        throw new IllegalArgumentException(prefix + key + " must be a number, got " + v);
      }
      return num.doubleValue();
    }

    long longValue(String key, long def) {
      Object v = values.get(key);
      if (v == null) {
        return def;
      }
      if (!(v instanceof Integer || v instanceof Long)) {
        throw new IllegalArgumentException(prefix + key + " must be an integer, got " + v);
      }
      return ((Number) v).longValue();
    }

    int integer(String key, int def) {
      long v = longValue(key, def);
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(prefix + key + " is out of range: " + v);
      }
      return (int) v;
    }
  }
}
