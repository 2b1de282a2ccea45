package org.latentmpc.launch.internal.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentmpc.planner.JointLimitCost;
import org.latentmpc.planner.PlannerConfig;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.worldmodel.internal.collect.CollectRobot;

/**
 * The pieces of the closed-loop evaluation: the success threshold, seeded episodes, the oracle's
 * dynamics against the evaluation loop, the oracle reaching goals, and allocation-free stepping.
 */
class EvalPiecesTest {
  static final Path CONFIGS = Path.of("..", "sim-configs");
  static final double REACH_TOL_M = 1e-9;

  /** Float latents carry the start state: predictions agree to float precision. */
  static final double ORACLE_TOL = 1e-4;

  /** How closely the position controller settles on a held target (rad). */
  static final double TRACK_TOL_RAD = 0.01;

  static CollectRobot reacher;
  static RobotModel arm7;

  @BeforeAll
  static void load() throws Exception {
    reacher = CollectRobot.load("reacher2", CONFIGS);
    arm7 = RobotModel.fromUrdf(CONFIGS.resolve("robots").resolve("arm7.urdf"));
  }

  static LockStepPlant plant() {
    return new LockStepPlant(reacher.model(), reacher.controller(), 0.001, 0.1);
  }

  @Test
  void thresholdIsFourCentimetresScaledByReach() {
    // Chain lengths from the URDFs' joint origins below the first joint.
    double reacherReach = Math.hypot(0.12, 0.005) + 0.10;
    double arm7Reach = 0.316 + 0.0825 + Math.hypot(0.0825, 0.384) + 0.088 + 0.107 + 0.1034;
    SuccessCriterion s = new SuccessCriterion(reacher.model(), arm7);
    assertEquals(reacherReach, s.reachM(), REACH_TOL_M);
    assertEquals(arm7Reach, s.referenceReachM(), REACH_TOL_M);
    assertEquals(0.04 * reacherReach / arm7Reach, s.thresholdM(), REACH_TOL_M);
    assertEquals("fingertip", s.endEffectorName());
    SuccessCriterion a = new SuccessCriterion(arm7, arm7);
    assertEquals(0.04, a.thresholdM(), REACH_TOL_M);
    assertEquals("arm7_tcp", a.endEffectorName());
  }

  @Test
  void episodesAreDeterministicForASeed() {
    LockStepPlant plant = plant();
    SuccessCriterion s = new SuccessCriterion(reacher.model(), arm7);
    EpisodeSampler sampler = new EpisodeSampler(plant, s, 0.0);
    List<EpisodeSpec> a = sampler.sample(20, 7);
    List<EpisodeSpec> b = new EpisodeSampler(plant(), s, 0.0).sample(20, 7);
    List<EpisodeSpec> prefix = sampler.sample(5, 7);
    List<EpisodeSpec> other = sampler.sample(20, 8);
    for (int e = 0; e < 20; e++) {
      assertArrayEquals(a.get(e).startRad(), b.get(e).startRad());
      assertArrayEquals(a.get(e).goalRad(), b.get(e).goalRad());
      assertFalse(Arrays.equals(a.get(e).goalRad(), other.get(e).goalRad()));
      if (e < 5) {
        assertArrayEquals(a.get(e).goalRad(), prefix.get(e).goalRad());
      }
      for (int j = 0; j < plant.dof(); j++) {
        for (double q : new double[] {a.get(e).startRad()[j], a.get(e).goalRad()[j]}) {
          assertTrue(q >= plant.lowerRad(j) + EpisodeSampler.LIMIT_MARGIN_RAD, "joint " + j);
          assertTrue(q <= plant.upperRad(j) - EpisodeSampler.LIMIT_MARGIN_RAD, "joint " + j);
        }
      }
      assertTrue(a.get(e).startErrorM() >= 3 * s.thresholdM());
      assertEquals(
          a.get(e).startErrorM(), s.errorM(a.get(e).startRad(), a.get(e).goalEndEffectorM()));
    }
  }

  @Test
  void aGoalRadiusKeepsGoalsNearTheStart() {
    LockStepPlant plant = plant();
    SuccessCriterion s = new SuccessCriterion(reacher.model(), arm7);
    double radius = 0.5;
    List<EpisodeSpec> near = new EpisodeSampler(plant, s, 0.0).sample(20, 4, radius);
    assertEquals(
        near.get(7).goalRad()[1],
        new EpisodeSampler(plant, s, 0.0).sample(8, 4, radius).get(7).goalRad()[1]);
    for (EpisodeSpec e : near) {
      for (int j = 0; j < plant.dof(); j++) {
        assertTrue(Math.abs(e.goalRad()[j] - e.startRad()[j]) <= radius, "joint " + j);
      }
      assertTrue(e.startErrorM() >= 3 * s.thresholdM());
    }
  }

  @Test
  void arm7EpisodesClearTheFloorAndItsPlantTracksADelta() throws Exception {
    CollectRobot arm = CollectRobot.load("arm7", CONFIGS);
    LockStepPlant plant = new LockStepPlant(arm.model(), arm.controller(), 0.001, 0.1);
    SuccessCriterion s = new SuccessCriterion(arm.model(), arm.model());
    List<EpisodeSpec> episodes = new EpisodeSampler(plant, s, 0.0).sample(10, 1);
    var kinematics = arm.model().newKinematics();
    double[] pose = new double[12];
    for (EpisodeSpec e : episodes) {
      for (double[] q : new double[][] {e.startRad(), e.goalRad()}) {
        kinematics.update(q);
        for (int link = 1; link < arm.model().links().size(); link++) {
          kinematics.linkPose(link, pose);
          assertTrue(pose[11] >= EpisodeSampler.FLOOR_CLEARANCE_M, "link " + link + " z");
        }
      }
      assertTrue(e.startErrorM() >= 3 * s.thresholdM());
    }
    // One delta of 0.05 rad per joint, then holding: the joints settle near their targets.
    EpisodeSpec e = episodes.get(0);
    plant.reset(e.startRad());
    double[] delta = new double[7];
    java.util.Arrays.fill(delta, 0.05);
    plant.commandDelta(delta);
    for (int k = 0; k < 10; k++) {
      plant.advance();
    }
    for (int j = 0; j < 7; j++) {
      assertEquals(e.startRad()[j] + delta[j], plant.position(j), TRACK_TOL_RAD, "joint " + j);
    }
  }

  @Test
  void oracleRolloutPredictsTheEvaluationLoop() {
    SplittableRandom r = new SplittableRandom(3);
    int h = 6;
    int n = 3;
    float[] actions = new float[n * h * 2];
    for (int i = 0; i < actions.length; i++) {
      actions[i] = (float) (0.1 * (2 * r.nextDouble() - 1));
    }
    double[] q0 = {0.4, -1.2};
    float[] z0 = new float[4];
    OracleDynamics.stateLatent(q0, null, z0);
    float[] one = new float[n * h * 4];
    float[] two = new float[n * h * 4];
    try (OracleDynamics single = new OracleDynamics(EvalPiecesTest::plant, 1);
        OracleDynamics threaded = new OracleDynamics(EvalPiecesTest::plant, 2)) {
      assertEquals(4, single.latentDim());
      single.rollout(z0, actions, n, h, one);
      threaded.rollout(z0, actions, n, h, two);
    }
    assertArrayEquals(one, two, "threads must not change the rollouts");
    LockStepPlant plant = plant();
    double[] delta = new double[2];
    for (int i = 0; i < n; i++) {
      plant.reset(q0);
      for (int k = 0; k < h; k++) {
        delta[0] = actions[(i * h + k) * 2];
        delta[1] = actions[(i * h + k) * 2 + 1];
        plant.commandDelta(delta);
        plant.advance();
        for (int j = 0; j < 2; j++) {
          int o = (i * h + k) * 4;
          assertEquals(plant.position(j), one[o + j], ORACLE_TOL, "q" + j + " step " + k);
          assertEquals(plant.velocity(j), one[o + 2 + j], ORACLE_TOL, "qd" + j + " step " + k);
        }
      }
    }
  }

  @Test
  void oracleReachesReacherGoals() throws Exception {
    PlannerConfig small =
        PlannerConfig.parse(
            "algorithm: cem\nhorizon: 5\nsamples: 64\niterations: 3\nactionLimitRad: 0.1\n"
                + "cem: {elites: 8, initialStd: 0.05, eliteCarryOver: 2}\n"
                + "cost: {latentNorm: l2, terminalWeight: 1.0, runningWeight: 0.1,"
                + " actionWeight: 0.01, smoothnessWeight: 0.05, jointLimitWeight: 100.0,"
                + " jointLimitMarginRad: 0.05}\n",
            "small");
    LockStepPlant plant = plant();
    SuccessCriterion s = new SuccessCriterion(reacher.model(), arm7);
    List<EpisodeSpec> episodes = new EpisodeSampler(plant, s, 0.0).sample(2, 0);
    MethodResult result;
    try (OracleDynamics dynamics = new OracleDynamics(EvalPiecesTest::plant, 2)) {
      OraclePolicy oracle = new OraclePolicy();
      oracle.setPlanner(
          small.create(
              dynamics,
              (m, w) -> JointLimitCost.fromRobot(reacher.model(), m, w),
              plant::timeNanos));
      result =
          new ClosedLoopEvaluator(plant, s, EvalCommand.defaultSteps("reacher2"))
              .run(oracle, episodes, (m, d, t, o) -> {});
    }
    assertEquals(2, result.successes(), result.episodes().toString());
    assertTrue(result.medianFinalErrorM() <= s.thresholdM());
    assertEquals(
        result.episodes().stream().mapToInt(EpisodeOutcome::steps).sum(),
        result.planNanos().length);
  }

  /** Steps straight towards the goal configuration (joint space), at most 0.1 rad per step. */
  private static final class GoalSeeker implements Policy {
    private double[] goal;

    @Override
    public String name() {
      return "seeker";
    }

    @Override
    public boolean plans() {
      return false;
    }

    @Override
    public void startEpisode(EpisodeSpec episode) {
      goal = episode.goalRad();
    }

    @Override
    public long act(double[] qRad, double[] qdRadPerS, double[] deltaOut) {
      for (int j = 0; j < deltaOut.length; j++) {
        deltaOut[j] = Math.max(-0.1, Math.min(0.1, goal[j] - qRad[j]));
      }
      return -1;
    }

    @Override
    public void executed(double[] deltaRad) {}
  }

  @Test
  void fullEpisodesRunToTheLimitAndStillCountTheFirstSuccess() {
    LockStepPlant plant = plant();
    SuccessCriterion s = new SuccessCriterion(reacher.model(), arm7);
    List<EpisodeSpec> episodes = new EpisodeSampler(plant, s, 0.0).sample(3, 4);
    int limit = 60;
    MethodResult early =
        new ClosedLoopEvaluator(plant, s, limit)
            .run(new GoalSeeker(), episodes, (m, d, t, o) -> {});
    int[] rows = new int[episodes.size()];
    MethodResult full =
        new ClosedLoopEvaluator(plant, s, limit, true)
            .run(
                new GoalSeeker(),
                episodes,
                (m, d, t, o) -> {},
                (method, episode, step, policy, delta, error) -> rows[episode]++);
    assertEquals(3, early.successes(), early.episodes().toString());
    assertEquals(3, full.successes(), full.episodes().toString());
    assertEquals(1.0, full.meanHeldFraction(), 1e-12);
    for (int e = 0; e < episodes.size(); e++) {
      EpisodeOutcome a = early.episodes().get(e);
      EpisodeOutcome b = full.episodes().get(e);
      assertTrue(a.steps() < limit, a.toString());
      assertEquals(a.steps(), b.steps(), "steps to success are the same");
      assertEquals(limit, rows[e], "a full episode runs to the limit");
      assertEquals(limit, b.stepsRun());
      assertEquals(a.steps(), a.stepsRun(), "an early-stopped episode ends at its success");
      assertEquals(1, a.stepsWithinThreshold());
      // The seeker stays at the goal: every step from the first success on is within.
      assertEquals(limit - b.steps() + 1, b.stepsWithinThreshold(), b.toString());
      assertEquals(1.0, b.heldFraction(), 1e-12);
      // At the goal the seeker holds it: the final error is at the limit, under the threshold.
      assertTrue(b.finalErrorM() <= s.thresholdM(), b.toString());
      assertTrue(b.finalErrorM() <= a.finalErrorM() + 1e-9, "it kept closing in: " + b);
    }
  }

  @Test
  void lockStepStepsAllocateNothing() {
    com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    LockStepPlant plant = plant();
    plant.reset(new double[] {0.2, 0.3});
    double[] delta = new double[2];
    for (int k = 0; k < 200; k++) { // warm up (JIT)
      delta[0] = k % 2 == 0 ? 0.05 : -0.05;
      plant.commandDelta(delta);
      plant.advance();
    }
    // A loop that allocates per period allocates in every window; a one-off allocation of the
    // runtime (a late JIT deoptimisation on a loaded machine) shows up in one window only.
    long fewest = Long.MAX_VALUE;
    for (int window = 0; window < 3 && fewest > 0; window++) {
      long before = bean.getCurrentThreadAllocatedBytes();
      for (int k = 0; k < 50; k++) {
        delta[0] = k % 2 == 0 ? 0.05 : -0.05;
        delta[1] = 0.01;
        plant.commandDelta(delta);
        plant.advance();
      }
      fewest = Math.min(fewest, bean.getCurrentThreadAllocatedBytes() - before);
    }
    assertEquals(0, fewest, "bytes allocated by 50 control periods (fewest of 3 windows)");
  }
}
