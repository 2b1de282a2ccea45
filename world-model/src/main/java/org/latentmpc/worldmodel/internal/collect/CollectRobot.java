package org.latentmpc.worldmodel.internal.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.latentmpc.controllers.ControllerSettings;
import org.latentmpc.controllers.ControllerType;
import org.latentmpc.controllers.PidGains;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.robot.UrdfException;
import org.latentmpc.sim.Scene;
import org.latentmpc.sim.SceneException;

/**
 * A robot to collect data with: its model, its scene (camera) and the settings of its joint
 * position controller (1 kHz, gravity compensation), loaded from the {@code sim-configs} directory.
 *
 * @param name robot name ({@code reacher2} or {@code arm7})
 * @param model the robot
 * @param scene the scene (camera, colours)
 * @param controller the position controller settings
 * @param defaultMaxDeltaRad the default bound of an action (rad per joint per action period)
 */
public record CollectRobot(
    String name,
    RobotModel model,
    Scene scene,
    ControllerSettings controller,
    double defaultMaxDeltaRad) {

  /** The robots collect knows. */
  public static final String[] NAMES = {"reacher2", "arm7"};

  /**
   * Loads {@code name} from {@code configsDir} ({@code scenes/NAME.yaml}; for arm7 also {@code
   * controllers/arm7_sim.yaml}, namespace {@code arm_controller}).
   *
   * @throws IllegalArgumentException for an unknown robot or a missing or bad file
   * @throws IOException if a file cannot be read
   */
  public static CollectRobot load(String name, Path configsDir) throws IOException {
    return load(name, configsDir, null);
  }

  /**
   * Loads {@code name} from {@code configsDir} as {@link #load(String, Path)} does, but with the
   * scene {@code sceneFile} (e.g. {@code scenes/arm7_two_views.yaml}) instead of {@code
   * scenes/NAME.yaml} when it is not null. That scene must name this robot's URDF (key {@code
   * robot}).
   *
   * @throws IllegalArgumentException for an unknown robot, a missing or bad file, or a scene that
   *     names no robot or another robot (messages name {@code --scene})
   * @throws IOException if a file cannot be read
   */
  public static CollectRobot load(String name, Path configsDir, Path sceneFile) throws IOException {
    if (!"reacher2".equals(name) && !"arm7".equals(name)) {
      throw new IllegalArgumentException(
          "unknown robot '" + name + "' (expected one of: reacher2, arm7)");
    }
    if (sceneFile != null && !Files.isRegularFile(sceneFile)) {
      throw new IllegalArgumentException("--scene: scene file " + sceneFile + " not found");
    }
    if (sceneFile == null) {
      sceneFile = configsDir.resolve("scenes").resolve(name + ".yaml");
      if (!Files.isRegularFile(sceneFile)) {
        throw new IllegalArgumentException(
            "scene file " + sceneFile + " not found (set --configs to the sim-configs directory)");
      }
    }
    Scene scene;
    RobotModel model;
    try {
      scene = Scene.load(sceneFile);
      if (scene.robotFile() == null) {
        throw new IllegalArgumentException(
            "--scene: " + sceneFile + " names no robot (key 'robot': the URDF of " + name + ")");
      }
      model = RobotModel.fromUrdf(scene.robotFile());
    } catch (SceneException | UrdfException e) {
      throw new IllegalArgumentException(sceneFile + ": " + e.getMessage(), e);
    }
    if (!name.equals(model.name())) {
      throw new IllegalArgumentException(
          "--scene: "
              + sceneFile
              + " is a scene for robot '"
              + model.name()
              + "' ("
              + scene.robotFile()
              + "), not for "
              + name);
    }
    if ("arm7".equals(name)) {
      Path file = configsDir.resolve("controllers").resolve("arm7_sim.yaml");
      ControllerSettings settings = ControllerSettings.fromYaml(file, "arm_controller", model);
      return new CollectRobot(name, model, scene, settings, 0.05);
    }
    return new CollectRobot(name, model, scene, reacher2Controller(model), 0.1);
  }

  /**
   * The position controller of reacher2 (no shipped YAML): 1 kHz, gravity compensation, PD gains
   * sized for its ~1.5e-3 kg m^2 shoulder inertia (p = 8 N m/rad, d = 0.15 N m s/rad).
   */
  static ControllerSettings reacher2Controller(RobotModel model) {
    ControllerSettings.Builder b =
        ControllerSettings.builder(model, model.jointNames())
            .type(ControllerType.POSITION)
            .rateHz(1000)
            .gravityCompensation(true);
    for (int j = 0; j < model.dof(); j++) {
      b.positionGains(j, new PidGains(8, 0, 0.15, 0, 0, true, 0.002));
      b.velocityGains(j, PidGains.of(0.1, 0, 0, 0));
    }
    return b.build();
  }
}
