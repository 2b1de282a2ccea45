/**
 * Joint controllers with safety limits: PID ({@link org.latentmpc.controllers.PidController}),
 * group position/velocity/effort and joint trajectory control behind one {@link
 * org.latentmpc.controllers.JointController}, safety limits ({@link
 * org.latentmpc.controllers.JointSafetyLimits}), a fixed-rate {@link
 * org.latentmpc.controllers.ControlLoop} on injected time, and the ROS {@link
 * org.latentmpc.controllers.ControllerNode}. Implementations live in {@code
 * org.latentmpc.controllers.internal}. Controllers never read the wall clock: time is passed in.
 */
package org.latentmpc.controllers;
