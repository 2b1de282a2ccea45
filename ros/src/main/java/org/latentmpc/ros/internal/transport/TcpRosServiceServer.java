package org.latentmpc.ros.internal.transport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.ServiceHandler;
import org.latentmpc.ros.ServiceServer;
import org.latentmpc.ros.ServiceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport side of a service server, reached through the node's {@link TcpRosServer}.
 *
 * <p>A client's header must carry callerid, md5sum (or {@code *}) and service. The reply header
 * carries callerid, md5sum, request_type, response_type and type; a probe ({@code probe=1}, as
 * {@code rosservice} sends) is closed right after it. Then each request (uint32 length + body) is
 * answered with {@code ok=1} + length + response, or {@code ok=0} + length + the handler's error
 * message when it throws. Persistent connections ({@code persistent=1}) serve requests until the
 * client closes; others close after one. The handler runs on the connection's thread, so calls on
 * different connections may run concurrently.
 */
public final class TcpRosServiceServer<Q extends Message, R extends Message>
    implements ServiceServer<Q, R> {
  private static final Logger LOG = LoggerFactory.getLogger(TcpRosServiceServer.class);

  private final String name;
  private final ServiceType<Q, R> type;
  private final ServiceHandler<Q, R> handler;
  private final String callerId;
  private final TcpRosServer server;
  private final int maxRequestBytes;
  private final Runnable onShutdown;
  private final Map<Socket, Boolean> sockets = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong bytesReceived = new AtomicLong();
  private final AtomicLong bytesSent = new AtomicLong();
  private volatile boolean shutdown;

  /**
   * Counters for getBusStats' serviceStats {@code [numRequests, bytesReceived, bytesSent]}.
   *
   * @param requests requests answered (ok or error)
   * @param bytesReceived request bodies, length prefixes excluded
   * @param bytesSent response bodies and error messages, ok bytes and prefixes excluded
   */
  public record Stats(long requests, long bytesReceived, long bytesSent) {}

  /**
   * Creates the service and registers it with the server (the node then registers {@link #getUri}
   * with the master).
   *
   * @param name resolved service name
   * @param type service type
   * @param handler answers requests
   * @param callerId the node's full name
   * @param server the node's TCPROS server
   * @param onShutdown run once by {@link #shutdown} (the node unregisters here); may be null
   */
  public TcpRosServiceServer(
      String name,
      ServiceType<Q, R> type,
      ServiceHandler<Q, R> handler,
      String callerId,
      TcpRosServer server,
      Runnable onShutdown) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.callerId = Objects.requireNonNull(callerId, "callerId");
    this.server = Objects.requireNonNull(server, "server");
    this.maxRequestBytes = Frames.DEFAULT_MAX_MESSAGE_BYTES;
    this.onShutdown = onShutdown;
    server.addService(this);
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public ServiceType<Q, R> getType() {
    return type;
  }

  @Override
  public URI getUri() {
    return server.rosRpcUri();
  }

  /** Serves one client connection whose header the server has read; returns when it ends. */
  void serve(Socket socket, ConnectionHeader header) throws IOException {
    String md5 = header.get("md5sum");
    String client = header.get("callerid");
    if (md5 == null || client == null || !header.has("service")) {
      refuse(
          socket,
          "bogus tcpros header. did not have the required elements: md5sum, service,"
              + " callerid");
      return;
    }
    if (shutdown) {
      refuse(socket, "received a tcpros connection for a nonexistent service [" + name + "].");
      return;
    }
    if (!md5.equals(type.md5()) && !"*".equals(md5)) {
      refuse(
          socket,
          "client wants service "
              + name
              + " to have md5sum "
              + md5
              + ", but it has "
              + type.md5()
              + ". Dropping connection.");
      return;
    }
    socket.setTcpNoDelay(true);
    OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 65536);
    ConnectionHeader.of(
            "callerid", callerId,
            "md5sum", type.md5(),
            "request_type", type.requestType().name(),
            "response_type", type.responseType().name(),
            "type", type.name())
        .write(out);
    if (header.flag("probe")) {
      return;
    }
    boolean persistent = header.flag("persistent");
    sockets.put(socket, Boolean.TRUE);
    try {
      InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
      String what = "request to service " + name + " from " + client;
      do {
        byte[] body;
        try {
          body = Frames.readFrame(in, maxRequestBytes, what);
        } catch (EOFException e) {
          return;
        }
        bytesReceived.addAndGet(body.length);
        requests.incrementAndGet();
        answer(body, out);
      } while (persistent && !shutdown);
    } finally {
      sockets.remove(socket);
    }
  }

  private void answer(byte[] body, OutputStream out) throws IOException {
    byte[] responseFrame;
    String error;
    try {
      Q request = Frames.deserialize(body, type.requestType().newMessage());
      R response = type.responseType().newMessage();
      handler.handle(request, response);
      responseFrame = Frames.frame(response);
      error = null;
    } catch (Exception e) {
      responseFrame = null;
      error = e.getMessage() != null ? e.getMessage() : e.toString();
      LOG.debug("service {}: handler error: {}", name, error);
    }
    if (responseFrame != null) {
      out.write(1);
      out.write(responseFrame);
      bytesSent.addAndGet(responseFrame.length - 4);
    } else {
      byte[] msg = error.getBytes(StandardCharsets.UTF_8);
      bytesSent.addAndGet(msg.length);
      byte[] len = new byte[4];
      Frames.putIntLe(len, 0, msg.length);
      out.write(0);
      out.write(len);
      out.write(msg);
    }
    out.flush();
  }

  /** Requests and bytes served since creation. */
  public Stats stats() {
    return new Stats(requests.get(), bytesReceived.get(), bytesSent.get());
  }

  private void refuse(Socket socket, String message) {
    LOG.warn(
        "service {}: refusing connection from {}: {}", name, TcpRosServer.remote(socket), message);
    TcpRosServer.sendError(socket, message);
  }

  /** Leaves the server, closes open client connections and runs the node's hook once. */
  @Override
  public void shutdown() {
    synchronized (this) {
      if (shutdown) {
        return;
      }
      shutdown = true;
    }
    server.removeService(this);
    for (Socket s : sockets.keySet()) {
      TcpRosServer.closeQuietly(s);
    }
    if (onShutdown != null) {
      onShutdown.run();
    }
  }

  @Override
  public String toString() {
    return "TcpRosServiceServer[" + name + ", " + type + "]";
  }
}
