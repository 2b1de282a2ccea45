package org.latentmpc.ros.internal.name;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NameResolverTest {
  @Test
  void validatesNames() {
    for (String ok : new String[] {"/", "a", "/a/b_c", "~x", "~x/y", "a1/b2", "/a/"}) {
      assertTrue(GraphNames.isLegal(ok), ok);
    }
    for (String bad : new String[] {"", "1a", "/a//b", "a b", "a-b", "a:b", "/a/~b", "_x", "é"}) {
      assertFalse(GraphNames.isLegal(bad), bad);
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GraphNames.checkLegal("a b", "topic"));
    assertTrue(e.getMessage().contains("topic") && e.getMessage().contains("'a b'"));
    assertTrue(GraphNames.isLegalBaseName("node_1"));
    assertFalse(GraphNames.isLegalBaseName("ns/node"));
    assertEquals("/a", GraphNames.parent("/a/b"));
    assertEquals("/", GraphNames.parent("/a"));
    assertEquals("b", GraphNames.baseName("/a/b"));
    assertEquals("/ns", GraphNames.toNamespace("ns/", "x"));
    assertEquals("/", GraphNames.toNamespace("", "x"));
  }

  @Test
  void resolvesAsTheRosNamesWikiTable() {
    // ROS wiki "Names" table: node /wg/node1.
    NameResolver r = new NameResolver("/wg", "node1");
    assertEquals("/wg/node1", r.nodeName());
    assertEquals("/bar", r.resolve("/bar"));
    assertEquals("/wg/bar", r.resolve("bar"));
    assertEquals("/wg/node1/bar", r.resolve("~bar"));
    assertEquals("/wg/node1", r.resolve("~"));
    assertEquals("/wg/foo/bar", r.resolve("foo/bar"));
    // Node in the root namespace.
    NameResolver root = new NameResolver("/", "node2");
    assertEquals("/bar", root.resolve("bar"));
    assertEquals("/node2/bar", root.resolve("~bar"));
    // ros1-wire-facts section 4: x -> namespace + x; ~x -> full name + /x.
    NameResolver arm = new NameResolver("/arm", "ctrl");
    assertEquals("/arm/gain", arm.resolve("gain"));
    assertEquals("/arm/ctrl/gain", arm.resolve("~gain"));
    assertEquals("/arm/ctrl/pid/p", arm.resolve("~pid/p"));
    assertEquals("/x/y", arm.resolve("/x/y/"));
    assertThrows(IllegalArgumentException.class, () -> arm.resolve("bad name"));
    assertThrows(IllegalArgumentException.class, () -> new NameResolver("/a b", "n"));
    assertThrows(IllegalArgumentException.class, () -> new NameResolver("/", "~n"));
  }

  @Test
  void remapsOnFullResolvedNames() {
    Map<String, String> remap = new LinkedHashMap<>();
    remap.put("chatter", "/robot/chatter"); // relative source, resolved in /arm
    remap.put("/joint_states", "joints"); // relative target, resolved in /arm
    remap.put("~cmd", "/sim/effort_command"); // private source
    remap.put("image", "~camera/image"); // private target
    NameResolver r = new NameResolver("/arm", "ctrl", remap);
    assertEquals(
        Map.of(
            "/arm/chatter", "/robot/chatter",
            "/joint_states", "/arm/joints",
            "/arm/ctrl/cmd", "/sim/effort_command",
            "/arm/image", "/arm/ctrl/camera/image"),
        r.remappings());
    // Matched on the full name, however the node spells it.
    assertEquals("/robot/chatter", r.resolve("chatter"));
    assertEquals("/robot/chatter", r.resolve("/arm/chatter"));
    assertEquals("/arm/joints", r.resolve("/joint_states"));
    assertEquals("/sim/effort_command", r.resolve("~cmd"));
    assertEquals("/sim/effort_command", r.resolve("/arm/ctrl/cmd"));
    assertEquals("/arm/ctrl/camera/image", r.resolve("image"));
    // Not remapped: another namespace, or a prefix only.
    assertEquals("/chatter", r.resolve("/chatter"));
    assertEquals("/arm/chatter/sub", r.resolve("chatter/sub"));
    assertEquals("/arm/chatter", r.resolveWithoutRemapping("chatter"));
    // Remapping is applied once, not transitively.
    NameResolver chain = new NameResolver("/", "n", Map.of("a", "b", "b", "c"));
    assertEquals("/b", chain.resolve("a"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new NameResolver("/", "n", Map.of("a", "b c")));
    assertTrue(e.getMessage().contains("remapping target"), e.getMessage());
  }
}
