/** Java classes of the ROS package {@code std_msgs}, one per message or service type. */
package org.latentmpc.ros.msgs.std_msgs;
