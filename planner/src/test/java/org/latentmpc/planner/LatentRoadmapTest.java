package org.latentmpc.planner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The roadmap on synthetic latents: a horseshoe (a curve whose two arms are close in Euclidean
 * distance but far along the curve, the situation a folded latent space creates), straight lines
 * and a disconnected pair of clusters.
 */
class LatentRoadmapTest {
  private static final double TOLERANCE = 1e-4;

  /**
   * Points along a horseshoe in 2-D: up the left arm (x = 0), round the top, down the right arm (x
   * = GAP): consecutive points {@code step} apart; the arms are {@code GAP} apart.
   */
  private static final double GAP = 0.5;

  private static float[] horseshoe(int perArm, int perBend, double step) {
    int n = 2 * perArm + perBend;
    float[] z = new float[2 * n];
    double height = perArm * step;
    for (int i = 0; i < perArm; i++) {
      z[2 * i] = 0;
      z[2 * i + 1] = (float) (i * step);
    }
    for (int i = 0; i < perBend; i++) {
      double angle = Math.PI * (i + 1) / (perBend + 1);
      z[2 * (perArm + i)] = (float) (GAP / 2 - GAP / 2 * Math.cos(angle));
      z[2 * (perArm + i) + 1] = (float) (height + GAP / 2 * Math.sin(angle));
    }
    for (int i = 0; i < perArm; i++) {
      int k = perArm + perBend + i;
      z[2 * k] = (float) GAP;
      z[2 * k + 1] = (float) ((perArm - 1 - i) * step);
    }
    return z;
  }

  private static float[] node(float[] z, int i) {
    return Arrays.copyOfRange(z, 2 * i, 2 * i + 2);
  }

  @Test
  void waypointsFollowTheCurveInsteadOfJumpingAcrossTheGap() {
    int perArm = 40;
    float[] z = horseshoe(perArm, 7, 0.05);
    int n = z.length / 2;
    // Neighbour edges shorter than the gap: the arms are joined only through the bend.
    LatentRoadmap roadmap = new LatentRoadmap(z, null, 2, 4, 0.2, 0.3);
    int start = 2; // near the bottom of the left arm
    int goalNode = n - 3; // near the bottom of the right arm: 0.5 away in a straight line
    float[] goal = node(z, goalNode);
    roadmap.setGoal(goal);
    assertEquals(n, roadmap.reachableNodes());
    // Along the curve the goal is about two arm lengths away, far more than straight across.
    assertTrue(roadmap.distanceToGoal(start) > 3.5, "" + roadmap.distanceToGoal(start));
    float[] w = new float[2];
    float[] now = node(z, start);
    int visited = 0;
    double highest = 0;
    for (int step = 0; step < 200; step++) {
      int k = roadmap.waypoint(now, w);
      if (k < 0) {
        assertArrayEquals(goal, w);
        break;
      }
      // Every waypoint is a node farther along the curve and within the lookahead.
      double dist = Math.hypot(w[0] - now[0], w[1] - now[1]);
      assertTrue(dist <= 0.3 + TOLERANCE || visited == 0, "waypoint " + dist + " away");
      highest = Math.max(highest, w[1]);
      now = w.clone(); // an ideal low-level planner reaches each waypoint
      visited++;
    }
    assertTrue(Arrays.equals(goal, w), "the walk ends at the goal");
    assertTrue(visited >= 10, "went round the bend in " + visited + " waypoints");
    assertTrue(highest > perArm * 0.05, "reached the top of the horseshoe: " + highest);
  }

  @Test
  void aGoalWithinTheLookaheadIsTheWaypointItself() {
    float[] z = horseshoe(20, 5, 0.05);
    LatentRoadmap roadmap = new LatentRoadmap(z, null, 2, 4, 0.2, 0.3);
    float[] goal = {0.01f, 0.6f};
    roadmap.setGoal(goal);
    float[] w = new float[2];
    assertEquals(-1, roadmap.waypoint(new float[] {0f, 0.45f}, w));
    assertArrayEquals(goal, w);
  }

  @Test
  void shortestPathDistancesAddUpAlongALine() {
    int n = 30;
    float[] z = new float[n];
    for (int i = 0; i < n; i++) {
      z[i] = 0.1f * i;
    }
    LatentRoadmap roadmap = new LatentRoadmap(z, null, 1, 2, 0.15, 0.25);
    roadmap.setGoal(new float[] {0f});
    for (int i = 0; i < n; i++) {
      assertEquals(0.1 * i, roadmap.distanceToGoal(i), 1e-5);
    }
    assertEquals(n - 1, roadmap.edgeCount());
  }

  @Test
  void recordedTransitionsJoinNodesFartherApartThanAnyNeighbourEdge() {
    // Two nodes 1.0 apart, neighbour edges at most 0.2: only the recording links them.
    float[] z = {0f, 0.1f, 1.1f, 1.2f};
    int[] sameRecording = {0, 0, 0, 0};
    LatentRoadmap linked = new LatentRoadmap(z, sameRecording, 1, 1, 0.2, 0.3);
    linked.setGoal(new float[] {1.2f});
    assertEquals(4, linked.reachableNodes());
    float[] w = new float[1];
    // At node 1, the next hop (1.0 away, beyond the lookahead) is still taken: no stall.
    assertEquals(2, linked.waypoint(new float[] {0.1f}, w));
    assertEquals(1.1f, w[0]);

    LatentRoadmap unlinked = new LatentRoadmap(z, new int[] {0, 0, 1, 1}, 1, 1, 0.2, 0.3);
    unlinked.setGoal(new float[] {1.2f});
    assertEquals(2, unlinked.reachableNodes());
    assertEquals(Double.POSITIVE_INFINITY, unlinked.distanceToGoal(0));
    // No path: plan straight at the goal.
    assertEquals(-1, unlinked.waypoint(new float[] {0f}, w));
    assertEquals(1.2f, w[0]);
  }

  @Test
  void saveAndLoadGiveTheSameWaypoints(@TempDir Path dir) throws IOException {
    Random random = new Random(42);
    int n = 300;
    int d = 3;
    float[] z = new float[n * d];
    int[] rec = new int[n];
    for (int i = 0; i < n; i++) {
      rec[i] = i / 50;
      for (int j = 0; j < d; j++) {
        z[i * d + j] = (float) random.nextGaussian();
      }
    }
    LatentRoadmap a = new LatentRoadmap(z, rec, d, 6, 0.8, 1.2);
    Path file = LatentRoadmap.fileIn(dir);
    a.save(file);
    LatentRoadmap b = LatentRoadmap.load(file);
    assertEquals(a.nodeCount(), b.nodeCount());
    assertEquals(a.edgeCount(), b.edgeCount());
    assertEquals(a.lookahead(), b.lookahead());
    float[] goal = {2f, 0f, -1f};
    a.setGoal(goal);
    b.setGoal(goal);
    float[] wa = new float[d];
    float[] wb = new float[d];
    for (int t = 0; t < 50; t++) {
      float[] now = new float[d];
      for (int j = 0; j < d; j++) {
        now[j] = (float) random.nextGaussian();
      }
      assertEquals(a.waypoint(now, wa), b.waypoint(now, wb));
      assertArrayEquals(wa, wb);
    }
  }

  @Test
  void damagedFilesAreRejectedNamingTheFile(@TempDir Path dir) throws IOException {
    float[] z = {0f, 0.1f, 0.2f};
    Path file = dir.resolve("r.bin");
    new LatentRoadmap(z, null, 1, 1, 0.2, 0.3).save(file);
    byte[] bytes = Files.readAllBytes(file);
    Path truncated = dir.resolve("truncated.bin");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 3));
    IOException e = assertThrows(IOException.class, () -> LatentRoadmap.load(truncated));
    assertTrue(e.getMessage().contains("truncated.bin"), e.getMessage());
    Path other = dir.resolve("other.bin");
    Files.writeString(other, "not a roadmap at all, just text");
    e = assertThrows(IOException.class, () -> LatentRoadmap.load(other));
    assertTrue(e.getMessage().contains("bad magic"), e.getMessage());
    Path trailing = dir.resolve("trailing.bin");
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    Files.write(trailing, longer);
    e = assertThrows(IOException.class, () -> LatentRoadmap.load(trailing));
    assertTrue(e.getMessage().contains("trailing"), e.getMessage());
  }

  @Test
  void goalsAndWaypointsAllocateNothing() {
    com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    float[] z = horseshoe(60, 9, 0.05);
    LatentRoadmap roadmap = new LatentRoadmap(z, null, 2, 4, 0.2, 0.3);
    float[] goalA = node(z, z.length / 2 - 3);
    float[] goalB = node(z, 5);
    float[] now = {0.02f, 0.4f};
    float[] w = new float[2];
    for (int k = 0; k < 200; k++) { // warm up (JIT)
      roadmap.setGoal(k % 2 == 0 ? goalA : goalB);
      roadmap.waypoint(now, w);
    }
    // A per-call allocation shows in every window; a one-off runtime allocation in one at most.
    long fewest = Long.MAX_VALUE;
    for (int window = 0; window < 3 && fewest > 0; window++) {
      long before = bean.getCurrentThreadAllocatedBytes();
      for (int k = 0; k < 50; k++) {
        roadmap.setGoal(k % 2 == 0 ? goalA : goalB);
        roadmap.waypoint(now, w);
      }
      fewest = Math.min(fewest, bean.getCurrentThreadAllocatedBytes() - before);
    }
    assertEquals(0, fewest, "bytes allocated by 50 goals and waypoints (fewest of 3 windows)");
  }

  @Test
  void badInputIsRejectedWithAClearMessage() {
    float[] z = {0f, 0.1f, 0.2f, 0.3f};
    assertThrows(IllegalArgumentException.class, () -> new LatentRoadmap(z, null, 3, 1, 0.2, 0.3));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LatentRoadmap(new float[] {0f, Float.NaN}, null, 1, 1, 0.2, 0.3));
    assertThrows(
        IllegalArgumentException.class, () -> new LatentRoadmap(z, new int[2], 1, 1, 0.2, 0.3));
    assertThrows(IllegalArgumentException.class, () -> new LatentRoadmap(z, null, 1, 0, 0.2, 0.3));
    assertThrows(IllegalArgumentException.class, () -> new LatentRoadmap(z, null, 1, 1, 0, 0.3));
    LatentRoadmap roadmap = new LatentRoadmap(z, null, 1, 1, 0.2, 0.3);
    float[] w = new float[1];
    IllegalStateException noGoal =
        assertThrows(IllegalStateException.class, () -> roadmap.waypoint(new float[] {0f}, w));
    assertTrue(noGoal.getMessage().contains("no goal"), noGoal.getMessage());
    IllegalArgumentException nan =
        assertThrows(
            IllegalArgumentException.class, () -> roadmap.setGoal(new float[] {Float.NaN}));
    assertTrue(nan.getMessage().contains("non-finite"), nan.getMessage());
    assertThrows(IllegalArgumentException.class, () -> roadmap.setGoal(new float[2]));
  }
}
