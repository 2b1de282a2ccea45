package org.latentmpc.planner;

/**
 * The output of one plan, preallocated and reused: the action sequence [H][A] (row-major), its
 * cost, iterations done, solve time, and whether the time budget cut the search short.
 */
public final class PlanResult {
  private final int horizon;
  private final int actionDim;
  private final float[] actions;
  private double bestCost = Double.NaN;
  private int iterations;
  private long solveTimeNanos;
  private boolean budgetExceeded;

  /** A result holder for plans with the given horizon H and action dimension A. */
  public PlanResult(int horizon, int actionDim) {
    if (horizon <= 0 || actionDim <= 0) {
      throw new IllegalArgumentException(
          "plan result: horizon and actionDim must be positive, got " + horizon + ", " + actionDim);
    }
    this.horizon = horizon;
    this.actionDim = actionDim;
    this.actions = new float[horizon * actionDim];
  }

  /** Horizon H. */
  public int horizon() {
    return horizon;
  }

  /** Action dimension A. */
  public int actionDim() {
    return actionDim;
  }

  /** The planned action sequence [H][A], row-major (a live view: do not modify). */
  public float[] actions() {
    return actions;
  }

  /** Action {@code step}, dimension {@code dim}. */
  public float action(int step, int dim) {
    return actions[step * actionDim + dim];
  }

  /** Copies the first action (the one to execute now) into {@code out} (length A). */
  public void firstAction(float[] out) {
    System.arraycopy(actions, 0, out, 0, actionDim);
  }

  /** The first action as a new array. */
  public float[] firstAction() {
    float[] out = new float[actionDim];
    firstAction(out);
    return out;
  }

  /** Cost of the returned sequence. */
  public double bestCost() {
    return bestCost;
  }

  /** Optimiser iterations completed. */
  public int iterations() {
    return iterations;
  }

  /** Solve time in nanoseconds, as measured with the planner's injected clock. */
  public long solveTimeNanos() {
    return solveTimeNanos;
  }

  /** Whether the time budget stopped the search before all configured iterations. */
  public boolean budgetExceeded() {
    return budgetExceeded;
  }

  /** Sets all fields; used by planners. */
  public void set(
      float[] sequence, double cost, int iterationsDone, long timeNanos, boolean cutShort) {
    System.arraycopy(sequence, 0, actions, 0, actions.length);
    this.bestCost = cost;
    this.iterations = iterationsDone;
    this.solveTimeNanos = timeNanos;
    this.budgetExceeded = cutShort;
  }
}
