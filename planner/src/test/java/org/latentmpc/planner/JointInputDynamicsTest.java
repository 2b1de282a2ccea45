package org.latentmpc.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Dynamics that roll out from the joint positions get them from {@link Planner#setJointPositions}.
 */
class JointInputDynamicsTest {

  /** A 1-joint model whose latent is the joint position: it ignores z0 and integrates from q0. */
  private static final class FromJoints implements LatentDynamics {
    int plainCalls;
    double lastQ0 = Double.NaN;

    @Override
    public int latentDim() {
      return 1;
    }

    @Override
    public int actionDim() {
      return 1;
    }

    @Override
    public int jointPositionInputs() {
      return 1;
    }

    @Override
    public void rollout(float[] z0, float[] actions, int n, int h, float[] out) {
      plainCalls++;
    }

    @Override
    public void rollout(float[] z0, double[] q0Rad, float[] actions, int n, int h, float[] out) {
      lastQ0 = q0Rad[0];
      for (int i = 0; i < n; i++) {
        double q = q0Rad[0];
        for (int k = 0; k < h; k++) {
          q += actions[i * h + k];
          out[i * h + k] = (float) q;
        }
      }
    }
  }

  private static PlannerConfig config() {
    return PlannerConfig.parse(
        "algorithm: cem\nsamples: 128\nhorizon: 4\niterations: 4\nactionLimitRad: 0.1\n"
            + "cem: {elites: 16, initialStd: 0.05}\ncost: {terminalWeight: 1.0}",
        "test.yaml");
  }

  @Test
  void theJointPositionsReachTheRollout() {
    FromJoints dynamics = new FromJoints();
    Planner p = config().create(dynamics, null, System::nanoTime);
    PlanResult r = p.newResult();
    // The latent says 0, but the joint is at 0.45: the goal 0.5 is 0.05 ahead, not 0.5.
    p.setJointPositions(new float[] {0.45f});
    p.plan(new float[] {0f}, new float[] {0.5f}, r);
    assertEquals(0.45, dynamics.lastQ0, 1e-6);
    assertEquals(0, dynamics.plainCalls);
    double sum = 0;
    for (int k = 0; k < r.horizon(); k++) {
      sum += r.action(k, 0);
    }
    assertEquals(0.05, sum, 0.02, "the plan covers the 0.05 rad left");
    assertTrue(r.bestCost() < 0.02, "cost " + r.bestCost());
  }

  @Test
  void planningWithoutTheJointPositionsIsRefused() {
    Planner p = config().create(new FromJoints(), null, System::nanoTime);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> p.plan(new float[] {0f}, new float[] {0.5f}, p.newResult()));
    assertTrue(e.getMessage().contains("setJointPositions"), e.getMessage());
  }
}
