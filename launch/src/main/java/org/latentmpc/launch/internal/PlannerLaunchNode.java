package org.latentmpc.launch.internal;

import java.nio.file.Path;
import org.latentmpc.planner.internal.node.PlannerNode;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.Node;
import org.latentmpc.ros.NodeMain;

/**
 * The registry's {@code planner}: the {@link PlannerNode}, given a {@link SceneGoalRenderer} when
 * its private parameter {@code ~scene} names the simulator's scene file, so that {@code
 * /planner/goal_joints} goals are rendered into goal images (without {@code ~scene} they are logged
 * and ignored; publish {@code /planner/goal_image} instead).
 */
public final class PlannerLaunchNode implements NodeMain {
  private volatile PlannerNode delegate;

  @Override
  public String getDefaultNodeName() {
    return "planner";
  }

  @Override
  public void onStart(ConnectedNode node) {
    String scene = node.getParameterTree().getString("~scene", "");
    PlannerNode planner =
        new PlannerNode(scene.isBlank() ? null : SceneGoalRenderer.load(Path.of(scene)));
    delegate = planner;
    planner.onStart(node);
  }

  @Override
  public void onShutdown(Node node) {
    PlannerNode planner = delegate;
    if (planner != null) {
      planner.onShutdown(node);
    }
  }

  @Override
  public void onShutdownComplete(Node node) {
    PlannerNode planner = delegate;
    if (planner != null) {
      planner.onShutdownComplete(node);
    }
  }

  /** Plan cycles run so far (0 before start). */
  public long cycles() {
    PlannerNode planner = delegate;
    return planner == null ? 0 : planner.cycles();
  }
}
