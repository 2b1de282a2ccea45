package org.latentmpc.ros.msgs.latent_mpc_msgs;

import org.latentmpc.ros.ServiceType;

/**
 * The ROS service {@code latent_mpc_msgs/SetJointState}: request {@link SetJointStateRequest},
 * response {@link SetJointStateResponse}. The service md5 is computed from the .srv text on the
 * classpath.
 */
public final class SetJointState {
  /** The service descriptor of {@code latent_mpc_msgs/SetJointState}. */
  public static final ServiceType<SetJointStateRequest, SetJointStateResponse> TYPE =
      ServiceType.of(
          "latent_mpc_msgs/SetJointState", SetJointStateRequest::new, SetJointStateResponse::new);

  private SetJointState() {}
}
