package org.latentmpc.ros.internal.name;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentmpc.ros.NodeConfiguration;

class CommandLineParserTest {
  @Test
  void defaultsWithoutArgumentsOrEnvironment() {
    NodeConfiguration c = CommandLineParser.parse(new String[0], Map.of());
    assertEquals(NodeConfiguration.DEFAULT_MASTER_URI, c.masterUri());
    assertEquals("/", c.namespace());
    assertEquals("127.0.0.1", c.advertisedHost());
    assertNull(c.nodeName());
    assertEquals(Map.of(), c.remappings());
    assertEquals(Map.of(), c.privateParameters());
  }

  @Test
  void readsSpecialArgumentsRemappingsAndTypedParameters() {
    NodeConfiguration c =
        NodeConfiguration.fromArgs(
            new String[] {
              "--program-flag",
              "input.bag",
              "__name:=talker",
              "__ns:=robot",
              "__master:=http://127.0.0.1:11411",
              "__ip:=127.0.0.2",
              "__log:=/tmp/x.log",
              "chatter:=/news",
              "~image:=camera/image",
              "_rate:=2.5",
              "_gains:=[1, 2]",
              "_enabled:=true",
              "_label:='text'",
              "_count:=7",
              "_plain:=hello world",
              "_nested:={a: 1, b: [x]}",
              "_pid/p:=3"
            },
            Map.of("ROS_MASTER_URI", "http://other:1", "ROS_NAMESPACE", "/env"));
    assertEquals("talker", c.nodeName());
    assertEquals("/robot", c.namespace());
    assertEquals(URI.create("http://127.0.0.1:11411"), c.masterUri());
    assertEquals("127.0.0.2", c.advertisedHost());
    assertEquals(Map.of("chatter", "/news", "~image", "camera/image"), c.remappings());
    Map<String, Object> p = c.privateParameters();
    assertEquals(2.5, p.get("rate"));
    assertEquals(List.of(1, 2), p.get("gains"));
    assertEquals(true, p.get("enabled"));
    assertEquals("text", p.get("label"));
    assertEquals(7, p.get("count"));
    assertEquals("hello world", p.get("plain"));
    assertEquals(Map.of("a", 1, "b", List.of("x")), p.get("nested"));
    assertEquals(3, p.get("pid/p"));
  }

  @Test
  void environmentAndHostPrecedence() {
    NodeConfiguration env =
        CommandLineParser.parse(
            new String[0],
            Map.of(
                "ROS_MASTER_URI", "http://localhost:12345/",
                "ROS_NAMESPACE", "ns1/",
                "ROS_HOSTNAME", "robot.local",
                "ROS_IP", "127.0.0.5"));
    assertEquals(URI.create("http://localhost:12345/"), env.masterUri());
    assertEquals("/ns1", env.namespace());
    assertEquals("robot.local", env.advertisedHost(), "ROS_HOSTNAME wins over ROS_IP");
    NodeConfiguration ipOnly =
        CommandLineParser.parse(new String[0], Map.of("ROS_IP", "127.0.0.5"));
    assertEquals("127.0.0.5", ipOnly.advertisedHost());
    NodeConfiguration argWins =
        CommandLineParser.parse(
            new String[] {"__hostname:=argHost", "__ip:=127.0.0.9"},
            Map.of("ROS_HOSTNAME", "envHost"));
    assertEquals("argHost", argWins.advertisedHost());
  }

  @Test
  void malformedInputNamesTheArgument() {
    String[][] bad = {
      {"__master:=not a uri"},
      {"__master:=ftp://host:1"},
      {"__master:=http://hostonly"},
      {"__ns:=bad ns"},
      {"__name:=a/b"},
      {"__ip:=bad host!"},
      {"a b:=c"},
      {"a:=c d"},
      {"_bad name:=1"},
      {"_p:=[unclosed"},
      {"_p:="},
    };
    for (String[] args : bad) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> CommandLineParser.parse(args, Map.of()),
              args[0]);
      String key = args[0].substring(0, args[0].indexOf(":="));
      assertTrue(e.getMessage().contains(key), args[0] + " -> " + e.getMessage());
    }
    IllegalArgumentException env =
        assertThrows(
            IllegalArgumentException.class,
            () -> CommandLineParser.parse(new String[0], Map.of("ROS_MASTER_URI", "localhost")));
    assertTrue(env.getMessage().contains("ROS_MASTER_URI"), env.getMessage());
  }
}
