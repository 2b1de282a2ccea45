package org.latentmpc.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ControlLoopTest {
  private static final long MS = 1_000_000L;

  @Test
  void runsOnceForEachPeriodOfSimTime() throws Exception {
    ControlClock.SimClock sim = ControlClock.sim();
    sim.set(10 * MS);
    // The driver starts stepping only once the loop has read its start time and waits for its
    // first deadline.
    java.util.concurrent.CountDownLatch awaiting = new java.util.concurrent.CountDownLatch(1);
    ControlClock.SimClock clock =
        new ControlClock.SimClock() {
          @Override
          public void set(long nowNanos) {
            sim.set(nowNanos);
          }

          @Override
          public long nowNanos() {
            return sim.nowNanos();
          }

          @Override
          public long awaitNanos(long deadlineNanos, long maxWaitNanos)
              throws InterruptedException {
            awaiting.countDown();
            return sim.awaitNanos(deadlineNanos, maxWaitNanos);
          }
        };
    List<long[]> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    ControlLoop loop = new ControlLoop(clock, 1000, (now, dt) -> calls.add(new long[] {now, dt}));
    Thread driver =
        new Thread(
            () -> {
              // Sim time advances in 0.5 ms steps: the loop runs on every second step. Like a
              // lock-step simulator, the driver waits for the cycle a step makes due before the
              // next step (a free-running driver could jump past a deadline while the loop thread
              // is descheduled, and the cycle would then see the later time).
              try {
                if (!awaiting.await(10, TimeUnit.SECONDS)) {
                  return;
                }
              } catch (InterruptedException e) {
                return;
              }
              for (int k = 1; k <= 200; k++) {
                clock.set(10 * MS + k * MS / 2);
                int due = k / 2;
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (calls.size() < due && System.nanoTime() < giveUp) {
                  try {
                    Thread.sleep(0, 100_000);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              }
            });
    driver.start();
    loop.runCycles(100);
    driver.join(10_000);
    assertEquals(100, calls.size());
    for (int k = 0; k < calls.size(); k++) {
      assertEquals(11 * MS + k * MS, calls.get(k)[0], "cycle " + k + " at its deadline");
      assertEquals(MS, calls.get(k)[1]);
    }
    LoopStatistics s = loop.statistics();
    assertEquals(100, s.cycles());
    assertEquals(0, s.jitterMaxUs(), 0.0); // sim time is exact
    assertEquals(1000.0, s.meanPeriodUs(), 1e-9);
  }

  @Test
  void skipsMissedDeadlinesInsteadOfBursting() throws Exception {
    ControlClock.SimClock clock = ControlClock.sim();
    List<Long> times = new ArrayList<>();
    ControlLoop loop = new ControlLoop(clock, 1000, (now, dt) -> times.add(now));
    clock.set(MS);
    Thread driver =
        new Thread(
            () -> {
              try {
                Thread.sleep(50);
                clock.set(2 * MS);
                Thread.sleep(50);
                clock.set(10 * MS); // a jump of 8 periods
                Thread.sleep(50);
                clock.set(11 * MS);
              } catch (InterruptedException e) {
                // ends the driver
              }
            });
    driver.start();
    loop.runCycles(3);
    driver.join(10_000);
    assertEquals(List.of(2 * MS, 10 * MS, 11 * MS), times);
    assertEquals(1, loop.statistics().overruns());
  }

  @Test
  void wallClockLoopStartsAndStops() throws Exception {
    long[] count = {0};
    ControlLoop loop = new ControlLoop(ControlClock.wall(20_000), 500, (now, dt) -> count[0]++);
    loop.start("test-loop");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (loop.statistics().cycles() < 50 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    loop.stop(5000);
    assertTrue(loop.statistics().cycles() >= 50);
    assertEquals(2000.0, loop.statistics().nominalPeriodUs(), 0.0);
  }
}
