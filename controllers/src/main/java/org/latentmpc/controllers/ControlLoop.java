package org.latentmpc.controllers;

import org.latentmpc.controllers.internal.PeriodHistogram;

/**
 * A fixed-rate loop on a {@link ControlClock}: calls its body once per period at deadlines {@code
 * t0 + k * period}, measures the actual periods, and skips (counts) deadlines it has missed by more
 * than a period instead of bursting to catch up. The loop itself allocates nothing per cycle.
 */
public final class ControlLoop implements Runnable {
  /** The work done each cycle. */
  @FunctionalInterface
  public interface Body {
    /**
     * One cycle at {@code nowNanos}; {@code dtNanos} is the time since the previous cycle (the
     * nominal period on the first).
     */
    void cycle(long nowNanos, long dtNanos);
  }

  private final ControlClock clock;
  private final long periodNanos;
  private final Body body;
  private final PeriodHistogram histogram;
  private volatile boolean running;
  private volatile Thread thread;

  /** A loop at {@code rateHz} on {@code clock}. */
  public ControlLoop(ControlClock clock, double rateHz, Body body) {
    if (!(rateHz > 0) || !Double.isFinite(rateHz)) {
      throw new IllegalArgumentException("loop rate must be > 0 Hz: " + rateHz);
    }
    this.clock = clock;
    this.periodNanos = Math.round(1e9 / rateHz);
    this.body = body;
    this.histogram = new PeriodHistogram(periodNanos);
  }

  /** The nominal period (ns). */
  public long periodNanos() {
    return periodNanos;
  }

  /** Starts the loop on a new thread named {@code name}. */
  public synchronized void start(String name) {
    if (thread != null) {
      throw new IllegalStateException("loop already started");
    }
    running = true;
    Thread t = new Thread(this, name);
    t.setDaemon(true);
    t.setPriority(Thread.MAX_PRIORITY);
    thread = t;
    t.start();
  }

  /** Stops the loop and waits (at most {@code timeoutMs}) for its thread. */
  public void stop(long timeoutMs) throws InterruptedException {
    running = false;
    Thread t = thread;
    if (t != null && t != Thread.currentThread()) {
      t.interrupt();
      t.join(timeoutMs);
    }
  }

  /** Runs the loop on the calling thread until {@link #stop} (or an interrupt). */
  @Override
  public void run() {
    running = true;
    long previous = clock.nowNanos();
    long next = previous;
    boolean first = true;
    try {
      while (running) {
        long now = clock.awaitNanos(next, 50 * periodNanos + 100_000_000L);
        if (now < next) {
          continue; // the (sim) clock stalled; wait again without running a cycle
        }
        long dt = now - previous;
        if (first) {
          first = false;
          dt = periodNanos;
        } else {
          histogram.record(dt);
        }
        previous = now;
        body.cycle(now, dt);
        next += periodNanos;
        if (now - next > periodNanos) {
          histogram.overrun();
          next = now + periodNanos;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      running = false;
    }
  }

  /** Runs exactly {@code cycles} cycles on the calling thread (benchmarks, lock-step tests). */
  public void runCycles(long cycles) throws InterruptedException {
    running = true;
    long previous = clock.nowNanos();
    long next = previous + periodNanos;
    for (long k = 0; k < cycles && running; k++) {
      long now = clock.awaitNanos(next, 50 * periodNanos + 100_000_000L);
      long dt = now - previous;
      histogram.record(dt);
      previous = now;
      body.cycle(now, dt);
      next += periodNanos;
      if (now - next > periodNanos) {
        histogram.overrun();
        next = now + periodNanos;
      }
    }
  }

  /** True while the loop runs. */
  public boolean isRunning() {
    return running;
  }

  /** A snapshot of the period statistics so far (allocates; call off the loop thread). */
  public LoopStatistics statistics() {
    return histogram.snapshot();
  }

  /** Clears the statistics. */
  public void resetStatistics() {
    histogram.reset();
  }
}
