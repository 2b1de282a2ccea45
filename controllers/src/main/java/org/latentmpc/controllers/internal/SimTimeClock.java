package org.latentmpc.controllers.internal;

import java.util.concurrent.locks.LockSupport;
import org.latentmpc.controllers.ControlClock;

/**
 * Simulation time set from outside (a {@code /clock} subscriber or a simulator stepping in the same
 * JVM). The waiting loop thread is unparked on every advance.
 */
public final class SimTimeClock implements ControlClock.SimClock {
  private volatile long now;
  private volatile Thread waiter;

  @Override
  public void set(long nowNanos) {
    if (nowNanos > now) {
      now = nowNanos;
      Thread w = waiter;
      if (w != null) {
        LockSupport.unpark(w);
      }
    }
  }

  @Override
  public long nowNanos() {
    return now;
  }

  @Override
  public long awaitNanos(long deadlineNanos, long maxWaitNanos) throws InterruptedException {
    if (now >= deadlineNanos) {
      return now;
    }
    waiter = Thread.currentThread();
    try {
      long giveUp = System.nanoTime() + maxWaitNanos;
      while (now < deadlineNanos) {
        long left = giveUp - System.nanoTime();
        if (left <= 0) {
          break;
        }
        LockSupport.parkNanos(this, Math.min(left, 10_000_000L));
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
    } finally {
      waiter = null;
    }
    return now;
  }
}
