package org.latentmpc.ros.internal.xmlrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class XmlRpcServerTest {
  private static final int MAX_BYTES = 64 * 1024;
  private XmlRpcServer server;

  private static Object echo(String method, List<Object> params) {
    return switch (method) {
      case "echo" -> params;
      case "add" -> (Integer) params.get(0) + (Integer) params.get(1);
      case "boom" -> throw new IllegalStateException("handler failed");
      default -> throw XmlRpcHandler.noSuchMethod(method);
    };
  }

  @BeforeEach
  void start() throws IOException {
    server =
        XmlRpcServer.start(
            "127.0.0.1",
            0,
            XmlRpcServerTest::echo,
            XmlRpcServer.Options.defaults()
                .withMaxRequestBytes(MAX_BYTES)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private XmlRpcClient client() {
    return new XmlRpcClient(URI.create(server.uri()), Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  @Test
  void servesCallsAndFaults() {
    assertTrue(server.uri().startsWith("http://127.0.0.1:"));
    assertEquals(
        List.of("a", 1, Map.of("k", true)), client().call("echo", "a", 1, Map.of("k", true)));
    assertEquals(5, client().call("add", 2, 3));
    XmlRpcFault unknown = assertThrows(XmlRpcFault.class, () -> client().call("nope"));
    assertTrue(unknown.faultString().contains("nope"));
    XmlRpcFault failed = assertThrows(XmlRpcFault.class, () -> client().call("boom"));
    assertTrue(failed.faultString().contains("handler failed"));
  }

  private static String rawExchange(Socket s, String request) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return readResponse(s.getInputStream());
  }

  private static String readResponse(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
    StringBuilder sb = new StringBuilder();
    String line;
    int length = 0;
    while ((line = r.readLine()) != null && !line.isEmpty()) {
      sb.append(line).append('\n');
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    char[] body = new char[length];
    int n = 0;
    while (n < length) {
      int k = r.read(body, n, length - n);
      if (k < 0) {
        break;
      }
      n += k;
    }
    return sb.append('\n').append(body, 0, n).toString();
  }

  private static String post(String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: "
        + b.length
        + "\r\n\r\n"
        + body;
  }

  @Test
  void keepsConnectionsAliveAcrossRequests() throws IOException {
    String call = new String(XmlRpcCodec.encodeCall("add", List.of(1, 2)), StandardCharsets.UTF_8);
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(5000);
      for (int i = 0; i < 3; i++) {
        String response = rawExchange(s, post(call));
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.contains("<int>3</int>"), response);
      }
    }
  }

  @Test
  void refusesOversizedContentLengthAndKeepsServing() throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(5000);
      String response =
          rawExchange(
              s, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + (MAX_BYTES + 1) + "\r\n\r\n");
      assertTrue(response.startsWith("HTTP/1.1 413"), response);
      assertEquals(-1, s.getInputStream().read(), "connection closed after the refusal");
    }
    assertEquals(5, client().call("add", 2, 3));
  }

  @Test
  void answersGarbageWithErrorsAndKeepsServing() throws IOException {
    String[] garbage = {
      "GARBAGE\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
      "POST / HTTP/1.1\r\nHost: x\r\n\r\n",
      "POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
      "POST / HTTP/1.1\r\nContent-Length: lots\r\n\r\n",
      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
      "POST / HTTP/1.1\r\nX: " + "y".repeat(20000) + "\r\n\r\n",
    };
    int[] expected = {400, 405, 411, 400, 400, 411, 431};
    for (int i = 0; i < garbage.length; i++) {
      try (Socket s = new Socket("127.0.0.1", server.port())) {
        s.setSoTimeout(5000);
        String response = rawExchange(s, garbage[i]);
        assertTrue(response.startsWith("HTTP/1.1 " + expected[i]), i + ": " + response);
      }
    }
    // A well-framed but malformed document gets a fault and the connection stays usable.
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(5000);
      String response = rawExchange(s, post("<methodCall><methodName>x"));
      assertTrue(response.startsWith("HTTP/1.1 200"), response);
      assertTrue(response.contains("<fault>") && response.contains("malformed"), response);
      String ok =
          rawExchange(
              s,
              post(
                  new String(
                      XmlRpcCodec.encodeCall("add", List.of(4, 4)), StandardCharsets.UTF_8)));
      assertTrue(ok.contains("<int>8</int>"), ok);
    }
    // A peer that sends half a request and goes silent is dropped after the read timeout.
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(15000);
      s.getOutputStream().write("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n<x".getBytes());
      s.getOutputStream().flush();
      assertEquals(-1, s.getInputStream().read());
    }
    assertEquals(5, client().call("add", 2, 3));
  }

  /** A peer trickling its request a byte at a time is cut off by the request deadline (2 s). */
  @Test
  void tricklingPeerIsDisconnected() throws Exception {
    byte[] request = post("x".repeat(1000)).getBytes(StandardCharsets.ISO_8859_1);
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(15000);
      OutputStream out = s.getOutputStream();
      boolean cutOff = false;
      // Without the deadline this would take 1000+ bytes x 100 ms = 100 s; stop trying at 30 s.
      long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      for (int i = 0; i < request.length && System.nanoTime() < giveUp; i++) {
        try {
          out.write(request[i]);
          out.flush();
        } catch (IOException closed) {
          cutOff = true;
          break;
        }
        if (s.getInputStream().available() > 0 || i % 10 == 9 && peerClosed(s)) {
          cutOff = true;
          break;
        }
        Thread.sleep(100);
      }
      assertTrue(cutOff, "the server kept a trickling connection open");
    }
    assertEquals(5, client().call("add", 2, 3));
  }

  private static boolean peerClosed(Socket s) throws IOException {
    s.setSoTimeout(1);
    try {
      return s.getInputStream().read() < 0;
    } catch (java.net.SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    } finally {
      s.setSoTimeout(15000);
    }
  }

  @Test
  void clientReportsUnreachableServersAndHttpErrors() throws IOException {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    XmlRpcClient dead =
        new XmlRpcClient(
            URI.create("http://127.0.0.1:" + port + "/"),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1));
    XmlRpcException e = assertThrows(XmlRpcException.class, () -> dead.call("x"));
    assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> XmlRpcClient.of("ftp://x/"));

    // Oversized request from our own client: the server refuses, the client says HTTP 413.
    XmlRpcException tooBig =
        assertThrows(XmlRpcException.class, () -> client().call("echo", "z".repeat(MAX_BYTES)));
    assertTrue(tooBig.getMessage().contains("413"), tooBig.getMessage());
  }
}
