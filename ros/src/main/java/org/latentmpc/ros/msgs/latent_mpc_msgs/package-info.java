/** Java classes of the ROS package {@code latent_mpc_msgs}, one per message or service type. */
package org.latentmpc.ros.msgs.latent_mpc_msgs;
