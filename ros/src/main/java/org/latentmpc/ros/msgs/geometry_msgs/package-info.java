/** Java classes of the ROS package {@code geometry_msgs}, one per message or service type. */
package org.latentmpc.ros.msgs.geometry_msgs;
