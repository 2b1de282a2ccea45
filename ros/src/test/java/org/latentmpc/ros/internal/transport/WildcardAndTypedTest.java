package org.latentmpc.ros.internal.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentmpc.ros.DynamicMessage;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.PublisherOptions;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Header;

/** The library's message classes over TCPROS, and wildcard subscriptions decoded dynamically. */
class WildcardAndTypedTest {
  private static final URI NODE = Wire.slave("joints");
  private static final double EXACT = 0.0;
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

  private static JointState joints(int seq) {
    return new JointState()
        .setHeader(new Header().setSeq(seq).setStamp(new Time(1, 200_000_000)).setFrameId("ab"))
        .setName(new String[] {"j1", "j2"})
        .setPosition(new double[] {1.0, -2.5})
        .setVelocity(new double[] {0.5, 0.25})
        .setEffort(new double[] {});
  }

  @Test
  void typedAndWildcardSubscribersOfOnePublisher() throws IOException {
    IntraProcessRegistry registry = new IntraProcessRegistry();
    TcpRosServer server = track(new TcpRosServer(Wire.LOOPBACK, 0));
    TcpRosPublisher<JointState> pub =
        track(
            new TcpRosPublisher<>(
                "/joint_states",
                JointState.TYPE,
                PublisherOptions.latched(),
                "/sim",
                NODE,
                server,
                registry,
                null));
    pub.publish(joints(7));

    List<JointState> typed = new CopyOnWriteArrayList<>();
    TcpRosSubscriber<JointState> typedSub =
        track(
            new TcpRosSubscriber<>(
                "/joint_states",
                JointState.TYPE,
                "/typed",
                (uri, topic) -> server.address(),
                null,
                null));
    typedSub.addMessageListener(typed::add);
    typedSub.updatePublishers(List.of(NODE));

    // a wildcard subscriber in the same registry is not linked in-process: it needs the
    // definition, so it connects over TCPROS even though the publisher is local
    List<DynamicMessage> dynamic = new CopyOnWriteArrayList<>();
    TcpRosSubscriber<DynamicMessage> wildcard =
        track(
            new TcpRosSubscriber<>(
                "/joint_states",
                MessageType.WILDCARD,
                "/echo",
                (uri, topic) -> server.address(),
                registry,
                null));
    wildcard.addMessageListener(dynamic::add);
    wildcard.updatePublishers(List.of(NODE));

    Wire.await("typed latched", () -> typed.size() == 1);
    Wire.await("dynamic latched", () -> dynamic.size() == 1);
    assertEquals(joints(7), typed.get(0));
    assertEquals(2, pub.getNumberOfRemoteSubscribers());

    pub.publish(joints(8));
    Wire.await("dynamic second", () -> dynamic.size() == 2);
    DynamicMessage d = dynamic.get(1);
    assertEquals("sensor_msgs/JointState", d.typeName());
    assertEquals(JointState.TYPE.md5(), d.messageType().md5());
    assertEquals(JointState.TYPE.definition(), d.messageType().definition());
    assertArrayEquals(new double[] {1.0, -2.5}, (double[]) d.get("position"), EXACT);
    assertEquals(List.of("j1", "j2"), d.get("name"));
    DynamicMessage header = (DynamicMessage) d.get("header");
    assertEquals(8L, ((Number) header.get("seq")).longValue());
    assertEquals("ab", header.get("frame_id"));
    // dynamic bytes equal the typed class's bytes
    assertArrayEquals(Frames.frame(joints(8)), Frames.frame(d));
  }

  @Test
  void wildcardWithAnUnparseableDefinitionIsRefusedClearly() throws Exception {
    try (ServerSocket fake = new ServerSocket(0, 10, InetAddress.getByName(Wire.LOOPBACK))) {
      fake.setSoTimeout((int) Wire.WAIT_MS);
      TcpRosSubscriber<DynamicMessage> wildcard =
          track(
              new TcpRosSubscriber<>(
                  "/weird",
                  MessageType.WILDCARD,
                  "/echo",
                  (uri, topic) -> new InetSocketAddress(Wire.LOOPBACK, fake.getLocalPort()),
                  null,
                  null));
      wildcard.updatePublishers(List.of(Wire.slave("weird")));
      try (Socket c = fake.accept()) {
        c.setSoTimeout((int) Wire.WAIT_MS);
        ConnectionHeader request = ConnectionHeader.read(c.getInputStream());
        assertEquals("*", request.get("md5sum"));
        assertEquals("*", request.get("type"));
        ConnectionHeader.of(
                "callerid", "/weird",
                "md5sum", "0123456789abcdef0123456789abcdef",
                "type", "pkg/Weird",
                "message_definition", "this is not a field list ][",
                "topic", "/weird")
            .write(c.getOutputStream());
        assertTrue(Wire.closedByPeer(c), "the subscriber kept a connection it cannot decode");
      }
    }
  }
}
