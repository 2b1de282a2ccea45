package org.latentmpc.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped YAML configs load, and bad values are rejected with the key named. */
class PlannerConfigTest {
  private static final Path CONFIGS = Path.of("..", "sim-configs", "planner");

  @Test
  void shippedCemConfigHasTheIssueDefaults() throws Exception {
    PlannerConfig c = PlannerConfig.load(CONFIGS.resolve("cem.yaml"));
    assertEquals("cem", c.algorithm());
    assertEquals(256, c.cem().samples());
    assertEquals(10, c.cem().horizon());
    assertEquals(4, c.cem().iterations());
    assertEquals(32, c.cem().elites());
    assertEquals(50_000_000L, c.cem().timeBudgetNanos());
    assertEquals(LatentNorm.L2, c.cost().latentNorm());
    Planner p = c.create(LinearDynamics.integrator(), null, System::nanoTime);
    PlanResult r = p.newResult();
    p.plan(new float[] {0f}, new float[] {0.5f}, r);
    assertEquals(10, r.horizon());
    assertTrue(r.firstAction()[0] > 0, "moves towards the goal");
  }

  @Test
  void shippedMppiConfigHasTheSameBudget() throws Exception {
    PlannerConfig c = PlannerConfig.load(CONFIGS.resolve("mppi.yaml"));
    assertEquals("mppi", c.algorithm());
    assertEquals(256, c.mppi().samples());
    assertEquals(10, c.mppi().horizon());
    assertEquals(4, c.mppi().iterations());
    Planner p =
        c.create(
            LinearDynamics.integrator(),
            (margin, weight) ->
                new JointLimitCost(new float[] {-1}, new float[] {1}, margin, weight),
            System::nanoTime);
    p.setJointPositions(new float[] {0f});
    PlanResult r = p.newResult();
    p.plan(new float[] {0f}, new float[] {0.5f}, r);
    assertTrue(r.firstAction()[0] > 0, "moves towards the goal");
  }

  @Test
  void shippedMppiReadoutConfigIsMppiPlusTheReadout() throws Exception {
    PlannerConfig r = PlannerConfig.load(CONFIGS.resolve("mppi_readout.yaml"));
    PlannerConfig m = PlannerConfig.load(CONFIGS.resolve("mppi.yaml"));
    assertEquals(1.0, r.cost().stateReadoutWeight());
    assertEquals(0.0, m.cost().stateReadoutWeight());
    assertEquals(m.mppi(), r.mppi());
  }

  @Test
  void aStateReadoutWeightUsesTheDynamicsReadout() {
    PlannerConfig c =
        PlannerConfig.parse(
            "algorithm: cem\nsamples: 64\nhorizon: 3\niterations: 3\nactionLimitRad: 0.1\n"
                + "cem: {elites: 8}\ncost: {terminalWeight: 1.0, stateReadoutWeight: 2.0}",
            "test.yaml");
    assertEquals(2.0, c.cost().stateReadoutWeight());
    LatentDynamics integrator = LinearDynamics.integrator();
    LatentDynamics withReadout =
        new LatentDynamics() {
          @Override
          public int latentDim() {
            return integrator.latentDim();
          }

          @Override
          public int actionDim() {
            return integrator.actionDim();
          }

          @Override
          public void rollout(float[] z0, float[] actions, int n, int h, float[] out) {
            integrator.rollout(z0, actions, n, h, out);
          }

          @Override
          public float[] stateReadout() {
            return new float[] {1f};
          }
        };
    // The goal is out of reach (3 steps of at most 0.1): the best plan ends at least 4.7 short of
    // it, which the latent term counts once and the readout (the identity here) twice more; the
    // same seed draws the same samples, so the cost is exactly three times the plain one.
    PlanResult plain = new PlanResult(3, 1);
    c.create(integrator, null, System::nanoTime).plan(new float[] {0f}, new float[] {5f}, plain);
    PlanResult r = new PlanResult(3, 1);
    c.create(withReadout, null, System::nanoTime).plan(new float[] {0f}, new float[] {5f}, r);
    assertTrue(plain.bestCost() >= 4.7 && plain.bestCost() < 5.0, "cost " + plain.bestCost());
    assertEquals(3 * plain.bestCost(), r.bestCost(), 1e-3 * r.bestCost());
  }

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        Arguments.of("algorithm: cem\nsamples: -4", "samples"),
        Arguments.of("algorithm: cem\nsamples: 16\ncem: {elites: 32}", "cem.elites"),
        Arguments.of("algorithm: cem\ncem: {momentum: 1.0}", "cem.momentum"),
        Arguments.of("algorithm: cem\ncem: {initialStd: -0.1}", "cem.initialStd"),
        Arguments.of("algorithm: cem\ncem: {elites: 8, eliteCarryOver: 9}", "cem.eliteCarryOver"),
        Arguments.of("algorithm: mppi\nmppi: {temperature: 0}", "mppi.temperature"),
        Arguments.of("algorithm: mppi\nhorizon: 0", "horizon"),
        Arguments.of("algorithm: mppi\ncem: {elites: 3}", "cem settings given"),
        Arguments.of("algorithm: lqr", "algorithm"),
        Arguments.of("samples: 4", "algorithm"),
        Arguments.of("algorithm: cem\nhorizont: 10", "horizont"),
        Arguments.of("algorithm: cem\nsamples: many", "samples"),
        Arguments.of("algorithm: cem\ncost: {latentNorm: l3}", "cost.latentNorm"),
        Arguments.of("algorithm: cem\ncost: {actionWeight: -1}", "cost.actionWeight"),
        Arguments.of("algorithm: cem\ncost: {stateReadoutWeight: -1}", "cost.stateReadoutWeight"),
        Arguments.of("algorithm: cem\ntimeBudgetMs: -5", "timeBudgetMs"),
        Arguments.of("algorithm: cem\nactionLimitRad: .nan", "actionLimitRad"),
        Arguments.of("- just a list", "mapping"),
        Arguments.of("algorithm: [cem", "not valid YAML"));
  }

  @ParameterizedTest
  @MethodSource("badConfigs")
  void badValuesNameTheKey(String yaml, String expected) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PlannerConfig.parse(yaml, "test.yaml"));
    assertTrue(
        e.getMessage().contains(expected) && e.getMessage().startsWith("test.yaml"),
        e.getMessage());
  }
}
