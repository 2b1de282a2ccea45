package org.latentmpc.planner.internal;

import java.util.Arrays;
import org.latentmpc.planner.LatentRoadmap;
import org.latentmpc.planner.PlanResult;
import org.latentmpc.planner.Planner;

/**
 * A planner that plans towards a roadmap waypoint: on each plan it recomputes the roadmap's
 * shortest paths if the goal latent changed, asks for the waypoint from the current latent, and
 * hands that to the wrapped planner as its goal. Allocates nothing per plan.
 */
public final class RoadmapPlanner implements Planner {
  private final Planner inner;
  private final LatentRoadmap roadmap;
  private final float[] lastGoal;
  private final float[] waypoint;
  private boolean hasGoal;
  private int waypointNode = -1;

  /** Wraps {@code inner}; the latent sizes must match (checked by the factory). */
  public RoadmapPlanner(Planner inner, LatentRoadmap roadmap) {
    this.inner = inner;
    this.roadmap = roadmap;
    this.lastGoal = new float[inner.latentDim()];
    this.waypoint = new float[inner.latentDim()];
  }

  @Override
  public void plan(float[] zNow, float[] zGoal, PlanResult out) {
    if (zGoal.length != lastGoal.length || zNow.length != lastGoal.length) {
      // Let the wrapped planner name the bad input.
      inner.plan(zNow, zGoal, out);
      return;
    }
    if (!hasGoal || !Arrays.equals(zGoal, lastGoal)) {
      roadmap.setGoal(zGoal);
      System.arraycopy(zGoal, 0, lastGoal, 0, lastGoal.length);
      hasGoal = true;
    }
    waypointNode = roadmap.waypoint(zNow, waypoint);
    inner.plan(zNow, waypoint, out);
  }

  /** The roadmap node used as the last waypoint, or -1 when it was the goal itself. */
  public int lastWaypointNode() {
    return waypointNode;
  }

  @Override
  public void reset() {
    inner.reset();
  }

  @Override
  public void setPreviousAction(float[] action) {
    inner.setPreviousAction(action);
  }

  @Override
  public void setJointPositions(float[] positionsRad) {
    inner.setJointPositions(positionsRad);
  }

  @Override
  public void copyWarmStart(float[] out) {
    inner.copyWarmStart(out);
  }

  @Override
  public int horizon() {
    return inner.horizon();
  }

  @Override
  public int actionDim() {
    return inner.actionDim();
  }

  @Override
  public int latentDim() {
    return inner.latentDim();
  }
}
