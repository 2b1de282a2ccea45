package org.latentmpc.launch.internal;

import java.nio.file.Path;
import java.util.Arrays;
import org.latentmpc.planner.internal.node.PlannerNode;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.ros.msgs.sensor_msgs.Image;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.sim.CameraRenderer;
import org.latentmpc.sim.Scene;

/**
 * Renders what the simulator's camera sees at a joint configuration, with the scene's own camera,
 * colours and target marker: the planner's goal images for {@code /planner/goal_joints}, and the
 * demo's goal pictures. Thread-safe (one render at a time).
 */
public final class SceneGoalRenderer implements PlannerNode.GoalRenderer {
  private final RobotModel model;
  private final CameraRenderer camera;

  /** A renderer of {@code scene} (its robot is {@code model}). */
  public SceneGoalRenderer(RobotModel model, Scene scene) {
    this.model = model;
    this.camera = CameraRenderer.create(model, scene);
    Scene.Marker marker = scene.marker();
    if (marker != null) {
      camera.setTargetMarker(
          marker.positionM().x(), marker.positionM().y(), marker.positionM().z());
      camera.setTargetMarkerVisible(marker.visible());
    }
  }

  /**
   * Loads a scene YAML file and its robot.
   *
   * @throws IllegalArgumentException naming the file when it cannot be loaded
   */
  public static SceneGoalRenderer load(Path sceneFile) {
    try {
      Scene scene = Scene.load(sceneFile);
      if (scene.robotFile() == null) {
        throw new IllegalArgumentException("scene " + sceneFile + " names no robot");
      }
      return new SceneGoalRenderer(RobotModel.fromUrdf(scene.robotFile()), scene);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "cannot load scene " + sceneFile + ": " + e.getMessage(), e);
    }
  }

  /** The robot. */
  public RobotModel model() {
    return model;
  }

  /** Image width (pixels). */
  public int width() {
    return camera.width();
  }

  /** Image height (pixels). */
  public int height() {
    return camera.height();
  }

  /** Renders joint positions {@code q} (the robot's dof order, rad) to rgb8 bytes. */
  public synchronized byte[] renderRgb(double[] q) {
    if (q.length != model.dof()) {
      throw new IllegalArgumentException(
          "expected " + model.dof() + " joint positions, got " + q.length);
    }
    byte[] rgb = new byte[3 * camera.width() * camera.height()];
    camera.render(q, rgb);
    return rgb;
  }

  /**
   * The image at {@code goal}: positions by name (every moving joint of the robot), or, without
   * names, in the robot's joint order.
   *
   * @throws IllegalArgumentException when a joint is missing or a position is not finite
   */
  @Override
  public Image render(JointState goal) {
    double[] q = new double[model.dof()];
    String[] names = goal.getName();
    double[] positions = goal.getPosition();
    if (names.length == 0) {
      if (positions.length != model.dof()) {
        throw new IllegalArgumentException(
            "goal without joint names needs "
                + model.dof()
                + " positions, got "
                + positions.length);
      }
      System.arraycopy(positions, 0, q, 0, q.length);
    } else {
      if (names.length != positions.length) {
        throw new IllegalArgumentException(
            "goal has " + names.length + " names and " + positions.length + " positions");
      }
      boolean[] seen = new boolean[q.length];
      for (int i = 0; i < names.length; i++) {
        int dof = model.dofIndex(names[i]);
        if (dof >= 0) {
          q[dof] = positions[i];
          seen[dof] = true;
        }
      }
      for (int j = 0; j < q.length; j++) {
        if (!seen[j]) {
          throw new IllegalArgumentException(
              "goal lacks joint "
                  + model.jointNames().get(j)
                  + " (has "
                  + Arrays.asList(names)
                  + ")");
        }
      }
    }
    for (double v : q) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("goal positions must be finite: " + Arrays.toString(q));
      }
    }
    Image image = new Image();
    image.setWidth(camera.width());
    image.setHeight(camera.height());
    image.setEncoding("rgb8");
    image.setStep(3 * camera.width());
    image.setData(renderRgb(q));
    return image;
  }
}
