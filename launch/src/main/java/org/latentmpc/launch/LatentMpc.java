package org.latentmpc.launch;

import org.latentmpc.launch.internal.LaunchCommand;
import org.latentmpc.launch.internal.RunCommand;
import org.latentmpc.launch.internal.demo.DemoCommand;
import org.latentmpc.ros.internal.tools.BagCommand;
import org.latentmpc.ros.internal.tools.MasterCommand;
import org.latentmpc.ros.internal.tools.MsgCommand;
import org.latentmpc.ros.internal.tools.ParamCommand;
import org.latentmpc.ros.internal.tools.TopicCommand;
import org.latentmpc.sim.internal.cli.SimCommand;
import org.latentmpc.worldmodel.internal.cli.EvalModelCommand;
import org.latentmpc.worldmodel.internal.cli.TrainCommand;
import org.latentmpc.worldmodel.internal.collect.CollectCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code latent-mpc} command line: one entry point for every tool, node and experiment of the
 * project.
 */
@Command(
    name = "latent-mpc",
    mixinStandardHelpOptions = true,
    version = "latent-mpc 0.1.0",
    description =
        "A Java robotics control stack that plans in the latent space of a learned world model.")
public final class LatentMpc implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Builds the command tree with every subcommand registered. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new LatentMpc());
    commandLine.addSubcommand("master", new MasterCommand());
    commandLine.addSubcommand("topic", new TopicCommand());
    commandLine.addSubcommand("msg", new MsgCommand());
    commandLine.addSubcommand("param", new ParamCommand());
    commandLine.addSubcommand("bag", new BagCommand());
    commandLine.addSubcommand("sim", new SimCommand());
    commandLine.addSubcommand("launch", new LaunchCommand());
    commandLine.addSubcommand("run", new RunCommand());
    commandLine.addSubcommand("collect", new CollectCommand());
    commandLine.addSubcommand("train", new TrainCommand());
    commandLine.addSubcommand("eval-model", new EvalModelCommand());
    commandLine.addSubcommand("roadmap", new org.latentmpc.planner.internal.cli.RoadmapCommand());
    commandLine.addSubcommand("eval", new org.latentmpc.launch.internal.eval.EvalCommand());
    commandLine.addSubcommand("demo", new DemoCommand());
    commandLine.setExecutionExceptionHandler(LatentMpc::printError);
    return commandLine;
  }

  /**
   * Prints an error as one clear line (the stack trace only with LATENT_MPC_DEBUG=1) and exits with
   * 1.
   */
  private static int printError(
      Exception error, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    if ("1".equals(System.getenv("LATENT_MPC_DEBUG"))) {
      error.printStackTrace(commandLine.getErr());
    }
    String message = error.getMessage() != null ? error.getMessage() : error.toString();
    commandLine.getErr().println(commandLine.getCommandName() + ": error: " + message);
    return 1;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
