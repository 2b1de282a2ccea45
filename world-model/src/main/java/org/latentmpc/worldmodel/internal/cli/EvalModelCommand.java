package org.latentmpc.worldmodel.internal.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.latentmpc.robot.RobotModel;
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

  @Mixin RobotOptions robot = new RobotOptions();

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
      Evaluator evaluator = new Evaluator(m, seed, robot.endEffectorOrNull(ds.jointNames()));
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

  /**
   * Forward kinematics of the end effector for the data's joints, matched by name (the data may
   * list joints in another order than the URDF).
   */
  public static Function<double[], double[]> endEffector(RobotModel model, List<String> names) {
    return RobotOptions.endEffector(model, names);
  }

  /** Runs the command. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new EvalModelCommand()).execute(args));
  }
}
