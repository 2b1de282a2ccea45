package org.latentmpc.launch.internal.eval;

/**
 * What happened in one episode.
 *
 * @param index the episode number
 * @param success whether the end effector came within the threshold
 * @param steps control steps to success, or the step limit for a failure
 * @param finalErrorM the end-effector distance from the goal's at the end (m)
 * @param startErrorM the end-effector distance from the goal's at the start (m)
 * @param startRad the start joint positions (rad, dof order)
 * @param goalRad the goal joint positions (rad)
 * @param finalRad the joint positions at the end (rad)
 * @param stepsRun control steps run (as {@code steps}, unless episodes run to the step limit)
 * @param stepsWithinThreshold control steps that ended within the success threshold
 */
record EpisodeOutcome(
    int index,
    boolean success,
    int steps,
    double finalErrorM,
    double startErrorM,
    double[] startRad,
    double[] goalRad,
    double[] finalRad,
    int stepsRun,
    int stepsWithinThreshold) {

  /**
   * The fraction of the steps from the first success on that ended within the threshold (how well
   * the goal was held; 1 when the episode ended at its first success); NaN for a failure.
   */
  double heldFraction() {
    return success ? stepsWithinThreshold / (double) (stepsRun - steps + 1) : Double.NaN;
  }
}
