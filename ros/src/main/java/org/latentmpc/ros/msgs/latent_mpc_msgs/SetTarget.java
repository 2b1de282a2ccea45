package org.latentmpc.ros.msgs.latent_mpc_msgs;

import org.latentmpc.ros.ServiceType;

/**
 * The ROS service {@code latent_mpc_msgs/SetTarget}: request {@link SetTargetRequest}, response
 * {@link SetTargetResponse}. The service md5 is computed from the .srv text on the classpath.
 */
public final class SetTarget {
  /** The service descriptor of {@code latent_mpc_msgs/SetTarget}. */
  public static final ServiceType<SetTargetRequest, SetTargetResponse> TYPE =
      ServiceType.of("latent_mpc_msgs/SetTarget", SetTargetRequest::new, SetTargetResponse::new);

  private SetTarget() {}
}
