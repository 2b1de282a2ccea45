package org.latentmpc.worldmodel.internal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.latentmpc.robot.Kinematics;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.robot.UrdfException;
import picocli.CommandLine.Option;

/**
 * The {@code --robot reacher2|arm7|FILE.urdf} and {@code --configs DIR} options of the data
 * commands (a picocli mixin): the robot the data comes from, for end-effector positions by forward
 * kinematics of the recorded joints.
 */
final class RobotOptions {

  @Option(
      names = "--robot",
      paramLabel = "reacher2|arm7|FILE.urdf",
      description =
          "the robot the data comes from: its forward kinematics give the end-effector position"
              + " (the deepest link's origin) of every recorded joint state")
  String robot;

  @Option(
      names = "--configs",
      paramLabel = "DIR",
      description = "the sim-configs directory (default: <latent-mpc home>/sim-configs)")
  Path configs;

  /**
   * The end-effector function for the data's joints, or null when no {@code --robot} was given.
   *
   * @throws IllegalArgumentException when the robot is unknown, unreadable or does not match
   */
  Function<double[], double[]> endEffectorOrNull(List<String> jointNames) throws IOException {
    return robot == null ? null : endEffector(load(robot, configs), jointNames);
  }

  /**
   * Reads the robot model named by a {@code --robot} value: a bundled robot of {@code
   * sim-configs/robots} or a URDF file.
   *
   * @param configs the sim-configs directory, or null for {@code <latent-mpc home>/sim-configs}
   * @throws IllegalArgumentException naming the option when the robot is unknown or unreadable
   */
  static RobotModel load(String robot, Path configs) throws IOException {
    Path file;
    if (robot.endsWith(".urdf")) {
      file = Path.of(robot);
    } else if (robot.equals("reacher2") || robot.equals("arm7")) {
      String home = System.getProperty("latentmpc.home");
      Path dir =
          configs != null
              ? configs
              : (home != null ? Path.of(home) : Path.of("")).resolve("sim-configs");
      file = dir.resolve("robots").resolve(robot + ".urdf");
    } else {
      throw new IllegalArgumentException(
          "--robot: unknown robot '" + robot + "' (reacher2, arm7 or a .urdf file)");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--robot: " + file + " not found");
    }
    try {
      return RobotModel.fromUrdf(file);
    } catch (UrdfException e) {
      throw new IllegalArgumentException("--robot: " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Forward kinematics of the end effector (the deepest link's origin, m) for the data's joints
   * (rad), matched by name (the data may list joints in another order than the URDF). The returned
   * function reuses one workspace: call it from one thread.
   */
  static Function<double[], double[]> endEffector(RobotModel model, List<String> names) {
    int[] dofOf = new int[names.size()];
    for (int j = 0; j < names.size(); j++) {
      int dof = model.dofIndex(names.get(j));
      if (dof < 0) {
        throw new IllegalArgumentException(
            "--robot: the data's joint '"
                + names.get(j)
                + "' is not a moving joint of "
                + model.name()
                + " "
                + model.jointNames());
      }
      dofOf[j] = dof;
    }
    if (names.size() != model.dof()) {
      throw new IllegalArgumentException(
          "--robot: the data has "
              + names.size()
              + " joints "
              + names
              + " but "
              + model.name()
              + " has "
              + model.dof()
              + " "
              + model.jointNames());
    }
    Kinematics kin = model.newKinematics();
    int link = model.deepestLeafLink();
    double[] q = new double[model.dof()];
    return positions -> {
      for (int j = 0; j < dofOf.length; j++) {
        q[dofOf[j]] = positions[j];
      }
      kin.update(q);
      double[] p = new double[3];
      kin.pointPosition(link, 0, 0, 0, p);
      return p;
    };
  }
}
