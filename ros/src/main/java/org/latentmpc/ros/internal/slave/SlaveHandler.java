package org.latentmpc.ros.internal.slave;

import java.util.List;
import org.latentmpc.ros.internal.master.RosRpcException;
import org.latentmpc.ros.internal.master.TopicType;

/**
 * What a node does when its slave API is called; {@link SlaveServer} decodes and validates the
 * calls and encodes the replies. Methods are called concurrently from the server's threads and must
 * not block for long. A method may throw {@link RosRpcException#failure(int, String)} to answer
 * with that code and message; any other exception answers with code 0.
 */
public interface SlaveHandler {
  /**
   * A subscriber asks how to connect to our publication of {@code topic}.
   *
   * @param protocols the offered protocols in order of preference, each {@code [name, args...]},
   *     e.g. {@code [["TCPROS"]]}
   * @return the chosen protocol's parameters, e.g. {@code ["TCPROS", host, port]}
   * @throws RosRpcException with code -1 when we do not publish {@code topic}, code 0 when no
   *     offered protocol is supported
   */
  List<Object> requestTopic(String callerId, String topic, List<List<Object>> protocols);

  /** The master tells us the complete current publisher list of a topic we subscribe to. */
  void publisherUpdate(String callerId, String topic, List<String> publisherUris);

  /**
   * The master tells us a subscribed parameter changed; {@code key} ends with a slash, {@code
   * value} is an empty Map when the parameter was deleted.
   */
  void paramUpdate(String callerId, String key, Object value);

  /** Our connections, for rosnode info. */
  List<BusInfo> getBusInfo(String callerId);

  /**
   * Statistics {@code [publishStats, subscribeStats, serviceStats]} in rospy's layout: publishStats
   * rows {@code [topic, messageDataSent, [[connId, bytesSent, numSent, connected]...]]},
   * subscribeStats rows {@code [topic, [[connId, bytesReceived, dropEstimate, connected]...]]},
   * serviceStats {@code [numRequests, bytesReceived, bytesSent]}.
   */
  default List<Object> getBusStats(String callerId) {
    return List.of(List.of(), List.of(), List.of(0, 0, 0));
  }

  /** Topics we subscribe to, with their types. */
  List<TopicType> getSubscriptions(String callerId);

  /** Topics we publish, with their types. */
  List<TopicType> getPublications(String callerId);

  /**
   * Someone asks us to shut down (rosnode kill, or the master when another node took our name).
   * Called on its own thread after the reply has been sent, so it may close the slave server.
   */
  void shutdown(String callerId, String reason);
}
