package org.latentmpc.planner;

/**
 * What a {@link PlanCost} sees for one batch of sampled sequences: N sequences of H actions (dim A)
 * with their predicted latents (dim D), the goal and start latents, the previously executed action
 * and the current joint positions (radians; absent if not set). Filled by the planner and reused
 * (no allocation per plan); arrays are live views that costs must not modify.
 */
public final class CostBatch {
  private final int horizon;
  private final int actionDim;
  private final int latentDim;
  private final float[] previousAction;
  private boolean hasPreviousAction;
  private final float[] jointPositions;
  private boolean hasJointPositions;
  private int samples;
  private float[] actions;
  private float[] latents;
  private float[] goal;
  private float[] start;

  /** A batch for horizon H, action dimension A and latent dimension D. */
  public CostBatch(int horizon, int actionDim, int latentDim) {
    this.horizon = horizon;
    this.actionDim = actionDim;
    this.latentDim = latentDim;
    this.previousAction = new float[actionDim];
    this.jointPositions = new float[actionDim];
  }

  /** Points the batch at the current samples; used by planners. */
  public void bind(int n, float[] sampleActions, float[] predicted, float[] zGoal, float[] zNow) {
    this.samples = n;
    this.actions = sampleActions;
    this.latents = predicted;
    this.goal = zGoal;
    this.start = zNow;
  }

  /** Sets (copies) the previously executed action, or clears it with {@code null}. */
  public void setPreviousAction(float[] action) {
    if (action == null) {
      hasPreviousAction = false;
      return;
    }
    PlannerChecks.checkVector("previousAction", action, actionDim);
    System.arraycopy(action, 0, previousAction, 0, actionDim);
    hasPreviousAction = true;
  }

  /** Sets (copies) the current joint positions in radians, or clears them with {@code null}. */
  public void setJointPositions(float[] positionsRad) {
    if (positionsRad == null) {
      hasJointPositions = false;
      return;
    }
    PlannerChecks.checkVector("jointPositions", positionsRad, actionDim);
    System.arraycopy(positionsRad, 0, jointPositions, 0, actionDim);
    hasJointPositions = true;
  }

  /** Number of sequences N in this batch. */
  public int samples() {
    return samples;
  }

  /** Horizon H. */
  public int horizon() {
    return horizon;
  }

  /** Action dimension A. */
  public int actionDim() {
    return actionDim;
  }

  /** Latent dimension D. */
  public int latentDim() {
    return latentDim;
  }

  /** Sampled actions [N][H][A], row-major. */
  public float[] actions() {
    return actions;
  }

  /** Predicted latents [N][H][D], row-major (the latent after each action). */
  public float[] latents() {
    return latents;
  }

  /** Goal latent (length D). */
  public float[] goal() {
    return goal;
  }

  /** Current latent (length D). */
  public float[] start() {
    return start;
  }

  /** Whether a previously executed action is known. */
  public boolean hasPreviousAction() {
    return hasPreviousAction;
  }

  /** The previously executed action (length A; zeros if unknown). */
  public float[] previousAction() {
    return previousAction;
  }

  /** Whether the current joint positions are known. */
  public boolean hasJointPositions() {
    return hasJointPositions;
  }

  /** Current joint positions in radians (length A). */
  public float[] jointPositions() {
    return jointPositions;
  }
}
