package org.latentmpc.robot;

/**
 * Forward kinematics and geometric Jacobians of one {@link RobotModel}, with a preallocated
 * workspace: {@link #update} computes every link frame in the world (root) frame; the queries then
 * read the last update. No method allocates. Not thread-safe: one instance per thread.
 */
public interface Kinematics {
  /** The model. */
  RobotModel model();

  /** Computes all link frames for joint positions {@code qRad} (dof order, rad or m). */
  void update(double[] qRad);

  /**
   * Writes the world pose of link {@code link}: {@code out[0..8]} the rotation world-from-link,
   * row-major, {@code out[9..11]} the origin position (m).
   */
  void linkPose(int link, double[] out);

  /**
   * Writes the world position (m) of point {@code (x, y, z)} given in link {@code link}'s frame.
   */
  void pointPosition(int link, double x, double y, double z, double[] out3);

  /**
   * Writes the 6 x dof geometric Jacobian (row-major) of the point {@code (x, y, z)} fixed in link
   * {@code link} (point in link coordinates, metres): rows 0-2 map qd to the point's linear
   * velocity in the world frame (m/s), rows 3-5 to the link's angular velocity in the world frame
   * (rad/s).
   */
  void jacobian(int link, double x, double y, double z, double[] out6xDof);
}
