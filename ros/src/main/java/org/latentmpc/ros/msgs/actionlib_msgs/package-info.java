/** Java classes of the ROS package {@code actionlib_msgs}, one per message type. */
package org.latentmpc.ros.msgs.actionlib_msgs;
