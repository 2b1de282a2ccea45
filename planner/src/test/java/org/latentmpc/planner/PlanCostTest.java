package org.latentmpc.planner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.latentmpc.robot.RobotModel;

/** Each cost term against hand-computed values on a batch of two sequences. */
class PlanCostTest {
  private static final double TOL = 1e-5;

  // N = 2 sequences, H = 2 steps, A = 2, D = 2.
  private static final float[] ACTIONS = {0.1f, -0.2f, 0.3f, 0.0f, /* seq 1 */ -0.5f, 0.5f, 0f, 0f};
  private static final float[] LATENTS = {1f, 1f, 2f, 0f, /* seq 1 */ 0f, 0f, 1f, 3f};
  private static final float[] GOAL = {1f, 0f};
  private static final float[] START = {0f, 0f};

  private static CostBatch batch() {
    CostBatch b = new CostBatch(2, 2, 2);
    b.bind(2, ACTIONS, LATENTS, GOAL, START);
    return b;
  }

  private static double[] eval(PlanCost cost, CostBatch b) {
    double[] c = new double[2];
    cost.addCosts(b, c);
    return c;
  }

  @Test
  void latentGoalNorms() {
    CostBatch b = batch();
    // seq 0: step0 diff (0, 1), step1 diff (1, 0); seq 1: step0 (-1, 0), step1 (0, 3).
    assertArrayEquals(
        new double[] {2.0 * 1 + 0.5 * 1, 2.0 * 3 + 0.5 * 1},
        eval(new LatentGoalCost(LatentNorm.L1, 2.0, 0.5), b),
        TOL);
    assertArrayEquals(
        new double[] {1 + 0.5, 3 + 0.5}, eval(new LatentGoalCost(LatentNorm.L2, 1, 0.5), b), TOL);
    assertArrayEquals(
        new double[] {1, 9}, eval(new LatentGoalCost(LatentNorm.L2_SQUARED, 1, 0), b), TOL);
  }

  @Test
  void stateReadoutDistance() {
    CostBatch b = batch();
    // W = [[1, 0], [0, 2], [1, 1]] (K = 3, D = 2). seq 0: diffs (0, 1) then (1, 0); seq 1: (-1, 0)
    // then (0, 3). |W d|: (0,1) -> (0,2,1) = sqrt 5; (1,0) -> (1,0,1) = sqrt 2;
    // (-1,0) -> sqrt 2; (0,3) -> (0,6,3) = sqrt 45.
    float[] w = {1, 0, 0, 2, 1, 1};
    StateReadoutCost cost = new StateReadoutCost(w, 2, 2.0, 1.0, 0.5);
    assertEquals(3, cost.rows());
    assertArrayEquals(
        new double[] {
          2 * (Math.sqrt(2) + 0.5 * Math.sqrt(5)), 2 * (Math.sqrt(45) + 0.5 * Math.sqrt(2))
        },
        eval(cost, b),
        TOL);
    // Through the config: the term joins only when the weight is positive and a readout exists.
    CostConfig config = new CostConfig(LatentNorm.L2, 1, 0.5, 0, 0, 0, 0, 2.0);
    double[] plain = eval(new LatentGoalCost(LatentNorm.L2, 1, 0.5), b);
    double[] both = eval(config.build(null, w, 2), b);
    assertEquals(plain[0] + 2 * (Math.sqrt(2) + 0.5 * Math.sqrt(5)), both[0], TOL);
    assertArrayEquals(plain, eval(config.build(null, new float[0], 2), b), TOL);
    assertThrows(IllegalArgumentException.class, () -> new StateReadoutCost(w, 4, 1, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new StateReadoutCost(w, 2, -1, 1, 0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new StateReadoutCost(new float[] {1, 1, 1, 1}, 4, 1, 1, 0).addCosts(b, new double[2]));
  }

  @Test
  void actionMagnitudeAndSmoothnessIncludingThePreviousAction() {
    CostBatch b = batch();
    assertArrayEquals(
        new double[] {2 * (0.01 + 0.04 + 0.09), 2 * (0.25 + 0.25)},
        eval(new ActionMagnitudeCost(2), b),
        TOL);
    // Without a previous action only the step-to-step difference counts.
    assertArrayEquals(
        new double[] {0.04 + 0.04, 0.25 + 0.25}, eval(new ActionSmoothnessCost(1), b), TOL);
    b.setPreviousAction(new float[] {0.1f, 0.0f});
    assertArrayEquals(
        new double[] {0.04 + 0.08, 0.36 + 0.25 + 0.5}, eval(new ActionSmoothnessCost(1), b), TOL);
  }

  @Test
  void jointLimitsUseTheCumulativePosition() {
    CostBatch b = batch();
    JointLimitCost cost =
        new JointLimitCost(new float[] {-1f, -1f}, new float[] {0.5f, 1f}, 0.1, 10);
    assertArrayEquals(new double[] {0, 0}, eval(cost, b), TOL, "no positions known, no penalty");
    b.setJointPositions(new float[] {0.3f, -0.5f});
    // Joint 0 limit with margin: [-0.9, 0.4]. seq 0: q0 = 0.4, 0.7 -> violation 0, 0.3.
    // Joint 1 limit [-0.9, 0.9]: seq 0: -0.7, -0.7 -> 0. seq 1: joint 0: -0.2, -0.2 -> 0;
    // joint 1: 0.0, 0.0 -> 0.
    assertArrayEquals(new double[] {10 * 0.09, 0}, eval(cost, b), TOL);
    PlanCost sum = cost.plus(new ActionMagnitudeCost(1));
    double[] both = eval(sum, b);
    assertEquals(10 * 0.09 + 0.14, both[0], TOL);
    assertThrows(
        IllegalArgumentException.class,
        () -> new JointLimitCost(new float[] {1f}, new float[] {0f}, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new ActionMagnitudeCost(-1));
    assertThrows(IllegalArgumentException.class, () -> new LatentGoalCost(null, 1, 1));
  }

  @Test
  void jointLimitsFromTheRobotModel() throws Exception {
    RobotModel robot =
        RobotModel.fromUrdf(java.nio.file.Path.of("..", "sim-configs", "robots", "reacher2.urdf"));
    JointLimitCost cost = JointLimitCost.fromRobot(robot, 0.1, 1.0);
    assertEquals(2, cost.joints());
    CostBatch b = new CostBatch(1, 2, 1);
    b.bind(1, new float[] {0.5f, 0.1f}, new float[] {0f}, new float[] {0f}, new float[] {0f});
    // Limits with the margin: joint1 [-2.7, 2.7], joint2 [-2.5, 2.5].
    b.setJointPositions(new float[] {2.6f, 0f});
    double[] c = new double[1];
    cost.addCosts(b, c);
    assertEquals(0.4 * 0.4, c[0], TOL);
  }
}
