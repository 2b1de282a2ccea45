package org.latentmpc.planner;

/**
 * Cost weights: latent goal distance (norm, terminal and running weights), action magnitude,
 * smoothness, joint-limit penalty (with a margin in radians inside the limits) and the distance in
 * the model's state readout ({@link StateReadoutCost}, used when the model has one).
 */
public record CostConfig(
    LatentNorm latentNorm,
    double terminalWeight,
    double runningWeight,
    double actionWeight,
    double smoothnessWeight,
    double jointLimitWeight,
    double jointLimitMarginRad,
    double stateReadoutWeight) {

  /** Validates every field with a message naming the bad one. */
  public CostConfig {
    if (latentNorm == null) {
      throw new IllegalArgumentException("cost.latentNorm must be given");
    }
    ConfigChecks.nonNegative("cost.terminalWeight", terminalWeight);
    ConfigChecks.nonNegative("cost.runningWeight", runningWeight);
    ConfigChecks.nonNegative("cost.actionWeight", actionWeight);
    ConfigChecks.nonNegative("cost.smoothnessWeight", smoothnessWeight);
    ConfigChecks.nonNegative("cost.jointLimitWeight", jointLimitWeight);
    ConfigChecks.nonNegative("cost.jointLimitMarginRad", jointLimitMarginRad);
    ConfigChecks.nonNegative("cost.stateReadoutWeight", stateReadoutWeight);
  }

  /**
   * The composed cost; the joint-limit term is included when {@code jointLimits} is given and its
   * weight is positive.
   */
  public PlanCost build(JointLimitCostFactory jointLimits) {
    return build(jointLimits, new float[0], 0);
  }

  /**
   * The composed cost, with the state-readout term when {@code stateReadoutWeight} is positive and
   * {@code readout} (a {@code [K][latentDim]} matrix, see {@link LatentDynamics#stateReadout}) is
   * not empty.
   */
  public PlanCost build(JointLimitCostFactory jointLimits, float[] readout, int latentDim) {
    PlanCost cost = new LatentGoalCost(latentNorm, terminalWeight, runningWeight);
    if (stateReadoutWeight > 0 && readout.length > 0) {
      cost =
          cost.plus(
              new StateReadoutCost(
                  readout, latentDim, stateReadoutWeight, terminalWeight, runningWeight));
    }
    if (actionWeight > 0) {
      cost = cost.plus(new ActionMagnitudeCost(actionWeight));
    }
    if (smoothnessWeight > 0) {
      cost = cost.plus(new ActionSmoothnessCost(smoothnessWeight));
    }
    if (jointLimits != null && jointLimitWeight > 0) {
      cost = cost.plus(jointLimits.create(jointLimitMarginRad, jointLimitWeight));
    }
    return cost;
  }

  /** Makes the joint-limit term from a margin and weight (e.g. from a robot model). */
  @FunctionalInterface
  public interface JointLimitCostFactory {
    /** The joint-limit cost with the given margin (radians) and weight. */
    JointLimitCost create(double marginRad, double weight);
  }
}
