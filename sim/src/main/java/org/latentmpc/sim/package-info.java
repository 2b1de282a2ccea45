/**
 * The simulator: a fixed-step rigid-body world ({@link org.latentmpc.sim.SimWorld}) for a {@link
 * org.latentmpc.robot.RobotModel}, a software camera ({@link org.latentmpc.sim.CameraRenderer}) and
 * scene files ({@link org.latentmpc.sim.Scene}). Time is a step counter, never the wall clock; the
 * same inputs give bit-identical trajectories.
 */
package org.latentmpc.sim;
