package org.latentmpc.ros.internal.transport;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.ServiceClient;
import org.latentmpc.ros.ServiceException;
import org.latentmpc.ros.ServiceType;

/**
 * A TCPROS service client. Each {@link #call} looks the service up (through the {@link
 * ServiceLocator}) when it has no open connection, sends the header (callerid, service, md5sum,
 * type, persistent), then the request, and reads the ok byte and the response.
 *
 * <p>A persistent client keeps the connection; if the server closed it in the meantime (the call
 * fails before any answer byte arrives) it reconnects once and resends. Calls are serialized (one
 * at a time per client). Every connect and read is bounded by the call timeout.
 */
public final class TcpRosServiceClient<Q extends Message, R extends Message>
    implements ServiceClient<Q, R> {
  /** Default call timeout: 30 s. */
  public static final int DEFAULT_TIMEOUT_MS = 30_000;

  private final String name;
  private final ServiceType<Q, R> type;
  private final String callerId;
  private final boolean persistent;
  private final ServiceLocator locator;
  private final int timeoutMs;
  private final int maxResponseBytes;
  private volatile Socket socket;
  private InputStream in;
  private OutputStream out;
  private volatile boolean closed;

  /**
   * A client.
   *
   * @param name resolved service name
   * @param type service type (its md5 must match the server's)
   * @param callerId the node's full name
   * @param persistent keep the connection between calls
   * @param locator finds the server's address (the node uses the master's lookupService)
   * @param timeoutMs bound on connecting and on waiting for each answer
   */
  public TcpRosServiceClient(
      String name,
      ServiceType<Q, R> type,
      String callerId,
      boolean persistent,
      ServiceLocator locator,
      int timeoutMs) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.callerId = Objects.requireNonNull(callerId, "callerId");
    this.persistent = persistent;
    this.locator = Objects.requireNonNull(locator, "locator");
    if (timeoutMs <= 0) {
      throw new IllegalArgumentException("timeoutMs must be positive");
    }
    this.timeoutMs = timeoutMs;
    this.maxResponseBytes = Frames.DEFAULT_MAX_MESSAGE_BYTES;
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
  public Q newRequest() {
    return type.requestType().newMessage();
  }

  @Override
  public synchronized R call(Q request) throws ServiceException {
    Objects.requireNonNull(request, "request");
    if (closed) {
      throw new ServiceException("service client for " + name + " is closed");
    }
    byte[] frame = Frames.frame(request);
    boolean reused = socket != null;
    try {
      if (socket == null) {
        connect();
      }
      try {
        return exchange(frame);
      } catch (StaleConnection e) {
        if (!reused) {
          throw new IOException("server closed the connection before answering");
        }
        disconnect();
        connect();
        return exchange(frame);
      }
    } catch (SocketTimeoutException e) {
      disconnect();
      throw new ServiceException(
          "call to service " + name + " timed out after " + timeoutMs + " ms", e);
    } catch (ServiceException e) {
      if (!(e instanceof ServerError)) {
        disconnect();
      }
      throw e;
    } catch (IOException e) {
      disconnect();
      throw new ServiceException("call to service " + name + " failed: " + e.getMessage(), e);
    } finally {
      if (!persistent) {
        disconnect();
      }
    }
  }

  private R exchange(byte[] frame) throws IOException, ServiceException {
    try {
      out.write(frame);
      out.flush();
    } catch (IOException e) {
      throw new StaleConnection();
    }
    int ok = in.read();
    if (ok < 0) {
      throw new StaleConnection();
    }
    long length = Frames.readUint32(in);
    if (ok == 0) {
      byte[] msg = Frames.readBody(in, length, maxResponseBytes, "error from service " + name);
      throw new ServerError(
          "service " + name + " returned an error: " + new String(msg, StandardCharsets.UTF_8));
    }
    if (ok != 1) {
      throw new ProtocolException("service " + name + " sent ok byte " + ok + " (expected 0 or 1)");
    }
    byte[] body = Frames.readBody(in, length, maxResponseBytes, "response from service " + name);
    try {
      return Frames.deserialize(body, type.responseType().newMessage());
    } catch (RuntimeException e) {
      throw new ServerError(
          "response from service "
              + name
              + " does not deserialize as "
              + type.responseType()
              + ": "
              + e.getMessage());
    }
  }

  private void connect() throws IOException, ServiceException {
    InetSocketAddress address = locator.lookupService(name);
    InetSocketAddress target =
        address.isUnresolved()
            ? new InetSocketAddress(address.getHostString(), address.getPort())
            : address;
    Socket s = new Socket();
    try {
      s.connect(target, timeoutMs);
      s.setTcpNoDelay(true);
      s.setSoTimeout(timeoutMs);
      OutputStream o = s.getOutputStream();
      InputStream i = new BufferedInputStream(s.getInputStream(), 65536);
      ConnectionHeader.of(
              "callerid",
              callerId,
              "service",
              name,
              "md5sum",
              type.md5(),
              "type",
              type.name(),
              "persistent",
              persistent ? "1" : "0")
          .write(o);
      ConnectionHeader reply;
      try {
        reply = ConnectionHeader.read(i);
      } catch (EOFException e) {
        throw new IOException("server at " + target + " closed the connection without a header");
      }
      if (reply.isError()) {
        throw new ServiceException(
            "service " + name + " refused the connection: " + reply.get("error"));
      }
      String md5 = reply.get("md5sum");
      if (md5 != null && !md5.equals(type.md5()) && !"*".equals(md5) && !"*".equals(type.md5())) {
        throw new ServiceException(
            "service "
                + name
                + " has md5sum "
                + md5
                + " ("
                + reply.get("type", "?")
                + ") but this client expects "
                + type.md5()
                + " ("
                + type.name()
                + ")");
      }
      socket = s;
      in = i;
      out = o;
    } catch (IOException | ServiceException | RuntimeException e) {
      TcpRosServer.closeQuietly(s);
      throw e;
    }
  }

  private void disconnect() {
    if (socket != null) {
      TcpRosServer.closeQuietly(socket);
    }
    socket = null;
    in = null;
    out = null;
  }

  /** True while a persistent connection is open. */
  public synchronized boolean isConnected() {
    return socket != null;
  }

  @Override
  public void close() {
    closed = true;
    Socket s = socket;
    if (s != null) {
      TcpRosServer.closeQuietly(s); // unblocks a call in progress
    }
    synchronized (this) {
      disconnect();
    }
  }

  /** The server answered with ok=0 (or an undecodable response): the connection is still fine. */
  private static final class ServerError extends ServiceException {
    private static final long serialVersionUID = 1L;

    ServerError(String message) {
      super(message);
    }
  }

  /** A reused connection turned out to be closed before the server answered. */
  private static final class StaleConnection extends IOException {
    private static final long serialVersionUID = 1L;
  }
}
