package org.latentmpc.ros.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentmpc.ros.PublisherOptions;
import org.latentmpc.ros.internal.transport.TestMessages.StringMsg;

/**
 * A {@link PublisherHeaderListener} receives, with each message, the connection header of the
 * publisher it came from (callerid, latching, type), over TCPROS and in-process alike; a plain
 * listener on the same subscriber still receives the messages.
 */
class PublisherHeaderListenerTest {
  private static final URI LATCHED_NODE = Wire.slave("latched");
  private static final URI PLAIN_NODE = Wire.slave("plain");
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    Collections.reverse(toClose);
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  private <T extends AutoCloseable> T track(T c) {
    toClose.add(c);
    return c;
  }

  /** A latched and a plain publisher on /chatter, each in its own node with its own server. */
  private record Talkers(
      TcpRosServer latchedServer,
      TcpRosPublisher<StringMsg> latched,
      TcpRosServer plainServer,
      TcpRosPublisher<StringMsg> plain) {}

  private Talkers talkers(IntraProcessRegistry registry) throws Exception {
    TcpRosServer latchedServer = track(new TcpRosServer(Wire.LOOPBACK, 0));
    TcpRosServer plainServer = track(new TcpRosServer(Wire.LOOPBACK, 0));
    TcpRosPublisher<StringMsg> latched =
        track(
            new TcpRosPublisher<>(
                "/chatter",
                StringMsg.TYPE,
                PublisherOptions.latched(),
                "/latched_talker",
                LATCHED_NODE,
                latchedServer,
                registry,
                null));
    TcpRosPublisher<StringMsg> plain =
        track(
            new TcpRosPublisher<>(
                "/chatter",
                StringMsg.TYPE,
                PublisherOptions.DEFAULT,
                "/plain_talker",
                PLAIN_NODE,
                plainServer,
                registry,
                null));
    return new Talkers(latchedServer, latched, plainServer, plain);
  }

  private TcpRosSubscriber<StringMsg> subscriber(Talkers t, IntraProcessRegistry registry) {
    TcpRosSubscriber<StringMsg> sub =
        track(
            new TcpRosSubscriber<>(
                "/chatter",
                StringMsg.TYPE,
                "/listener",
                (uri, topic) ->
                    uri.equals(LATCHED_NODE)
                        ? t.latchedServer().address()
                        : t.plainServer().address(),
                registry,
                null));
    sub.updatePublishers(List.of(LATCHED_NODE, PLAIN_NODE));
    return sub;
  }

  /**
   * Publishes "latched" once (before anyone listens), then "plain" until the listener has messages
   * from both; returns the header seen with each message text.
   */
  private Map<String, ConnectionHeader> headersByText(Talkers t, TcpRosSubscriber<StringMsg> sub) {
    t.latched().publish(new StringMsg("latched"));
    Map<String, ConnectionHeader> byText = new ConcurrentHashMap<>();
    List<String> plainListenerGot = new CopyOnWriteArrayList<>();
    sub.addMessageListener((PublisherHeaderListener<StringMsg>) (m, h) -> byText.put(m.data, h));
    sub.addMessageListener(m -> plainListenerGot.add(m.data));
    Wire.await("both publishers connected", () -> sub.getNumberOfPublishers() == 2);
    Wire.await(
        "a message from each publisher",
        () -> {
          t.plain().publish(new StringMsg("plain"));
          return byText.containsKey("latched") && byText.containsKey("plain");
        });
    Wire.await("the plain listener's messages", () -> plainListenerGot.contains("plain"));
    return byText;
  }

  private static void assertPublisherHeaders(Map<String, ConnectionHeader> byText) {
    ConnectionHeader latched = byText.get("latched");
    assertEquals("/latched_talker", latched.get("callerid"), latched.toString());
    assertTrue(latched.flag("latching"), latched.toString());
    assertEquals("/chatter", latched.get("topic"));
    assertEquals("std_msgs/String", latched.get("type"));
    assertEquals(StringMsg.TYPE.md5(), latched.get("md5sum"));
    ConnectionHeader plain = byText.get("plain");
    assertEquals("/plain_talker", plain.get("callerid"), plain.toString());
    assertEquals("0", plain.get("latching"), plain.toString());
    assertEquals(StringMsg.TYPE.definition(), plain.get("message_definition"));
  }

  @Test
  void overTcpRosTheListenerSeesEachPublishersReplyHeader() throws Exception {
    Talkers t = talkers(null);
    TcpRosSubscriber<StringMsg> sub = subscriber(t, null);
    assertPublisherHeaders(headersByText(t, sub));
    assertTrue(
        sub.connectionInfos().stream().allMatch(c -> c.transport().equals("TCPROS")),
        sub.connectionInfos().toString());
  }

  @Test
  void inProcessTheListenerSeesTheHeaderThePublisherWouldSend() throws Exception {
    IntraProcessRegistry registry = new IntraProcessRegistry();
    Talkers t = talkers(registry);
    TcpRosSubscriber<StringMsg> sub = subscriber(t, registry);
    assertPublisherHeaders(headersByText(t, sub));
    assertTrue(
        sub.connectionInfos().stream().allMatch(c -> c.transport().equals("INTRAPROCESS")),
        sub.connectionInfos().toString());
    assertEquals(0, t.latchedServer().openConnectionCount());
  }

  @Test
  void aListenerAddedAfterTheLatchedMessageGetsItWithItsHeader() throws Exception {
    Talkers t = talkers(null);
    TcpRosSubscriber<StringMsg> sub = subscriber(t, null);
    t.latched().publish(new StringMsg("latched"));
    List<String> first = new CopyOnWriteArrayList<>();
    sub.addMessageListener(m -> first.add(m.data));
    Wire.await("the latched message", () -> first.contains("latched"));
    Map<String, ConnectionHeader> late = new ConcurrentHashMap<>();
    sub.addMessageListener((PublisherHeaderListener<StringMsg>) (m, h) -> late.put(m.data, h));
    Wire.await("the kept latched message", () -> late.containsKey("latched"));
    assertEquals("/latched_talker", late.get("latched").get("callerid"));
    assertTrue(late.get("latched").flag("latching"));
  }

  @Test
  void calledAsAPlainListenerItSeesAnEmptyHeader() {
    List<ConnectionHeader> seen = new ArrayList<>();
    PublisherHeaderListener<StringMsg> listener = (m, h) -> seen.add(h);
    listener.onNewMessage(new StringMsg("x"));
    assertEquals(Map.of(), seen.get(0).fields());
  }
}
