package org.latentmpc.ros.internal.transport;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one TCPROS server socket, shared by all its topics and services.
 *
 * <p>Each accepted connection gets a thread (from a pool bounded by {@code maxConnections}; beyond
 * that new connections are closed at once) that reads the connection header with a read timeout,
 * then hands the connection to the publisher registered for its {@code topic} or the service
 * registered for its {@code service}. That thread then serves the connection until it closes (as
 * the publisher's writer, or the service's request loop). A malformed, oversized or missing header,
 * an unknown topic or service, or missing fields get a roscpp-style {@code error=...} header where
 * possible and close only that connection.
 */
public final class TcpRosServer implements AutoCloseable {
  /** Default time a new connection has to send its header: 5 s. */
  public static final int DEFAULT_HANDSHAKE_TIMEOUT_MS = 5000;

  /** Default limit on simultaneous connections (and so on connection threads). */
  public static final int DEFAULT_MAX_CONNECTIONS = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(TcpRosServer.class);
  private static final String MISSING_ELEMENTS =
      "Header from subscriber did not have the required elements: md5sum, topic, callerid";

  private final ServerSocket serverSocket;
  private final String advertisedHost;
  private final int handshakeTimeoutMs;
  private final Semaphore connectionPermits;
  private final ExecutorService connectionThreads;
  private final Thread acceptThread;
  private final Map<String, TcpRosPublisher<?>> publishers = new ConcurrentHashMap<>();
  private final Map<String, TcpRosServiceServer<?, ?>> services = new ConcurrentHashMap<>();
  private final Map<Socket, Boolean> openSockets = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * Binds to {@code advertisedHost} on {@code port} (0 picks a free port) with default limits.
   *
   * @param advertisedHost the host name or address other nodes use to reach this node
   */
  public TcpRosServer(String advertisedHost, int port) throws IOException {
    this(advertisedHost, port, DEFAULT_HANDSHAKE_TIMEOUT_MS, DEFAULT_MAX_CONNECTIONS);
  }

  /**
   * Binds to {@code advertisedHost} on {@code port}.
   *
   * @param handshakeTimeoutMs how long a new connection may take to send its header
   * @param maxConnections simultaneous connections served; further ones are closed at once
   */
  public TcpRosServer(String advertisedHost, int port, int handshakeTimeoutMs, int maxConnections)
      throws IOException {
    if (handshakeTimeoutMs <= 0 || maxConnections <= 0) {
      throw new IllegalArgumentException("handshakeTimeoutMs and maxConnections must be positive");
    }
    this.advertisedHost = advertisedHost;
    this.handshakeTimeoutMs = handshakeTimeoutMs;
    this.connectionPermits = new Semaphore(maxConnections);
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(advertisedHost), port), 128);
    } catch (IOException e) {
      socket.close();
      throw new IOException(
          "cannot bind the TCPROS server to " + advertisedHost + ":" + port + ": " + e, e);
    }
    this.serverSocket = socket;
    this.connectionThreads = Executors.newCachedThreadPool(daemonThreads("tcpros-conn"));
    this.acceptThread = new Thread(this::acceptLoop, "tcpros-accept-" + port());
    acceptThread.setDaemon(true);
    acceptThread.start();
  }

  /** The host other nodes connect to. */
  public String host() {
    return advertisedHost;
  }

  /** The bound port. */
  public int port() {
    return serverSocket.getLocalPort();
  }

  /** {@code rosrpc://host:port}, the URI registered for services. */
  public URI rosRpcUri() {
    return URI.create("rosrpc://" + advertisedHost + ":" + port());
  }

  /** The address requestTopic answers: {@code ["TCPROS", host, port]}. */
  public InetSocketAddress address() {
    return InetSocketAddress.createUnresolved(advertisedHost, port());
  }

  /** Routes connections for the publisher's topic to it (called by the publisher). */
  void addPublisher(TcpRosPublisher<?> publisher) {
    TcpRosPublisher<?> previous = publishers.putIfAbsent(publisher.getTopicName(), publisher);
    if (previous != null && previous != publisher) {
      throw new IllegalStateException(
          "topic " + publisher.getTopicName() + " already has a publisher on this server");
    }
  }

  void removePublisher(TcpRosPublisher<?> publisher) {
    publishers.remove(publisher.getTopicName(), publisher);
  }

  /** Routes connections for the service's name to it (called by the service). */
  void addService(TcpRosServiceServer<?, ?> service) {
    TcpRosServiceServer<?, ?> previous = services.putIfAbsent(service.getName(), service);
    if (previous != null && previous != service) {
      throw new IllegalStateException("service " + service.getName() + " is already served here");
    }
  }

  void removeService(TcpRosServiceServer<?, ?> service) {
    services.remove(service.getName(), service);
  }

  /** The publisher serving {@code topic} on this server, or null. */
  public TcpRosPublisher<?> publisher(String topic) {
    return publishers.get(topic);
  }

  /** The service served under {@code name} on this server, or null. */
  public TcpRosServiceServer<?, ?> service(String name) {
    return services.get(name);
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("TCPROS server on port {}: accept failed: {}", port(), e.toString());
        }
        continue;
      }
      if (!connectionPermits.tryAcquire()) {
        LOG.warn(
            "TCPROS server on port {}: connection limit reached, closing connection from {}",
            port(),
            socket.getRemoteSocketAddress());
        closeQuietly(socket);
        continue;
      }
      openSockets.put(socket, Boolean.TRUE);
      try {
        connectionThreads.execute(() -> serve(socket));
      } catch (RuntimeException e) {
        openSockets.remove(socket);
        connectionPermits.release();
        closeQuietly(socket);
      }
    }
  }

  private void serve(Socket socket) {
    try {
      ConnectionHeader header;
      try {
        header = ConnectionHeader.read(new DeadlineInputStream(socket, handshakeTimeoutMs));
      } catch (java.net.SocketTimeoutException e) {
        LOG.warn(
            "TCPROS connection from {} sent no complete header within {} ms; closing it",
            socket.getRemoteSocketAddress(),
            handshakeTimeoutMs);
        return;
      } catch (EOFException e) {
        LOG.debug("TCPROS connection from {} closed before its header", remote(socket));
        return;
      } catch (ProtocolException e) {
        LOG.warn("TCPROS connection from {}: {}; closing it", remote(socket), e.getMessage());
        sendError(socket, e.getMessage());
        return;
      }
      socket.setSoTimeout(0);
      String topic = header.get("topic");
      String service = header.get("service");
      if (topic != null) {
        TcpRosPublisher<?> publisher = publishers.get(topic);
        if (publisher == null) {
          refuse(
              socket,
              "received a connection for a nonexistent topic ["
                  + topic
                  + "] from ["
                  + remote(socket)
                  + "] ["
                  + header.get("callerid", "")
                  + "].");
          return;
        }
        publisher.serve(socket, header);
      } else if (service != null) {
        TcpRosServiceServer<?, ?> server = services.get(service);
        if (server == null) {
          refuse(
              socket, "received a tcpros connection for a nonexistent service [" + service + "].");
          return;
        }
        server.serve(socket, header);
      } else {
        refuse(socket, MISSING_ELEMENTS);
      }
    } catch (IOException e) {
      if (!closed) {
        LOG.debug("TCPROS connection from {} ended: {}", remote(socket), e.toString());
      }
    } catch (RuntimeException e) {
      LOG.error("TCPROS connection from {} failed", remote(socket), e);
    } finally {
      closeQuietly(socket);
      openSockets.remove(socket);
      connectionPermits.release();
    }
  }

  private static void refuse(Socket socket, String message) {
    LOG.warn("TCPROS connection from {} refused: {}", remote(socket), message);
    sendError(socket, message);
  }

  /** Sends an {@code error=...} header, ignoring failures (the socket is closed next anyway). */
  static void sendError(Socket socket, String message) {
    try {
      socket.setSoTimeout(1000);
      ConnectionHeader.error(message).write(socket.getOutputStream());
    } catch (IOException e) {
      LOG.debug("could not send error header to {}: {}", remote(socket), e.toString());
    }
  }

  static String remote(Socket socket) {
    return String.valueOf(socket.getRemoteSocketAddress()).replaceFirst("^/", "");
  }

  static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Reads from a socket with one deadline for the whole header, so a peer that trickles bytes
   * cannot hold a connection longer than the handshake timeout.
   */
  private static final class DeadlineInputStream extends java.io.InputStream {
    private final Socket socket;
    private final java.io.InputStream in;
    private final long deadlineNs;

    DeadlineInputStream(Socket socket, int timeoutMs) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.deadlineNs = System.nanoTime() + timeoutMs * 1_000_000L;
    }

    private void arm() throws IOException {
      long remainingMs = (deadlineNs - System.nanoTime()) / 1_000_000L;
      if (remainingMs <= 0) {
        throw new java.net.SocketTimeoutException("handshake deadline passed");
      }
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMs));
    }

    @Override
    public int read() throws IOException {
      arm();
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      arm();
      return in.read(b, off, len);
    }
  }

  /** Connections being served right now (handshakes, subscribers and service clients). */
  public int openConnectionCount() {
    return openSockets.size();
  }

  /** Stops accepting, closes every open connection and the server socket. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      serverSocket.close();
    } catch (SocketException e) {
      // already closed
    } catch (IOException e) {
      LOG.debug("closing server socket: {}", e.toString());
    }
    for (Socket s : openSockets.keySet()) {
      closeQuietly(s);
    }
    connectionThreads.shutdown();
    try {
      acceptThread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** True once {@link #close} was called. */
  public boolean isClosed() {
    return closed;
  }
}
