package org.latentmpc.controllers;

/**
 * Tolerances of one trajectory, per joint in the controller's joint order: path tolerances
 * (position in rad, velocity in rad/s: the tracking error allowed while the trajectory runs), goal
 * tolerances (the distance from the last point, and the speed, allowed at the end) and the goal
 * time (s after the last point's time by which the goal tolerances must hold). A value of 0 means
 * "not checked"; a goal time of 0 means "no limit".
 *
 * <p>Immutable: the arrays are copied.
 */
public final class TrajectoryTolerances {
  private final double[] pathPositionRad;
  private final double[] pathVelocityRadPerS;
  private final double[] goalPositionRad;
  private final double[] goalVelocityRadPerS;
  private final double goalTimeS;

  /**
   * Tolerances from explicit values (copied).
   *
   * @throws IllegalArgumentException if the arrays differ in length or a value is negative or not
   *     finite
   */
  public TrajectoryTolerances(
      double[] pathPositionRad,
      double[] pathVelocityRadPerS,
      double[] goalPositionRad,
      double[] goalVelocityRadPerS,
      double goalTimeS) {
    int n = pathPositionRad.length;
    this.pathPositionRad = checked("path position", pathPositionRad, n);
    this.pathVelocityRadPerS = checked("path velocity", pathVelocityRadPerS, n);
    this.goalPositionRad = checked("goal position", goalPositionRad, n);
    this.goalVelocityRadPerS = checked("goal velocity", goalVelocityRadPerS, n);
    if (!(goalTimeS >= 0) || !Double.isFinite(goalTimeS)) {
      throw new IllegalArgumentException("goal time must be finite and >= 0 s, got " + goalTimeS);
    }
    this.goalTimeS = goalTimeS;
  }

  /**
   * The defaults of {@code settings}: its path and goal position tolerances, the stopped velocity
   * tolerance as every joint's goal velocity tolerance, no path velocity tolerance, its goal time.
   */
  public static TrajectoryTolerances defaults(ControllerSettings settings) {
    int n = settings.dof();
    double[] path = new double[n];
    double[] goal = new double[n];
    double[] goalVel = new double[n];
    for (int j = 0; j < n; j++) {
      path[j] = settings.pathTolerance(j);
      goal[j] = settings.goalTolerance(j);
      goalVel[j] = settings.stoppedVelocityTolerance();
    }
    return new TrajectoryTolerances(path, new double[n], goal, goalVel, settings.goalTimeS());
  }

  private static double[] checked(String what, double[] v, int n) {
    if (v.length != n) {
      throw new IllegalArgumentException(
          what + " tolerances: " + v.length + " values, expected " + n);
    }
    for (double x : v) {
      if (!(x >= 0) || !Double.isFinite(x)) {
        throw new IllegalArgumentException(
            what + " tolerance must be finite and >= 0 (0 = not checked), got " + x);
      }
    }
    return v.clone();
  }

  /** Number of joints. */
  public int dof() {
    return pathPositionRad.length;
  }

  /** Path position tolerance of joint {@code j} (rad); 0 = not checked. */
  public double pathPositionRad(int j) {
    return pathPositionRad[j];
  }

  /** Path velocity tolerance of joint {@code j} (rad/s); 0 = not checked. */
  public double pathVelocityRadPerS(int j) {
    return pathVelocityRadPerS[j];
  }

  /** Goal position tolerance of joint {@code j} (rad); 0 = not checked. */
  public double goalPositionRad(int j) {
    return goalPositionRad[j];
  }

  /** Goal velocity tolerance of joint {@code j} (rad/s); 0 = not checked. */
  public double goalVelocityRadPerS(int j) {
    return goalVelocityRadPerS[j];
  }

  /** Time after the last point allowed to meet the goal tolerances (s); 0 = no limit. */
  public double goalTimeS() {
    return goalTimeS;
  }
}
