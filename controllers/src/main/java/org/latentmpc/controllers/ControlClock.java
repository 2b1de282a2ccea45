package org.latentmpc.controllers;

import org.latentmpc.controllers.internal.SimTimeClock;
import org.latentmpc.controllers.internal.WallClock;

/**
 * The time source of a {@link ControlLoop}: wall time (a monotonic clock) or simulation time (the
 * latest {@code /clock}). Controllers only ever see the nanoseconds this clock hands the loop.
 */
public interface ControlClock {
  /** Now, in nanoseconds on this clock's time line. */
  long nowNanos();

  /**
   * Blocks until {@link #nowNanos()} reaches {@code deadlineNanos}, or at most {@code maxWaitNanos}
   * of real time (so a stalled simulation never hangs the caller). Allocation-free.
   *
   * @return {@link #nowNanos()} on return
   */
  long awaitNanos(long deadlineNanos, long maxWaitNanos) throws InterruptedException;

  /**
   * A wall clock on {@link System#nanoTime()}: parks until shortly before the deadline, then spins
   * for the last {@code spinNanos} to keep the period jitter low.
   */
  static ControlClock wall(long spinNanos) {
    return new WallClock(spinNanos);
  }

  /** A simulation clock, advanced by {@link SimClock#set} (e.g. from {@code /clock}). */
  static SimClock sim() {
    return new SimTimeClock();
  }

  /** A {@link ControlClock} whose time is set from outside (simulation time). */
  interface SimClock extends ControlClock {
    /** Sets the time (ns); never moves backwards (earlier values are ignored). */
    void set(long nowNanos);
  }
}
