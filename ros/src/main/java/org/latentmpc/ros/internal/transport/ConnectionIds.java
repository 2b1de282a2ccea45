package org.latentmpc.ros.internal.transport;

import java.util.concurrent.atomic.AtomicInteger;

/** Connection ids unique within the JVM, as getBusInfo reports them. */
final class ConnectionIds {
  private static final AtomicInteger NEXT = new AtomicInteger(1);

  private ConnectionIds() {}

  static int next() {
    return NEXT.getAndIncrement();
  }
}
