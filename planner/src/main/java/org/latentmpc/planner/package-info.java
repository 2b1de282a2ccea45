/**
 * Latent MPC: CEM and MPPI planners over batched latent rollouts ({@link
 * org.latentmpc.planner.LatentDynamics}, adapted from a world model with {@link
 * org.latentmpc.planner.LatentDynamics#of}), composable costs ({@link
 * org.latentmpc.planner.PlanCost}), action bounds, warm start, an injected-clock time budget, and
 * YAML configs ({@link org.latentmpc.planner.PlannerConfig}, {@code sim-configs/planner/*.yaml}).
 * Implementations live in {@code org.latentmpc.planner.internal}.
 */
package org.latentmpc.planner;
