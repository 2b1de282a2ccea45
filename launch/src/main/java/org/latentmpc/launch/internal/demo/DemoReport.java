package org.latentmpc.launch.internal.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.latentmpc.worldmodel.internal.eval.Charts;

/**
 * The demo's report folder: per episode the goal image beside the final camera image and the joint
 * trajectories (PNG), a plan-time histogram (PNG), {@code results.json} and an {@code index.html}
 * that shows them all; and the results table printed on the console.
 */
final class DemoReport {
  /** Camera pictures are scaled up by this factor (nearest neighbour) in the report. */
  private static final int PICTURE_SCALE = 4;

  private DemoReport() {}

  /** Summary numbers of a run. */
  record Summary(
      int episodes,
      int successes,
      double meanErrorM,
      double planP50S,
      double planP95S,
      int planCycles,
      double wallTimeS) {}

  static Summary summarise(List<EpisodeResult> results, double wallTimeS) {
    List<Double> plans = new ArrayList<>();
    double errorSum = 0;
    int successes = 0;
    for (EpisodeResult r : results) {
      for (double t : r.planTimesS()) {
        plans.add(t);
      }
      errorSum += r.finalErrorM();
      successes += r.success() ? 1 : 0;
    }
    double[] all = plans.stream().mapToDouble(Double::doubleValue).toArray();
    return new Summary(
        results.size(),
        successes,
        results.isEmpty() ? Double.NaN : errorSum / results.size(),
        percentile(all, 50),
        percentile(all, 95),
        all.length,
        wallTimeS);
  }

  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    return new Percentile().evaluate(values, p);
  }

  /** The console table. */
  static String table(List<EpisodeResult> results, Summary summary, double successDistanceM) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "%-8s %-8s %-15s %-6s %-9s %-14s %-14s %s%n",
            "episode",
            "success",
            "final error mm",
            "steps",
            "reached",
            "plan p50 ms",
            "plan p95 ms",
            "end"));
    for (EpisodeResult r : results) {
      s.append(
          String.format(
              Locale.ROOT,
              "%-8d %-8s %-15.1f %-6d %-9s %-14.1f %-14.1f %s%n",
              r.index(),
              r.success() ? "yes" : "no",
              r.finalErrorM() * 1000,
              r.steps(),
              r.plannerReached() ? "yes" : "no",
              percentile(r.planTimesS(), 50) * 1000,
              percentile(r.planTimesS(), 95) * 1000,
              r.endReason()));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "success %d/%d (final end-effector error < %.0f mm), mean final error %.1f mm, plan"
                + " time p50 %.1f ms p95 %.1f ms over %d plans, wall time %.1f s%n",
            summary.successes(),
            summary.episodes(),
            successDistanceM * 1000,
            summary.meanErrorM() * 1000,
            summary.planP50S() * 1000,
            summary.planP95S() * 1000,
            summary.planCycles(),
            summary.wallTimeS()));
    return s.toString();
  }

  /** Writes the whole folder. */
  static void write(
      Path dir,
      String robot,
      Path model,
      String mode,
      double successDistanceM,
      List<EpisodeResult> results,
      Summary summary)
      throws IOException {
    Files.createDirectories(dir);
    for (EpisodeResult r : results) {
      String base = String.format(Locale.ROOT, "episode_%02d", r.index());
      writePictures(dir.resolve(base + "_images.png"), r);
      writeTrajectory(dir.resolve(base + "_joints.png"), r);
    }
    List<Double> plans = new ArrayList<>();
    for (EpisodeResult r : results) {
      for (double t : r.planTimesS()) {
        plans.add(t * 1000);
      }
    }
    double[] ms = plans.stream().mapToDouble(Double::doubleValue).toArray();
    double hi = 1;
    for (double v : ms) {
      hi = Math.max(hi, v * 1.05);
    }
    Charts.histogram(
        dir.resolve("plan_times.png"),
        "Plan time per cycle (" + ms.length + " plans)",
        "solve time (ms)",
        ms,
        0,
        hi,
        20);
    Files.writeString(
        dir.resolve("results.json"), json(robot, model, mode, successDistanceM, results, summary));
    Files.writeString(
        dir.resolve("index.html"), html(robot, model, mode, successDistanceM, results, summary));
  }

  private static void writePictures(Path file, EpisodeResult r) throws IOException {
    int gap = 16;
    int top = 28;
    DemoProbe.Picture goal = r.goalImage();
    DemoProbe.Picture fin = r.finalImage();
    int w = goal.width() * PICTURE_SCALE;
    int h = goal.height() * PICTURE_SCALE;
    int w2 = fin == null ? w : fin.width() * PICTURE_SCALE;
    int h2 = fin == null ? h : fin.height() * PICTURE_SCALE;
    BufferedImage img =
        new BufferedImage(
            w + gap + w2 + 2 * gap, top + Math.max(h, h2) + gap, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    g.drawString("goal", gap, 20);
    g.drawString(
        String.format(Locale.ROOT, "final (error %.1f mm)", r.finalErrorM() * 1000),
        2 * gap + w,
        20);
    g.drawImage(scaled(goal), gap, top, null);
    if (fin != null) {
      g.drawImage(scaled(fin), 2 * gap + w, top, null);
    }
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }

  private static BufferedImage scaled(DemoProbe.Picture p) {
    BufferedImage img =
        new BufferedImage(
            p.width() * PICTURE_SCALE, p.height() * PICTURE_SCALE, BufferedImage.TYPE_INT_RGB);
    byte[] rgb = p.rgb();
    for (int v = 0; v < img.getHeight(); v++) {
      for (int u = 0; u < img.getWidth(); u++) {
        int i = 3 * ((v / PICTURE_SCALE) * p.width() + u / PICTURE_SCALE);
        img.setRGB(
            u, v, ((rgb[i] & 0xff) << 16) | ((rgb[i + 1] & 0xff) << 8) | (rgb[i + 2] & 0xff));
      }
    }
    return img;
  }

  private static void writeTrajectory(Path file, EpisodeResult r) throws IOException {
    List<double[]> samples = r.trajectory();
    int n = r.jointNames().size();
    double[] t = new double[Math.max(1, samples.size())];
    double[][] ys = new double[2 * n][t.length];
    String[] names = new String[2 * n];
    for (int j = 0; j < n; j++) {
      names[2 * j] = r.jointNames().get(j);
      names[2 * j + 1] = r.jointNames().get(j) + " goal";
    }
    for (int k = 0; k < t.length; k++) {
      double[] s = samples.isEmpty() ? null : samples.get(k);
      t[k] = s == null ? 0 : s[0];
      for (int j = 0; j < n; j++) {
        ys[2 * j][k] = s == null ? r.finalRad()[j] : s[1 + j];
        ys[2 * j + 1][k] = r.goalRad()[j];
      }
    }
    Charts.lines(
        file,
        "Episode " + r.index() + ": joint positions (dashed: goal)",
        "sim time since the goal (s)",
        "rad",
        t,
        ys,
        names);
  }

  private static String json(
      String robot,
      Path model,
      String mode,
      double successDistanceM,
      List<EpisodeResult> results,
      Summary summary) {
    StringBuilder s = new StringBuilder();
    s.append("{\n");
    s.append("  \"robot\": ").append(str(robot)).append(",\n");
    s.append("  \"model\": ").append(str(model.toString())).append(",\n");
    s.append("  \"mode\": ").append(str(mode)).append(",\n");
    s.append("  \"success_distance_m\": ").append(num(successDistanceM)).append(",\n");
    s.append("  \"summary\": {")
        .append("\"episodes\": ")
        .append(summary.episodes())
        .append(", \"successes\": ")
        .append(summary.successes())
        .append(", \"mean_final_error_m\": ")
        .append(num(summary.meanErrorM()))
        .append(", \"plan_time_p50_s\": ")
        .append(num(summary.planP50S()))
        .append(", \"plan_time_p95_s\": ")
        .append(num(summary.planP95S()))
        .append(", \"plan_cycles\": ")
        .append(summary.planCycles())
        .append(", \"wall_time_s\": ")
        .append(num(summary.wallTimeS()))
        .append("},\n");
    s.append("  \"episodes\": [\n");
    for (int i = 0; i < results.size(); i++) {
      EpisodeResult r = results.get(i);
      String base = String.format(Locale.ROOT, "episode_%02d", r.index());
      s.append("    {\"index\": ").append(r.index());
      s.append(", \"success\": ").append(r.success());
      s.append(", \"final_error_m\": ").append(num(r.finalErrorM()));
      s.append(", \"planner_reached\": ").append(r.plannerReached());
      s.append(", \"steps\": ").append(r.steps());
      s.append(", \"end_reason\": ").append(str(r.endReason()));
      s.append(", \"sim_time_s\": ").append(num(r.simTimeS()));
      s.append(", \"wall_time_s\": ").append(num(r.wallTimeS()));
      s.append(", \"joint_names\": ").append(strings(r.jointNames()));
      s.append(", \"start_rad\": ").append(nums(r.startRad()));
      s.append(", \"goal_rad\": ").append(nums(r.goalRad()));
      s.append(", \"final_rad\": ").append(nums(r.finalRad()));
      s.append(", \"plan_times_s\": ").append(nums(r.planTimesS()));
      s.append(", \"images\": ").append(str(base + "_images.png"));
      s.append(", \"joints_plot\": ").append(str(base + "_joints.png"));
      s.append("}").append(i + 1 < results.size() ? ",\n" : "\n");
    }
    s.append("  ],\n");
    s.append("  \"plan_time_histogram\": \"plan_times.png\"\n");
    s.append("}\n");
    return s.toString();
  }

  private static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "null";
  }

  private static String nums(double[] v) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      s.append(i > 0 ? ", " : "").append(num(v[i]));
    }
    return s.append("]").toString();
  }

  private static String strings(List<String> v) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < v.size(); i++) {
      s.append(i > 0 ? ", " : "").append(str(v.get(i)));
    }
    return s.append("]").toString();
  }

  private static String str(String v) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : v.toCharArray()) {
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20) {
            s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }

  private static String esc(String v) {
    return v.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String html(
      String robot,
      Path model,
      String mode,
      double successDistanceM,
      List<EpisodeResult> results,
      Summary summary) {
    StringBuilder s = new StringBuilder();
    s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.append("<title>latent-mpc demo: ").append(esc(robot)).append("</title>\n");
    s.append(
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
            + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
            + "img{margin:4px;vertical-align:top}</style>\n</head>\n<body>\n");
    s.append("<h1>latent-mpc demo: goal-image reaching with ").append(esc(robot)).append("</h1>\n");
    s.append("<p>Model <code>")
        .append(esc(model.toString()))
        .append("</code>, simulator mode ")
        .append(esc(mode))
        .append(". ")
        .append(
            String.format(
                Locale.ROOT,
                "Success %d/%d (final end-effector error &lt; %.0f mm); mean final error %.1f mm;"
                    + " plan time p50 %.1f ms, p95 %.1f ms over %d plans; wall time %.1f s.",
                summary.successes(),
                summary.episodes(),
                successDistanceM * 1000,
                summary.meanErrorM() * 1000,
                summary.planP50S() * 1000,
                summary.planP95S() * 1000,
                summary.planCycles(),
                summary.wallTimeS()))
        .append(" Raw numbers: <a href=\"results.json\">results.json</a>.</p>\n");
    s.append(
        "<table>\n<tr><th>episode</th><th>success</th><th>final error (mm)</th><th>steps</th>"
            + "<th>planner reached</th><th>plan p50 (ms)</th><th>plan p95 (ms)</th>"
            + "<th>end</th></tr>\n");
    for (EpisodeResult r : results) {
      s.append(
          String.format(
              Locale.ROOT,
              "<tr><td>%d</td><td>%s</td><td>%.1f</td><td>%d</td><td>%s</td><td>%.1f</td>"
                  + "<td>%.1f</td><td>%s</td></tr>%n",
              r.index(),
              r.success() ? "yes" : "no",
              r.finalErrorM() * 1000,
              r.steps(),
              r.plannerReached() ? "yes" : "no",
              percentile(r.planTimesS(), 50) * 1000,
              percentile(r.planTimesS(), 95) * 1000,
              esc(r.endReason())));
    }
    s.append(
        "</table>\n<h2>Plan time</h2>\n<img src=\"plan_times.png\" alt=\"plan-time histogram\">\n");
    for (EpisodeResult r : results) {
      String base = String.format(Locale.ROOT, "episode_%02d", r.index());
      s.append("<h2>Episode ").append(r.index()).append("</h2>\n");
      s.append("<img src=\"").append(base).append("_images.png\" alt=\"goal and final image\">\n");
      s.append("<img src=\"").append(base).append("_joints.png\" alt=\"joint trajectories\">\n");
    }
    s.append("</body>\n</html>\n");
    return s.toString();
  }
}
