package org.latentmpc.ros.msgs.std_srvs;

import org.latentmpc.ros.ServiceType;

/**
 * The ROS service {@code std_srvs/SetBool}: request {@link SetBoolRequest}, response {@link
 * SetBoolResponse}. The service md5 is computed from the .srv text on the classpath.
 */
public final class SetBool {
  /** The service descriptor of {@code std_srvs/SetBool}. */
  public static final ServiceType<SetBoolRequest, SetBoolResponse> TYPE =
      ServiceType.of("std_srvs/SetBool", SetBoolRequest::new, SetBoolResponse::new);

  private SetBool() {}
}
