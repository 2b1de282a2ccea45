package org.latentmpc.planner;

/**
 * A cost term over a batch of sampled action sequences; terms compose with {@link #plus}. Must not
 * allocate per call.
 */
@FunctionalInterface
public interface PlanCost {

  /** Adds this term's cost of each sequence i into {@code costs[i]} for i in [0, N). */
  void addCosts(CostBatch batch, double[] costs);

  /** This term plus {@code other}. */
  default PlanCost plus(PlanCost other) {
    PlanCost self = this;
    return (batch, costs) -> {
      self.addCosts(batch, costs);
      other.addCosts(batch, costs);
    };
  }
}
