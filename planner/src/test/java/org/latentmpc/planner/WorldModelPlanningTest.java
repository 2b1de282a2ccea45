package org.latentmpc.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.latentmpc.worldmodel.ModelConfig;
import org.latentmpc.worldmodel.NormalisationStats;
import org.latentmpc.worldmodel.WorldModel;
import org.latentmpc.worldmodel.internal.model.DjlWorldModel;
import org.latentmpc.worldmodel.internal.model.JepaNetwork;

/**
 * The planner over a real (randomly initialised) in-process DJL world model through {@link
 * LatentDynamics#of}: plans have the right shape, respect the bounds, and a plan's cost matches the
 * cost of rolling its sequence out again.
 */
class WorldModelPlanningTest {
  private static final int JOINTS = 2;
  private static final double COST_TOL = 1e-4;

  @Test
  void cemPlansThroughTheWorldModel() throws Exception {
    Engine.getEngine("PyTorch").setRandomSeed(11);
    ModelConfig config = ModelConfig.defaults().with(java.util.Map.of("predictor_width", 64));
    NDManager manager = Engine.getEngine("PyTorch").newBaseManager();
    JepaNetwork net = new JepaNetwork(manager, config, 0, JOINTS, 0);
    float[] actionStd = new float[JOINTS];
    Arrays.fill(actionStd, 0.05f);
    NormalisationStats stats =
        new NormalisationStats(
            new float[] {0.5f, 0.5f, 0.5f},
            new float[] {0.25f, 0.25f, 0.25f},
            new float[0],
            new float[0],
            new float[JOINTS],
            actionStd);
    try (WorldModel model = new DjlWorldModel(manager, net, stats, "random-init")) {
      LatentDynamics dyn = LatentDynamics.of(model);
      assertEquals(model.latentDim(), dyn.latentDim());
      assertEquals(JOINTS, dyn.actionDim());
      int d = dyn.latentDim();
      PlanCost cost = new LatentGoalCost(LatentNorm.L2, 1.0, 0.1);
      Planner p =
          Planners.cem(
              new CemConfig(64, 8, 3, 5, 0.05, 1e-3, 0.1, 2, 5, 0),
              dyn,
              cost,
              ActionBounds.symmetric(JOINTS, 0.1f),
              System::nanoTime);
      float[] z0 = new float[d];
      float[] goal = new float[d];
      java.util.SplittableRandom r = new java.util.SplittableRandom(2);
      for (int i = 0; i < d; i++) {
        z0[i] = (float) r.nextGaussian();
        goal[i] = (float) r.nextGaussian();
      }
      PlanResult res = p.newResult();
      for (int step = 0; step < 3; step++) {
        p.plan(z0, goal, res);
        assertEquals(3, res.iterations());
        for (float v : res.actions()) {
          assertTrue(Math.abs(v) <= 0.1f, "action " + v);
        }
      }
      // The reported cost is the cost of the returned sequence under the model.
      float[] out = new float[5 * d];
      dyn.rollout(z0, res.actions().clone(), 1, 5, out);
      CostBatch b = new CostBatch(5, JOINTS, d);
      b.bind(1, res.actions(), out, goal, z0);
      double[] c = new double[1];
      cost.addCosts(b, c);
      assertEquals(c[0], res.bestCost(), COST_TOL * Math.max(1, c[0]));
    }
  }
}
