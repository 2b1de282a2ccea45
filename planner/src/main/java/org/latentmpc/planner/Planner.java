package org.latentmpc.planner;

/**
 * A receding-horizon latent MPC planner: searches action sequences [H][A] whose predicted latents
 * end nearest the goal. Keeps a warm start (the previous plan shifted by one step) between calls;
 * allocates nothing per plan. Not thread-safe.
 *
 * <p>Time budget: checked on the injected clock before each iteration after the first (one
 * iteration always runs), so a plan overruns its budget by at most one iteration (one batched
 * rollout plus costs). The result is the cheapest sequence evaluated so far (the current mean is
 * always evaluated as sample 0).
 */
public interface Planner {

  /**
   * Plans from {@code zNow} towards {@code zGoal} (both length D, finite) into {@code out}; after
   * the plan, the warm start becomes the result shifted by one step and the previous action (for
   * the smoothness cost) becomes the result's first action unless overridden with {@link
   * #setPreviousAction}.
   *
   * @throws IllegalArgumentException naming the bad input (wrong length, NaN/infinite entries, a
   *     result of the wrong shape)
   */
  void plan(float[] zNow, float[] zGoal, PlanResult out);

  /** Forgets the warm start and previous action and reseeds the random generator. */
  void reset();

  /** Sets the action actually executed last (length A), or clears it with {@code null}. */
  void setPreviousAction(float[] action);

  /**
   * Sets the current joint positions in radians (length A), or clears them with {@code null}: used
   * by the joint-limit cost, and needed before {@link #plan} by dynamics that roll out from the
   * joint positions ({@link LatentDynamics#jointPositionInputs}).
   */
  void setJointPositions(float[] positionsRad);

  /**
   * Copies the current warm start (the mean the next plan starts from, [H][A]) into {@code out}.
   */
  void copyWarmStart(float[] out);

  /** Horizon H. */
  int horizon();

  /** Action dimension A. */
  int actionDim();

  /** Latent dimension D. */
  int latentDim();

  /** A result holder of the right shape for this planner. */
  default PlanResult newResult() {
    return new PlanResult(horizon(), actionDim());
  }
}
