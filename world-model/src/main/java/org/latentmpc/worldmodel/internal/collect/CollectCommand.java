package org.latentmpc.worldmodel.internal.collect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code latent-mpc collect}: records exploration data from the simulator into a rosbag (see {@link
 * DataCollector}). Bad arguments are reported as one {@link IllegalArgumentException} line before
 * anything is written.
 */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    description =
        "Runs the simulator in lock-step with the joint position controller and an exploration"
            + " policy, and records /camera/image_raw, /joint_states, /arm_controller/group_command,"
            + " /collect/action and /collect/episode into a rosbag v2 (lz4).")
public final class CollectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--robot", required = true, description = "reacher2 or arm7")
  String robot;

  @Option(names = "--episodes", required = true, description = "number of episodes")
  int episodes;

  @Option(names = "--steps", required = true, description = "actions per episode")
  int steps;

  @Option(
      names = "--policy",
      defaultValue = "random-smooth",
      description = "exploration policy (random-smooth)")
  String policy;

  @Option(names = "--seed", defaultValue = "0", description = "random seed (default: 0)")
  long seed;

  @Option(names = "--out", required = true, description = "the bag file to write")
  Path out;

  @Option(
      names = "--action-rate",
      defaultValue = "10",
      description = "action rate in Hz (default: 10)")
  double actionRateHz;

  @Option(
      names = "--max-delta",
      description = "bound of each joint-position delta in rad (default: 0.1 reacher2, 0.05 arm7)")
  Double maxDeltaRad;

  @Option(
      names = "--smoothness",
      defaultValue = "0.8",
      description = "correlation of consecutive actions in [0, 1) (default: 0.8)")
  double smoothness;

  @Option(
      names = "--margin",
      defaultValue = "0.1",
      description = "keep targets this far inside the joint limits, rad (default: 0.1)")
  double marginRad;

  @Option(
      names = "--scene",
      paramLabel = "FILE.yaml",
      description =
          "the scene (camera(s), colours) to record, e.g. sim-configs/scenes/arm7_two_views.yaml;"
              + " it must name the robot's URDF (default: <configs>/scenes/<robot>.yaml)")
  Path scene;

  @Option(
      names = "--image-size",
      description =
          "the whole image WIDTHxHEIGHT, all the scene's views side by side, so WIDTH must be a"
              + " multiple of their number (default: the scene's, e.g. 64x64 for one view, 128x64"
              + " for two)")
  String imageSize;

  @Option(
      names = "--configs",
      description = "the sim-configs directory (default: <latent-mpc home>/sim-configs)")
  Path configs;

  @Option(names = "--quiet", description = "no progress bar")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (!"random-smooth".equals(policy)) {
      throw new IllegalArgumentException(
          "unknown --policy '" + policy + "' (expected: random-smooth)");
    }
    int[] size = imageSize != null ? parseSize(imageSize) : null;
    Path dir = configs != null ? configs : defaultConfigs();
    Path parent = out.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new IllegalArgumentException("--out: directory " + parent + " does not exist");
    }
    if (Files.isDirectory(out)) {
      throw new IllegalArgumentException("--out: " + out + " is a directory");
    }
    CollectRobot r = CollectRobot.load(robot, dir, scene);
    if (size == null) {
      size = new int[] {r.scene().imageWidthPx(), r.scene().imageHeightPx()};
    }
    DataCollector.Options options =
        new DataCollector.Options(
            episodes,
            steps,
            seed,
            actionRateHz,
            maxDeltaRad != null ? maxDeltaRad : r.defaultMaxDeltaRad(),
            smoothness,
            marginRad,
            1.0,
            size[0],
            size[1]);
    DataCollector collector = new DataCollector(r, options);
    ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), episodes, steps);
    DataCollector.Progress progress = quiet ? (e, k, s, n) -> {} : bar;
    DataCollector.Result result;
    try {
      result = collector.collect(out, progress);
    } finally {
      bar.finish();
    }
    spec.commandLine()
        .getOut()
        .printf(
            "collect: wrote %s: %d episodes, %d samples, %d actions, %d messages; %.1f s,"
                + " %,.0f sim steps/s, %,.1f samples/s%n",
            out,
            episodes,
            result.samples(),
            result.actions(),
            result.messages(),
            result.wallS(),
            result.simStepsPerS(),
            result.samplesPerS());
    return 0;
  }

  static int[] parseSize(String s) {
    String[] parts = s.toLowerCase(java.util.Locale.ROOT).split("x");
    try {
      if (parts.length == 2) {
        int w = Integer.parseInt(parts[0].trim());
        int h = Integer.parseInt(parts[1].trim());
        if (w > 0 && h > 0) {
          return new int[] {w, h};
        }
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new IllegalArgumentException(
        "--image-size must be WIDTHxHEIGHT with positive integers, got '" + s + "'");
  }

  private static Path defaultConfigs() {
    String home = System.getProperty("latentmpc.home");
    return (home != null ? Path.of(home) : Path.of("")).resolve("sim-configs");
  }
}
