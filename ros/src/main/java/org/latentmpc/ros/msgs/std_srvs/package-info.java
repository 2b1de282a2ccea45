/** Java classes of the ROS package {@code std_srvs}, one per message or service type. */
package org.latentmpc.ros.msgs.std_srvs;
