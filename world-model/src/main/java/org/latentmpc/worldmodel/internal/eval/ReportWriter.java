package org.latentmpc.worldmodel.internal.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.latentmpc.worldmodel.EvaluationReport;

/** Writes an evaluation report as {@code eval.json} plus PNG plots into a folder. */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Writes the files and returns their paths.
   *
   * @param probeScatter true and predicted first joint on the probe's test frames, or null
   */
  public static List<Path> write(EvaluationReport r, double[][] probeScatter, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    Path json = dir.resolve("eval.json");
    Files.writeString(json, r.toJson(), StandardCharsets.UTF_8);
    files.add(json);
    double[] ks = new double[r.kStepError().size()];
    double[] errs = new double[ks.length];
    int i = 0;
    for (var e : r.kStepError().entrySet()) {
      ks[i] = e.getKey();
      errs[i++] = e.getValue();
    }
    Path k = dir.resolve("k_step_error.png");
    Charts.line(
        k,
        "k-step normalised latent prediction error",
        "k (steps)",
        "||z_hat - z||^2 / tr Cov z",
        ks,
        errs);
    files.add(k);
    Path std = dir.resolve("latent_std.png");
    Charts.bars(std, "per-dimension std of the latent", "dimension", "std", r.latentStd(), false);
    files.add(std);
    Path sv = dir.resolve("singular_values.png");
    Charts.bars(
        sv,
        String.format(
            java.util.Locale.ROOT,
            "singular values (effective rank %.2f of %d)",
            r.effectiveRank(),
            r.latentStd().length),
        "index",
        "singular value",
        r.singularValues(),
        true);
    files.add(sv);
    if (probeScatter != null) {
      Path p = dir.resolve("probe.png");
      String name = r.jointNames().isEmpty() ? "joint 0" : r.jointNames().get(0);
      Charts.scatter(
          p,
          String.format(
              java.util.Locale.ROOT,
              "linear probe: %s (R^2 %.3f)",
              name,
              r.probeR2().length > 0 ? r.probeR2()[0] : Double.NaN),
          "true",
          "predicted",
          probeScatter[0],
          probeScatter[1]);
      files.add(p);
    }
    Path energy = dir.resolve("energy.png");
    Charts.histogram(
        energy,
        String.format(
            java.util.Locale.ROOT,
            "energy check: fraction of random actions beaten (pass %.1f%%)",
            100 * r.energyPassRate()),
        "fraction beaten",
        r.energyFractions(),
        0,
        1,
        17);
    files.add(energy);
    return files;
  }
}
