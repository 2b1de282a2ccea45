package org.latentmpc.ros.internal.xmlrpc;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Bounded reading of HTTP/1.x start lines, headers and bodies (shared by server and client). */
final class HttpMessages {
  /** Longest accepted start or header line, bytes. */
  static final int MAX_LINE_BYTES = 8192;

  /** Most header lines accepted in one message. */
  static final int MAX_HEADERS = 100;

  private HttpMessages() {}

  /** An HTTP protocol violation by the peer; {@code status} is the answer a server should give. */
  static final class HttpProtocolException extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    HttpProtocolException(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /**
   * Reads one CRLF- (or LF-) terminated line as ISO-8859-1; null at a clean end of stream before
   * any byte.
   */
  static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (line.size() == 0) {
          return null;
        }
        throw new EOFException("connection closed inside a header line");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\r') {
          n--;
        }
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
      }
      if (line.size() >= MAX_LINE_BYTES) {
        throw new HttpProtocolException(
            431, "header line longer than " + MAX_LINE_BYTES + " bytes");
      }
      line.write(b);
    }
  }

  /** Reads header lines up to the empty line; names are lower-cased. */
  static Map<String, String> readHeaders(InputStream in) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    int count = 0;
    while (true) {
      String line = readLine(in);
      if (line == null) {
        throw new EOFException("connection closed inside the headers");
      }
      if (line.isEmpty()) {
        return headers;
      }
      if (++count > MAX_HEADERS) {
        throw new HttpProtocolException(431, "more than " + MAX_HEADERS + " header lines");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new HttpProtocolException(400, "malformed header line: " + abbreviate(line));
      }
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
  }

  /**
   * The Content-Length header as a non-negative int no larger than {@code maxBytes}, or -1 if
   * absent.
   */
  static int contentLength(Map<String, String> headers, int maxBytes) throws IOException {
    String value = headers.get("content-length");
    if (value == null) {
      return -1;
    }
    long n;
    try {
      n = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new HttpProtocolException(400, "malformed Content-Length: " + abbreviate(value));
    }
    if (n < 0) {
      throw new HttpProtocolException(400, "negative Content-Length: " + n);
    }
    if (n > maxBytes) {
      throw new HttpProtocolException(
          413, "Content-Length " + n + " exceeds the limit of " + maxBytes + " bytes");
    }
    return (int) n;
  }

  /** Reads exactly {@code n} bytes. */
  static byte[] readBody(InputStream in, int n) throws IOException {
    byte[] body = in.readNBytes(n);
    if (body.length != n) {
      throw new EOFException("body ended after " + body.length + " of " + n + " bytes");
    }
    return body;
  }

  /** Reads to the end of the stream, refusing more than {@code maxBytes}. */
  static byte[] readToEnd(InputStream in, int maxBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) >= 0) {
      if (out.size() + n > maxBytes) {
        throw new HttpProtocolException(413, "body exceeds the limit of " + maxBytes + " bytes");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }
}
