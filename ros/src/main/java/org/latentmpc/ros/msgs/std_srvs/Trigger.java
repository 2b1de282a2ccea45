package org.latentmpc.ros.msgs.std_srvs;

import org.latentmpc.ros.ServiceType;

/**
 * The ROS service {@code std_srvs/Trigger}: request {@link TriggerRequest}, response {@link
 * TriggerResponse}. The service md5 is computed from the .srv text on the classpath.
 */
public final class Trigger {
  /** The service descriptor of {@code std_srvs/Trigger}. */
  public static final ServiceType<TriggerRequest, TriggerResponse> TYPE =
      ServiceType.of("std_srvs/Trigger", TriggerRequest::new, TriggerResponse::new);

  private Trigger() {}
}
