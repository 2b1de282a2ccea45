package org.latentmpc.robot;

/**
 * Rigid-body dynamics of one {@link RobotModel} with a fixed root: inverse dynamics by the
 * recursive Newton-Euler algorithm (RNEA), forward dynamics by the articulated-body algorithm
 * (ABA), the joint-space mass matrix by the composite-rigid-body algorithm (CRBA). The equation of
 * motion is {@code M(q) qdd + h(q, qd) = tau} with {@code h} the Coriolis, centrifugal and gravity
 * terms. Joint damping and friction are not included (the simulator adds them). Workspaces are
 * preallocated: no method allocates. Not thread-safe: one instance per thread. All vectors are in
 * dof order; rad, rad/s, rad/s^2, N m (or m, m/s, m/s^2, N for prismatic joints).
 */
public interface Dynamics {
  /** The model. */
  RobotModel model();

  /** Sets gravity in the world (root) frame, m/s^2. Default (0, 0, -9.80665). */
  void setGravity(double gxMps2, double gyMps2, double gzMps2);

  /** Inverse dynamics (RNEA): the efforts that produce accelerations {@code qdd}. */
  void inverseDynamics(double[] q, double[] qd, double[] qdd, double[] tauOut);

  /** The efforts that hold the robot still against gravity at {@code q}. */
  void gravityTorques(double[] q, double[] tauOut);

  /** The bias efforts {@code h(q, qd) = C(q, qd) qd + g(q)}. */
  void biasForces(double[] q, double[] qd, double[] hOut);

  /** Forward dynamics (ABA): joint accelerations under efforts {@code tau}. */
  void forwardDynamics(double[] q, double[] qd, double[] tau, double[] qddOut);

  /** The joint-space mass matrix (CRBA), dof x dof, row-major into {@code out}. */
  void massMatrix(double[] q, double[] out);
}
