/** Java classes of the ROS package {@code trajectory_msgs}, one per message or service type. */
package org.latentmpc.ros.msgs.trajectory_msgs;
