package org.latentmpc.ros;

import java.util.Objects;

/**
 * The descriptor of a service type ({@code pkg/Srv}): request and response message types and the
 * service md5, which is the md5 of the request's md5 text followed directly by the response's.
 *
 * @param <Q> request class
 * @param <R> response class
 */
public final class ServiceType<Q extends Message, R extends Message> {
  private final String name;
  private final String md5;
  private final MessageType<Q> requestType;
  private final MessageType<R> responseType;

  public ServiceType(
      String name, String md5, MessageType<Q> requestType, MessageType<R> responseType) {
    this.name = Objects.requireNonNull(name, "name");
    this.md5 = Objects.requireNonNull(md5, "md5");
    this.requestType = Objects.requireNonNull(requestType, "requestType");
    this.responseType = Objects.requireNonNull(responseType, "responseType");
  }

  /**
   * The descriptor of a service whose {@code .srv} file is on the classpath under {@code
   * /srv/<pkg>/<Srv>.srv}. The request and response types are named {@code pkg/SrvRequest} and
   * {@code pkg/SrvResponse}.
   */
  public static <Q extends Message, R extends Message> ServiceType<Q, R> of(
      String name,
      java.util.function.Supplier<Q> requestFactory,
      java.util.function.Supplier<R> responseFactory) {
    return org.latentmpc.ros.internal.message.MessageSpecs.describeService(
        name, requestFactory, responseFactory);
  }

  public String name() {
    return name;
  }

  public String md5() {
    return md5;
  }

  public MessageType<Q> requestType() {
    return requestType;
  }

  public MessageType<R> responseType() {
    return responseType;
  }

  @Override
  public String toString() {
    return name + " [" + md5 + "]";
  }
}
