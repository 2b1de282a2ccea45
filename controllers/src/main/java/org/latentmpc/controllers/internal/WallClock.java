package org.latentmpc.controllers.internal;

import java.util.concurrent.locks.LockSupport;
import org.latentmpc.controllers.ControlClock;

/** {@link ControlClock} on {@link System#nanoTime()}: park, then spin for the last stretch. */
public final class WallClock implements ControlClock {
  private final long spinNanos;

  /** A wall clock spinning for the last {@code spinNanos} before each deadline. */
  public WallClock(long spinNanos) {
    if (spinNanos < 0) {
      throw new IllegalArgumentException("spin time must be >= 0 ns: " + spinNanos);
    }
    this.spinNanos = spinNanos;
  }

  @Override
  public long nowNanos() {
    return System.nanoTime();
  }

  @Override
  public long awaitNanos(long deadlineNanos, long maxWaitNanos) throws InterruptedException {
    long now = System.nanoTime();
    long giveUp = now + maxWaitNanos;
    long stop = Math.min(deadlineNanos, giveUp);
    while (stop - now > spinNanos) {
      LockSupport.parkNanos(stop - now - spinNanos);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      now = System.nanoTime();
    }
    while (stop - now > 0) {
      Thread.onSpinWait();
      now = System.nanoTime();
    }
    return now;
  }
}
