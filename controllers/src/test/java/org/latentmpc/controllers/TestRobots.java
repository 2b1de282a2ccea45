package org.latentmpc.controllers;

import java.nio.file.Path;
import org.latentmpc.robot.RobotModel;

/** The robot descriptions shipped in sim-configs, loaded for tests. */
final class TestRobots {
  private TestRobots() {}

  static RobotModel arm7() {
    try {
      return RobotModel.fromUrdf(Path.of("..", "sim-configs", "robots", "arm7.urdf"));
    } catch (Exception e) {
      throw new IllegalStateException("cannot load arm7.urdf", e);
    }
  }
}
