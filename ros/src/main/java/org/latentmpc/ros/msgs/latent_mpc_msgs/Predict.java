package org.latentmpc.ros.msgs.latent_mpc_msgs;

import org.latentmpc.ros.ServiceType;

/**
 * The ROS service {@code latent_mpc_msgs/Predict}: request {@link PredictRequest}, response {@link
 * PredictResponse}. The service md5 is computed from the .srv text on the classpath.
 */
public final class Predict {
  /** The service descriptor of {@code latent_mpc_msgs/Predict}. */
  public static final ServiceType<PredictRequest, PredictResponse> TYPE =
      ServiceType.of("latent_mpc_msgs/Predict", PredictRequest::new, PredictResponse::new);

  private Predict() {}
}
