package org.latentmpc.worldmodel.internal.collect;

import java.io.PrintWriter;

/**
 * A one-line text progress bar for {@link DataCollector} (episodes, steps, sim steps/s, ETA),
 * redrawn with a carriage return at most every {@link #REDRAW_INTERVAL_NANOS}.
 */
public final class ProgressBar implements DataCollector.Progress {
  /** Minimum time between redraws (ns). */
  public static final long REDRAW_INTERVAL_NANOS = 200_000_000L;

  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final int episodes;
  private final int steps;
  private final long startNanos = System.nanoTime();
  private long lastDrawNanos = Long.MIN_VALUE;
  private boolean drawn;

  /** A bar on {@code out} for {@code episodes} episodes of {@code steps} actions. */
  public ProgressBar(PrintWriter out, int episodes, int steps) {
    this.out = out;
    this.episodes = episodes;
    this.steps = steps;
  }

  @Override
  public void update(int episode, int step, long simSteps, long samples) {
    long now = System.nanoTime();
    boolean last = episode == episodes - 1 && step == steps;
    if (!last && lastDrawNanos != Long.MIN_VALUE && now - lastDrawNanos < REDRAW_INTERVAL_NANOS) {
      return;
    }
    lastDrawNanos = now;
    long total = (long) episodes * (steps + 1);
    double fraction = (double) samples / total;
    double elapsedS = (now - startNanos) * 1e-9;
    int filled = (int) Math.round(fraction * WIDTH);
    String eta = fraction > 0 ? clock(elapsedS * (1 - fraction) / fraction) : "--:--";
    out.printf(
        "\r[%s%s] %3.0f%% episode %d/%d step %d/%d  %,.0f sim steps/s  %,.0f samples/s  ETA %s ",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        100 * fraction,
        episode + 1,
        episodes,
        step,
        steps,
        elapsedS > 0 ? simSteps / elapsedS : 0,
        elapsedS > 0 ? samples / elapsedS : 0,
        eta);
    out.flush();
    drawn = true;
    if (last) {
      finish();
    }
  }

  /** Ends the line (once). */
  public void finish() {
    if (drawn) {
      out.println();
      out.flush();
      drawn = false;
    }
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }
}
