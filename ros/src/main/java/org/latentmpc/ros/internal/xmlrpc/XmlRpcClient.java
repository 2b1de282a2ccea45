package org.latentmpc.ros.internal.xmlrpc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Calls XML-RPC methods on one server over HTTP/1.1 with connect and read timeouts. Each call uses
 * its own connection ({@code Connection: close}), so a client is thread-safe and never holds a
 * stale socket. Responses are bounded to {@link #MAX_RESPONSE_BYTES}.
 */
public final class XmlRpcClient {
  /** Largest accepted response body. */
  public static final int MAX_RESPONSE_BYTES = 64 << 20;

  /** Default connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Default read timeout. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  private final URI uri;
  private final String host;
  private final int port;
  private final String path;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  /**
   * @param uri an {@code http://host:port/path} URI
   * @throws IllegalArgumentException when the URI is not http with a host and port
   */
  public XmlRpcClient(URI uri, Duration connectTimeout, Duration readTimeout) {
    this.uri = Objects.requireNonNull(uri, "uri");
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("not an http://host:port/ XML-RPC URI: " + uri);
    }
    this.host = uri.getHost();
    this.port = uri.getPort() < 0 ? 80 : uri.getPort();
    String p = uri.getRawPath();
    this.path = p == null || p.isEmpty() ? "/" : p;
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
  }

  /** A client with the default timeouts. */
  public XmlRpcClient(URI uri) {
    this(uri, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
  }

  /** {@link #XmlRpcClient(URI)} from a string URI. */
  public static XmlRpcClient of(String uri) {
    try {
      return new XmlRpcClient(URI.create(uri));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an XML-RPC URI: " + uri, e);
    }
  }

  public URI uri() {
    return uri;
  }

  /** {@link #call(String, List)} with varargs. */
  public Object call(String methodName, Object... params) {
    return call(methodName, Arrays.asList(params));
  }

  /**
   * Calls {@code methodName} and returns its value.
   *
   * @throws XmlRpcFault when the server answers with a fault
   * @throws XmlRpcException on transport errors (cause: the IOException), HTTP errors and malformed
   *     responses
   */
  public Object call(String methodName, List<?> params) {
    byte[] body = XmlRpcCodec.encodeCall(methodName, params);
    byte[] response;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
      socket.setSoTimeout((int) Math.max(1, readTimeout.toMillis()));
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: "
              + host
              + ":"
              + port
              + "\r\nUser-Agent: latent-mpc-xmlrpc\r\nContent-Type: text/xml\r\nContent-Length: "
              + body.length
              + "\r\nConnection: close\r\n\r\n";
      byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
      byte[] request = new byte[headBytes.length + body.length];
      System.arraycopy(headBytes, 0, request, 0, headBytes.length);
      System.arraycopy(body, 0, request, headBytes.length, body.length);
      out.write(request);
      out.flush();
      response = readResponse(new BufferedInputStream(socket.getInputStream()));
    } catch (IOException e) {
      throw new XmlRpcException(
          "XML-RPC call " + methodName + " to " + uri + " failed: " + e.getMessage(), e);
    }
    return XmlRpcCodec.decodeResponse(response);
  }

  private byte[] readResponse(InputStream in) throws IOException {
    while (true) {
      String status = HttpMessages.readLine(in);
      if (status == null) {
        throw new IOException("connection closed before a response");
      }
      String[] parts = status.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
        throw new IOException("malformed HTTP status line: " + HttpMessages.abbreviate(status));
      }
      int code;
      try {
        code = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IOException("malformed HTTP status line: " + HttpMessages.abbreviate(status));
      }
      Map<String, String> headers = HttpMessages.readHeaders(in);
      if (code == 100) {
        continue; // 100 Continue: the real response follows
      }
      if (code != 200) {
        throw new XmlRpcException(
            "HTTP " + status.substring(parts[0].length()).trim() + " from " + uri);
      }
      String te = headers.get("transfer-encoding");
      if (te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
        return readChunked(in);
      }
      int length = HttpMessages.contentLength(headers, MAX_RESPONSE_BYTES);
      return length >= 0
          ? HttpMessages.readBody(in, length)
          : HttpMessages.readToEnd(in, MAX_RESPONSE_BYTES);
    }
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    while (true) {
      String line = HttpMessages.readLine(in);
      if (line == null) {
        throw new IOException("chunked body ended early");
      }
      int semi = line.indexOf(';');
      int size;
      try {
        size = Integer.parseInt((semi >= 0 ? line.substring(0, semi) : line).trim(), 16);
      } catch (NumberFormatException e) {
        throw new IOException("malformed chunk size: " + HttpMessages.abbreviate(line));
      }
      if (size < 0 || out.size() + (long) size > MAX_RESPONSE_BYTES) {
        throw new IOException("chunked body exceeds " + MAX_RESPONSE_BYTES + " bytes");
      }
      if (size == 0) {
        HttpMessages.readHeaders(in); // trailers
        return out.toByteArray();
      }
      out.write(HttpMessages.readBody(in, size));
      HttpMessages.readLine(in);
    }
  }
}
