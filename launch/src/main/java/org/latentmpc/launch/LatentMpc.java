package org.latentmpc.launch;

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
    return commandLine;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
