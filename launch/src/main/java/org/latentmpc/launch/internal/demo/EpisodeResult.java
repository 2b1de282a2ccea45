package org.latentmpc.launch.internal.demo;

import java.util.List;

/**
 * One goal-reaching episode of the demo.
 *
 * @param index 1-based episode number
 * @param jointNames the robot's joints (order of every vector here)
 * @param startRad the configuration the arm was reset to (rad)
 * @param goalRad the goal configuration (rad)
 * @param finalRad the configuration at the end (rad)
 * @param finalErrorM end-effector distance between the final and the goal configuration (m)
 * @param success whether {@code finalErrorM} is within the success distance
 * @param plannerReached whether the planner reported the goal reached (latent distance)
 * @param steps plan cycles that sent a command
 * @param endReason why the episode ended
 * @param simTimeS simulated time the episode took (s)
 * @param wallTimeS wall-clock time the episode took (s)
 * @param planTimesS solve time of each plan cycle that sent a command (s)
 * @param trajectory joint-state samples {t (s, from the goal), q...}
 * @param goalImage what the camera sees at the goal (rgb8)
 * @param finalImage the last camera image of the episode (rgb8)
 */
record EpisodeResult(
    int index,
    List<String> jointNames,
    double[] startRad,
    double[] goalRad,
    double[] finalRad,
    double finalErrorM,
    boolean success,
    boolean plannerReached,
    int steps,
    String endReason,
    double simTimeS,
    double wallTimeS,
    double[] planTimesS,
    List<double[]> trajectory,
    DemoProbe.Picture goalImage,
    DemoProbe.Picture finalImage) {}
