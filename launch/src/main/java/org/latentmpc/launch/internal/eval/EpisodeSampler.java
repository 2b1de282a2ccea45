package org.latentmpc.launch.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.latentmpc.robot.Kinematics;
import org.latentmpc.robot.RobotModel;

/**
 * Draws evaluation episodes from a seed: start and goal configurations uniformly inside the command
 * bounds (soft joint limits) minus a margin, redrawn until every link is at least {@link
 * #FLOOR_CLEARANCE_M} above the floor (a reachable pose, not one through the floor) and the start's
 * end effector is at least {@link #MIN_START_DISTANCE_THRESHOLDS} success thresholds from the
 * goal's (no episode starts solved). With a goal radius R, each goal joint is instead drawn
 * uniformly within R of the start's (clamped into the same bounds): goals near the start, for
 * models whose latent distance is informative only locally. Episodes are drawn in order from one
 * generator, so the first k episodes are the same for any episode count.
 */
final class EpisodeSampler {
  /** How far inside the command bounds starts and goals are drawn (rad), as in {@code collect}. */
  static final double LIMIT_MARGIN_RAD = 0.1;

  /** Minimum height of every link origin above the floor (m). */
  static final double FLOOR_CLEARANCE_M = 0.02;

  /** Minimum start-to-goal end-effector distance, in success thresholds. */
  static final double MIN_START_DISTANCE_THRESHOLDS = 3;

  private static final int MAX_DRAWS = 100_000;

  private final RobotModel model;
  private final SuccessCriterion success;
  private final double[] lowerRad;
  private final double[] upperRad;
  private final double floorHeightM;
  private final Kinematics kinematics;
  private final double[] pose = new double[12];

  /**
   * @param plant supplies the command bounds per joint
   * @param floorHeightM the floor height (m), or negative infinity for no floor
   * @throws IllegalArgumentException if a joint has no finite range inside the margin
   */
  EpisodeSampler(LockStepPlant plant, SuccessCriterion success, double floorHeightM) {
    this.model = plant.model();
    this.success = success;
    this.floorHeightM = floorHeightM;
    this.kinematics = model.newKinematics();
    int dof = plant.dof();
    this.lowerRad = new double[dof];
    this.upperRad = new double[dof];
    for (int j = 0; j < dof; j++) {
      lowerRad[j] = plant.lowerRad(j) + LIMIT_MARGIN_RAD;
      upperRad[j] = plant.upperRad(j) - LIMIT_MARGIN_RAD;
      if (!(lowerRad[j] < upperRad[j]) || !Double.isFinite(upperRad[j] - lowerRad[j])) {
        throw new IllegalArgumentException(
            "joint '"
                + model.jointNames().get(j)
                + "' has no finite range inside a margin of "
                + LIMIT_MARGIN_RAD
                + " rad");
      }
    }
  }

  /** The first {@code episodes} episodes for {@code seed}, goals anywhere in the bounds. */
  List<EpisodeSpec> sample(int episodes, long seed) {
    return sample(episodes, seed, Double.POSITIVE_INFINITY);
  }

  /**
   * The first {@code episodes} episodes for {@code seed}, each goal joint within {@code
   * goalRadiusRad} of the start's (infinite: anywhere in the bounds).
   */
  List<EpisodeSpec> sample(int episodes, long seed, double goalRadiusRad) {
    if (!(goalRadiusRad > 0)) {
      throw new IllegalArgumentException("the goal radius must be > 0 rad, got " + goalRadiusRad);
    }
    Random random = new Random(seed);
    List<EpisodeSpec> out = new ArrayList<>(episodes);
    double minDistance = MIN_START_DISTANCE_THRESHOLDS * success.thresholdM();
    for (int e = 0; e < episodes; e++) {
      double[] start = drawPose(random, null, goalRadiusRad);
      double[] goal = drawPose(random, start, goalRadiusRad);
      double[] goalEe = new double[3];
      success.endEffector(goal, goalEe);
      double distance = success.errorM(start, goalEe);
      int draws = 0;
      while (distance < minDistance) {
        if (++draws > MAX_DRAWS) {
          throw new IllegalStateException("no goal far enough from the start after many draws");
        }
        goal = drawPose(random, start, goalRadiusRad);
        success.endEffector(goal, goalEe);
        distance = success.errorM(start, goalEe);
      }
      out.add(new EpisodeSpec(e, start, goal, goalEe, distance));
    }
    return out;
  }

  /** A pose in the bounds, within {@code radiusRad} of {@code around} per joint if given. */
  private double[] drawPose(Random random, double[] around, double radiusRad) {
    double[] q = new double[lowerRad.length];
    for (int draws = 0; draws < MAX_DRAWS; draws++) {
      for (int j = 0; j < q.length; j++) {
        double lo = lowerRad[j];
        double hi = upperRad[j];
        if (around != null && Double.isFinite(radiusRad)) {
          lo = Math.max(lo, around[j] - radiusRad);
          hi = Math.min(hi, around[j] + radiusRad);
        }
        q[j] = lo + (hi - lo) * random.nextDouble();
      }
      if (aboveFloor(q)) {
        return q;
      }
    }
    throw new IllegalStateException(
        "no configuration of " + model.name() + " clears the floor after " + MAX_DRAWS + " draws");
  }

  private boolean aboveFloor(double[] q) {
    if (floorHeightM == Double.NEGATIVE_INFINITY) {
      return true;
    }
    kinematics.update(q);
    for (int link = 0; link < model.links().size(); link++) {
      if (model.parentLinkIndex(link) < 0) {
        continue;
      }
      kinematics.linkPose(link, pose);
      if (pose[11] < floorHeightM + FLOOR_CLEARANCE_M) {
        return false;
      }
    }
    return true;
  }
}
