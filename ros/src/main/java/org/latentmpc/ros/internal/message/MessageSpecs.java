package org.latentmpc.ros.internal.message;

import java.util.function.Supplier;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.ServiceType;

/**
 * Computes md5 sums and full definitions from the .msg/.srv files on the classpath. (Being
 * written.)
 */
public final class MessageSpecs {
  private MessageSpecs() {}

  /** The computed md5 and full definition of a message type. */
  public record Described(String md5, String definition) {}

  public static Described describe(String name) {
    throw new UnsupportedOperationException("message specs are not implemented yet: " + name);
  }

  public static <Q extends Message, R extends Message> ServiceType<Q, R> describeService(
      String name, Supplier<Q> requestFactory, Supplier<R> responseFactory) {
    throw new UnsupportedOperationException("service specs are not implemented yet: " + name);
  }
}
