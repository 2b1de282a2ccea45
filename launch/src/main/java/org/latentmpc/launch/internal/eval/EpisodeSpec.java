package org.latentmpc.launch.internal.eval;

/**
 * One evaluation episode: where the robot starts at rest and the goal configuration whose camera
 * image (and end effector) the robot must reach.
 *
 * @param index the episode number (0-based)
 * @param startRad the start joint positions (rad, dof order)
 * @param goalRad the goal joint positions (rad, dof order)
 * @param goalEndEffectorM the goal's end-effector position (world frame, m)
 * @param startErrorM the end-effector distance between start and goal (m)
 */
record EpisodeSpec(
    int index,
    double[] startRad,
    double[] goalRad,
    double[] goalEndEffectorM,
    double startErrorM) {}
