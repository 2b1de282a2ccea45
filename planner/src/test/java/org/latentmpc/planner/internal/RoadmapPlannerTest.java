package org.latentmpc.planner.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentmpc.planner.LatentRoadmap;
import org.latentmpc.planner.PlanResult;
import org.latentmpc.planner.Planner;
import org.latentmpc.planner.Planners;

/** The roadmap wrapper hands the wrapped planner waypoints, and the goal once it is near. */
class RoadmapPlannerTest {

  /** Nodes on a line 0, 0.1, ..., 2.0 (1-D latents); lookahead 0.35. */
  private static LatentRoadmap line() {
    float[] z = new float[21];
    for (int i = 0; i < z.length; i++) {
      z[i] = 0.1f * i;
    }
    return new LatentRoadmap(z, null, 1, 2, 0.15, 0.35);
  }

  @Test
  void theWrappedPlannerPlansTowardsTheWaypointThenTheGoal() {
    Planner inner = mock(Planner.class);
    when(inner.latentDim()).thenReturn(1);
    when(inner.horizon()).thenReturn(3);
    when(inner.actionDim()).thenReturn(1);
    List<Float> goalsSeen = new ArrayList<>();
    doAnswer(
            call -> {
              goalsSeen.add(((float[]) call.getArgument(1))[0]);
              return null;
            })
        .when(inner)
        .plan(any(), any(), any());
    Planner planner = Planners.withRoadmap(inner, line());
    PlanResult result = new PlanResult(3, 1);
    float[] goal = {2.0f};
    planner.plan(new float[] {0f}, goal, result);
    planner.plan(new float[] {1.0f}, goal, result);
    planner.plan(new float[] {1.8f}, goal, result);
    // From 0 the farthest node within 0.35 on the way to 2.0 is 0.3; from 1.0 it is 1.3.
    assertEquals(0.3f, goalsSeen.get(0), 1e-6f);
    assertEquals(1.3f, goalsSeen.get(1), 1e-6f);
    assertEquals(2.0f, goalsSeen.get(2), 1e-6f);
    assertEquals(-1, ((RoadmapPlanner) planner).lastWaypointNode());

    // A new goal: the paths are recomputed, the waypoints now lead the other way.
    planner.plan(new float[] {1.0f}, new float[] {0f}, result);
    assertEquals(0.7f, goalsSeen.get(3), 1e-6f);
    assertEquals(7, ((RoadmapPlanner) planner).lastWaypointNode());

    planner.reset();
    verify(inner).reset();
    float[] prev = {0.05f};
    planner.setPreviousAction(prev);
    verify(inner).setPreviousAction(prev);
  }

  @Test
  void mismatchedSizesAreRefused() {
    Planner inner = mock(Planner.class);
    when(inner.latentDim()).thenReturn(4);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Planners.withRoadmap(inner, line()));
    assertEquals("roadmap latents have 1 dimensions, the planner's 4", e.getMessage());
  }

  @Test
  void aWrongLengthGoalIsLeftToTheWrappedPlannerToName() {
    Planner inner = mock(Planner.class);
    when(inner.latentDim()).thenReturn(1);
    doAnswer(
            call -> {
              throw new IllegalArgumentException("goal has length 2, expected 1");
            })
        .when(inner)
        .plan(any(), any(), any());
    Planner planner = Planners.withRoadmap(inner, line());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> planner.plan(new float[] {0f}, new float[2], new PlanResult(3, 1)));
    assertArrayEquals(
        new Object[] {"goal has length 2, expected 1"}, new Object[] {e.getMessage()});
  }
}
