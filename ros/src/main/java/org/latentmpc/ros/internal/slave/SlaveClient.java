package org.latentmpc.ros.internal.slave;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.latentmpc.ros.internal.master.RosRpc;
import org.latentmpc.ros.internal.master.RosRpcException;
import org.latentmpc.ros.internal.master.TopicType;
import org.latentmpc.ros.internal.xmlrpc.XmlRpcClient;
import org.latentmpc.ros.internal.xmlrpc.XmlRpcException;

/**
 * Calls another node's slave API: requestTopic (subscribers), shutdown (rosnode-kill-like tools),
 * the master's callbacks, and the introspection calls. Throws {@link RosRpcException} for a code
 * other than 1 and {@link XmlRpcException} when the node cannot be reached.
 */
public final class SlaveClient {
  /** Connect timeout used by {@link #SlaveClient(String)}: nodes are usually local. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);

  /** Read timeout used by {@link #SlaveClient(String)}. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

  /** A TCPROS endpoint a publisher offered in reply to requestTopic. */
  public record TcprosEndpoint(String host, int port) {}

  private final XmlRpcClient client;

  /**
   * @throws IllegalArgumentException when {@code slaveUri} is not an http URI
   */
  public SlaveClient(String slaveUri, Duration connectTimeout, Duration readTimeout) {
    URI uri;
    try {
      uri = URI.create(slaveUri);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a slave API URI: " + slaveUri, e);
    }
    this.client = new XmlRpcClient(uri, connectTimeout, readTimeout);
  }

  public SlaveClient(String slaveUri) {
    this(slaveUri, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
  }

  public URI uri() {
    return client.uri();
  }

  private Object call(String method, Object... params) {
    return RosRpc.unwrap(method, client.call(method, params));
  }

  /**
   * Asks a publisher for a connection to {@code topic}; returns the chosen protocol parameters,
   * e.g. {@code ["TCPROS", host, port]}.
   */
  public List<Object> requestTopic(String callerId, String topic, List<List<Object>> protocols) {
    String m = "requestTopic";
    List<?> reply = RosRpc.as(m, call(m, callerId, topic, protocols), List.class);
    return new ArrayList<>(reply);
  }

  /**
   * Asks a publisher for a TCPROS connection to {@code topic}.
   *
   * @throws RosRpcException when the publisher refuses or offers another protocol
   */
  public TcprosEndpoint requestTcpros(String callerId, String topic) {
    List<Object> reply = requestTopic(callerId, topic, List.of(List.of("TCPROS")));
    if (reply.size() < 3
        || !"TCPROS".equals(reply.get(0))
        || !(reply.get(1) instanceof String host)
        || !(reply.get(2) instanceof Integer port)) {
      throw new RosRpcException(
          "requestTopic", 0, "publisher offered no TCPROS endpoint: " + reply + " from " + uri());
    }
    return new TcprosEndpoint(host, port);
  }

  public void publisherUpdate(String callerId, String topic, List<String> publisherUris) {
    call("publisherUpdate", callerId, topic, publisherUris);
  }

  public void paramUpdate(String callerId, String key, Object value) {
    call("paramUpdate", callerId, key, value);
  }

  /** Asks the node to shut down. */
  public void shutdown(String callerId, String reason) {
    call("shutdown", callerId, reason);
  }

  public int getPid(String callerId) {
    String m = "getPid";
    return RosRpc.as(m, call(m, callerId), Integer.class);
  }

  public String getMasterUri(String callerId) {
    String m = "getMasterUri";
    return RosRpc.as(m, call(m, callerId), String.class);
  }

  /** Raw getBusInfo rows. */
  public List<?> getBusInfo(String callerId) {
    String m = "getBusInfo";
    return RosRpc.as(m, call(m, callerId), List.class);
  }

  public List<TopicType> getSubscriptions(String callerId) {
    String m = "getSubscriptions";
    return RosRpc.topicTypes(m, call(m, callerId));
  }

  public List<TopicType> getPublications(String callerId) {
    String m = "getPublications";
    return RosRpc.topicTypes(m, call(m, callerId));
  }
}
