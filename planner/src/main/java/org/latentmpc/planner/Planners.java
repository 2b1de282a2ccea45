package org.latentmpc.planner;

import java.util.function.LongSupplier;
import org.latentmpc.planner.internal.CemPlanner;
import org.latentmpc.planner.internal.MppiPlanner;
import org.latentmpc.planner.internal.RoadmapPlanner;

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

  /**
   * Wraps {@code planner} so that it plans towards the roadmap's waypoint for the goal instead of
   * the goal itself (see {@link LatentRoadmap}); the shortest paths are recomputed whenever the
   * goal latent changes. The roadmap's latent size must match the planner's.
   */
  public static Planner withRoadmap(Planner planner, LatentRoadmap roadmap) {
    if (planner == null || roadmap == null) {
      throw new IllegalArgumentException("planner and roadmap must be given");
    }
    if (roadmap.latentDim() != planner.latentDim()) {
      throw new IllegalArgumentException(
          "roadmap latents have "
              + roadmap.latentDim()
              + " dimensions, the planner's "
              + planner.latentDim());
    }
    return new RoadmapPlanner(planner, roadmap);
  }
}
