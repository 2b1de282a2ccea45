package org.latentmpc.ros.internal.xmlrpc;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 XML-RPC server: one {@link ServerSocket} bound to a given host, a bounded pool
 * of connection threads, keep-alive, read and idle timeouts, a Content-Length limit. Each POST body
 * is decoded as a {@code <methodCall>} and dispatched to the {@link XmlRpcHandler}; its result (or
 * a fault) is written back.
 *
 * <p>Bad input is answered and contained: an oversized Content-Length gets 413, a missing one 411,
 * a non-POST 405, a malformed document a fault; the connection is closed after an HTTP error and
 * the server keeps serving others. When every worker is busy a new connection gets 503.
 */
public final class XmlRpcServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(XmlRpcServer.class);

  /**
   * Limits and timeouts.
   *
   * @param maxRequestBytes largest accepted request body
   * @param maxConnections most connections served at once (one thread each)
   * @param readTimeout longest time for a started request to arrive completely (request line,
   *     headers and body)
   * @param idleTimeout how long a keep-alive connection may sit idle between requests
   */
  public record Options(
      int maxRequestBytes, int maxConnections, Duration readTimeout, Duration idleTimeout) {
    /** 16 MiB requests, 64 connections, 10 s read timeout, 60 s idle timeout. */
    public static Options defaults() {
      return new Options(16 << 20, 64, Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    public Options {
      if (maxRequestBytes <= 0 || maxConnections <= 0) {
        throw new IllegalArgumentException("limits must be positive");
      }
      Objects.requireNonNull(readTimeout, "readTimeout");
      Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    public Options withMaxRequestBytes(int bytes) {
      return new Options(bytes, maxConnections, readTimeout, idleTimeout);
    }

    public Options withMaxConnections(int n) {
      return new Options(maxRequestBytes, n, readTimeout, idleTimeout);
    }

    public Options withTimeouts(Duration read, Duration idle) {
      return new Options(maxRequestBytes, maxConnections, read, idle);
    }
  }

  private static final long DRAIN_LIMIT_BYTES = 1 << 20;
  private static final long ACCEPT_BACKOFF_MS = 50;
  private static final AtomicInteger SERVER_IDS = new AtomicInteger();
  private static final ThreadLocal<Boolean> IN_WORKER = ThreadLocal.withInitial(() -> false);
  private static final ThreadLocal<List<Runnable>> AFTER_RESPONSE =
      ThreadLocal.withInitial(ArrayList::new);

  private final XmlRpcHandler handler;
  private final Options options;
  private final ServerSocket serverSocket;
  private final ThreadPoolExecutor workers;
  private final Thread acceptor;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final String host;
  private volatile boolean closed;

  private XmlRpcServer(String host, int port, XmlRpcHandler handler, Options options)
      throws IOException {
    this.handler = Objects.requireNonNull(handler, "handler");
    this.options = Objects.requireNonNull(options, "options");
    this.host = Objects.requireNonNull(host, "host");
    this.serverSocket = new ServerSocket();
    try {
      serverSocket.setReuseAddress(true);
      serverSocket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 128);
    } catch (IOException e) {
      serverSocket.close();
      throw new IOException("cannot bind XML-RPC server to " + host + ":" + port + ": " + e, e);
    }
    int id = SERVER_IDS.incrementAndGet();
    AtomicInteger threadIds = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            0,
            options.maxConnections(),
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "xmlrpc-" + id + "-conn-" + threadIds.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.acceptor = new Thread(this::acceptLoop, "xmlrpc-" + id + "-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Binds to {@code host} ({@code port} 0 picks a free port) and starts serving.
   *
   * @throws IOException when the address cannot be bound
   */
  public static XmlRpcServer start(String host, int port, XmlRpcHandler handler, Options options)
      throws IOException {
    return new XmlRpcServer(host, port, handler, options);
  }

  /** {@link #start(String, int, XmlRpcHandler, Options)} with {@link Options#defaults()}. */
  public static XmlRpcServer start(String host, int port, XmlRpcHandler handler)
      throws IOException {
    return start(host, port, handler, Options.defaults());
  }

  /** The bound port. */
  public int port() {
    return serverSocket.getLocalPort();
  }

  /** {@code http://host:port/} with the host given to {@link #start}. */
  public String uri() {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port() + "/";
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("XML-RPC accept failed on {}: {}", uri(), e.toString());
          try {
            Thread.sleep(ACCEPT_BACKOFF_MS); // e.g. out of file descriptors: do not spin
          } catch (InterruptedException interrupted) {
            return;
          }
        }
        continue;
      }
      try {
        workers.execute(() -> serve(socket));
      } catch (RejectedExecutionException e) {
        refuseBusy(socket);
      }
    }
  }

  private static void refuseBusy(Socket socket) {
    refuse(socket, 503, "server busy");
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private void serve(Socket socket) {
    IN_WORKER.set(Boolean.TRUE);
    connections.add(socket);
    try {
      socket.setTcpNoDelay(true);
      DeadlineInputStream deadlineIn = new DeadlineInputStream(socket);
      InputStream in = new BufferedInputStream(deadlineIn);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      boolean keepAlive = true;
      while (keepAlive && !closed) {
        // Idle between requests: wait for the first byte of the next one.
        deadlineIn.clearDeadline(
            (int) Math.min(Integer.MAX_VALUE, options.idleTimeout().toMillis()));
        in.mark(1);
        try {
          if (in.read() < 0) {
            return;
          }
        } catch (SocketTimeoutException idle) {
          return;
        }
        in.reset();
        // From the first byte on, the whole request must arrive within the read timeout.
        deadlineIn.startDeadline(options.readTimeout().toNanos());
        String requestLine = HttpMessages.readLine(in);
        if (requestLine == null) {
          return;
        }
        if (requestLine.isEmpty()) {
          continue; // tolerate a stray CRLF between requests
        }
        keepAlive = handleRequest(requestLine, in, out);
      }
    } catch (HttpMessages.HttpProtocolException e) {
      LOG.debug("XML-RPC request refused: {}", e.getMessage());
      refuse(socket, e.status, e.getMessage());
    } catch (SocketException | SocketTimeoutException e) {
      LOG.debug("XML-RPC connection ended: {}", e.toString());
    } catch (IOException e) {
      LOG.debug("XML-RPC connection failed: {}", e.toString());
    } finally {
      connections.remove(socket);
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /**
   * Answers an HTTP error, then drains (bounded) what the peer still sends so that it reads the
   * answer instead of a connection reset.
   */
  private static void refuse(Socket socket, int status, String message) {
    try {
      writeStatus(socket.getOutputStream(), status, message);
      socket.shutdownOutput();
      socket.setSoTimeout(500);
      InputStream in = socket.getInputStream();
      byte[] sink = new byte[8192];
      long drained = 0;
      int n;
      while (drained < DRAIN_LIMIT_BYTES && (n = in.read(sink)) >= 0) {
        drained += n;
      }
    } catch (IOException ignored) {
      // the peer went away or stayed silent: nothing more to do
    }
  }

  /** Handles one request; returns whether the connection stays open. */
  private boolean handleRequest(String requestLine, InputStream in, OutputStream out)
      throws IOException {
    String[] parts = requestLine.split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      throw new HttpMessages.HttpProtocolException(
          400, "malformed request line: " + HttpMessages.abbreviate(requestLine));
    }
    Map<String, String> headers = HttpMessages.readHeaders(in);
    if (!parts[0].equals("POST")) {
      throw new HttpMessages.HttpProtocolException(405, "only POST is served, not " + parts[0]);
    }
    String transferEncoding = headers.get("transfer-encoding");
    if (transferEncoding != null && !transferEncoding.equalsIgnoreCase("identity")) {
      throw new HttpMessages.HttpProtocolException(
          411, "Transfer-Encoding " + transferEncoding + " is not supported; send Content-Length");
    }
    int length = HttpMessages.contentLength(headers, options.maxRequestBytes());
    if (length < 0) {
      throw new HttpMessages.HttpProtocolException(411, "Content-Length required");
    }
    byte[] body = HttpMessages.readBody(in, length);
    boolean http10 = parts[2].equals("HTTP/1.0");
    String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
    boolean keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");

    byte[] response = dispatch(body);
    StringBuilder head = new StringBuilder(160);
    head.append(parts[2].equals("HTTP/1.0") ? "HTTP/1.0" : "HTTP/1.1").append(" 200 OK\r\n");
    head.append("Server: latent-mpc-xmlrpc\r\n");
    head.append("Content-Type: text/xml\r\n");
    head.append("Content-Length: ").append(response.length).append("\r\n");
    head.append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(response);
    out.flush();
    List<Runnable> after = AFTER_RESPONSE.get();
    if (!after.isEmpty()) {
      List<Runnable> tasks = List.copyOf(after);
      after.clear();
      for (Runnable task : tasks) {
        Thread t = new Thread(task, "xmlrpc-after-response");
        t.setDaemon(true);
        t.start();
      }
    }
    return keepAlive;
  }

  /**
   * From inside {@link XmlRpcHandler#invoke}: runs {@code task} on a new thread once the reply to
   * the current call has been written (e.g. a shutdown that closes this server). Outside a handler
   * the task starts at once.
   */
  public static void runAfterResponse(Runnable task) {
    if (IN_WORKER.get()) {
      AFTER_RESPONSE.get().add(task);
    } else {
      Thread t = new Thread(task, "xmlrpc-after-response");
      t.setDaemon(true);
      t.start();
    }
  }

  private byte[] dispatch(byte[] body) {
    AFTER_RESPONSE.get().clear();
    XmlRpcRequest request;
    try {
      request = XmlRpcCodec.decodeCall(body);
    } catch (XmlRpcException e) {
      LOG.debug("malformed XML-RPC call: {}", e.getMessage());
      return XmlRpcCodec.encodeFault(-32700, e.getMessage());
    }
    try {
      Object result =
          request.methodName().equals("system.multicall")
              ? multicall(request.params())
              : handler.invoke(request.methodName(), request.params());
      return XmlRpcCodec.encodeResponse(result);
    } catch (XmlRpcFault fault) {
      return XmlRpcCodec.encodeFault(fault.faultCode(), fault.faultString());
    } catch (RuntimeException e) {
      LOG.warn("XML-RPC method {} failed", request.methodName(), e);
      return XmlRpcCodec.encodeFault(1, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * {@code system.multicall([{methodName, params}, ...])} as Python's server implements it (rospy
   * unregisters through it on shutdown): each result wrapped in a one-element list, each failure a
   * fault struct.
   */
  private Object multicall(List<Object> params) {
    if (params.size() != 1 || !(params.get(0) instanceof List<?> calls)) {
      throw new XmlRpcFault(-32602, "system.multicall expects one array of calls");
    }
    List<Object> results = new ArrayList<>(calls.size());
    for (Object call : calls) {
      try {
        if (!(call instanceof Map<?, ?> m)
            || !(m.get("methodName") instanceof String name)
            || !(m.get("params") instanceof List<?> args)) {
          throw new XmlRpcFault(-32602, "each call must be a struct {methodName, params}");
        }
        if (name.equals("system.multicall")) {
          throw new XmlRpcFault(-32600, "recursive system.multicall forbidden");
        }
        results.add(List.of(handler.invoke(name, new ArrayList<>(args))));
      } catch (XmlRpcFault fault) {
        results.add(Map.of("faultCode", fault.faultCode(), "faultString", fault.faultString()));
      } catch (RuntimeException e) {
        results.add(
            Map.of(
                "faultCode",
                1,
                "faultString",
                e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage())));
      }
    }
    return results;
  }

  private static void writeStatus(OutputStream out, int status, String message) throws IOException {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + reason(status)
            + "\r\nContent-Type: text/plain\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 405 -> "Method Not Allowed";
      case 411 -> "Length Required";
      case 413 -> "Payload Too Large";
      case 431 -> "Request Header Fields Too Large";
      case 503 -> "Service Unavailable";
      default -> "Error";
    };
  }

  /**
   * Stops accepting, closes every open connection and stops the workers. Idempotent. Called from a
   * handler (a worker thread), it does not wait for the workers to end.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      serverSocket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : connections) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    workers.shutdownNow();
    if (IN_WORKER.get()) {
      return;
    }
    try {
      acceptor.join(2000);
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
