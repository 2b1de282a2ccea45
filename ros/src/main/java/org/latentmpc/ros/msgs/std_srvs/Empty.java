package org.latentmpc.ros.msgs.std_srvs;

import org.latentmpc.ros.ServiceType;

/**
 * The ROS service {@code std_srvs/Empty}: request {@link EmptyRequest}, response {@link
 * EmptyResponse}. The service md5 is computed from the .srv text on the classpath.
 */
public final class Empty {
  /** The service descriptor of {@code std_srvs/Empty}. */
  public static final ServiceType<EmptyRequest, EmptyResponse> TYPE =
      ServiceType.of("std_srvs/Empty", EmptyRequest::new, EmptyResponse::new);

  private Empty() {}
}
