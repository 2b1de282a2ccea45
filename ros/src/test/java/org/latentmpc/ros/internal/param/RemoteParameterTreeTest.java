package org.latentmpc.ros.internal.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.ros.ParameterNotFoundException;
import org.latentmpc.ros.ParameterTypeException;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.internal.master.MasterClient;
import org.latentmpc.ros.internal.master.TopicType;
import org.latentmpc.ros.internal.name.NameResolver;
import org.latentmpc.ros.internal.slave.BusInfo;
import org.latentmpc.ros.internal.slave.SlaveHandler;
import org.latentmpc.ros.internal.slave.SlaveServer;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RemoteParameterTreeTest {
  private EmbeddedMaster master;
  private SlaveServer slave;
  private RemoteParameterTree tree;
  private MasterClient other;

  /** A slave handler that forwards paramUpdate to the tree, as the node's handler must. */
  private final class ForwardingHandler implements SlaveHandler {
    @Override
    public List<Object> requestTopic(String c, String t, List<List<Object>> p) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void publisherUpdate(String c, String t, List<String> uris) {}

    @Override
    public void paramUpdate(String c, String key, Object value) {
      tree.onParamUpdate(key, value);
    }

    @Override
    public List<BusInfo> getBusInfo(String c) {
      return List.of();
    }

    @Override
    public List<TopicType> getSubscriptions(String c) {
      return List.of();
    }

    @Override
    public List<TopicType> getPublications(String c) {
      return List.of();
    }

    @Override
    public void shutdown(String c, String reason) {}
  }

  @BeforeEach
  void start() throws IOException {
    master = EmbeddedMaster.start("127.0.0.1", 0);
    slave = SlaveServer.start("127.0.0.1", 0, master.uri(), new ForwardingHandler());
    NameResolver resolver = new NameResolver("/arm", "ctrl", Map.of("remapped", "/elsewhere"));
    tree =
        new RemoteParameterTree(
            new MasterClient(URI.create(master.uri()), resolver.nodeName()), resolver, slave.uri());
    other = new MasterClient(URI.create(master.uri()), "/other");
  }

  @AfterEach
  void stop() {
    slave.close();
    master.close();
  }

  @Test
  void typedGettersDefaultsAndErrors() {
    other.setParam("/arm/ctrl/rate", 50);
    other.setParam("/arm/ctrl/gain", 2.5);
    other.setParam("/arm/ctrl/name", "ur5");
    other.setParam("/arm/ctrl/on", true);
    other.setParam("/arm/joints", List.of("j1", "j2"));
    other.setParam("/arm/limits", Map.of("v", 1.0));
    assertEquals(50, tree.getInteger("~rate"));
    assertEquals(50.0, tree.getDouble("~rate"), "an Integer is accepted as double");
    assertEquals(2.5, tree.getDouble("~gain"));
    assertEquals("ur5", tree.getString("~name"));
    assertTrue(tree.getBoolean("~on"));
    assertEquals(List.of("j1", "j2"), tree.getList("joints"));
    assertEquals(Map.of("v", 1.0), tree.getMap("/arm/limits"));
    assertEquals(Map.of("rate", 50, "gain", 2.5, "name", "ur5", "on", true), tree.get("~"));

    assertEquals(7, tree.getInteger("~missing", 7));
    assertEquals(0.5, tree.getDouble("~missing", 0.5));
    assertEquals("d", tree.getString("~missing", "d"));
    assertFalse(tree.getBoolean("~missing", false));
    assertEquals(List.of(1), tree.getList("~missing", List.of(1)));

    ParameterNotFoundException nf =
        assertThrows(ParameterNotFoundException.class, () -> tree.getDouble("~missing"));
    assertTrue(nf.getMessage().contains("/arm/ctrl/missing"), nf.getMessage());
    ParameterTypeException te =
        assertThrows(ParameterTypeException.class, () -> tree.getInteger("~name"));
    assertTrue(te.getMessage().contains("/arm/ctrl/name"), te.getMessage());
    assertTrue(
        te.getMessage().contains("String") && te.getMessage().contains("int"), te.getMessage());
    ParameterTypeException td =
        assertThrows(ParameterTypeException.class, () -> tree.getDouble("~on", 1.0));
    assertTrue(
        td.getMessage().contains("Boolean") && td.getMessage().contains("double"), td.getMessage());
    assertThrows(ParameterTypeException.class, () -> tree.getInteger("~gain"));
    assertThrows(ParameterTypeException.class, () -> tree.getMap("joints"));
  }

  @Test
  void setHasDeleteSearchAndNames() {
    tree.set("~p", 1);
    assertEquals(1, other.getParam("/arm/ctrl/p"));
    tree.set("remapped", "x");
    assertEquals("x", other.getParam("/elsewhere"), "names are remapped");
    assertTrue(tree.has("~p"));
    tree.delete("~p");
    assertFalse(tree.has("~p"));
    assertThrows(ParameterNotFoundException.class, () -> tree.delete("~p"));
    assertThrows(IllegalArgumentException.class, () -> tree.set("~q", null));
    assertThrows(IllegalArgumentException.class, () -> tree.get("bad name"));

    other.setParam("/arm/robot_description", "<robot/>");
    assertEquals(Optional.of("/arm/robot_description"), tree.search("robot_description"));
    assertEquals(Optional.empty(), tree.search("absent_everywhere"));
    assertTrue(tree.getNames().contains("/arm/robot_description"));
  }

  @Test
  void listenersSeeChangesOfTheKeyItsChildrenAndDeletion() throws Exception {
    BlockingQueue<Object> leaf = new LinkedBlockingQueue<>();
    BlockingQueue<Object> ns = new LinkedBlockingQueue<>();
    tree.addParameterListener("~pid/p", leaf::add);
    tree.addParameterListener("~pid", ns::add);

    other.setParam("/arm/ctrl/pid/p", 1.5);
    assertEquals(1.5, leaf.poll(10, TimeUnit.SECONDS));
    assertEquals(Map.of("p", 1.5), ns.poll(10, TimeUnit.SECONDS));
    assertNull(ns.poll(300, TimeUnit.MILLISECONDS), "one notification per change");

    other.setParam("/arm/ctrl/pid", Map.of("p", 2.0, "i", 0.1));
    assertEquals(Map.of("p", 2.0, "i", 0.1), ns.poll(10, TimeUnit.SECONDS));
    assertEquals(2.0, leaf.poll(10, TimeUnit.SECONDS));

    other.deleteParam("/arm/ctrl/pid");
    assertEquals(Map.of(), ns.poll(10, TimeUnit.SECONDS));
    assertEquals(Map.of(), leaf.poll(10, TimeUnit.SECONDS));

    // Unrelated keys do not reach the listeners.
    other.setParam("/arm/ctrl/pidx", 1);
    assertTrue(master.awaitCallbacks(10, TimeUnit.SECONDS));
    assertNull(ns.poll(300, TimeUnit.MILLISECONDS));

    tree.unsubscribeAll();
    other.setParam("/arm/ctrl/pid/p", 9.0);
    assertTrue(master.awaitCallbacks(10, TimeUnit.SECONDS));
    assertNull(leaf.poll(300, TimeUnit.MILLISECONDS));
  }
}
