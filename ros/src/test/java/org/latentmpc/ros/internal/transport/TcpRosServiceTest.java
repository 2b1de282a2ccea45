package org.latentmpc.ros.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentmpc.ros.ServiceException;
import org.latentmpc.ros.ServiceHandler;
import org.latentmpc.ros.internal.transport.TestMessages.BoolMsg;
import org.latentmpc.ros.internal.transport.TestMessages.EmptyMsg;
import org.latentmpc.ros.internal.transport.TestMessages.SuccessMsg;

/** Services over real loopback sockets. */
class TcpRosServiceTest {
  private static final int TIMEOUT_MS = 5000;
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

  private static final ServiceHandler<BoolMsg, SuccessMsg> SET_BOOL_HANDLER =
      (request, response) -> {
        if (!request.data) {
          throw new ServiceException("refusing to set false");
        }
        response.success = true;
        response.message = "set to true";
      };

  private TcpRosServer serverWithSetBool() throws IOException {
    TcpRosServer server = track(new TcpRosServer(Wire.LOOPBACK, 0));
    track(
        new TcpRosServiceServer<>(
            "/set", TestMessages.SET_BOOL, SET_BOOL_HANDLER, "/srv", server, null));
    return server;
  }

  private TcpRosServiceClient<BoolMsg, SuccessMsg> client(TcpRosServer server, boolean persistent) {
    return track(
        new TcpRosServiceClient<>(
            "/set",
            TestMessages.SET_BOOL,
            "/caller",
            persistent,
            name -> {
              assertEquals("/set", name);
              return ServiceLocator.parseRosRpcUri(server.rosRpcUri());
            },
            TIMEOUT_MS));
  }

  private static BoolMsg request(boolean value) {
    BoolMsg m = new BoolMsg();
    m.data = value;
    return m;
  }

  @Test
  void callReturnsTheHandlersResponse() throws Exception {
    TcpRosServer server = serverWithSetBool();
    SuccessMsg r = client(server, false).call(request(true));
    assertTrue(r.success);
    assertEquals("set to true", r.message);
  }

  @Test
  void aThrowingHandlerBecomesOkZeroWithItsMessage() throws Exception {
    TcpRosServer server = serverWithSetBool();
    TcpRosServiceClient<BoolMsg, SuccessMsg> client = client(server, true);
    ServiceException e = assertThrows(ServiceException.class, () -> client.call(request(false)));
    assertTrue(e.getMessage().contains("refusing to set false"), e.getMessage());
    // the persistent connection survives an error answer
    assertTrue(client.call(request(true)).success);
    assertEquals(1, server.openConnectionCount());

    // on the wire: ok byte 0, then length + the message
    try (Socket s = Wire.connect(server)) {
      ConnectionHeader.of("callerid", "/raw", "service", "/set", "md5sum", "*")
          .write(s.getOutputStream());
      ConnectionHeader.read(s.getInputStream());
      s.getOutputStream().write(Wire.le32(1));
      s.getOutputStream().write(0);
      InputStream in = s.getInputStream();
      assertEquals(0, in.read());
      byte[] msg = Frames.readFrame(in, 1000, "error");
      assertEquals("refusing to set false", new String(msg, StandardCharsets.UTF_8));
      assertTrue(Wire.closedByPeer(s), "a non-persistent connection closes after one call");
    }
  }

  @Test
  void probeGetsTheRoscppReplyHeaderAndIsClosed() throws IOException {
    TcpRosServer server = serverWithSetBool();
    try (Socket s = Wire.connect(server)) {
      ConnectionHeader.of("callerid", "/rosservice", "md5sum", "*", "probe", "1", "service", "/set")
          .write(s.getOutputStream());
      ConnectionHeader reply = ConnectionHeader.read(s.getInputStream());
      assertEquals("/srv", reply.get("callerid"));
      assertEquals("09fb03525b03e7ea1fd3992bafd87e16", reply.get("md5sum"));
      assertEquals("std_srvs/SetBoolRequest", reply.get("request_type"));
      assertEquals("std_srvs/SetBoolResponse", reply.get("response_type"));
      assertEquals("std_srvs/SetBool", reply.get("type"));
      assertTrue(Wire.closedByPeer(s));
    }
  }

  @Test
  void persistentClientServesManyCallsOnOneConnection() throws Exception {
    TcpRosServer server = serverWithSetBool();
    TcpRosServiceClient<BoolMsg, SuccessMsg> client = client(server, true);
    for (int i = 0; i < 200; i++) {
      assertTrue(client.call(request(true)).success);
    }
    assertTrue(client.isConnected());
    assertEquals(1, server.openConnectionCount());
    TcpRosServiceServer.Stats stats = server.service("/set").stats();
    assertEquals(200, stats.requests());
    assertEquals(200, stats.bytesReceived()); // one bool each
    assertEquals(200 * (1 + 4 + "set to true".length()), stats.bytesSent());
  }

  @Test
  void nonPersistentClientClosesAfterEachCall() throws Exception {
    TcpRosServer server = serverWithSetBool();
    TcpRosServiceClient<BoolMsg, SuccessMsg> client = client(server, false);
    for (int i = 0; i < 5; i++) {
      assertTrue(client.call(request(true)).success);
      assertFalse(client.isConnected());
    }
    Wire.await("server connections released", () -> server.openConnectionCount() == 0);
  }

  @Test
  void serverGoneThenBackOnAnotherPort() throws Exception {
    TcpRosServer first = new TcpRosServer(Wire.LOOPBACK, 0);
    new TcpRosServiceServer<>("/set", TestMessages.SET_BOOL, SET_BOOL_HANDLER, "/srv", first, null);
    AtomicReference<TcpRosServer> current = new AtomicReference<>(first);
    TcpRosServiceClient<BoolMsg, SuccessMsg> client =
        track(
            new TcpRosServiceClient<>(
                "/set",
                TestMessages.SET_BOOL,
                "/caller",
                true,
                name -> ServiceLocator.parseRosRpcUri(current.get().rosRpcUri()),
                TIMEOUT_MS));
    assertTrue(client.call(request(true)).success);
    first.close();
    ServiceException e = assertThrows(ServiceException.class, () -> client.call(request(true)));
    assertTrue(e.getMessage().contains("/set"), e.getMessage());
    TcpRosServer second = track(new TcpRosServer(Wire.LOOPBACK, 0));
    track(
        new TcpRosServiceServer<>(
            "/set", TestMessages.SET_BOOL, SET_BOOL_HANDLER, "/srv", second, null));
    current.set(second);
    assertTrue(client.call(request(true)).success);
  }

  @Test
  void persistentConnectionClosedByTheServerIsReopened() throws Exception {
    TcpRosServer server = track(new TcpRosServer(Wire.LOOPBACK, 0));
    TcpRosServiceServer<BoolMsg, SuccessMsg> service =
        new TcpRosServiceServer<>(
            "/set", TestMessages.SET_BOOL, SET_BOOL_HANDLER, "/srv", server, null);
    TcpRosServiceClient<BoolMsg, SuccessMsg> client = client(server, true);
    assertTrue(client.call(request(true)).success);
    service.shutdown(); // closes the client's connection
    track(
        new TcpRosServiceServer<>(
            "/set", TestMessages.SET_BOOL, SET_BOOL_HANDLER, "/srv2", server, null));
    assertTrue(client.call(request(true)).success);
  }

  @Test
  void md5MismatchIsAClearError() throws Exception {
    TcpRosServer server = serverWithSetBool();
    TcpRosServiceClient<EmptyMsg, SuccessMsg> wrong =
        track(
            new TcpRosServiceClient<>(
                "/set",
                TestMessages.TRIGGER,
                "/caller",
                false,
                name -> ServiceLocator.parseRosRpcUri(server.rosRpcUri()),
                TIMEOUT_MS));
    ServiceException e = assertThrows(ServiceException.class, () -> wrong.call(new EmptyMsg()));
    assertTrue(
        e.getMessage()
            .contains(
                "client wants service /set to have md5sum "
                    + TestMessages.TRIGGER.md5()
                    + ", but it has "
                    + TestMessages.SET_BOOL.md5()),
        e.getMessage());
  }

  @Test
  void callTimesOut() throws Exception {
    TcpRosServer server = track(new TcpRosServer(Wire.LOOPBACK, 0));
    CountDownLatch release = new CountDownLatch(1);
    track(
        new TcpRosServiceServer<BoolMsg, SuccessMsg>(
            "/slow",
            TestMessages.SET_BOOL,
            (q, r) -> {
              try {
                release.await(Wire.WAIT_MS, TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "/srv",
            server,
            null));
    TcpRosServiceClient<BoolMsg, SuccessMsg> client =
        track(
            new TcpRosServiceClient<>(
                "/slow",
                TestMessages.SET_BOOL,
                "/caller",
                true,
                name -> ServiceLocator.parseRosRpcUri(server.rosRpcUri()),
                300));
    try {
      ServiceException e = assertThrows(ServiceException.class, () -> client.call(request(true)));
      assertTrue(e.getMessage().contains("timed out after 300 ms"), e.getMessage());
    } finally {
      release.countDown();
    }
  }

  @Test
  void oversizedRequestLengthClosesOnlyThatConnection() throws Exception {
    TcpRosServer server = serverWithSetBool();
    try (Socket s = Wire.connect(server)) {
      ConnectionHeader.of("callerid", "/raw", "service", "/set", "md5sum", "*", "persistent", "1")
          .write(s.getOutputStream());
      ConnectionHeader.read(s.getInputStream());
      s.getOutputStream().write(Wire.le32(0x7FFFFFF0L));
      assertTrue(Wire.closedByPeer(s));
    }
    assertTrue(client(server, false).call(request(true)).success);
  }

  @Test
  void rosRpcUrisAreParsedStrictly() {
    assertEquals(
        new InetSocketAddress("127.0.0.1", 4242),
        ServiceLocator.parseRosRpcUri(java.net.URI.create("rosrpc://127.0.0.1:4242")));
    for (String bad : new String[] {"http://127.0.0.1:4242", "rosrpc://127.0.0.1", "rosrpc:x"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> ServiceLocator.parseRosRpcUri(java.net.URI.create(bad)));
      assertTrue(e.getMessage().contains(bad), e.getMessage());
    }
  }

  @Test
  void aPortInUseIsAClearError() throws IOException {
    TcpRosServer server = serverWithSetBool();
    IOException e =
        assertThrows(IOException.class, () -> new TcpRosServer(Wire.LOOPBACK, server.port()));
    assertTrue(
        e.getMessage().contains("cannot bind the TCPROS server to 127.0.0.1:" + server.port()),
        e.getMessage());
  }

  @Test
  void unknownServiceAndMissingFields() throws IOException {
    TcpRosServer server = serverWithSetBool();
    try (Socket s = Wire.connect(server)) {
      ConnectionHeader.of("callerid", "/raw", "service", "/set").write(s.getOutputStream());
      assertEquals(
          "bogus tcpros header. did not have the required elements: md5sum, service," + " callerid",
          ConnectionHeader.read(s.getInputStream()).get("error"));
    }
    TcpRosServiceClient<BoolMsg, SuccessMsg> nowhere =
        track(
            new TcpRosServiceClient<>(
                "/nope",
                TestMessages.SET_BOOL,
                "/caller",
                false,
                name -> new InetSocketAddress(Wire.LOOPBACK, server.port()),
                TIMEOUT_MS));
    ServiceException e = assertThrows(ServiceException.class, () -> nowhere.call(request(true)));
    assertTrue(e.getMessage().contains("nonexistent service [/nope]"), e.getMessage());
  }
}
