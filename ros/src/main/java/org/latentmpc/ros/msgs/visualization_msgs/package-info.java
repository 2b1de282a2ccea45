/** Java classes of the ROS package {@code visualization_msgs}, one per message or service type. */
package org.latentmpc.ros.msgs.visualization_msgs;
