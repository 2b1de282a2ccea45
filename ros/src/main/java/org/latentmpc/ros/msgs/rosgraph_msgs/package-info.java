/** Java classes of the ROS package {@code rosgraph_msgs}, one per message or service type. */
package org.latentmpc.ros.msgs.rosgraph_msgs;
