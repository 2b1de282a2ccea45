package org.latentmpc.launch.internal.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs episodes of one method in closed loop, in lock-step: per control step read the joint state,
 * ask the policy for a delta, command {@code q + delta} (clamped into the command bounds), run the
 * controller and physics for one control period, and check the end-effector distance. An episode
 * ends on success or after the step limit. Each step allocates nothing here (the outcome records
 * are per episode).
 */
final class ClosedLoopEvaluator {
  /** Receives one line per finished episode. */
  interface Progress {
    /** Called after each episode of {@code method}. */
    void episodeDone(String method, int done, int total, EpisodeOutcome outcome);
  }

  /** Receives every control step (for {@code eval --trace}). */
  interface StepTrace {
    /**
     * Called after each control step of {@code method}: {@code step} counts from 1, {@code
     * deltaRad} is the commanded delta, {@code errorM} the end-effector distance after the step.
     */
    void step(
        String method, int episode, int step, Policy policy, double[] deltaRad, double errorM);
  }

  private final LockStepPlant plant;
  private final SuccessCriterion success;
  private final int maxSteps;
  private final boolean fullEpisodes;
  private final double[] q;
  private final double[] qd;
  private final double[] delta;

  /** Evaluates on {@code plant} with episodes of at most {@code maxSteps} control steps. */
  ClosedLoopEvaluator(LockStepPlant plant, SuccessCriterion success, int maxSteps) {
    this(plant, success, maxSteps, false);
  }

  /**
   * As above; with {@code fullEpisodes} every episode runs to the step limit (success and steps
   * still count the first step within the threshold; the final error is at the limit), to see what
   * the planner does after it reaches the goal.
   */
  ClosedLoopEvaluator(
      LockStepPlant plant, SuccessCriterion success, int maxSteps, boolean fullEpisodes) {
    if (maxSteps <= 0) {
      throw new IllegalArgumentException("--steps must be positive, got " + maxSteps);
    }
    this.plant = plant;
    this.success = success;
    this.maxSteps = maxSteps;
    this.fullEpisodes = fullEpisodes;
    this.q = new double[plant.dof()];
    this.qd = new double[plant.dof()];
    this.delta = new double[plant.dof()];
  }

  /** The step limit. */
  int maxSteps() {
    return maxSteps;
  }

  /** Runs {@code policy} on every episode. */
  MethodResult run(Policy policy, List<EpisodeSpec> episodes, Progress progress) {
    return run(policy, episodes, progress, null);
  }

  /** Runs {@code policy} on every episode, reporting every step to {@code trace} (may be null). */
  MethodResult run(Policy policy, List<EpisodeSpec> episodes, Progress progress, StepTrace trace) {
    List<EpisodeOutcome> outcomes = new ArrayList<>(episodes.size());
    long[] planNanos = new long[policy.plans() ? episodes.size() * maxSteps : 0];
    int plans = 0;
    for (EpisodeSpec e : episodes) {
      plant.reset(e.startRad());
      policy.startEpisode(e);
      boolean reached = false;
      int steps = 0;
      int stepsToSuccess = 0;
      int within = 0;
      double error = e.startErrorM();
      while (steps < maxSteps && (fullEpisodes || !reached)) {
        plant.getPositions(q);
        plant.getVelocities(qd);
        long nanos = policy.act(q, qd, delta);
        if (nanos >= 0 && plans < planNanos.length) {
          planNanos[plans++] = nanos;
        }
        plant.commandDelta(delta);
        policy.executed(delta);
        plant.advance();
        steps++;
        plant.getPositions(q);
        error = success.errorM(q, e.goalEndEffectorM());
        if (error <= success.thresholdM()) {
          within++;
        }
        if (!reached && error <= success.thresholdM()) {
          reached = true;
          stepsToSuccess = steps;
        }
        if (trace != null) {
          trace.step(policy.name(), e.index(), steps, policy, delta, error);
        }
      }
      EpisodeOutcome outcome =
          new EpisodeOutcome(
              e.index(),
              reached,
              reached ? stepsToSuccess : steps,
              error,
              e.startErrorM(),
              e.startRad(),
              e.goalRad(),
              q.clone(),
              steps,
              within);
      outcomes.add(outcome);
      progress.episodeDone(policy.name(), outcomes.size(), episodes.size(), outcome);
    }
    return new MethodResult(policy.name(), outcomes, java.util.Arrays.copyOf(planNanos, plans));
  }
}
