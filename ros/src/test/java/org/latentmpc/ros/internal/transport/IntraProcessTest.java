package org.latentmpc.ros.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentmpc.ros.PublisherOptions;
import org.latentmpc.ros.internal.transport.TestMessages.Blob;
import org.latentmpc.ros.internal.transport.TestMessages.StringMsg;

/** In-process delivery: by reference, no serialization, no socket to a linked publisher. */
class IntraProcessTest {
  private static final URI NODE_A = Wire.slave("a");
  private static final URI NODE_B = Wire.slave("b");
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

  @Test
  void deliversTheSameInstanceWithoutSerializingOrConnecting() throws IOException {
    IntraProcessRegistry registry = new IntraProcessRegistry();
    TcpRosServer serverA = track(new TcpRosServer(Wire.LOOPBACK, 0));
    TcpRosPublisher<StringMsg> pub =
        track(
            new TcpRosPublisher<>(
                "/chatter",
                StringMsg.TYPE,
                PublisherOptions.DEFAULT,
                "/a",
                NODE_A,
                serverA,
                registry,
                null));
    AtomicInteger lookups = new AtomicInteger();
    List<StringMsg> got = new CopyOnWriteArrayList<>();
    TcpRosSubscriber<StringMsg> sub =
        track(
            new TcpRosSubscriber<>(
                "/chatter",
                StringMsg.TYPE,
                "/b",
                (uri, topic) -> {
                  lookups.incrementAndGet();
                  return serverA.address();
                },
                registry,
                null));
    sub.addMessageListener(got::add);
    // the master lists node A as a publisher: the subscriber must skip it
    sub.updatePublishers(List.of(NODE_A));
    assertEquals(1, pub.getNumberOfSubscribers());
    assertEquals(0, pub.getNumberOfRemoteSubscribers());
    assertEquals(1, sub.getNumberOfPublishers());
    StringMsg sent = new StringMsg("by reference");
    pub.publish(sent);
    Wire.await("delivered", () -> got.size() == 1);
    assertSame(sent, got.get(0));
    assertEquals(0, lookups.get(), "the subscriber asked for the TCPROS address of a local node");
    assertEquals(0, serverA.openConnectionCount());
    assertEquals("INTRAPROCESS", pub.connectionInfos().get(0).transport());
    assertEquals("INTRAPROCESS", sub.connectionInfos().get(0).transport());
  }

  @Test
  void localAndRemotePublishersTogether() throws IOException {
    IntraProcessRegistry registry = new IntraProcessRegistry();
    IntraProcessRegistry otherJvm = new IntraProcessRegistry();
    TcpRosServer serverA = track(new TcpRosServer(Wire.LOOPBACK, 0));
    TcpRosServer serverB = track(new TcpRosServer(Wire.LOOPBACK, 0));
    TcpRosPublisher<StringMsg> local =
        track(
            new TcpRosPublisher<>(
                "/chatter",
                StringMsg.TYPE,
                PublisherOptions.DEFAULT,
                "/a",
                NODE_A,
                serverA,
                registry,
                null));
    TcpRosPublisher<StringMsg> remote =
        track(
            new TcpRosPublisher<>(
                "/chatter",
                StringMsg.TYPE,
                PublisherOptions.DEFAULT,
                "/b",
                NODE_B,
                serverB,
                otherJvm,
                null));
    List<String> got = new CopyOnWriteArrayList<>();
    TcpRosSubscriber<StringMsg> sub =
        track(
            new TcpRosSubscriber<>(
                "/chatter",
                StringMsg.TYPE,
                "/c",
                (uri, topic) -> uri.equals(NODE_A) ? serverA.address() : serverB.address(),
                registry,
                null));
    sub.addMessageListener(m -> got.add(m.data));
    sub.updatePublishers(List.of(NODE_A, NODE_B));
    Wire.await("both publishers", () -> sub.getNumberOfPublishers() == 2);
    assertEquals(0, local.getNumberOfRemoteSubscribers());
    assertEquals(1, remote.getNumberOfRemoteSubscribers());
    local.publish(new StringMsg("local"));
    remote.publish(new StringMsg("remote"));
    Wire.await("both messages", () -> got.size() == 2);
    assertTrue(got.containsAll(List.of("local", "remote")));
  }

  @Test
  void latchedMessageReachesALaterLocalSubscriberAndListener() throws IOException {
    IntraProcessRegistry registry = new IntraProcessRegistry();
    TcpRosServer serverA = track(new TcpRosServer(Wire.LOOPBACK, 0));
    TcpRosPublisher<StringMsg> pub =
        track(
            new TcpRosPublisher<>(
                "/latched",
                StringMsg.TYPE,
                PublisherOptions.latched(),
                "/a",
                NODE_A,
                serverA,
                registry,
                null));
    pub.publish(new StringMsg("latched"));
    TcpRosSubscriber<StringMsg> sub =
        track(
            new TcpRosSubscriber<>(
                "/latched",
                StringMsg.TYPE,
                "/b",
                (uri, topic) -> serverA.address(),
                registry,
                null));
    List<String> got = new CopyOnWriteArrayList<>();
    sub.addMessageListener(m -> got.add(m.data)); // added after the link delivered it
    Wire.await("latched", () -> got.size() == 1);
    assertEquals("latched", got.get(0));
  }

  @Test
  void publisherShutdownUnlinksAndAMismatchedTypeUsesTcpros() throws IOException {
    IntraProcessRegistry registry = new IntraProcessRegistry();
    TcpRosServer serverA = track(new TcpRosServer(Wire.LOOPBACK, 0));
    TcpRosPublisher<StringMsg> pub =
        new TcpRosPublisher<>(
            "/chatter",
            StringMsg.TYPE,
            PublisherOptions.DEFAULT,
            "/a",
            NODE_A,
            serverA,
            registry,
            null);
    TcpRosSubscriber<StringMsg> sub =
        track(
            new TcpRosSubscriber<>(
                "/chatter",
                StringMsg.TYPE,
                "/b",
                (uri, topic) -> serverA.address(),
                registry,
                null));
    assertEquals(1, sub.getNumberOfPublishers());
    pub.shutdown();
    assertEquals(0, sub.getNumberOfPublishers());
    assertEquals(0, pub.getNumberOfSubscribers());

    // a subscriber of another type is not linked; over TCPROS it gets the md5 error
    TcpRosPublisher<StringMsg> pub2 =
        track(
            new TcpRosPublisher<>(
                "/chatter",
                StringMsg.TYPE,
                PublisherOptions.DEFAULT,
                "/a",
                NODE_A,
                serverA,
                registry,
                null));
    TcpRosSubscriber<Blob> wrong =
        track(
            new TcpRosSubscriber<>(
                "/chatter", Blob.TYPE, "/w", (uri, topic) -> serverA.address(), registry, null));
    assertEquals(0, wrong.getNumberOfPublishers());
    wrong.updatePublishers(List.of(NODE_A));
    Wire.await("md5 failure", () -> wrong.connectionInfos().get(0).info().contains("md5sum"));
    assertEquals(1, pub2.getNumberOfSubscribers()); // only the matching local one
  }
}
