package org.latentmpc.planner;

import org.latentmpc.robot.JointLimits;
import org.latentmpc.robot.RobotModel;

/**
 * Joint-limit penalty for joint-position-delta actions: the position after k steps is q + the
 * cumulative sum of actions 0..k; each step adds {@code weight * violation^2} per joint, where the
 * violation is how far the position is beyond [lower + margin, upper - margin] (radians). No
 * penalty when the joint positions are unknown.
 */
public final class JointLimitCost implements PlanCost {
  private final float[] lower;
  private final float[] upper;
  private final double weight;

  /**
   * Limits per action dimension (radians), a safety margin in radians and a weight; the margin is
   * applied inside the limits.
   */
  public JointLimitCost(float[] lowerRad, float[] upperRad, double marginRad, double weight) {
    if (lowerRad == null || upperRad == null || lowerRad.length != upperRad.length) {
      throw new IllegalArgumentException("joint limits: lower and upper must have equal lengths");
    }
    CostWeights.check("joint limit weight", weight);
    CostWeights.check("joint limit margin", marginRad);
    lower = new float[lowerRad.length];
    upper = new float[upperRad.length];
    for (int j = 0; j < lowerRad.length; j++) {
      if (Float.isNaN(lowerRad[j]) || Float.isNaN(upperRad[j]) || lowerRad[j] > upperRad[j]) {
        throw new IllegalArgumentException(
            "joint limits: joint " + j + " lower " + lowerRad[j] + " > upper " + upperRad[j]);
      }
      if (Float.isInfinite(lowerRad[j]) || Float.isInfinite(upperRad[j])) {
        lower[j] = lowerRad[j] + (float) marginRad;
        upper[j] = upperRad[j] - (float) marginRad;
        continue;
      }
      double mid = 0.5 * (lowerRad[j] + upperRad[j]);
      lower[j] = (float) Math.min(mid, lowerRad[j] + marginRad);
      upper[j] = (float) Math.max(mid, upperRad[j] - marginRad);
    }
    this.weight = weight;
  }

  /**
   * Limits of the robot's moving joints (in DOF order; continuous joints unlimited), for actions
   * that are deltas of those joints' positions.
   */
  public static JointLimitCost fromRobot(RobotModel robot, double marginRad, double weight) {
    int dof = robot.dof();
    float[] lo = new float[dof];
    float[] hi = new float[dof];
    for (int j = 0; j < dof; j++) {
      JointLimits l = robot.movingJoint(j).limits();
      lo[j] = l.hasPositionLimits() ? (float) l.lower() : Float.NEGATIVE_INFINITY;
      hi[j] = l.hasPositionLimits() ? (float) l.upper() : Float.POSITIVE_INFINITY;
    }
    return new JointLimitCost(lo, hi, marginRad, weight);
  }

  /** Number of joints covered. */
  public int joints() {
    return lower.length;
  }

  @Override
  public void addCosts(CostBatch b, double[] costs) {
    if (!b.hasJointPositions()) {
      return;
    }
    int h = b.horizon();
    int ad = b.actionDim();
    if (ad != lower.length) {
      throw new IllegalStateException(
          "joint limits cover " + lower.length + " joints, actions have " + ad + " dimensions");
    }
    float[] a = b.actions();
    float[] q0 = b.jointPositions();
    for (int i = 0; i < b.samples(); i++) {
      int base = i * h * ad;
      double s = 0;
      for (int j = 0; j < ad; j++) {
        double q = q0[j];
        for (int k = 0; k < h; k++) {
          q += a[base + k * ad + j];
          double v = q < lower[j] ? lower[j] - q : (q > upper[j] ? q - upper[j] : 0);
          s += v * v;
        }
      }
      costs[i] += weight * s;
    }
  }
}
