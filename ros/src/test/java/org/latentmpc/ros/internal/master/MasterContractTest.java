package org.latentmpc.ros.internal.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentmpc.ros.internal.testing.RecordingSlave.next;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.ros.internal.testing.RecordingSlave;
import org.latentmpc.ros.internal.testing.RecordingSlave.Call;

/**
 * The master API as rosmaster implements it, asserted through {@link MasterClient} over real
 * loopback XML-RPC with real slave servers receiving the callbacks. Run against our {@link
 * EmbeddedMaster} and against a real roscore, with the same assertions.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class MasterContractTest {
  private static final AtomicInteger IDS = new AtomicInteger();

  /** The master under test. */
  protected abstract String masterUri();

  private final String ns = "/t" + IDS.incrementAndGet() + "_" + System.nanoTime() % 100000;

  private MasterClient client(String callerId) {
    return new MasterClient(URI.create(masterUri()), callerId);
  }

  @Test
  void publisherAndSubscriberRegistrationWithCallbacks() throws Exception {
    String topic = ns + "/chatter";
    try (RecordingSlave sub = new RecordingSlave(masterUri());
        RecordingSlave pub = new RecordingSlave(masterUri())) {
      MasterClient subClient = client(ns + "/listener");
      MasterClient pubClient = client(ns + "/talker");
      assertEquals(List.of(), subClient.registerSubscriber(topic, "std_msgs/String", sub.uri()));
      // A subscriber-only topic is known by type but not published.
      assertTrue(subClient.getTopicTypes().contains(new TopicType(topic, "std_msgs/String")));
      assertFalse(subClient.getPublishedTopics("").stream().anyMatch(t -> t.topic().equals(topic)));

      assertEquals(
          List.of(sub.uri()), pubClient.registerPublisher(topic, "std_msgs/String", pub.uri()));
      Call update = next(sub.publisherUpdates);
      assertEquals("/master", update.callerId());
      assertEquals(topic, update.key());
      assertEquals(List.of(pub.uri()), update.value());

      assertEquals(
          List.of(new TopicType(topic, "std_msgs/String")), pubClient.getPublishedTopics(ns));
      SystemState state = pubClient.getSystemState();
      assertEquals(List.of(ns + "/talker"), state.publishers().get(topic));
      assertEquals(List.of(ns + "/listener"), state.subscribers().get(topic));
      assertEquals(pub.uri(), subClient.lookupNode(ns + "/talker"));
      assertEquals(List.of(pub.uri()), subClient.registerSubscriber(topic, "*", sub.uri()));

      assertEquals(1, pubClient.unregisterPublisher(topic, pub.uri()));
      Call gone = next(sub.publisherUpdates);
      assertEquals(List.of(), gone.value());
      assertEquals(0, pubClient.unregisterPublisher(topic, pub.uri()));
      RosRpcException unknown =
          assertThrows(RosRpcException.class, () -> subClient.lookupNode(ns + "/talker"));
      assertEquals(-1, unknown.code());
      assertTrue(unknown.statusMessage().contains("unknown node"), unknown.statusMessage());
      assertEquals(1, subClient.unregisterSubscriber(topic, sub.uri()));
      assertFalse(pubClient.getSystemState().subscribers().containsKey(topic));
    }
  }

  @Test
  void relativeNamesResolveInTheCallersNamespace() throws Exception {
    try (RecordingSlave pub = new RecordingSlave(masterUri())) {
      MasterClient c = client(ns + "/arm/ctrl");
      c.registerPublisher("state", "std_msgs/Float64", pub.uri());
      c.registerPublisher("~status", "std_msgs/String", pub.uri());
      SystemState state = c.getSystemState();
      assertTrue(state.publishers().containsKey(ns + "/arm/state"), state.toString());
      assertTrue(state.publishers().containsKey(ns + "/arm/ctrl/status"), state.toString());
      RosRpcException bad =
          assertThrows(
              RosRpcException.class,
              () -> c.registerPublisher("a b", "std_msgs/String", pub.uri()));
      assertEquals(-1, bad.code());
      assertThrows(RosRpcException.class, () -> c.registerPublisher("x", "notatype", pub.uri()));
      assertThrows(
          RosRpcException.class, () -> c.registerPublisher("x", "std_msgs/String", "ftp://x"));
    }
  }

  @Test
  void serviceRegistration() throws Exception {
    try (RecordingSlave node = new RecordingSlave(masterUri())) {
      MasterClient c = client(ns + "/server");
      String service = ns + "/add";
      c.registerService(service, "rosrpc://127.0.0.1:4321", node.uri());
      assertEquals("rosrpc://127.0.0.1:4321", c.lookupService(service));
      assertEquals(List.of(ns + "/server"), c.getSystemState().services().get(service));
      assertEquals(0, c.unregisterService(service, "rosrpc://127.0.0.1:9"));
      assertEquals(1, c.unregisterService(service, "rosrpc://127.0.0.1:4321"));
      RosRpcException none = assertThrows(RosRpcException.class, () -> c.lookupService(service));
      assertEquals(-1, none.code());
      assertEquals("no provider", none.statusMessage());
    }
  }

  @Test
  void parameterServerSemantics() {
    MasterClient c = client(ns + "/arm/ctrl/node");
    String root = ns + "/p";
    c.setParam(root + "/int", 3);
    c.setParam(root + "/double", 2.5);
    c.setParam(root + "/bool", true);
    c.setParam(root + "/str", "text");
    c.setParam(root + "/list", List.of(1, "a", List.of(2.0)));
    assertEquals(3, c.getParam(root + "/int"));
    assertEquals(2.5, c.getParam(root + "/double"));
    assertEquals(true, c.getParam(root + "/bool"));
    assertEquals("text", c.getParam(root + "/str"));
    assertEquals(List.of(1, "a", List.of(2.0)), c.getParam(root + "/list"));

    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("x", 1);
    tree.put("sub", Map.of("z", 3));
    c.setParam(root + "/tree", tree);
    assertEquals(3, c.getParam(root + "/tree/sub/z"));
    assertEquals(Map.of("x", 1, "sub", Map.of("z", 3)), c.getParam(root + "/tree"));
    // Setting a map replaces the namespace.
    c.setParam(root + "/tree", Map.of("y", 2));
    assertFalse(c.hasParam(root + "/tree/x"));
    assertTrue(c.hasParam(root + "/tree/y"));
    // Setting under a leaf turns it into a namespace.
    c.setParam(root + "/int/inner", 5);
    assertEquals(Map.of("inner", 5), c.getParam(root + "/int"));

    List<String> names = c.getParamNames();
    assertTrue(names.contains(root + "/tree/y"), names.toString());
    assertTrue(names.contains(root + "/int/inner"), names.toString());
    assertFalse(names.contains(root + "/tree"), names.toString());

    RosRpcException unset = assertThrows(RosRpcException.class, () -> c.getParam(root + "/nope"));
    assertEquals(-1, unset.code());
    assertEquals("Parameter [" + root + "/nope] is not set", unset.statusMessage());
    c.deleteParam(root + "/tree");
    assertFalse(c.hasParam(root + "/tree/y"));
    assertEquals(
        -1, assertThrows(RosRpcException.class, () -> c.deleteParam(root + "/tree")).code());

    // Relative and private keys resolve in the caller's namespace.
    c.setParam("gain", 7);
    assertEquals(7, c.getParam(ns + "/arm/ctrl/gain"));
    c.setParam("~private", 8);
    assertEquals(8, c.getParam(ns + "/arm/ctrl/node/private"));
  }

  @Test
  void searchParamSearchesUpward() {
    MasterClient c = client(ns + "/arm/ctrl/node");
    assertEquals(Optional.empty(), c.searchParam("gain_" + ns.substring(1)));
    c.setParam(ns + "/arm/gain", 1);
    assertEquals(Optional.of(ns + "/arm/gain"), c.searchParam("gain"));
    c.setParam(ns + "/arm/ctrl/gain", 2);
    assertEquals(Optional.of(ns + "/arm/ctrl/gain"), c.searchParam("gain"));
    // The first segment decides; the rest need not exist.
    assertEquals(Optional.of(ns + "/arm/ctrl/gain/missing"), c.searchParam("gain/missing"));
    // The caller's private namespace is searched first.
    c.setParam(ns + "/arm/ctrl/node/gain", 3);
    assertEquals(Optional.of(ns + "/arm/ctrl/node/gain"), c.searchParam("gain"));
  }

  @Test
  void subscribeParamSendsUpdates() throws Exception {
    try (RecordingSlave watcher = new RecordingSlave(masterUri())) {
      MasterClient w = client(ns + "/watcher");
      MasterClient setter = client(ns + "/setter");
      String key = ns + "/cfg";
      assertEquals(Map.of(), w.subscribeParam(watcher.uri(), key));

      setter.setParam(key + "/rate", 10);
      Call u = next(watcher.paramUpdates);
      assertEquals("/master", u.callerId());
      assertEquals(key + "/rate/", u.key());
      assertEquals(10, u.value());

      setter.setParam(key, Map.of("a", 1));
      u = next(watcher.paramUpdates);
      assertEquals(key + "/", u.key());
      assertEquals(Map.of("a", 1), u.value());

      setter.deleteParam(key);
      u = next(watcher.paramUpdates);
      assertEquals(key + "/", u.key());
      assertEquals(Map.of(), u.value());

      // A subscriber of a leaf inside a map that is set gets the leaf's value.
      MasterClient leaf = client(ns + "/leafwatcher");
      try (RecordingSlave leafSlave = new RecordingSlave(masterUri())) {
        assertEquals(Map.of(), leaf.subscribeParam(leafSlave.uri(), key + "/b/c"));
        setter.setParam(key, Map.of("b", Map.of("c", 5)));
        u = next(leafSlave.paramUpdates);
        assertEquals(key + "/b/c/", u.key());
        assertEquals(5, u.value());
        // ... and {} when a new tree no longer holds it.
        setter.setParam(key, Map.of("other", 1));
        u = next(leafSlave.paramUpdates);
        assertEquals(key + "/b/c/", u.key());
        assertEquals(Map.of(), u.value());
        assertEquals(1, leaf.unsubscribeParam(leafSlave.uri(), key + "/b/c"));
      }
      // The setter's own subscription is not notified of its own set.
      try (RecordingSlave self = new RecordingSlave(masterUri())) {
        setter.subscribeParam(self.uri(), key);
        setter.setParam(key + "/x", 1);
        u = next(watcher.paramUpdates); // drain watcher's updates of the set above
        assertTrue(u.key().startsWith(key), u.toString());
        assertEquals(null, self.paramUpdates.poll(500, TimeUnit.MILLISECONDS));
      }
    }
  }

  @Test
  void duplicateNodeNameShutsDownTheOldNode() throws Exception {
    try (RecordingSlave first = new RecordingSlave(masterUri());
        RecordingSlave second = new RecordingSlave(masterUri())) {
      String name = ns + "/dup";
      MasterClient c = client(name);
      c.registerPublisher(ns + "/a", "std_msgs/String", first.uri());
      c.registerPublisher(ns + "/b", "std_msgs/String", second.uri());
      Call shutdown = next(first.shutdowns);
      assertEquals("/master", shutdown.callerId());
      assertEquals("[" + name + "] Reason: new node registered with same name", shutdown.key());
      SystemState state = c.getSystemState();
      assertFalse(state.publishers().containsKey(ns + "/a"), "old registrations dropped");
      assertEquals(List.of(name), state.publishers().get(ns + "/b"));
      assertEquals(second.uri(), c.lookupNode(name));
      assertTrue(second.shutdowns.isEmpty());
    }
  }

  @Test
  void masterUriAndCallerErrors() {
    MasterClient c = client(ns + "/n");
    assertEquals(URI.create(masterUri()).getPort(), URI.create(c.getUri()).getPort());
    org.latentmpc.ros.internal.xmlrpc.XmlRpcClient raw =
        new org.latentmpc.ros.internal.xmlrpc.XmlRpcClient(URI.create(masterUri()));
    List<?> badArity = (List<?>) raw.call("getParam", "/n");
    assertEquals(-1, badArity.get(0));
    List<?> badCaller = (List<?>) raw.call("getParam", 5, "/x");
    assertEquals(-1, badCaller.get(0));
    assertThrows(
        org.latentmpc.ros.internal.xmlrpc.XmlRpcFault.class, () -> raw.call("noSuchMethod", "/n"));
  }
}
