package org.latentmpc.launch.internal.eval;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The evaluation's results: one row per method (model, oracle, random) as a text table and as JSON
 * (NaN, e.g. the plan time of a method that does not plan, becomes {@code null}).
 *
 * @param settings what was run (robot, seed, planner, threshold, ...), printed as the header
 * @param methods one result per method, in run order
 */
record EvalReport(Settings settings, List<MethodResult> methods) {

  /**
   * The run's settings.
   *
   * @param robot robot name
   * @param modelDir the checkpoint folder
   * @param modelId the model's identifier
   * @param episodes episodes of the model method
   * @param seed the seed of starts, goals and the random reference
   * @param maxSteps the step limit per episode (control steps)
   * @param controlPeriodS the control period (s)
   * @param planner the planner's description (algorithm, samples, horizon, iterations)
   * @param planClock "sim" (budget never cuts a plan: deterministic) or "wall"
   * @param thresholdM the success distance (m)
   * @param endEffector the end-effector link
   * @param reachM the robot's reach (m)
   * @param arm7ReachM arm7's reach (m)
   * @param physicsStepS the evaluation's physics step (s)
   * @param oraclePhysicsStepS the oracle's rollout physics step (s)
   * @param goalRadiusRad how far each goal joint may be from the start's (rad; infinite: anywhere)
   * @param fullEpisodes whether every episode ran to the step limit (final errors are then at the
   *     limit, and the table shows how well the goal was held)
   */
  record Settings(
      String robot,
      String modelDir,
      String modelId,
      int episodes,
      long seed,
      int maxSteps,
      double controlPeriodS,
      String planner,
      String planClock,
      double thresholdM,
      String endEffector,
      double reachM,
      double arm7ReachM,
      double physicsStepS,
      double oraclePhysicsStepS,
      double goalRadiusRad,
      boolean fullEpisodes) {}

  /** Prints the header and the table. */
  void printTable(PrintStream out) {
    Settings s = settings;
    out.printf(
        Locale.ROOT,
        "eval: %s, model %s, %d episodes, seed %d, goals %s, at most %d steps of %.3f s,"
            + " planner %s (plan clock: %s)%n",
        s.robot(),
        s.modelDir(),
        s.episodes(),
        s.seed(),
        Double.isFinite(s.goalRadiusRad())
            ? String.format(
                Locale.ROOT, "within %.3f rad per joint of the start", s.goalRadiusRad())
            : "anywhere inside the limits",
        s.maxSteps(),
        s.controlPeriodS(),
        s.planner(),
        s.planClock());
    out.printf(
        Locale.ROOT,
        "success: %s within %.4f m of the goal's (%.2f m x reach %.4f m / arm7 reach %.4f m);"
            + " physics step %.4f s, oracle rollouts %s s%n",
        s.endEffector(),
        s.thresholdM(),
        SuccessCriterion.ARM7_THRESHOLD_M,
        s.reachM(),
        s.arm7ReachM(),
        s.physicsStepS(),
        format("%.4f", s.oraclePhysicsStepS()));
    if (s.fullEpisodes()) {
      out.println(
          "episodes ran to the step limit: median err is at the limit; held = mean share of the"
              + " steps from the first success on that ended within the threshold");
    }
    out.printf(
        Locale.ROOT,
        "%-8s %8s %9s %15s %12s %12s %15s%s%n",
        "method",
        "episodes",
        "success",
        "median err (m)",
        "plan p50 ms",
        "plan p95 ms",
        "median steps",
        s.fullEpisodes() ? String.format(Locale.ROOT, " %8s", "held") : "");
    for (MethodResult m : methods) {
      out.printf(
          Locale.ROOT,
          "%-8s %8d %8.1f%% %15s %12s %12s %15s%s%n",
          m.method(),
          m.episodeCount(),
          100 * m.successRate(),
          format("%.4f", m.medianFinalErrorM()),
          format("%.2f", m.planMs(50)),
          format("%.2f", m.planMs(95)),
          format("%.1f", m.medianStepsToSuccess()),
          s.fullEpisodes()
              ? String.format(Locale.ROOT, " %8s", format("%.1f%%", 100 * m.meanHeldFraction()))
              : "");
    }
  }

  private static String format(String pattern, double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, pattern, v);
  }

  /** The same as JSON: settings, then per method the summary and the episodes. */
  String toJson() {
    JsonObject root = new JsonObject();
    Settings s = settings;
    root.addProperty("robot", s.robot());
    root.addProperty("model_dir", s.modelDir());
    root.addProperty("model_id", s.modelId());
    root.addProperty("episodes", s.episodes());
    root.addProperty("seed", s.seed());
    root.addProperty("max_steps", s.maxSteps());
    root.addProperty("control_period_s", s.controlPeriodS());
    root.addProperty("planner", s.planner());
    root.addProperty("plan_clock", s.planClock());
    root.addProperty("success_threshold_m", s.thresholdM());
    root.addProperty("end_effector", s.endEffector());
    root.addProperty("reach_m", s.reachM());
    root.addProperty("arm7_reach_m", s.arm7ReachM());
    root.addProperty("physics_step_s", s.physicsStepS());
    number(root, "oracle_physics_step_s", s.oraclePhysicsStepS());
    number(root, "goal_radius_rad", s.goalRadiusRad());
    root.addProperty("full_episodes", s.fullEpisodes());
    JsonObject methodsJson = new JsonObject();
    for (MethodResult m : methods) {
      JsonObject o = new JsonObject();
      o.addProperty("episodes", m.episodeCount());
      o.addProperty("successes", m.successes());
      number(o, "success_rate", m.successRate());
      number(o, "median_final_error_m", m.medianFinalErrorM());
      o.addProperty("plan_calls", m.planNanos().length);
      number(o, "plan_time_p50_ms", m.planMs(50));
      number(o, "plan_time_p95_ms", m.planMs(95));
      number(o, "median_steps_to_success", m.medianStepsToSuccess());
      number(o, "mean_held_fraction", s.fullEpisodes() ? m.meanHeldFraction() : Double.NaN);
      JsonArray episodes = new JsonArray();
      for (EpisodeOutcome e : m.episodes()) {
        JsonObject eo = new JsonObject();
        eo.addProperty("index", e.index());
        eo.addProperty("success", e.success());
        eo.addProperty("steps", e.steps());
        eo.addProperty("steps_run", e.stepsRun());
        eo.addProperty("steps_within_threshold", e.stepsWithinThreshold());
        number(eo, "final_error_m", e.finalErrorM());
        number(eo, "start_error_m", e.startErrorM());
        eo.add("start_rad", array(e.startRad()));
        eo.add("goal_rad", array(e.goalRad()));
        eo.add("final_rad", array(e.finalRad()));
        episodes.add(eo);
      }
      o.add("episode_results", episodes);
      methodsJson.add(m.method(), o);
    }
    root.add("methods", methodsJson);
    return new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .serializeNulls()
            .create()
            .toJson(root)
        + "\n";
  }

  private static JsonArray array(double[] values) {
    JsonArray a = new JsonArray();
    for (double v : values) {
      a.add(
          Double.isFinite(v)
              ? new com.google.gson.JsonPrimitive(v)
              : com.google.gson.JsonNull.INSTANCE);
    }
    return a;
  }

  private static void number(JsonObject o, String key, double v) {
    if (Double.isFinite(v)) {
      o.addProperty(key, v);
    } else {
      o.add(key, com.google.gson.JsonNull.INSTANCE);
    }
  }
}
