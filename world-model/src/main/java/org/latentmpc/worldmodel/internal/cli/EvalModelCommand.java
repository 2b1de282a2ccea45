package org.latentmpc.worldmodel.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.latentmpc.robot.Kinematics;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.robot.UrdfException;
import org.latentmpc.worldmodel.BagDatasetReader;
import org.latentmpc.worldmodel.CheckpointException;
import org.latentmpc.worldmodel.EvaluationReport;
import org.latentmpc.worldmodel.Evaluator;
import org.latentmpc.worldmodel.SequenceDataset;
import org.latentmpc.worldmodel.WorldModel;
import org.latentmpc.worldmodel.WorldModels;
import org.latentmpc.worldmodel.internal.eval.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eval-model --model DIR --data FILE.bag [--out DIR]}. */
@Command(
    name = "eval-model",
    mixinStandardHelpOptions = true,
    description =
        "Evaluates a world-model checkpoint on held-out rosbag data: k-step latent prediction"
            + " error, linear-probe R^2, latent spread and effective rank, energy check;"
            + " prints a summary and writes eval.json and PNG plots.")
public final class EvalModelCommand implements Callable<Integer> {

  @Mixin DataOptions data = new DataOptions();

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "checkpoint folder")
  Path model;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where eval.json and the plots go (default: MODEL/eval)")
  Path out;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the samples (default: 1)")
  long seed;

  @Option(
      names = "--robot",
      paramLabel = "reacher2|arm7|FILE.urdf",
      description =
          "the robot the data comes from: adds the linear probe to the end-effector position"
              + " (the deepest link's origin, by forward kinematics of the recorded joints)")
  String robot;

  @Option(
      names = "--configs",
      paramLabel = "DIR",
      description = "the sim-configs directory (default: <latent-mpc home>/sim-configs)")
  Path configs;

  private final PrintStream stdout;
  private final PrintStream stderr;

  /** Prints to System.out and System.err. */
  public EvalModelCommand() {
    this(System.out, System.err);
  }

  /** Prints to the given streams. */
  public EvalModelCommand(PrintStream stdout, PrintStream stderr) {
    this.stdout = stdout;
    this.stderr = stderr;
  }

  @Override
  public Integer call() throws Exception {
    try (WorldModel m = WorldModels.load(model)) {
      SequenceDataset ds =
          new BagDatasetReader(data.topics(), m.imageWidth(), m.imageHeight()).read(data.bags);
      Evaluator evaluator =
          new Evaluator(m, seed, robot == null ? null : endEffector(robotModel(), ds.jointNames()));
      EvaluationReport report = evaluator.evaluate(ds);
      stdout.print(report.summary());
      Path dir = out != null ? out : model.resolve("eval");
      List<Path> files = ReportWriter.write(report, evaluator.lastProbeScatter(), dir);
      stdout.println("wrote " + files);
      return 0;
    } catch (IllegalArgumentException | CheckpointException e) {
      stderr.println("eval-model: " + e.getMessage());
      return 2;
    }
  }

  private RobotModel robotModel() throws IOException {
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
   * Forward kinematics of the end effector for the data's joints, matched by name (the data may
   * list joints in another order than the URDF).
   */
  public static Function<double[], double[]> endEffector(RobotModel model, List<String> names) {
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

  /** Runs the command. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new EvalModelCommand()).execute(args));
  }
}
