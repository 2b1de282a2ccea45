/**
 * {@code latent-mpc eval}: closed-loop goal-image reaching in the simulator (issue 6), in-process
 * and in lock-step, with no ROS graph.
 *
 * <p>Per episode ({@link org.latentmpc.launch.internal.eval.EpisodeSampler}, seeded): the robot
 * starts at rest at a random configuration inside the soft joint limits minus 0.1 rad; the goal is
 * another such configuration with every link above the floor and its end effector at least three
 * success thresholds from the start's. The goal image is rendered with the scene's camera at the
 * model's image size and encoded by the world model. Then, every 0.1 s (10 Hz, the model's action
 * period): render and encode the current image, plan (the plan call is timed with {@code
 * System.nanoTime}), command the current positions plus the first action clamped into the soft
 * limits, and run the project's joint position controller (1 kHz) and the physics (1 ms) in
 * lock-step for one period ({@link org.latentmpc.launch.internal.eval.LockStepPlant}, the approach
 * of the collector). The episode ends when the end effector is within the threshold of the goal's
 * or after the step limit (80 reacher2, 100 arm7).
 *
 * <p>Success threshold ({@link org.latentmpc.launch.internal.eval.SuccessCriterion}): 4 cm for
 * arm7; for reacher2 4 cm times its reach over arm7's, reach being the kinematic chain length from
 * the first joint to the end effector (0.2201 m / 1.0897 m: 8.1 mm, about one pixel of the 64x64
 * top-down camera).
 *
 * <p>References on the same episodes: {@code oracle}, the same planner configuration over {@link
 * org.latentmpc.launch.internal.eval.OracleDynamics} (state [q, qd] as the latent, rollouts that
 * simulate controller and physics per sample; goal = goal positions at rest), and {@code random},
 * uniform deltas within the planner's action bound.
 *
 * <p>The planner's clock is the simulation clock, which stands still while a plan runs: the time
 * budget never cuts a plan, every plan runs all its iterations, and results are deterministic for a
 * seed (the wall time of each plan is still measured and reported). {@code --wall-budget} gives the
 * planner the wall clock instead.
 */
package org.latentmpc.launch.internal.eval;
