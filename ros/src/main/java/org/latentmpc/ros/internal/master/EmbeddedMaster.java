package org.latentmpc.ros.internal.master;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.latentmpc.ros.internal.name.GraphNames;
import org.latentmpc.ros.internal.xmlrpc.XmlRpcClient;
import org.latentmpc.ros.internal.xmlrpc.XmlRpcHandler;
import org.latentmpc.ros.internal.xmlrpc.XmlRpcServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ROS master in Java, behaving as rosmaster (ros_comm 1.15): registration of publishers,
 * subscribers and services, lookups, system state, the parameter server, and the callbacks to nodes
 * (publisherUpdate to subscribers on every publisher change, paramUpdate to subscribeParam callers,
 * shutdown to the old URI of a node name that registers again from another URI). Callbacks run
 * asynchronously, one ordered queue per node, so a slow node cannot stall the master.
 *
 * <p>Names in calls are resolved in the caller's namespace as rosmaster does ({@code gain} from
 * {@code /arm/ctrl} is {@code /arm/gain}, {@code ~gain} is {@code /arm/ctrl/gain}).
 */
public final class EmbeddedMaster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMaster.class);

  /** The caller id the master uses in its callbacks. */
  public static final String MASTER_CALLER_ID = "/master";

  private static final Duration CALLBACK_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration CALLBACK_READ_TIMEOUT = Duration.ofSeconds(5);
  private static final int CALLBACK_THREADS = 4;
  private static final int MAX_QUEUED_CALLBACKS = 10_000;

  /** A (node, node URI) pair registered for a name. */
  private record Reg(String callerId, String api) {}

  /** What a node has registered; the node is forgotten when it is empty. */
  private static final class NodeRef {
    final String api;
    final Set<String> pubs = new HashSet<>();
    final Set<String> subs = new HashSet<>();
    final Set<String> services = new HashSet<>();
    final Set<String> params = new HashSet<>();

    NodeRef(String api) {
      this.api = api;
    }

    boolean isEmpty() {
      return pubs.isEmpty() && subs.isEmpty() && services.isEmpty() && params.isEmpty();
    }
  }

  private record ServiceReg(String callerId, String callerApi, String serviceApi) {}

  private final Object lock = new Object();
  private final Map<String, NodeRef> nodes = new LinkedHashMap<>();
  private final Map<String, List<Reg>> publishers = new LinkedHashMap<>();
  private final Map<String, List<Reg>> subscribers = new LinkedHashMap<>();
  private final Map<String, List<Reg>> paramSubscribers = new LinkedHashMap<>();
  private final Map<String, ServiceReg> services = new LinkedHashMap<>();
  private final Map<String, String> topicTypes = new LinkedHashMap<>();

  /** How long a replaced node's URI cannot re-register its name. */
  private static final long REPLACED_NODE_WINDOW_NS = TimeUnit.SECONDS.toNanos(10);

  /** "callerId api" of recently replaced nodes -> when (nanoTime); bounded, oldest dropped. */
  private final Map<String, Long> replaced =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > 1000;
        }
      };

  private final ParameterStore params = new ParameterStore();
  private final CallbackQueues callbacks =
      new CallbackQueues(CALLBACK_THREADS, MAX_QUEUED_CALLBACKS);
  private final XmlRpcServer server;

  private EmbeddedMaster(String host, int port) throws IOException {
    this.server = XmlRpcServer.start(host, port, this::invoke);
  }

  /**
   * Starts a master serving on {@code host:port} ({@code port} 0: any free port; 11311 is ROS's
   * default).
   *
   * @throws IOException when the address cannot be bound (e.g. another master runs there)
   */
  public static EmbeddedMaster start(String host, int port) throws IOException {
    return new EmbeddedMaster(Objects.requireNonNull(host, "host"), port);
  }

  /** The master URI, {@code http://host:port/}, for ROS_MASTER_URI. */
  public String uri() {
    return server.uri();
  }

  public int port() {
    return server.port();
  }

  /** Waits (bounded) until all queued callbacks to nodes have been made. */
  public boolean awaitCallbacks(long timeout, TimeUnit unit) throws InterruptedException {
    return callbacks.awaitIdle(timeout, unit);
  }

  /**
   * The current parameter subscriptions: key (with trailing slash) to subscribed node names, for
   * introspection and tests (the master API has no call for this).
   */
  public Map<String, List<String>> paramSubscribers() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    synchronized (lock) {
      paramSubscribers.forEach(
          (key, regs) -> {
            List<String> ids = new ArrayList<>();
            regs.forEach(r -> ids.add(r.callerId()));
            out.put(key, ids);
          });
    }
    return out;
  }

  /** Stops serving and drops queued callbacks. */
  @Override
  public void close() {
    server.close();
    callbacks.close();
  }

  // ------------------------------------------------------------------ dispatch

  private Object invoke(String method, List<Object> p) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{}{}", method, p);
    }
    try {
      return switch (method) {
        case "registerPublisher" -> registerPublisher(p);
        case "unregisterPublisher" -> unregisterTopic(p, publishers, true);
        case "registerSubscriber" -> registerSubscriber(p);
        case "unregisterSubscriber" -> unregisterTopic(p, subscribers, false);
        case "registerService" -> registerService(p);
        case "unregisterService" -> unregisterService(p);
        case "lookupNode" -> lookupNode(p);
        case "lookupService" -> lookupService(p);
        case "getPublishedTopics" -> getPublishedTopics(p);
        case "getTopicTypes" -> getTopicTypes(p);
        case "getSystemState" -> getSystemState(p);
        case "getUri" -> {
          arity(p, 1);
          yield RosRpc.reply(1, "", uri());
        }
        case "getPid" -> {
          arity(p, 1);
          yield RosRpc.reply(1, "", (int) ProcessHandle.current().pid());
        }
        case "setParam" -> setParam(p);
        case "getParam" -> getParam(p);
        case "deleteParam" -> deleteParam(p);
        case "searchParam" -> searchParam(p);
        case "hasParam" -> hasParam(p);
        case "getParamNames" -> {
          arity(p, 1);
          List<String> names;
          synchronized (lock) {
            names = params.names();
          }
          yield RosRpc.reply(1, "Parameter names", names);
        }
        case "subscribeParam" -> subscribeParam(p);
        case "unsubscribeParam" -> unsubscribeParam(p);
        default -> throw XmlRpcHandler.noSuchMethod(method);
      };
    } catch (RosRpcException e) {
      return RosRpc.reply(e.code(), e.statusMessage(), 0);
    }
  }

  private static String arity(List<Object> p, int n) {
    if (p.isEmpty()) {
      throw RosRpcException.failure(-1, "missing required caller_id parameter");
    }
    if (!(p.get(0) instanceof String callerId)) {
      throw RosRpcException.failure(-1, "caller_id must be a string");
    }
    if (p.size() != n) {
      throw RosRpcException.failure(-1, "Error: bad call arity");
    }
    return callerId;
  }

  private static String str(List<Object> p, int i, String name) {
    if (!(p.get(i) instanceof String s) || s.isEmpty()) {
      throw RosRpcException.failure(
          -1, "ERROR: parameter [" + name + "] must be specified and non-empty");
    }
    return s;
  }

  private static String api(List<Object> p, int i, String name) {
    Object v = p.get(i);
    if (!(v instanceof String s) || s.isEmpty()) {
      throw RosRpcException.failure(-1, "ERROR: parameter [" + name + "] is not an XMLRPC URI");
    }
    if (!s.startsWith("http://") && !s.startsWith("rosrpc://")) {
      throw RosRpcException.failure(-1, "ERROR: parameter [" + name + "] is not an RPC URI");
    }
    return s;
  }

  /** Resolves a graph name in the caller's namespace, as rosgraph.names.resolve_name. */
  static String resolve(String name, String callerId) {
    String caller = callerId.startsWith("/") ? callerId : "/" + callerId;
    String n = name;
    while (n.contains("//")) {
      n = n.replace("//", "/");
    }
    n = GraphNames.canonicalize(n);
    if (n.startsWith("/")) {
      return n;
    }
    if (n.startsWith("~")) {
      return GraphNames.join(GraphNames.canonicalize(caller), n.substring(1));
    }
    return GraphNames.join(GraphNames.parent(caller), n);
  }

  private static String graphName(List<Object> p, int i, String name, String callerId) {
    String s = str(p, i, name);
    if (s.contains(":") || s.contains(" ")) {
      throw RosRpcException.failure(-1, "ERROR: parameter [" + name + "] contains illegal chars");
    }
    if (s.equals("/")) {
      throw RosRpcException.failure(
          -1, "ERROR: parameter [" + name + "] cannot be the global namespace");
    }
    return resolve(s, callerId);
  }

  private static String typeName(List<Object> p, int i) {
    String t = str(p, i, "topic_type");
    if (!t.equals("*") && t.split("/", -1).length != 2) {
      throw RosRpcException.failure(
          -1, "ERROR: parameter [topic_type] is not a valid package resource name");
    }
    return t;
  }

  private static String paramKey(List<Object> p, int i, String callerId) {
    return resolve(str(p, i, "key"), callerId);
  }

  // ------------------------------------------------------------------ registration

  /**
   * Registers a node's URI; a new URI for a known name shuts the old one down. Unlike rosmaster, a
   * node that was just replaced cannot take its name back for {@link #REPLACED_NODE_WINDOW_NS}: a
   * shutting-down node still registers (roscpp subscribes a parameter when it logs the shutdown),
   * which would otherwise shut the new node down in turn. Holds lock.
   */
  private NodeRef registerNode(String callerId, String api) {
    NodeRef ref = nodes.get(callerId);
    if (ref != null && ref.api.equals(api)) {
      return ref;
    }
    Long replacedAt = replaced.get(callerId + " " + api);
    if (replacedAt != null && System.nanoTime() - replacedAt < REPLACED_NODE_WINDOW_NS) {
      throw RosRpcException.failure(
          -1,
          "["
              + callerId
              + "] at "
              + api
              + " was replaced by a new node with the same name and must shut down");
    }
    if (ref != null) {
      String old = ref.api;
      replaced.put(callerId + " " + old, System.nanoTime());
      LOG.info("node {} registered again from {}: shutting down {}", callerId, api, old);
      callbacks.submit(
          old,
          () ->
              slave(old)
                  .call(
                      "shutdown",
                      MASTER_CALLER_ID,
                      "[" + callerId + "] Reason: new node registered with same name"));
      Set<String> changedTopics = new LinkedHashSet<>(ref.pubs);
      removeAll(publishers, callerId);
      removeAll(subscribers, callerId);
      removeAll(paramSubscribers, callerId);
      services.values().removeIf(s -> s.callerId().equals(callerId));
      for (String topic : changedTopics) {
        notifySubscribers(topic);
      }
    }
    NodeRef fresh = new NodeRef(api);
    nodes.put(callerId, fresh);
    return fresh;
  }

  private static void removeAll(Map<String, List<Reg>> map, String callerId) {
    map.values().forEach(l -> l.removeIf(r -> r.callerId().equals(callerId)));
    map.values().removeIf(List::isEmpty);
  }

  private static boolean addReg(Map<String, List<Reg>> map, String key, Reg reg) {
    List<Reg> list = map.computeIfAbsent(key, k -> new ArrayList<>());
    if (list.contains(reg)) {
      return false;
    }
    list.add(reg);
    return true;
  }

  private static List<String> apis(Map<String, List<Reg>> map, String key) {
    List<String> out = new ArrayList<>();
    for (Reg r : map.getOrDefault(key, List.of())) {
      out.add(r.api());
    }
    return out;
  }

  private static XmlRpcClient slave(String api) {
    return new XmlRpcClient(
        java.net.URI.create(api), CALLBACK_CONNECT_TIMEOUT, CALLBACK_READ_TIMEOUT);
  }

  /** Queues publisherUpdate(topic, all publishers) to every subscriber of topic. Holds lock. */
  private void notifySubscribers(String topic) {
    List<String> pubUris = apis(publishers, topic);
    for (String subApi : new LinkedHashSet<>(apis(subscribers, topic))) {
      callbacks.submit(
          subApi, () -> slave(subApi).call("publisherUpdate", MASTER_CALLER_ID, topic, pubUris));
    }
  }

  private Object registerPublisher(List<Object> p) {
    String callerId = arity(p, 4);
    String topic = graphName(p, 1, "topic", callerId);
    String type = typeName(p, 2);
    String api = api(p, 3, "caller_api");
    List<String> subApis;
    synchronized (lock) {
      NodeRef node = registerNode(callerId, api);
      node.pubs.add(topic);
      addReg(publishers, topic, new Reg(callerId, api));
      if (!type.equals("*") || !topicTypes.containsKey(topic)) {
        topicTypes.put(topic, type);
      }
      notifySubscribers(topic);
      subApis = apis(subscribers, topic);
    }
    return RosRpc.reply(
        1, "Registered [" + callerId + "] as publisher of [" + topic + "]", subApis);
  }

  private Object registerSubscriber(List<Object> p) {
    String callerId = arity(p, 4);
    String topic = graphName(p, 1, "topic", callerId);
    String type = typeName(p, 2);
    String api = api(p, 3, "caller_api");
    List<String> pubApis;
    synchronized (lock) {
      NodeRef node = registerNode(callerId, api);
      node.subs.add(topic);
      addReg(subscribers, topic, new Reg(callerId, api));
      if (!topicTypes.containsKey(topic) && !type.equals("*")) {
        topicTypes.put(topic, type);
      }
      pubApis = apis(publishers, topic);
    }
    return RosRpc.reply(1, "Subscribed to [" + topic + "]", pubApis);
  }

  private Object unregisterTopic(List<Object> p, Map<String, List<Reg>> map, boolean isPub) {
    String callerId = arity(p, 3);
    String topic = graphName(p, 1, "topic", callerId);
    String api = api(p, 2, "caller_api");
    synchronized (lock) {
      NodeRef node = nodes.get(callerId);
      if (node == null) {
        return RosRpc.reply(1, "[" + callerId + "] is not a registered node", 0);
      }
      List<Reg> list = map.get(topic);
      if (list == null || !list.remove(new Reg(callerId, api))) {
        return RosRpc.reply(1, "[" + callerId + "] is not a known provider of [" + topic + "]", 0);
      }
      if (list.isEmpty()) {
        map.remove(topic);
      }
      (isPub ? node.pubs : node.subs).remove(topic);
      if (node.isEmpty()) {
        nodes.remove(callerId);
      }
      if (isPub) {
        notifySubscribers(topic);
      }
    }
    return RosRpc.reply(1, "Unregistered [" + callerId + "] as provider of [" + topic + "]", 1);
  }

  private Object registerService(List<Object> p) {
    String callerId = arity(p, 4);
    String service = graphName(p, 1, "service", callerId);
    String serviceApi = api(p, 2, "service_api");
    String api = api(p, 3, "caller_api");
    synchronized (lock) {
      NodeRef node = registerNode(callerId, api);
      node.services.add(service);
      services.put(service, new ServiceReg(callerId, api, serviceApi));
    }
    return RosRpc.reply(1, "Registered [" + callerId + "] as provider of [" + service + "]", 1);
  }

  private Object unregisterService(List<Object> p) {
    String callerId = arity(p, 3);
    String service = graphName(p, 1, "service", callerId);
    String serviceApi = api(p, 2, "service_api");
    synchronized (lock) {
      NodeRef node = nodes.get(callerId);
      if (node == null) {
        return RosRpc.reply(1, "[" + callerId + "] is not a registered node", 0);
      }
      ServiceReg reg = services.get(service);
      if (reg == null) {
        return RosRpc.reply(1, "[" + callerId + "] is not a provider of [" + service + "]", 0);
      }
      if (!reg.callerId().equals(callerId) || !reg.serviceApi().equals(serviceApi)) {
        return RosRpc.reply(
            1,
            "["
                + serviceApi
                + "] is no longer the current service api handle for ["
                + service
                + "]",
            0);
      }
      services.remove(service);
      node.services.remove(service);
      if (node.isEmpty()) {
        nodes.remove(callerId);
      }
    }
    return RosRpc.reply(1, "Unregistered [" + callerId + "] as provider of [" + service + "]", 1);
  }

  // ------------------------------------------------------------------ lookups

  private Object lookupNode(List<Object> p) {
    String callerId = arity(p, 2);
    String node = graphName(p, 1, "node", callerId);
    synchronized (lock) {
      NodeRef ref = nodes.get(node);
      if (ref == null) {
        return RosRpc.reply(-1, "unknown node [" + node + "]", "");
      }
      return RosRpc.reply(1, "node api", ref.api);
    }
  }

  private Object lookupService(List<Object> p) {
    String callerId = arity(p, 2);
    String service = graphName(p, 1, "service", callerId);
    synchronized (lock) {
      ServiceReg reg = services.get(service);
      if (reg == null) {
        return RosRpc.reply(-1, "no provider", "");
      }
      return RosRpc.reply(1, "rosrpc URI: [" + reg.serviceApi() + "]", reg.serviceApi());
    }
  }

  private Object getPublishedTopics(List<Object> p) {
    String callerId = arity(p, 2);
    if (!(p.get(1) instanceof String sub)) {
      throw RosRpcException.failure(-1, "ERROR: parameter [subgraph] must be a string");
    }
    String subgraph = sub.isEmpty() ? "" : resolve(sub, callerId);
    if (!subgraph.isEmpty() && !subgraph.endsWith("/")) {
      subgraph = subgraph + "/";
    }
    List<Object> out = new ArrayList<>();
    synchronized (lock) {
      for (String topic : publishers.keySet()) {
        if (topic.startsWith(subgraph)) {
          out.add(List.of(topic, topicTypes.getOrDefault(topic, "*")));
        }
      }
    }
    return RosRpc.reply(1, "current topics", out);
  }

  private Object getTopicTypes(List<Object> p) {
    arity(p, 1);
    List<Object> out = new ArrayList<>();
    synchronized (lock) {
      topicTypes.forEach((t, type) -> out.add(List.of(t, type)));
    }
    return RosRpc.reply(1, "current system state", out);
  }

  private Object getSystemState(List<Object> p) {
    arity(p, 1);
    synchronized (lock) {
      List<Object> pubs = state(publishers);
      List<Object> subs = state(subscribers);
      List<Object> srvs = new ArrayList<>();
      services.forEach((name, reg) -> srvs.add(List.of(name, List.of(reg.callerId()))));
      return RosRpc.reply(1, "current system state", List.of(pubs, subs, srvs));
    }
  }

  private static List<Object> state(Map<String, List<Reg>> map) {
    List<Object> out = new ArrayList<>();
    map.forEach(
        (name, regs) -> {
          List<String> ids = new ArrayList<>();
          regs.forEach(r -> ids.add(r.callerId()));
          out.add(List.of(name, ids));
        });
    return out;
  }

  // ------------------------------------------------------------------ parameters

  private Object setParam(List<Object> p) {
    String callerId = arity(p, 3);
    String key = paramKey(p, 1, callerId);
    Object value = p.get(2);
    synchronized (lock) {
      try {
        params.set(key, value);
      } catch (IllegalArgumentException e) {
        return RosRpc.reply(0, "Internal failure: " + e.getMessage(), 0);
      }
      notifyParamSubscribers(key, value, callerId);
    }
    return RosRpc.reply(1, "parameter " + key + " set", 0);
  }

  private Object getParam(List<Object> p) {
    String callerId = arity(p, 2);
    String key = paramKey(p, 1, callerId);
    Optional<Object> v;
    synchronized (lock) {
      v = params.get(key);
    }
    return v.isPresent()
        ? RosRpc.reply(1, "Parameter [" + key + "]", v.get())
        : RosRpc.reply(-1, "Parameter [" + key + "] is not set", 0);
  }

  private Object deleteParam(List<Object> p) {
    String callerId = arity(p, 2);
    String key = paramKey(p, 1, callerId);
    synchronized (lock) {
      boolean deleted;
      try {
        deleted = params.delete(key);
      } catch (IllegalArgumentException e) {
        return RosRpc.reply(-1, "parameter [" + key + "] is not set", 0);
      }
      if (!deleted) {
        return RosRpc.reply(-1, "parameter [" + key + "] is not set", 0);
      }
      notifyParamSubscribers(key, Map.of(), null);
    }
    return RosRpc.reply(1, "parameter " + key + " deleted", 0);
  }

  private Object searchParam(List<Object> p) {
    String callerId = arity(p, 2);
    String key = str(p, 1, "key");
    if (key.startsWith("~")) {
      return RosRpc.reply(0, "Internal failure: invalid key", 0);
    }
    String ns = callerId.startsWith("/") ? callerId : "/" + callerId;
    Optional<String> found;
    synchronized (lock) {
      found = params.search(ns, key);
    }
    return found.isPresent()
        ? RosRpc.reply(1, "Found [" + found.get() + "]", found.get())
        : RosRpc.reply(-1, "Cannot find parameter [" + key + "] in an upwards search", "");
  }

  private Object hasParam(List<Object> p) {
    String callerId = arity(p, 2);
    String key = paramKey(p, 1, callerId);
    boolean has;
    synchronized (lock) {
      has = params.has(key);
    }
    return RosRpc.reply(1, key, has);
  }

  private static String subscriptionKey(String key) {
    return key.equals("/") ? "/" : GraphNames.canonicalize(key) + "/";
  }

  private Object subscribeParam(List<Object> p) {
    String callerId = arity(p, 3);
    String api = api(p, 1, "caller_api");
    String key = subscriptionKey(paramKey(p, 2, callerId));
    Object value;
    synchronized (lock) {
      value = params.get(key).orElse(Map.of());
      NodeRef node = registerNode(callerId, api);
      node.params.add(key);
      addReg(paramSubscribers, key, new Reg(callerId, api));
    }
    return RosRpc.reply(1, "Subscribed to parameter [" + key + "]", value);
  }

  private Object unsubscribeParam(List<Object> p) {
    String callerId = arity(p, 3);
    String api = api(p, 1, "caller_api");
    String key = subscriptionKey(paramKey(p, 2, callerId));
    synchronized (lock) {
      unsubscribeParamLocked(callerId, api, key);
    }
    return RosRpc.reply(1, "Unsubscribe to parameter [" + key + "]", 1);
  }

  private void unsubscribeParamLocked(String callerId, String api, String key) {
    List<Reg> list = paramSubscribers.get(key);
    if (list != null && list.remove(new Reg(callerId, api))) {
      if (list.isEmpty()) {
        paramSubscribers.remove(key);
      }
      NodeRef node = nodes.get(callerId);
      if (node != null) {
        node.params.remove(key);
        if (node.isEmpty()) {
          nodes.remove(callerId);
        }
      }
    }
  }

  /**
   * rosmaster's compute_param_updates: a subscriber of a namespace above (or equal to) the changed
   * key gets (changedKey/, value), except the caller that set it; when a map was set, a subscriber
   * below the key gets its own subtree's value, or {} when the new tree no longer holds it. Holds
   * lock.
   */
  private void notifyParamSubscribers(String key, Object value, String callerToIgnore) {
    if (paramSubscribers.isEmpty()) {
      return;
    }
    String paramKey = subscriptionKey(key);
    List<String> allKeys = null;
    if (value instanceof Map<?, ?> m) {
      allKeys = new ArrayList<>();
      computeAllKeys(paramKey, m, allKeys);
    }
    for (Map.Entry<String, List<Reg>> e : paramSubscribers.entrySet()) {
      String subKey = e.getKey();
      String nsKey = subKey.endsWith("/") ? subKey : subKey + "/";
      if (paramKey.startsWith(nsKey)) {
        for (Reg r : e.getValue()) {
          if (!r.callerId().equals(callerToIgnore)) {
            sendParamUpdate(r, paramKey, value);
          }
        }
      } else if (allKeys != null && nsKey.startsWith(paramKey) && !allKeys.contains(subKey)) {
        for (Reg r : e.getValue()) {
          sendParamUpdate(r, subKey, Map.of());
        }
      }
    }
    if (allKeys != null) {
      for (String k : allKeys) {
        List<Reg> regs = paramSubscribers.get(k);
        if (regs == null) {
          continue;
        }
        Object v = value;
        for (String seg : k.substring(paramKey.length()).split("/")) {
          if (!seg.isEmpty()) {
            v = ((Map<?, ?>) v).get(seg);
          }
        }
        for (Reg r : regs) {
          sendParamUpdate(r, k, v);
        }
      }
    }
  }

  private static void computeAllKeys(String paramKey, Map<?, ?> value, List<String> out) {
    for (Map.Entry<?, ?> e : value.entrySet()) {
      String k = GraphNames.join(paramKey, String.valueOf(e.getKey())) + "/";
      out.add(k);
      if (e.getValue() instanceof Map<?, ?> m) {
        computeAllKeys(k, m, out);
      }
    }
  }

  private void sendParamUpdate(Reg r, String key, Object value) {
    Object copy = ParameterStore.deepCopy(value);
    callbacks.submit(
        r.api(),
        () -> {
          Object reply = slave(r.api()).call("paramUpdate", MASTER_CALLER_ID, key, copy);
          if (reply instanceof List<?> l && !l.isEmpty() && Integer.valueOf(-1).equals(l.get(0))) {
            synchronized (lock) {
              unsubscribeParamLocked(r.callerId(), r.api(), key);
            }
          }
        });
  }
}
