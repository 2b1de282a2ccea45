package org.latentmpc.launch.internal.eval;

/**
 * What happened in one episode.
 *
 * @param index the episode number
 * @param success whether the end effector came within the threshold
 * @param steps control steps run (to success, or the step limit)
 * @param finalErrorM the end-effector distance from the goal's at the end (m)
 * @param startErrorM the end-effector distance from the goal's at the start (m)
 * @param startRad the start joint positions (rad, dof order)
 * @param goalRad the goal joint positions (rad)
 * @param finalRad the joint positions at the end (rad)
 */
record EpisodeOutcome(
    int index,
    boolean success,
    int steps,
    double finalErrorM,
    double startErrorM,
    double[] startRad,
    double[] goalRad,
    double[] finalRad) {}
