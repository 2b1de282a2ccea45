package org.latentmpc.launch.internal.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes {@code eval --trace}: one CSV row per control step with the end-effector error, the
 * largest commanded delta, and (for planning methods) the latent distance to the goal, the distance
 * in the model's state readout and the best plan's cost: the data to study how a stop rule would
 * have behaved.
 */
final class TraceWriter implements ClosedLoopEvaluator.StepTrace, AutoCloseable {
  /** The CSV header. */
  static final String HEADER =
      "method,episode,step,error_m,max_abs_delta_rad,latent_goal_distance,readout_goal_distance,plan_cost";

  private final BufferedWriter out;

  /** Creates (or replaces) {@code file} and writes the header. */
  TraceWriter(Path file) throws IOException {
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    out.write(HEADER);
    out.newLine();
  }

  @Override
  public void step(
      String method, int episode, int step, Policy policy, double[] deltaRad, double errorM) {
    double max = 0;
    for (double d : deltaRad) {
      max = Math.max(max, Math.abs(d));
    }
    try {
      out.write(
          String.format(
              Locale.ROOT,
              "%s,%d,%d,%.5f,%.5f,%.5f,%.5f,%.5f",
              method,
              episode,
              step,
              errorM,
              max,
              policy.lastGoalDistance(),
              policy.lastReadoutDistance(),
              policy.lastPlanCost()));
      out.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException("eval --trace: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
