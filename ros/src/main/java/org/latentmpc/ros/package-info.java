/**
 * The latent-mpc ROS1 client library: nodes, topics, services, parameters, message types and rosbag
 * files, shaped like rosjava's API. Start a node with {@link org.latentmpc.ros.NodeMainExecutor}
 * and a {@link org.latentmpc.ros.NodeConfiguration}; implement {@link org.latentmpc.ros.NodeMain}.
 * Message classes live in the {@code org.latentmpc.ros.msgs.<ros_package>} packages, one per ROS
 * package, as in rosjava.
 */
package org.latentmpc.ros;
