package org.latentmpc.ros.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentmpc.ros.PublisherOptions;
import org.latentmpc.ros.internal.transport.TestMessages.Blob;
import org.latentmpc.ros.internal.transport.TestMessages.StringMsg;

/** Topics over real loopback sockets, without a master (the locator is a lambda). */
class TcpRosTopicTest {
  private static final URI PUB_NODE = Wire.slave("talker");
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

  private TcpRosServer server() throws IOException {
    return track(new TcpRosServer(Wire.LOOPBACK, 0));
  }

  private TcpRosPublisher<StringMsg> stringPublisher(TcpRosServer server, PublisherOptions opts) {
    return track(
        new TcpRosPublisher<>(
            "/chatter", StringMsg.TYPE, opts, "/talker", PUB_NODE, server, null, null));
  }

  private TcpRosSubscriber<StringMsg> stringSubscriber(String name, PublisherLocator locator) {
    return track(new TcpRosSubscriber<>("/chatter", StringMsg.TYPE, name, locator, null, null));
  }

  @Test
  void severalSubscribersReceiveEveryMessageInOrder() throws IOException {
    TcpRosServer server = server();
    // a queue that holds the whole burst: nothing may be dropped
    TcpRosPublisher<StringMsg> pub = stringPublisher(server, new PublisherOptions(false, 1000));
    List<List<String>> received = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      List<String> got = new CopyOnWriteArrayList<>();
      received.add(got);
      TcpRosSubscriber<StringMsg> sub =
          stringSubscriber("/listener" + i, (uri, topic) -> server.address());
      sub.addMessageListener(m -> got.add(m.data), 1000);
      sub.updatePublishers(List.of(PUB_NODE));
      Wire.await("subscriber " + i + " connected", () -> sub.getNumberOfPublishers() == 1);
    }
    Wire.await("3 subscribers", () -> pub.getNumberOfSubscribers() == 3);
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      sent.add("hello " + i);
      pub.publish(new StringMsg("hello " + i));
    }
    for (List<String> got : received) {
      Wire.await("all 200 messages", () -> got.size() == 200);
      assertEquals(sent, got);
    }
    List<ConnectionInfo> infos = pub.connectionInfos();
    assertEquals(3, infos.size());
    for (ConnectionInfo info : infos) {
      assertEquals('o', info.direction());
      assertEquals("TCPROS", info.transport());
      Wire.await("stats", () -> pub.connectionInfos().stream().allMatch(c -> c.messages() == 200));
    }
    assertEquals(0, pub.getDroppedMessageCount());
  }

  @Test
  void replyHeaderCarriesTheTypeAndLatchingFlag() throws IOException {
    TcpRosServer server = server();
    stringPublisher(server, PublisherOptions.latched());
    try (Socket s = Wire.connect(server)) {
      ConnectionHeader.of("callerid", "/raw", "topic", "/chatter", "md5sum", "*", "type", "*")
          .write(s.getOutputStream());
      ConnectionHeader reply = ConnectionHeader.read(s.getInputStream());
      assertEquals("/talker", reply.get("callerid"));
      assertEquals("1", reply.get("latching"));
      assertEquals(StringMsg.TYPE.md5(), reply.get("md5sum"));
      assertEquals("string data\n", reply.get("message_definition"));
      assertEquals("/chatter", reply.get("topic"));
      assertEquals("std_msgs/String", reply.get("type"));
    }
  }

  @Test
  void latchedMessageGoesToEveryNewSubscriber() throws IOException {
    TcpRosServer server = server();
    TcpRosPublisher<StringMsg> pub = stringPublisher(server, PublisherOptions.latched());
    pub.publish(new StringMsg("old"));
    pub.publish(new StringMsg("latest"));
    for (int i = 0; i < 2; i++) {
      List<String> got = new CopyOnWriteArrayList<>();
      TcpRosSubscriber<StringMsg> sub =
          stringSubscriber("/late" + i, (uri, topic) -> server.address());
      sub.updatePublishers(List.of(PUB_NODE));
      Wire.await("connected", () -> sub.getNumberOfPublishers() == 1);
      // a listener added after the latched message arrived still gets it
      Wire.await(
          "latched message arrived",
          () ->
              pub.connectionInfos().stream()
                  .anyMatch(c -> c.destination().equals(sub.callerId()) && c.messages() == 1));
      sub.addMessageListener(m -> got.add(m.data));
      Wire.await("latched message", () -> got.size() == 1);
      assertEquals(List.of("latest"), got);
    }
  }

  @Test
  void aSubscriberThatDoesNotReadLosesTheOldestMessagesAndPublishNeverBlocks() throws IOException {
    TcpRosServer server = server();
    int queue = 8;
    TcpRosPublisher<Blob> pub =
        track(
            new TcpRosPublisher<>(
                "/blobs",
                Blob.TYPE,
                new PublisherOptions(false, queue),
                "/talker",
                PUB_NODE,
                server,
                null,
                null));
    try (Socket stalled = Wire.connect(server)) {
      stalled.setReceiveBufferSize(4096);
      ConnectionHeader.of("callerid", "/stalled", "topic", "/blobs", "md5sum", Blob.TYPE.md5())
          .write(stalled.getOutputStream());
      ConnectionHeader.read(stalled.getInputStream());
      Wire.await("connected", () -> pub.getNumberOfSubscribers() == 1);
      // a healthy subscriber next to the stalled one gets everything
      List<byte[]> healthy = new CopyOnWriteArrayList<>();
      TcpRosSubscriber<Blob> sub =
          track(
              new TcpRosSubscriber<>(
                  "/blobs", Blob.TYPE, "/healthy", (uri, topic) -> server.address(), null, null));
      sub.addMessageListener(m -> healthy.add(m.data), 10_000);
      sub.updatePublishers(List.of(PUB_NODE));
      Wire.await("both connected", () -> pub.getNumberOfSubscribers() == 2);
      int count = 400;
      byte[] payload = new byte[64 * 1024];
      for (int i = 0; i < count; i++) {
        payload[0] = (byte) i;
        pub.publish(new Blob(payload.clone()));
        int expected = i + 1;
        // paced by the healthy subscriber: publish is never held up by the stalled one
        Wire.await("healthy subscriber got " + expected, () -> healthy.size() == expected);
      }
      // 400 x 64 KiB = 25 MiB cannot fit the stalled socket's buffers plus a queue of 8
      Wire.await("drops counted", () -> pub.getDroppedMessageCount() > 0);
      ConnectionInfo stalledInfo =
          pub.connectionInfos().stream()
              .filter(c -> c.destination().equals("/stalled"))
              .findFirst()
              .orElseThrow();
      assertEquals(pub.getDroppedMessageCount(), stalledInfo.dropped());
      assertTrue(stalledInfo.messages() + stalledInfo.dropped() <= count);
      for (int i = 0; i < count; i++) {
        assertEquals((byte) i, healthy.get(i)[0]);
      }
    }
  }

  @Test
  void aSlowListenerLosesItsOldestMessagesButAlwaysGetsTheNewest() throws IOException {
    TcpRosServer server = server();
    TcpRosPublisher<StringMsg> pub = stringPublisher(server, new PublisherOptions(false, 1000));
    TcpRosSubscriber<StringMsg> sub = stringSubscriber("/slow", (uri, topic) -> server.address());
    List<String> got = new CopyOnWriteArrayList<>();
    sub.addMessageListener(
        m -> {
          got.add(m.data);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        },
        2);
    sub.updatePublishers(List.of(PUB_NODE));
    Wire.await("connected", () -> pub.getNumberOfSubscribers() == 1);
    int count = 100;
    for (int i = 0; i < count; i++) {
      pub.publish(new StringMsg("m" + i));
    }
    Wire.await("newest message", () -> got.contains("m" + (count - 1)));
    Wire.await("nothing left in flight", () -> sub.connectionInfos().get(0).messages() == count);
    assertTrue(sub.getDroppedMessageCount() > 0, "a 2-message queue dropped nothing");
    assertEquals(count, got.size() + sub.getDroppedMessageCount());
    ConnectionInfo in = sub.connectionInfos().get(0);
    assertEquals('i', in.direction());
    assertEquals(PUB_NODE.toString(), in.destination());
    assertTrue(in.connected());
    long expectedBytes = 0;
    for (int i = 0; i < count; i++) {
      expectedBytes += 4 + ("m" + i).length();
    }
    assertEquals(expectedBytes, in.bytes());
    for (int i = 1; i < got.size(); i++) {
      int previous = Integer.parseInt(got.get(i - 1).substring(1));
      assertTrue(Integer.parseInt(got.get(i).substring(1)) > previous, "out of order: " + got);
    }
  }

  @Test
  void subscriberReconnectsWhenThePublisherRestartsOnTheSamePortOrANewOne() throws IOException {
    TcpRosServer first = new TcpRosServer(Wire.LOOPBACK, 0);
    int port = first.port();
    TcpRosPublisher<StringMsg> pub1 =
        new TcpRosPublisher<>(
            "/chatter",
            StringMsg.TYPE,
            PublisherOptions.DEFAULT,
            "/talker",
            PUB_NODE,
            first,
            null,
            null);
    AtomicReference<InetSocketAddress> where = new AtomicReference<>(first.address());
    List<String> got = new CopyOnWriteArrayList<>();
    TcpRosSubscriber<StringMsg> sub =
        stringSubscriber(
            "/listener",
            (uri, topic) -> {
              InetSocketAddress a = where.get();
              if (a == null) {
                throw new IOException("publisher node down");
              }
              return a;
            });
    sub.addMessageListener(m -> got.add(m.data), 1000);
    sub.updatePublishers(List.of(PUB_NODE));
    Wire.await("connected", () -> pub1.getNumberOfSubscribers() == 1);
    pub1.publish(new StringMsg("one"));
    Wire.await("one", () -> got.contains("one"));

    // restart on the same port
    where.set(null);
    pub1.shutdown();
    first.close();
    Wire.await("link down", () -> sub.getNumberOfPublishers() == 0);
    TcpRosServer second = track(new TcpRosServer(Wire.LOOPBACK, port));
    TcpRosPublisher<StringMsg> pub2 =
        track(
            new TcpRosPublisher<>(
                "/chatter",
                StringMsg.TYPE,
                PublisherOptions.DEFAULT,
                "/talker",
                PUB_NODE,
                second,
                null,
                null));
    where.set(second.address());
    Wire.await("reconnected on the same port", () -> pub2.getNumberOfSubscribers() == 1);
    pub2.publish(new StringMsg("two"));
    Wire.await("two", () -> got.contains("two"));

    // restart on a new port
    where.set(null);
    pub2.shutdown();
    second.close();
    TcpRosServer third = server();
    TcpRosPublisher<StringMsg> pub3 =
        track(
            new TcpRosPublisher<>(
                "/chatter",
                StringMsg.TYPE,
                PublisherOptions.DEFAULT,
                "/talker",
                PUB_NODE,
                third,
                null,
                null));
    where.set(third.address());
    Wire.await("reconnected on a new port", () -> pub3.getNumberOfSubscribers() == 1);
    pub3.publish(new StringMsg("three"));
    Wire.await("three", () -> got.contains("three"));
    assertEquals(List.of("one", "two", "three"), got);
  }

  @Test
  void publisherNoLongerListedIsDisconnected() throws IOException {
    TcpRosServer server = server();
    TcpRosPublisher<StringMsg> pub = stringPublisher(server, PublisherOptions.DEFAULT);
    TcpRosSubscriber<StringMsg> sub = stringSubscriber("/l", (uri, topic) -> server.address());
    sub.updatePublishers(List.of(PUB_NODE));
    Wire.await("connected", () -> pub.getNumberOfSubscribers() == 1);
    sub.updatePublishers(List.of());
    Wire.await("publisher sees the subscriber leave", () -> pub.getNumberOfSubscribers() == 0);
    assertEquals(0, sub.getNumberOfPublishers());
  }

  @Test
  void md5MismatchGetsAnErrorHeaderNamingBothTypesAndIsNotRetried() throws IOException {
    TcpRosServer server = server();
    stringPublisher(server, PublisherOptions.DEFAULT);
    try (Socket s = Wire.connect(server)) {
      ConnectionHeader.of(
              "callerid",
              "/raw",
              "topic",
              "/chatter",
              "md5sum",
              Blob.TYPE.md5(),
              "type",
              "test_msgs/Blob")
          .write(s.getOutputStream());
      ConnectionHeader reply = ConnectionHeader.read(s.getInputStream());
      assertEquals(List.of("error"), List.copyOf(reply.fields().keySet()));
      String error = reply.get("error");
      assertTrue(error.contains("test_msgs/Blob/" + Blob.TYPE.md5()), error);
      assertTrue(error.contains("std_msgs/String/" + StringMsg.TYPE.md5()), error);
      assertTrue(Wire.closedByPeer(s));
    }
    // our subscriber with the wrong type: asks for the address once, logs, does not loop
    int[] lookups = {0};
    TcpRosSubscriber<Blob> wrong =
        track(
            new TcpRosSubscriber<>(
                "/chatter",
                Blob.TYPE,
                "/wrong",
                (uri, topic) -> {
                  lookups[0]++;
                  return server.address();
                },
                null,
                null));
    wrong.updatePublishers(List.of(PUB_NODE));
    Wire.await("link failed", () -> wrong.connectionInfos().get(0).info().startsWith("failed"));
    assertTrue(
        wrong.connectionInfos().get(0).info().contains("did not have")
            || wrong.connectionInfos().get(0).info().contains("md5sum"),
        wrong.connectionInfos().toString());
    assertEquals(1, lookups[0]);
    assertEquals(0, wrong.getNumberOfPublishers());
  }

  @Test
  void tcpNoDelayFollowsTheSubscribersHeader() throws IOException {
    TcpRosServer server = server();
    TcpRosPublisher<StringMsg> pub = stringPublisher(server, PublisherOptions.DEFAULT);
    TcpRosSubscriber<StringMsg> fast =
        track(
            new TcpRosSubscriber<>(
                "/chatter",
                StringMsg.TYPE,
                "/fast",
                (uri, topic) -> server.address(),
                null,
                true,
                1 << 20,
                null));
    TcpRosSubscriber<StringMsg> nagle =
        track(
            new TcpRosSubscriber<>(
                "/chatter",
                StringMsg.TYPE,
                "/nagle",
                (uri, topic) -> server.address(),
                null,
                false,
                1 << 20,
                null));
    fast.updatePublishers(List.of(PUB_NODE));
    nagle.updatePublishers(List.of(PUB_NODE));
    Wire.await("both", () -> pub.getNumberOfSubscribers() == 2);
    for (ConnectionInfo c : pub.connectionInfos()) {
      boolean noDelay = c.info().contains("(tcp_nodelay)");
      assertEquals(c.destination().equals("/fast"), noDelay, c.toString());
    }
  }

  @Test
  void missingFieldsAndUnknownTopicsGetRoscppErrors() throws IOException {
    TcpRosServer server = server();
    stringPublisher(server, PublisherOptions.DEFAULT);
    String[][] headers = {
      {"topic", "/chatter", "callerid", "/raw"},
      {"callerid", "/raw"},
      {"topic", "/nope", "callerid", "/raw", "md5sum", "*"},
      {"service", "/nope", "callerid", "/raw", "md5sum", "*"},
    };
    String[] expected = {
      "Header from subscriber did not have the required elements: md5sum, topic, callerid",
      "Header from subscriber did not have the required elements: md5sum, topic, callerid",
      "received a connection for a nonexistent topic [/nope]",
      "received a tcpros connection for a nonexistent service [/nope].",
    };
    for (int i = 0; i < headers.length; i++) {
      try (Socket s = Wire.connect(server)) {
        ConnectionHeader.of(headers[i]).write(s.getOutputStream());
        ConnectionHeader reply = ConnectionHeader.read(s.getInputStream());
        assertTrue(reply.get("error").startsWith(expected[i]), reply.get("error"));
        assertTrue(Wire.closedByPeer(s));
      }
    }
  }

  @Test
  void publisherDropsAConnectionWhoseSubscriberWentAway() throws IOException {
    TcpRosServer server = server();
    TcpRosPublisher<StringMsg> pub = stringPublisher(server, PublisherOptions.DEFAULT);
    Socket s = Wire.connect(server);
    ConnectionHeader.of("callerid", "/raw", "topic", "/chatter", "md5sum", "*")
        .write(s.getOutputStream());
    ConnectionHeader.read(s.getInputStream());
    Wire.await("connected", () -> pub.getNumberOfSubscribers() == 1);
    s.close();
    // no publish happens: the idle writer notices the closed peer by itself
    Wire.await("gone", () -> pub.getNumberOfSubscribers() == 0);
    Wire.await("server freed the connection", () -> server.openConnectionCount() == 0);
  }

  @Test
  void shutdownClosesConnectionsAndRefusesPublish() throws IOException {
    TcpRosServer server = server();
    boolean[] hook = {false};
    TcpRosPublisher<StringMsg> pub =
        new TcpRosPublisher<>(
            "/chatter",
            StringMsg.TYPE,
            PublisherOptions.DEFAULT,
            "/talker",
            PUB_NODE,
            server,
            null,
            () -> hook[0] = true);
    try (Socket s = Wire.connect(server)) {
      ConnectionHeader.of("callerid", "/raw", "topic", "/chatter", "md5sum", "*")
          .write(s.getOutputStream());
      ConnectionHeader.read(s.getInputStream());
      Wire.await("connected", () -> pub.getNumberOfSubscribers() == 1);
      pub.shutdown();
      assertTrue(hook[0]);
      assertTrue(Wire.closedByPeer(s));
    }
    assertNull(server.publisher("/chatter"));
    pub.publish(new StringMsg("dropped, logged once")); // no exception, as in roscpp
    assertEquals(0, pub.getPublishedMessageCount());
    assertFalse(server.isClosed());
  }
}
