package org.latentmpc.ros.internal.master;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the master's callbacks to nodes asynchronously: one FIFO queue per node URI (so a node sees
 * its updates in order) drained by a small shared pool (so a slow or dead node delays only its own
 * queue). Each queue is bounded; when full the oldest task is dropped and counted.
 */
final class CallbackQueues implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CallbackQueues.class);

  private final ExecutorService pool;
  private final int maxQueued;
  private final Map<String, Deque<Runnable>> queues = new HashMap<>();
  private long dropped;

  CallbackQueues(int threads, int maxQueuedPerTarget) {
    AtomicInteger ids = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "master-callback-" + ids.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.maxQueued = maxQueuedPerTarget;
  }

  /** Queues {@code task} for {@code target}; never blocks. */
  void submit(String target, Runnable task) {
    boolean start;
    synchronized (queues) {
      Deque<Runnable> q = queues.get(target);
      start = q == null;
      if (start) {
        q = new ArrayDeque<>();
        queues.put(target, q);
      }
      if (q.size() >= maxQueued) {
        q.pollFirst();
        dropped++;
        LOG.warn("callback queue for {} full: dropped the oldest callback", target);
      }
      q.addLast(task);
    }
    if (start) {
      try {
        pool.execute(() -> drain(target));
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        synchronized (queues) {
          queues.remove(target);
        }
      }
    }
  }

  private void drain(String target) {
    while (true) {
      Runnable task;
      synchronized (queues) {
        Deque<Runnable> q = queues.get(target);
        task = q == null ? null : q.pollFirst();
        if (task == null) {
          queues.remove(target);
          return;
        }
      }
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.debug("callback to {} failed: {}", target, e.toString());
      }
    }
  }

  /** Callbacks dropped because a queue was full. */
  long dropped() {
    synchronized (queues) {
      return dropped;
    }
  }

  /** Waits (bounded) until every queue is empty; for tests and orderly shutdown. */
  boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (System.nanoTime() < deadline) {
      synchronized (queues) {
        if (queues.isEmpty()) {
          return true;
        }
      }
      Thread.sleep(5);
    }
    return false;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    synchronized (queues) {
      queues.clear();
    }
  }
}
