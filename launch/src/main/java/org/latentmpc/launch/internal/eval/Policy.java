package org.latentmpc.launch.internal.eval;

/**
 * A method under evaluation: turns the robot's state into the next joint-position delta. Not
 * thread-safe.
 */
interface Policy extends AutoCloseable {

  /** The method's name in the report (model, oracle, random). */
  String name();

  /** Whether {@link #act} plans (and so has plan times). */
  boolean plans();

  /** Prepares for {@code episode}: sets the goal and forgets the previous episode. */
  void startEpisode(EpisodeSpec episode);

  /**
   * Writes the next action (joint-position deltas, rad) for the robot at {@code qRad} moving with
   * {@code qdRadPerS} into {@code deltaOut}.
   *
   * @return the wall time of the plan call (ns), measured outside the planner, or -1 if this policy
   *     does not plan
   */
  long act(double[] qRad, double[] qdRadPerS, double[] deltaOut);

  /** Tells the policy the delta actually commanded (after clamping into the joint bounds). */
  void executed(double[] deltaRad);

  /**
   * The Euclidean distance between the current and the goal latent at the last {@link #act}, or NaN
   * for a policy without latents.
   */
  default double lastGoalDistance() {
    return Double.NaN;
  }

  /**
   * The distance between the standardised states (e.g. end-effector positions) the current and the
   * goal latent encode, by the model's state readout, at the last {@link #act}; NaN without one.
   */
  default double lastReadoutDistance() {
    return Double.NaN;
  }

  /** The best plan's cost at the last {@link #act}, or NaN for a policy that does not plan. */
  default double lastPlanCost() {
    return Double.NaN;
  }

  @Override
  default void close() {}
}
