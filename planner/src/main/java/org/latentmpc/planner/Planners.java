package org.latentmpc.planner;

import java.util.function.LongSupplier;
import org.latentmpc.planner.internal.CemPlanner;
import org.latentmpc.planner.internal.MppiPlanner;

/** Creates planners. */
public final class Planners {
  private Planners() {}

  /** A CEM planner over {@code dynamics}; {@code nanoTime} is the clock for the time budget. */
  public static Planner cem(
      CemConfig config,
      LatentDynamics dynamics,
      PlanCost cost,
      ActionBounds bounds,
      LongSupplier nanoTime) {
    if (config == null) {
      throw new IllegalArgumentException("cem config must be given");
    }
    return new CemPlanner(config, dynamics, cost, bounds, nanoTime);
  }

  /** An MPPI planner over {@code dynamics}; {@code nanoTime} is the clock for the time budget. */
  public static Planner mppi(
      MppiConfig config,
      LatentDynamics dynamics,
      PlanCost cost,
      ActionBounds bounds,
      LongSupplier nanoTime) {
    if (config == null) {
      throw new IllegalArgumentException("mppi config must be given");
    }
    return new MppiPlanner(config, dynamics, cost, bounds, nanoTime);
  }
}
