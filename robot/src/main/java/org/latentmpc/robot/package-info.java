/**
 * The robot model: URDF descriptions ({@link org.latentmpc.robot.RobotModel}), forward kinematics
 * and geometric Jacobians ({@link org.latentmpc.robot.Kinematics}) and rigid-body dynamics (RNEA,
 * ABA, CRBA: {@link org.latentmpc.robot.Dynamics}).
 *
 * <p>Units are SI (metres, radians, kilograms, seconds, newtons, newton-metres). Joint vectors are
 * indexed by "dof index": the order in which the moving (revolute, continuous, prismatic) joints
 * appear in the URDF file.
 */
package org.latentmpc.robot;
