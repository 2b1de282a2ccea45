package org.latentmpc.ros.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentmpc.ros.PublisherOptions;
import org.latentmpc.ros.internal.transport.TestMessages.StringMsg;

/**
 * Hostile peers on raw sockets: each bad connection is closed on its own, no large buffer is
 * allocated from a declared length, and a good client is served right after.
 */
class TcpRosBadInputTest {
  private static final int HANDSHAKE_TIMEOUT_MS = 500;
  private static final long SEED = 20261129L;
  private static final URI PUB_NODE = Wire.slave("talker");
  private TcpRosServer server;
  private TcpRosPublisher<StringMsg> publisher;

  @BeforeEach
  void start() throws IOException {
    server = new TcpRosServer(Wire.LOOPBACK, 0, HANDSHAKE_TIMEOUT_MS, 64);
    publisher =
        new TcpRosPublisher<>(
            "/chatter",
            StringMsg.TYPE,
            PublisherOptions.latched(),
            "/talker",
            PUB_NODE,
            server,
            null,
            null);
    publisher.publish(new StringMsg("still serving"));
  }

  @AfterEach
  void stop() {
    publisher.shutdown();
    server.close();
  }

  /** A well-behaved subscriber gets the reply header and the latched message. */
  private void assertGoodClientServed() throws IOException {
    try (Socket s = Wire.connect(server)) {
      ConnectionHeader.of("callerid", "/good", "topic", "/chatter", "md5sum", StringMsg.TYPE.md5())
          .write(s.getOutputStream());
      ConnectionHeader reply = ConnectionHeader.read(s.getInputStream());
      assertEquals("std_msgs/String", reply.get("type"), reply.toString());
      byte[] body = Frames.readFrame(s.getInputStream(), 1 << 20, "latched message");
      assertEquals("still serving", Frames.deserialize(body, new StringMsg()).data);
    }
  }

  private static String errorReply(Socket s) throws IOException {
    ConnectionHeader reply = ConnectionHeader.read(s.getInputStream());
    assertTrue(reply.isError(), reply.toString());
    return reply.get("error");
  }

  @Test
  void garbageBytes() throws IOException {
    Random random = new Random(SEED);
    for (int i = 0; i < 5; i++) {
      byte[] garbage = new byte[1 + random.nextInt(4096)];
      random.nextBytes(garbage);
      try (Socket s = Wire.connect(server)) {
        s.getOutputStream().write(garbage);
        assertTrue(Wire.closedByPeer(s), "server kept a garbage connection open");
      }
      assertGoodClientServed();
    }
  }

  @Test
  void garbageInsideAPlausibleLength() throws IOException {
    try (Socket s = Wire.connect(server)) {
      OutputStream out = s.getOutputStream();
      out.write(Wire.le32(12));
      out.write(Wire.le32(8));
      out.write("no equals".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, 8);
      assertTrue(errorReply(s).contains("without '='"));
      assertTrue(Wire.closedByPeer(s));
    }
    assertGoodClientServed();
  }

  @Test
  void truncatedHeader() throws IOException {
    byte[] whole =
        ConnectionHeader.of("callerid", "/bad", "topic", "/chatter", "md5sum", "*").encode();
    try (Socket s = Wire.connect(server)) {
      s.getOutputStream().write(whole, 0, whole.length / 2);
      s.shutdownOutput();
      assertTrue(errorReply(s).contains("truncated"));
      assertTrue(Wire.closedByPeer(s));
    }
    assertGoodClientServed();
  }

  @Test
  void twoGigabyteDeclaredHeaderLength() throws IOException {
    Runtime rt = Runtime.getRuntime();
    try (Socket s = Wire.connect(server)) {
      s.getOutputStream().write(Wire.le32(0x7FFFFFF0L));
      // refused at once from the length alone, not by the handshake timeout
      String error = errorReply(s);
      assertTrue(error.contains("declares 2147483632 bytes, over the limit of 1048576"), error);
      assertTrue(Wire.closedByPeer(s));
    }
    assertTrue(rt.totalMemory() - rt.freeMemory() < 1L << 30, "heap grew past 1 GiB");
    assertGoodClientServed();
  }

  @Test
  void clientThatSaysNothingIsClosedAfterTheTimeoutWhileOthersAreServed() throws IOException {
    List<Socket> silent = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        silent.add(Wire.connect(server));
      }
      // silent clients do not hold up a good one
      assertGoodClientServed();
      for (Socket s : silent) {
        assertTrue(Wire.closedByPeer(s), "silent client not closed");
      }
    } finally {
      for (Socket s : silent) {
        s.close();
      }
    }
    Wire.await("connections released", () -> server.openConnectionCount() == 0);
    assertGoodClientServed();
  }

  @Test
  void clientThatTricklesItsHeaderIsClosedAtTheHandshakeDeadline() throws Exception {
    try (Socket s = Wire.connect(server)) {
      s.getOutputStream().write(Wire.le32(100));
      s.setSoTimeout(100);
      boolean closed = false;
      // one byte per 100 ms: every single read is quick, the whole header is not
      for (int i = 0; i < 50 && !closed; i++) {
        try {
          s.getOutputStream().write('a');
          closed = s.getInputStream().read() < 0;
        } catch (java.net.SocketTimeoutException e) {
          // still open
        } catch (IOException e) {
          closed = true;
        }
      }
      assertTrue(closed, "a trickling client kept its connection for 5 s");
    }
    assertGoodClientServed();
  }

  @Test
  void connectionsBeyondTheLimitAreClosedAndTheServerRecovers() throws IOException {
    List<Socket> silent = new ArrayList<>();
    try {
      for (int i = 0; i < 64; i++) {
        silent.add(Wire.connect(server));
      }
      Wire.await("64 connections held", () -> server.openConnectionCount() == 64);
      try (Socket extra = Wire.connect(server)) {
        assertTrue(Wire.closedByPeer(extra));
      }
    } finally {
      for (Socket s : silent) {
        s.close();
      }
    }
    Wire.await("connections released", () -> server.openConnectionCount() == 0);
    assertGoodClientServed();
  }

  /** A fake publisher announcing a 2 GB message: our subscriber drops it, then recovers. */
  @Test
  void twoGigabyteMessageLengthFromAFakePublisher() throws Exception {
    try (ServerSocket fake = new ServerSocket(0, 10, InetAddress.getByName(Wire.LOOPBACK))) {
      fake.setSoTimeout((int) Wire.WAIT_MS);
      List<String> got = new CopyOnWriteArrayList<>();
      TcpRosSubscriber<StringMsg> sub =
          new TcpRosSubscriber<>(
              "/evil",
              StringMsg.TYPE,
              "/victim",
              (uri, topic) -> new InetSocketAddress(Wire.LOOPBACK, fake.getLocalPort()),
              null,
              null);
      try {
        sub.addMessageListener(m -> got.add(m.data));
        sub.updatePublishers(List.of(Wire.slave("evil")));
        ConnectionHeader reply =
            ConnectionHeader.of(
                "callerid",
                "/evil",
                "latching",
                "0",
                "md5sum",
                StringMsg.TYPE.md5(),
                "message_definition",
                "string data\n",
                "topic",
                "/evil",
                "type",
                "std_msgs/String");
        try (Socket c = fake.accept()) {
          c.setSoTimeout((int) Wire.WAIT_MS);
          ConnectionHeader.read(c.getInputStream());
          reply.write(c.getOutputStream());
          c.getOutputStream().write(Wire.le32(0x7FFFFFF0L));
          c.getOutputStream().write(new byte[1000]);
          assertTrue(Wire.closedByPeer(c), "subscriber kept reading a 2 GB message");
        }
        // still listed: the subscriber reconnects, and a sane message gets through
        try (Socket c = fake.accept()) {
          c.setSoTimeout((int) Wire.WAIT_MS);
          ConnectionHeader.read(c.getInputStream());
          reply.write(c.getOutputStream());
          c.getOutputStream().write(Frames.frame(new StringMsg("sane")));
          Wire.await("sane message", () -> got.contains("sane"));
        }
        // a garbage reply header: closed and retried as well
        try (Socket c = fake.accept()) {
          c.setSoTimeout((int) Wire.WAIT_MS);
          ConnectionHeader.read(c.getInputStream());
          c.getOutputStream().write(Wire.le32(0xFFFFFFFFL));
          assertTrue(Wire.closedByPeer(c));
        }
        try (Socket c = fake.accept()) {
          c.setSoTimeout((int) Wire.WAIT_MS);
          ConnectionHeader.read(c.getInputStream());
          reply.write(c.getOutputStream());
          c.getOutputStream().write(Frames.frame(new StringMsg("after garbage")));
          Wire.await("message after garbage", () -> got.contains("after garbage"));
        }
        assertEquals(List.of("sane", "after garbage"), got);
      } finally {
        sub.shutdown();
      }
    }
  }

  @Test
  void aMessageThatDoesNotDeserializeIsSkipped() throws Exception {
    try (ServerSocket fake = new ServerSocket(0, 10, InetAddress.getByName(Wire.LOOPBACK))) {
      fake.setSoTimeout((int) Wire.WAIT_MS);
      List<String> got = new CopyOnWriteArrayList<>();
      TcpRosSubscriber<StringMsg> sub =
          new TcpRosSubscriber<>(
              "/evil",
              StringMsg.TYPE,
              "/victim",
              (uri, topic) -> new InetSocketAddress(Wire.LOOPBACK, fake.getLocalPort()),
              null,
              null);
      try {
        sub.addMessageListener(m -> got.add(m.data));
        sub.updatePublishers(List.of(Wire.slave("evil")));
        try (Socket c = fake.accept()) {
          c.setSoTimeout((int) Wire.WAIT_MS);
          ConnectionHeader.read(c.getInputStream());
          ConnectionHeader.of(
                  "callerid", "/evil", "md5sum", StringMsg.TYPE.md5(), "type", "std_msgs/String")
              .write(c.getOutputStream());
          OutputStream out = c.getOutputStream();
          out.write(Wire.le32(8)); // a string claiming 1000 bytes inside an 8-byte message
          out.write(Wire.le32(1000));
          out.write(new byte[4]);
          out.write(Frames.frame(new StringMsg("next")));
          Wire.await("next message", () -> got.contains("next"));
        }
        assertEquals(List.of("next"), got);
      } finally {
        sub.shutdown();
      }
    }
  }
}
