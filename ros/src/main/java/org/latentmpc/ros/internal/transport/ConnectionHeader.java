package org.latentmpc.ros.internal.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A TCPROS connection header: a uint32 little-endian total length, then fields, each a uint32
 * little-endian length followed by {@code key=value} bytes (UTF-8).
 *
 * <p>Decoding is strict and bounded: a total length above {@link #MAX_HEADER_BYTES} (1 MiB, far
 * above the largest real header, which is dominated by message_definition text of a few tens of
 * KiB), a field length beyond the end of the header, a field without {@code '='} or an end of
 * stream inside the header is a {@link ProtocolException}. No buffer is allocated from a length
 * before that length has been checked against the limit.
 */
public final class ConnectionHeader {
  /** The largest accepted header: 1 MiB (1,048,576 bytes) of fields after the length prefix. */
  public static final int MAX_HEADER_BYTES = 1 << 20;

  private final Map<String, String> fields;

  private ConnectionHeader(Map<String, String> fields) {
    this.fields = Collections.unmodifiableMap(fields);
  }

  /** A header with the given fields, in the map's iteration order. */
  public static ConnectionHeader of(Map<String, String> fields) {
    Map<String, String> copy = new LinkedHashMap<>();
    fields.forEach(
        (k, v) -> {
          Objects.requireNonNull(k, "key");
          Objects.requireNonNull(v, "value of " + k);
          if (k.isEmpty() || k.indexOf('=') >= 0) {
            throw new IllegalArgumentException("invalid header key '" + k + "'");
          }
          copy.put(k, v);
        });
    return new ConnectionHeader(copy);
  }

  /** A header with alternating keys and values. */
  public static ConnectionHeader of(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return of(map);
  }

  /** The roscpp-style error header: a single {@code error=message} field. */
  public static ConnectionHeader error(String message) {
    return of("error", message);
  }

  /** The fields, unmodifiable, in wire order. */
  public Map<String, String> fields() {
    return fields;
  }

  /** The value of a field, or null if absent. */
  public String get(String key) {
    return fields.get(key);
  }

  /** The value of a field, or {@code defaultValue} if absent. */
  public String get(String key, String defaultValue) {
    return fields.getOrDefault(key, defaultValue);
  }

  /** True if the field is present. */
  public boolean has(String key) {
    return fields.containsKey(key);
  }

  /** True if this is an error header ({@code error} field present). */
  public boolean isError() {
    return fields.containsKey("error");
  }

  /** True if the boolean-like field is {@code 1} or {@code true}. */
  public boolean flag(String key) {
    String v = fields.get(key);
    return "1".equals(v) || "true".equalsIgnoreCase(v);
  }

  /** The encoded header including the leading total length. */
  public byte[] encode() {
    byte[][] encoded = new byte[fields.size()][];
    int total = 0;
    int i = 0;
    for (Map.Entry<String, String> e : fields.entrySet()) {
      encoded[i] = (e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8);
      total += 4 + encoded[i].length;
      i++;
    }
    ByteBuffer buf = ByteBuffer.allocate(4 + total).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(total);
    for (byte[] field : encoded) {
      buf.putInt(field.length);
      buf.put(field);
    }
    return buf.array();
  }

  /** Writes the encoded header and flushes. */
  public void write(OutputStream out) throws IOException {
    out.write(encode());
    out.flush();
  }

  /**
   * Reads one header.
   *
   * @throws ProtocolException if the header is malformed or larger than {@link #MAX_HEADER_BYTES}
   * @throws EOFException if the stream ends before the first byte of the header
   * @throws IOException on a read error or timeout
   */
  public static ConnectionHeader read(InputStream in) throws IOException {
    return read(in, MAX_HEADER_BYTES);
  }

  /** Reads one header of at most {@code maxBytes} after the length prefix. */
  public static ConnectionHeader read(InputStream in, int maxBytes) throws IOException {
    byte[] prefix = new byte[4];
    int got = readFully(in, prefix, 0, 4);
    if (got == 0) {
      throw new EOFException("connection closed before a connection header");
    }
    if (got < 4) {
      throw new ProtocolException(
          "connection header truncated: stream ended after " + got + " of 4 length bytes");
    }
    long length = Integer.toUnsignedLong(readIntLe(prefix, 0));
    if (length > maxBytes) {
      throw new ProtocolException(
          "connection header declares " + length + " bytes, over the limit of " + maxBytes);
    }
    byte[] body = new byte[(int) length];
    got = readFully(in, body, 0, body.length);
    if (got < body.length) {
      throw new ProtocolException(
          "connection header truncated: stream ended after "
              + got
              + " of "
              + body.length
              + " declared bytes");
    }
    return decode(body);
  }

  /** Decodes the header body (the bytes after the total length). */
  public static ConnectionHeader decode(byte[] body) throws ProtocolException {
    Map<String, String> map = new LinkedHashMap<>();
    int pos = 0;
    while (pos < body.length) {
      if (body.length - pos < 4) {
        throw new ProtocolException(
            "connection header field at byte "
                + pos
                + " has a truncated length ("
                + (body.length - pos)
                + " of 4 bytes left)");
      }
      long fieldLength = Integer.toUnsignedLong(readIntLe(body, pos));
      pos += 4;
      if (fieldLength > body.length - pos) {
        throw new ProtocolException(
            "connection header field at byte "
                + (pos - 4)
                + " declares "
                + fieldLength
                + " bytes but only "
                + (body.length - pos)
                + " remain in the header");
      }
      String field = new String(body, pos, (int) fieldLength, StandardCharsets.UTF_8);
      pos += (int) fieldLength;
      int eq = field.indexOf('=');
      if (eq < 0) {
        throw new ProtocolException(
            "connection header field without '=': '" + abbreviate(field) + "'");
      }
      if (eq == 0) {
        throw new ProtocolException(
            "connection header field with an empty key: '" + abbreviate(field) + "'");
      }
      map.put(field.substring(0, eq), field.substring(eq + 1));
    }
    return new ConnectionHeader(map);
  }

  static int readIntLe(byte[] b, int off) {
    return (b[off] & 0xff)
        | (b[off + 1] & 0xff) << 8
        | (b[off + 2] & 0xff) << 16
        | (b[off + 3] & 0xff) << 24;
  }

  /** Reads up to len bytes; returns how many were read before the end of the stream. */
  static int readFully(InputStream in, byte[] b, int off, int len) throws IOException {
    int total = 0;
    while (total < len) {
      int n = in.read(b, off + total, len - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  private static String abbreviate(String s) {
    String printable = s.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= 64 ? printable : printable.substring(0, 64) + "...";
  }

  @Override
  public String toString() {
    Map<String, String> shown = new LinkedHashMap<>(fields);
    shown.computeIfPresent(
        "message_definition", (k, v) -> v.length() > 40 ? v.substring(0, 40) + "..." : v);
    return shown.toString();
  }
}
