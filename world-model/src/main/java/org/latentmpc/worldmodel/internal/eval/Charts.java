package org.latentmpc.worldmodel.internal.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Minimal PNG charts (line, several lines, bars, scatter, histogram) drawn with Java2D, no
 * dependencies.
 */
public final class Charts {

  private static final int W = 640;
  private static final int H = 420;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  private Charts() {}

  /** Kinds of marks. */
  private enum Kind {
    LINE,
    BARS,
    SCATTER
  }

  /** A line with point markers through (x[i], y[i]). */
  public static void line(
      Path file, String title, String xLabel, String yLabel, double[] x, double[] y)
      throws IOException {
    draw(file, title, xLabel, yLabel, x, y, Kind.LINE, false);
  }

  /** One bar per value, at x = 0, 1, 2, ...; {@code logY} plots log10 of positive values. */
  public static void bars(
      Path file, String title, String xLabel, String yLabel, double[] y, boolean logY)
      throws IOException {
    double[] x = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    draw(file, title, xLabel, yLabel, x, y, Kind.BARS, logY);
  }

  /** Points (x[i], y[i]) and the diagonal y = x. */
  public static void scatter(
      Path file, String title, String xLabel, String yLabel, double[] x, double[] y)
      throws IOException {
    draw(file, title, xLabel, yLabel, x, y, Kind.SCATTER, false);
  }

  /** A histogram of values in [lo, hi] with {@code bins} bins. */
  public static void histogram(
      Path file, String title, String xLabel, double[] values, double lo, double hi, int bins)
      throws IOException {
    double[] counts = new double[bins];
    for (double v : values) {
      int b = (int) Math.floor((v - lo) / (hi - lo) * bins);
      counts[Math.max(0, Math.min(bins - 1, b))]++;
    }
    draw(file, title, xLabel, "count", centres(lo, hi, bins), counts, Kind.BARS, false);
  }

  /** Series colours, cycled. */
  private static final Color[] PALETTE = {
    new Color(31, 119, 180),
    new Color(255, 127, 14),
    new Color(44, 160, 44),
    new Color(214, 39, 40),
    new Color(148, 103, 189),
    new Color(140, 86, 75),
    new Color(227, 119, 194)
  };

  /**
   * Several lines over the same x (no point labels), with a legend: series {@code k} is {@code
   * ys[k]} named {@code names[k]}; a series whose name ends in {@code " goal"} is drawn dashed in
   * the colour of the series before it (e.g. a joint's trajectory and its goal).
   */
  public static void lines(
      Path file,
      String title,
      String xLabel,
      String yLabel,
      double[] x,
      double[][] ys,
      String[] names)
      throws IOException {
    if (ys.length != names.length) {
      throw new IllegalArgumentException(ys.length + " series but " + names.length + " names");
    }
    double xMin = min(x);
    double xMax = max(x);
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (double[] y : ys) {
      if (y.length != x.length) {
        throw new IllegalArgumentException("a series has " + y.length + " points, x " + x.length);
      }
      yMin = Math.min(yMin, min(y));
      yMax = Math.max(yMax, max(y));
    }
    if (!(xMax > xMin)) {
      xMax = xMin + 1;
    }
    if (!(yMax > yMin)) {
      yMax = yMin + 1;
    }
    double pad = (yMax - yMin) * 0.05;
    yMax += pad;
    yMin -= pad;
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, LEFT, 24);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    int pw = W - LEFT - RIGHT;
    int ph = H - TOP - BOTTOM;
    g.drawRect(LEFT, TOP, pw, ph);
    for (int i = 0; i <= 4; i++) {
      double yv = yMin + i * (yMax - yMin) / 4;
      int py = TOP + ph - (int) Math.round(i * ph / 4.0);
      g.setColor(new Color(230, 230, 230));
      g.drawLine(LEFT + 1, py, LEFT + pw - 1, py);
      g.setColor(Color.BLACK);
      g.drawString(fmt(yv), 4, py + 4);
      double xv = xMin + i * (xMax - xMin) / 4;
      int px = LEFT + (int) Math.round(i * pw / 4.0);
      g.drawString(fmt(xv), px - 12, TOP + ph + 16);
    }
    g.drawString(xLabel, LEFT + pw / 2 - 30, H - 12);
    g.drawString(yLabel, 4, TOP - 8);
    int colour = -1;
    for (int k = 0; k < ys.length; k++) {
      boolean goal = names[k].endsWith(" goal") && colour >= 0;
      if (!goal) {
        colour++;
      }
      Color c = PALETTE[colour % PALETTE.length];
      g.setColor(c);
      g.setStroke(
          goal
              ? new BasicStroke(
                  1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
              : new BasicStroke(2f));
      int prevX = -1;
      int prevY = -1;
      for (int i = 0; i < x.length; i++) {
        if (!Double.isFinite(ys[k][i]) || !Double.isFinite(x[i])) {
          prevX = -1;
          continue;
        }
        int px = LEFT + (int) Math.round((x[i] - xMin) / (xMax - xMin) * pw);
        int py = TOP + ph - (int) Math.round((ys[k][i] - yMin) / (yMax - yMin) * ph);
        if (prevX >= 0) {
          g.drawLine(prevX, prevY, px, py);
        }
        prevX = px;
        prevY = py;
      }
      int ly = TOP + 14 + 14 * k;
      g.drawLine(LEFT + pw - 110, ly - 4, LEFT + pw - 90, ly - 4);
      g.setColor(Color.BLACK);
      g.drawString(names[k], LEFT + pw - 85, ly);
    }
    g.dispose();
    if (!ImageIO.write(img, "png", file.toFile())) {
      throw new IOException("no PNG writer available for " + file);
    }
  }

  private static double[] centres(double lo, double hi, int bins) {
    double[] c = new double[bins];
    for (int i = 0; i < bins; i++) {
      c[i] = lo + (i + 0.5) * (hi - lo) / bins;
    }
    return c;
  }

  private static void draw(
      Path file,
      String title,
      String xLabel,
      String yLabel,
      double[] x,
      double[] yRaw,
      Kind kind,
      boolean logY)
      throws IOException {
    double[] y = yRaw.clone();
    if (logY) {
      for (int i = 0; i < y.length; i++) {
        y[i] = y[i] > 0 ? Math.log10(y[i]) : Double.NaN;
      }
    }
    double xMin = min(x);
    double xMax = max(x);
    double yMin = kind == Kind.BARS && !logY ? Math.min(0, min(y)) : min(y);
    double yMax = max(y);
    if (kind == Kind.SCATTER) {
      xMin = yMin = Math.min(xMin, yMin);
      xMax = yMax = Math.max(xMax, yMax);
    }
    if (kind == Kind.BARS) {
      double half = x.length > 1 ? (x[1] - x[0]) / 2 : 0.5;
      xMin -= half;
      xMax += half;
    }
    if (!(xMax > xMin)) {
      xMax = xMin + 1;
    }
    if (!(yMax > yMin)) {
      yMax = yMin + 1;
    }
    double pad = (yMax - yMin) * 0.05;
    yMax += pad;
    if (kind != Kind.BARS || logY) {
      yMin -= pad;
    }
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, LEFT, 24);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    int pw = W - LEFT - RIGHT;
    int ph = H - TOP - BOTTOM;
    g.drawRect(LEFT, TOP, pw, ph);
    for (int i = 0; i <= 4; i++) {
      double yv = yMin + i * (yMax - yMin) / 4;
      int py = TOP + ph - (int) Math.round(i * ph / 4.0);
      g.setColor(new Color(230, 230, 230));
      g.drawLine(LEFT + 1, py, LEFT + pw - 1, py);
      g.setColor(Color.BLACK);
      String label = logY ? "1e" + fmt(yv) : fmt(yv);
      g.drawString(label, 4, py + 4);
      double xv = xMin + i * (xMax - xMin) / 4;
      int px = LEFT + (int) Math.round(i * pw / 4.0);
      g.drawString(fmt(xv), px - 12, TOP + ph + 16);
    }
    g.drawString(xLabel, LEFT + pw / 2 - 30, H - 12);
    g.drawString(yLabel, 4, TOP - 8);
    g.setColor(new Color(31, 119, 180));
    g.setStroke(new BasicStroke(2f));
    int prevX = -1;
    int prevY = -1;
    double barHalf = x.length > 1 ? Math.abs(x[1] - x[0]) / 2 * 0.8 : 0.4;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(y[i]) || !Double.isFinite(x[i])) {
        prevX = -1;
        continue;
      }
      int px = LEFT + (int) Math.round((x[i] - xMin) / (xMax - xMin) * pw);
      int py = TOP + ph - (int) Math.round((y[i] - yMin) / (yMax - yMin) * ph);
      switch (kind) {
        case LINE -> {
          if (prevX >= 0) {
            g.drawLine(prevX, prevY, px, py);
          }
          g.fillOval(px - 4, py - 4, 8, 8);
          g.drawString(fmt(yRaw[i]), px + 6, py - 6);
        }
        case BARS -> {
          int x0 = LEFT + (int) Math.round((x[i] - barHalf - xMin) / (xMax - xMin) * pw);
          int x1 = LEFT + (int) Math.round((x[i] + barHalf - xMin) / (xMax - xMin) * pw);
          int base = TOP + ph - (int) Math.round((Math.max(yMin, 0) - yMin) / (yMax - yMin) * ph);
          if (logY) {
            base = TOP + ph;
          }
          g.fillRect(x0, Math.min(py, base), Math.max(1, x1 - x0), Math.abs(base - py));
        }
        case SCATTER -> g.fillOval(px - 2, py - 2, 4, 4);
      }
      prevX = px;
      prevY = py;
    }
    if (kind == Kind.SCATTER) {
      g.setColor(Color.RED);
      g.setStroke(new BasicStroke(1f));
      g.drawLine(LEFT, TOP + ph, LEFT + pw, TOP);
    }
    g.dispose();
    if (!ImageIO.write(img, "png", file.toFile())) {
      throw new IOException("no PNG writer available for " + file);
    }
  }

  private static double min(double[] v) {
    double m = Double.POSITIVE_INFINITY;
    for (double d : v) {
      if (Double.isFinite(d)) {
        m = Math.min(m, d);
      }
    }
    return Double.isFinite(m) ? m : 0;
  }

  private static double max(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double d : v) {
      if (Double.isFinite(d)) {
        m = Math.max(m, d);
      }
    }
    return Double.isFinite(m) ? m : 1;
  }

  private static String fmt(double v) {
    double a = Math.abs(v);
    if (a < 1e-12) {
      return "0"; // rounding noise of an axis that starts at zero
    }
    if (a != 0 && (a < 0.01 || a >= 1e4)) {
      return String.format(Locale.ROOT, "%.2e", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
