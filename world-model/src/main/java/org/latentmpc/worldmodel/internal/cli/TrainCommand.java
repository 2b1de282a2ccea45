package org.latentmpc.worldmodel.internal.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.latentmpc.worldmodel.BagDatasetReader;
import org.latentmpc.worldmodel.CheckpointException;
import org.latentmpc.worldmodel.ModelConfig;
import org.latentmpc.worldmodel.SequenceDataset;
import org.latentmpc.worldmodel.Trainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code train --data FILE.bag[,...] --config FILE.yaml --out DIR [--resume | --init-from DIR]}.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Trains the JEPA world model on rosbag data and writes a checkpoint folder.")
public final class TrainCommand implements Callable<Integer> {

  @Mixin DataOptions data = new DataOptions();

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE.yaml",
      description = "model config (sim-configs/models/*.yaml)")
  Path config;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "checkpoint folder")
  Path out;

  @Option(names = "--resume", description = "continue the checkpoint in --out")
  boolean resume;

  @Option(
      names = "--init-from",
      paramLabel = "DIR",
      description =
          "start a new run from the encoder and predictor weights of this checkpoint (same"
              + " architecture), e.g. to fine-tune it with a state probe")
  Path initFrom;

  @Mixin RobotOptions robot = new RobotOptions();

  private final PrintStream stdout;
  private final PrintStream stderr;

  /** Prints to System.out and System.err. */
  public TrainCommand() {
    this(System.out, System.err);
  }

  /** Prints to the given streams. */
  public TrainCommand(PrintStream stdout, PrintStream stderr) {
    this.stdout = stdout;
    this.stderr = stderr;
  }

  @Override
  public Integer call() throws Exception {
    try {
      ModelConfig cfg = ModelConfig.load(config);
      long t0 = System.nanoTime();
      SequenceDataset ds =
          new BagDatasetReader(data.topics(), cfg.imageWidth(), cfg.imageHeight()).read(data.bags);
      stdout.printf(
          Locale.ROOT,
          "read %d episodes, %d steps from %s in %.1f s%n",
          ds.episodes().size(),
          ds.steps(),
          data.bags,
          (System.nanoTime() - t0) / 1e9);
      Function<double[], double[]> endEffector = robot.endEffectorOrNull(ds.jointNames());
      Trainer.Result r = new Trainer(cfg, out, stdout, endEffector).train(ds, resume, initFrom);
      stdout.printf(
          Locale.ROOT,
          "done: %d steps, %.0f training samples/s, checkpoint %s%n",
          r.steps(),
          r.samplesPerSecond(),
          r.checkpoint());
      return 0;
    } catch (IllegalArgumentException | CheckpointException e) {
      stderr.println("train: " + e.getMessage());
      return 2;
    }
  }

  /** Runs the command. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new TrainCommand()).execute(args));
  }
}
