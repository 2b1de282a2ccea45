package org.latentmpc.worldmodel;

import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quality signals of a world model on held-out data.
 *
 * @param model the model's id
 * @param samples frames encoded
 * @param kStepError normalised k-step latent prediction error {@code E||z_hat_k - z_k||^2 / tr(Cov
 *     z)} by k
 * @param probeR2 linear-probe R^2 from the latent to each joint position (fit on half the episodes,
 *     scored on the other half)
 * @param jointNames names of the probed joints
 * @param probeR2Mean mean of {@code probeR2}
 * @param probeR2Min smallest of {@code probeR2}
 * @param latentStd per-dimension standard deviation of the latents
 * @param singularValues singular values of the centred latent matrix, descending
 * @param effectiveRank exp of the entropy of the normalised singular values (Roy and Vetterli)
 * @param energyPassRate fraction of samples whose true action gives a predicted latent closer to
 *     the true next latent than at least {@link Evaluator#ENERGY_MAJORITY} of random actions
 * @param energyMeanFractionBeaten mean fraction of random actions the true action beats
 * @param energyFractions per-sample fraction beaten (for the histogram)
 * @param endEffectorProbeR2 linear-probe R^2 to each end-effector coordinate (empty when no forward
 *     kinematics was given)
 */
public record EvaluationReport(
    String model,
    int samples,
    Map<Integer, Double> kStepError,
    double[] probeR2,
    List<String> jointNames,
    double probeR2Mean,
    double probeR2Min,
    double[] latentStd,
    double[] singularValues,
    double effectiveRank,
    double energyPassRate,
    double energyMeanFractionBeaten,
    double[] energyFractions,
    double[] endEffectorProbeR2) {

  /** The report as pretty JSON (without the per-sample energy fractions). */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", model);
    m.put("samples", samples);
    Map<String, Double> k = new LinkedHashMap<>();
    kStepError.forEach((step, v) -> k.put(String.valueOf(step), v));
    m.put("k_step_normalised_error", k);
    Map<String, Double> probe = new LinkedHashMap<>();
    for (int i = 0; i < probeR2.length; i++) {
      probe.put(i < jointNames.size() ? jointNames.get(i) : "joint" + i, probeR2[i]);
    }
    m.put("probe_r2", probe);
    m.put("probe_r2_mean", probeR2Mean);
    m.put("probe_r2_min", probeR2Min);
    if (endEffectorProbeR2.length > 0) {
      m.put("end_effector_probe_r2", endEffectorProbeR2);
    }
    m.put("latent_dim", latentStd.length);
    m.put("latent_std", latentStd);
    m.put("singular_values", singularValues);
    m.put("effective_rank", effectiveRank);
    m.put("energy_majority", Evaluator.ENERGY_MAJORITY);
    m.put("energy_random_actions", Evaluator.ENERGY_RANDOM_ACTIONS);
    m.put("energy_pass_rate", energyPassRate);
    m.put("energy_mean_fraction_beaten", energyMeanFractionBeaten);
    return new GsonBuilder()
        .setPrettyPrinting()
        .serializeSpecialFloatingPointValues()
        .create()
        .toJson(m);
  }

  /** A few human-readable lines. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(java.util.Locale.ROOT, "model %s, %d frames%n", model, samples));
    kStepError.forEach(
        (k, v) ->
            sb.append(
                String.format(java.util.Locale.ROOT, "  %2d-step normalised error %.4f%n", k, v)));
    sb.append(
        String.format(
            java.util.Locale.ROOT,
            "  probe R^2 mean %.4f, min %.4f (%s)%n%s  effective rank %.2f of %d%n"
                + "  energy check: %.1f%% pass (mean fraction of random actions beaten %.3f)%n",
            probeR2Mean,
            probeR2Min,
            perJoint(),
            endEffectorProbeR2.length == 0
                ? ""
                : String.format(
                    java.util.Locale.ROOT,
                    "  end-effector probe R^2 (x, y, z) %s%n",
                    java.util.Arrays.stream(endEffectorProbeR2)
                        .mapToObj(v -> String.format(java.util.Locale.ROOT, "%.4f", v))
                        .collect(java.util.stream.Collectors.joining(", "))),
            effectiveRank,
            latentStd.length,
            100 * energyPassRate,
            energyMeanFractionBeaten));
    return sb.toString();
  }

  private String perJoint() {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < probeR2.length; j++) {
      if (j > 0) {
        sb.append(", ");
      }
      String name = j < jointNames.size() ? jointNames.get(j) : "joint " + j;
      sb.append(String.format(java.util.Locale.ROOT, "%s %.4f", name, probeR2[j]));
    }
    return sb.toString();
  }
}
