package org.latentmpc.planner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bounds, warm start, time budget, determinism, bad inputs and allocation, for CEM and MPPI. */
class PlannerBehaviourTest {
  private static final float BOUND_SLACK = 0f;
  private static final double SATURATED_TOL = 1e-3;
  private static final long MS = 1_000_000L;

  private static Planner make(
      String algo,
      LatentDynamics dyn,
      PlanCost cost,
      ActionBounds bounds,
      int iterations,
      long seed,
      long budgetNanos,
      LongSupplier clock) {
    return "cem".equals(algo)
        ? Planners.cem(
            new CemConfig(64, 8, iterations, 5, 0.5, 1e-4, 0.1, 2, seed, budgetNanos),
            dyn,
            cost,
            bounds,
            clock)
        : Planners.mppi(
            new MppiConfig(64, iterations, 5, 0.01, 0.3, seed, budgetNanos),
            dyn,
            cost,
            bounds,
            clock);
  }

  private static PlanCost goalCost() {
    return new LatentGoalCost(LatentNorm.L2_SQUARED, 1.0, 0.1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cem", "mppi"})
  void boundsHoldEvenWhenTheOptimumIsOutside(String algo) {
    LinearDynamics dyn = LinearDynamics.integrator();
    ActionBounds bounds = ActionBounds.of(new float[] {-0.2f}, new float[] {0.3f});
    Planner p = make(algo, dyn, goalCost(), bounds, 10, 3, 0, System::nanoTime);
    PlanResult res = p.newResult();
    // Goal far beyond reach: the optimum is to saturate at the upper bound every step.
    p.plan(new float[] {0f}, new float[] {100f}, res);
    for (float v : res.actions()) {
      assertTrue(v <= 0.3f + BOUND_SLACK && v >= -0.2f - BOUND_SLACK, "planned action " + v);
    }
    assertEquals(0.3, res.firstAction()[0], SATURATED_TOL);
    // And every sample the dynamics ever saw was inside the bounds.
    p.plan(new float[] {0f}, new float[] {-100f}, res);
    assertTrue(dyn.maxActionSeen <= 0.3f + BOUND_SLACK, "max sampled " + dyn.maxActionSeen);
    assertTrue(dyn.minActionSeen >= -0.2f - BOUND_SLACK, "min sampled " + dyn.minActionSeen);
    assertEquals(-0.2, res.firstAction()[0], SATURATED_TOL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cem", "mppi"})
  void warmStartIsThePreviousPlanShiftedByOneStep(String algo) {
    LinearDynamics dyn = LinearDynamics.integrator();
    Planner p =
        make(algo, dyn, goalCost(), ActionBounds.symmetric(1, 1f), 3, 5, 0, System::nanoTime);
    PlanResult first = p.newResult();
    p.plan(new float[] {0f}, new float[] {2f}, first);
    float[] expected = new float[5];
    System.arraycopy(first.actions(), 1, expected, 0, 4);
    expected[4] = first.actions()[4];
    float[] warm = new float[5];
    p.copyWarmStart(warm);
    assertArrayEquals(expected, warm);
    // The second plan's first sample (the mean) is that shifted sequence.
    dyn.lastActions = new float[5];
    int callsBefore = dyn.calls;
    PlanResult second = p.newResult();
    p.plan(new float[] {first.firstAction()[0]}, new float[] {2f}, second);
    assertTrue(dyn.calls > callsBefore);
    // lastActions holds the last batch; check the first batch by planning with one iteration.
    Planner q =
        make(
            algo,
            LinearDynamics.integrator(),
            goalCost(),
            ActionBounds.symmetric(1, 1f),
            3,
            5,
            0,
            System::nanoTime);
    PlanResult r1 = q.newResult();
    q.plan(new float[] {0f}, new float[] {2f}, r1);
    assertArrayEquals(first.actions(), r1.actions(), "same seed, same plan");
    LinearDynamics recording = LinearDynamics.integrator();
    recording.lastActions = new float[5];
    Planner oneIter =
        make(algo, recording, goalCost(), ActionBounds.symmetric(1, 1f), 1, 5, 0, System::nanoTime);
    PlanResult o1 = oneIter.newResult();
    oneIter.plan(new float[] {0f}, new float[] {2f}, o1);
    float[] shifted = new float[5];
    oneIter.copyWarmStart(shifted);
    oneIter.plan(new float[] {0f}, new float[] {2f}, o1);
    assertArrayEquals(shifted, recording.lastActions, "second plan samples around the shift");
    // reset() forgets it.
    oneIter.reset();
    oneIter.copyWarmStart(warm);
    assertArrayEquals(new float[5], warm);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cem", "mppi"})
  void timeBudgetStopsTheSearchAndIsReported(String algo) {
    long[] clock = {0};
    LinearDynamics dyn =
        new LinearDynamics(1, 1, new double[] {1}, new double[] {1}, clock, 10 * MS);
    Planner p =
        make(algo, dyn, goalCost(), ActionBounds.symmetric(1, 1f), 10, 1, 25 * MS, () -> clock[0]);
    PlanResult res = p.newResult();
    p.plan(new float[] {0f}, new float[] {1f}, res);
    // 10 ms per rollout: after 3 rollouts (30 ms >= 25 ms) the budget is spent.
    assertEquals(3, res.iterations());
    assertEquals(3, dyn.calls);
    assertTrue(res.budgetExceeded());
    assertEquals(30 * MS, res.solveTimeNanos());
    assertTrue(Double.isFinite(res.bestCost()), "best plan so far is returned");

    long[] clock2 = {0};
    LinearDynamics dyn2 =
        new LinearDynamics(1, 1, new double[] {1}, new double[] {1}, clock2, 1 * MS);
    Planner roomy =
        make(
            algo, dyn2, goalCost(), ActionBounds.symmetric(1, 1f), 10, 1, 25 * MS, () -> clock2[0]);
    roomy.plan(new float[] {0f}, new float[] {1f}, res);
    assertEquals(10, res.iterations());
    assertFalse(res.budgetExceeded());
    assertEquals(10 * MS, res.solveTimeNanos());
  }

  @ParameterizedTest
  @ValueSource(strings = {"cem", "mppi"})
  void sameSeedSamePlansDifferentSeedDifferentPlans(String algo) {
    Planner a =
        make(
            algo,
            LinearDynamics.integrator(),
            goalCost(),
            ActionBounds.symmetric(1, 1f),
            2,
            42,
            0,
            System::nanoTime);
    Planner b =
        make(
            algo,
            LinearDynamics.integrator(),
            goalCost(),
            ActionBounds.symmetric(1, 1f),
            2,
            42,
            0,
            System::nanoTime);
    Planner c =
        make(
            algo,
            LinearDynamics.integrator(),
            goalCost(),
            ActionBounds.symmetric(1, 1f),
            2,
            43,
            0,
            System::nanoTime);
    PlanResult ra = a.newResult();
    PlanResult rb = b.newResult();
    PlanResult rc = c.newResult();
    float[][] firstRun = new float[5][];
    boolean anyDifferent = false;
    for (int step = 0; step < 5; step++) {
      float[] z = {0.1f * step};
      a.plan(z, new float[] {1f}, ra);
      b.plan(z, new float[] {1f}, rb);
      c.plan(z, new float[] {1f}, rc);
      assertArrayEquals(ra.actions(), rb.actions(), "step " + step);
      assertEquals(ra.bestCost(), rb.bestCost());
      anyDifferent |= !Arrays.equals(ra.actions(), rc.actions());
      firstRun[step] = ra.actions().clone();
    }
    assertTrue(anyDifferent, "another seed gives other samples");
    a.reset();
    for (int step = 0; step < 5; step++) {
      a.plan(new float[] {0.1f * step}, new float[] {1f}, ra);
      assertArrayEquals(firstRun[step], ra.actions(), "after reset, step " + step);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"cem", "mppi"})
  void badInputsAreRejectedByNameAndChangeNothing(String algo) {
    LinearDynamics dyn =
        new LinearDynamics(2, 1, new double[] {1, 0, 0, 1}, new double[] {1, 0}, null, 0);
    Planner p =
        make(algo, dyn, goalCost(), ActionBounds.symmetric(1, 1f), 2, 1, 0, System::nanoTime);
    PlanResult res = p.newResult();
    p.plan(new float[] {0f, 0f}, new float[] {1f, 0f}, res);
    float[] warmBefore = new float[5];
    p.copyWarmStart(warmBefore);
    int calls = dyn.calls;

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> p.plan(new float[] {0f}, new float[2], res));
    assertTrue(
        e.getMessage().contains("zNow") && e.getMessage().contains("length 1"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> p.plan(new float[2], new float[] {0f, Float.NaN}, res));
    assertTrue(e.getMessage().contains("zGoal[1]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> p.plan(null, new float[2], res));
    assertTrue(e.getMessage().contains("zNow"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> p.plan(new float[2], new float[2], new PlanResult(4, 1)));
    assertTrue(e.getMessage().contains("horizon 5"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> p.setJointPositions(new float[] {Float.NaN}));
    assertTrue(e.getMessage().contains("jointPositions[0]"), e.getMessage());

    float[] warmAfter = new float[5];
    p.copyWarmStart(warmAfter);
    assertArrayEquals(warmBefore, warmAfter, "a rejected call changes nothing");
    assertEquals(calls, dyn.calls);

    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Planners.cem(
                    TestConfigs.cem(16, 1, 5, 0),
                    dyn,
                    goalCost(),
                    ActionBounds.symmetric(2, 1f),
                    System::nanoTime));
    assertTrue(e.getMessage().contains("action bounds"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"cem", "mppi"})
  void plansAllocateNothingAfterConstruction(String algo) {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    LinearDynamics dyn =
        new LinearDynamics(2, 2, new double[] {1, 0, 0, 1}, new double[] {1, 0, 0, 1}, null, 0);
    PlanCost cost =
        goalCost()
            .plus(new ActionMagnitudeCost(0.01))
            .plus(new ActionSmoothnessCost(0.01))
            .plus(new JointLimitCost(new float[] {-1, -1}, new float[] {1, 1}, 0.05, 10));
    Planner p =
        make(algo, dyn, cost, ActionBounds.symmetric(2, 0.2f), 4, 9, 1_000 * MS, System::nanoTime);
    PlanResult res = p.newResult();
    float[] z = {0f, 0f};
    float[] goal = {1f, -1f};
    float[] q = {0.5f, 0.5f};
    p.setJointPositions(q);
    for (int i = 0; i < 200; i++) {
      p.plan(z, goal, res);
    }
    long tid = Thread.currentThread().getId();
    long before = mx.getThreadAllocatedBytes(tid);
    for (int i = 0; i < 500; i++) {
      p.setJointPositions(q);
      p.plan(z, goal, res);
    }
    long allocated = mx.getThreadAllocatedBytes(tid) - before;
    // A per-plan allocation of even one small object would give >= 500 * 16 bytes.
    assertTrue(allocated < 500 * 16, "allocated " + allocated + " bytes over 500 plans");
  }

  @Test
  void jointLimitsKeepTheCumulativePositionInside() {
    // Latent = joint position (integrator); the goal lies beyond the upper limit 1.0 rad.
    LinearDynamics dyn = LinearDynamics.integrator();
    PlanCost cost =
        goalCost().plus(new JointLimitCost(new float[] {-1f}, new float[] {1f}, 0.0, 1000.0));
    Planner p = make("cem", dyn, cost, ActionBounds.symmetric(1, 0.3f), 20, 2, 0, System::nanoTime);
    p.setJointPositions(new float[] {0.8f});
    PlanResult res = p.newResult();
    p.plan(new float[] {0.8f}, new float[] {2f}, res);
    double q = 0.8;
    for (int k = 0; k < 5; k++) {
      q += res.action(k, 0);
      assertTrue(q <= 1.0 + 0.01, "position after step " + k + " is " + q);
    }
    assertTrue(q > 0.95, "it still goes as far as the limit allows: " + q);
  }
}
