package org.latentmpc.ros.internal.master;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.latentmpc.ros.internal.xmlrpc.XmlRpcClient;

/**
 * Typed calls of the ROS master API for one caller (a node's full name). Thread-safe.
 *
 * <p>Every method throws {@link RosRpcException} (carrying the master's status message) when the
 * master answers with a code other than 1, except {@link #searchParam}, which returns empty when
 * nothing is found, and {@link org.latentmpc.ros.internal.xmlrpc.XmlRpcException} when the master
 * cannot be reached or answers malformed.
 */
public final class MasterClient {
  private final XmlRpcClient client;
  private final String callerId;

  /**
   * @param masterUri the master's XML-RPC URI
   * @param callerId the calling node's full name, e.g. {@code /arm/controller}
   */
  public MasterClient(
      URI masterUri, String callerId, Duration connectTimeout, Duration readTimeout) {
    this.client = new XmlRpcClient(masterUri, connectTimeout, readTimeout);
    this.callerId = Objects.requireNonNull(callerId, "callerId");
  }

  /** A client with the default XML-RPC timeouts. */
  public MasterClient(URI masterUri, String callerId) {
    this(
        masterUri,
        callerId,
        XmlRpcClient.DEFAULT_CONNECT_TIMEOUT,
        XmlRpcClient.DEFAULT_READ_TIMEOUT);
  }

  public URI masterUri() {
    return client.uri();
  }

  public String callerId() {
    return callerId;
  }

  private Object call(String method, Object... args) {
    List<Object> params = new ArrayList<>(args.length + 1);
    params.add(callerId);
    params.addAll(Arrays.asList(args));
    return RosRpc.unwrap(method, client.call(method, params));
  }

  // ------------------------------------------------------------------ registration

  /** Registers the caller as publisher; returns the XML-RPC URIs of the current subscribers. */
  public List<String> registerPublisher(String topic, String type, String callerApi) {
    String m = "registerPublisher";
    return RosRpc.stringList(m, call(m, topic, type, callerApi));
  }

  /** Returns the number of registrations removed (0 when it was not registered). */
  public int unregisterPublisher(String topic, String callerApi) {
    String m = "unregisterPublisher";
    return RosRpc.as(m, call(m, topic, callerApi), Integer.class);
  }

  /** Registers the caller as subscriber; returns the XML-RPC URIs of the current publishers. */
  public List<String> registerSubscriber(String topic, String type, String callerApi) {
    String m = "registerSubscriber";
    return RosRpc.stringList(m, call(m, topic, type, callerApi));
  }

  /** Returns the number of registrations removed (0 when it was not registered). */
  public int unregisterSubscriber(String topic, String callerApi) {
    String m = "unregisterSubscriber";
    return RosRpc.as(m, call(m, topic, callerApi), Integer.class);
  }

  /**
   * Registers the caller as provider of {@code service} at {@code serviceUri} ({@code
   * rosrpc://host:port}).
   */
  public void registerService(String service, String serviceUri, String callerApi) {
    call("registerService", service, serviceUri, callerApi);
  }

  /** Returns the number of registrations removed (0 when another provider replaced the caller). */
  public int unregisterService(String service, String serviceUri) {
    String m = "unregisterService";
    return RosRpc.as(m, call(m, service, serviceUri), Integer.class);
  }

  // ------------------------------------------------------------------ lookups

  /** The XML-RPC URI of a node; throws (code -1) for an unknown node. */
  public String lookupNode(String nodeName) {
    String m = "lookupNode";
    return RosRpc.as(m, call(m, nodeName), String.class);
  }

  /** The rosrpc URI of a service; throws (code -1, "no provider") when none is registered. */
  public String lookupService(String service) {
    String m = "lookupService";
    return RosRpc.as(m, call(m, service), String.class);
  }

  /** Topics with publishers under {@code subgraph} ({@code ""} for all). */
  public List<TopicType> getPublishedTopics(String subgraph) {
    String m = "getPublishedTopics";
    return RosRpc.topicTypes(m, call(m, subgraph));
  }

  /** Every topic the master knows a type for (also subscriber-only topics). */
  public List<TopicType> getTopicTypes() {
    String m = "getTopicTypes";
    return RosRpc.topicTypes(m, call(m));
  }

  /** Publishers, subscribers and service providers of every name. */
  public SystemState getSystemState() {
    String m = "getSystemState";
    List<?> state = RosRpc.as(m, call(m), List.class);
    if (state.size() != 3) {
      throw new org.latentmpc.ros.internal.xmlrpc.XmlRpcException(
          m + ": expected [publishers, subscribers, services], got " + state);
    }
    return new SystemState(
        nameToNodes(m, state.get(0)), nameToNodes(m, state.get(1)), nameToNodes(m, state.get(2)));
  }

  private static Map<String, List<String>> nameToNodes(String m, Object value) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Object row : RosRpc.as(m, value, List.class)) {
      List<?> pair = RosRpc.as(m, row, List.class);
      if (pair.size() != 2) {
        throw new org.latentmpc.ros.internal.xmlrpc.XmlRpcException(
            m + ": expected [name, [nodes]], got " + pair);
      }
      out.put(RosRpc.as(m, pair.get(0), String.class), RosRpc.stringList(m, pair.get(1)));
    }
    return out;
  }

  /** The master's own URI. */
  public String getUri() {
    String m = "getUri";
    return RosRpc.as(m, call(m), String.class);
  }

  // ------------------------------------------------------------------ parameters

  /** Sets a parameter; a Map value replaces the namespace {@code key} with that tree. */
  public void setParam(String key, Object value) {
    call("setParam", key, value);
  }

  /** A parameter's value (a Map for a namespace); throws (code -1) when unset. */
  public Object getParam(String key) {
    return call("getParam", key);
  }

  /** Deletes a parameter or namespace; throws (code -1) when unset. */
  public void deleteParam(String key) {
    call("deleteParam", key);
  }

  /**
   * The closest key named {@code key}, searching upward from the caller's namespace (the master
   * starts at the caller's private namespace); empty when nothing matches.
   */
  public Optional<String> searchParam(String key) {
    String m = "searchParam";
    Object response = client.call(m, List.of(callerId, key));
    try {
      return Optional.of(RosRpc.as(m, RosRpc.unwrap(m, response), String.class));
    } catch (RosRpcException e) {
      if (e.code() == -1) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Subscribes the node at {@code callerApi} to updates of {@code key} (sent to its slave API's
   * paramUpdate); returns the current value, or an empty Map when unset.
   */
  public Object subscribeParam(String callerApi, String key) {
    return call("subscribeParam", callerApi, key);
  }

  /** Ends a subscription made with {@link #subscribeParam}. */
  public int unsubscribeParam(String callerApi, String key) {
    String m = "unsubscribeParam";
    return RosRpc.as(m, call(m, callerApi, key), Integer.class);
  }

  public boolean hasParam(String key) {
    String m = "hasParam";
    return RosRpc.as(m, call(m, key), Boolean.class);
  }

  /** Every leaf parameter name. */
  public List<String> getParamNames() {
    String m = "getParamNames";
    return RosRpc.stringList(m, call(m));
  }
}
