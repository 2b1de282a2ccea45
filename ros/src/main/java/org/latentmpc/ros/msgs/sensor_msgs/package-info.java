/** Java classes of the ROS package {@code sensor_msgs}, one per message or service type. */
package org.latentmpc.ros.msgs.sensor_msgs;
