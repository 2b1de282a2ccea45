package org.latentmpc.ros.internal.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageFormatException;

/**
 * Length-prefixed TCPROS frames: a uint32 little-endian length, then that many bytes.
 *
 * <p>Reading is bounded twice: a length above the caller's maximum is a {@link ProtocolException}
 * before anything is allocated, and a large accepted length is read into a buffer that grows only
 * as bytes actually arrive, so a peer that declares a big frame and sends little costs little
 * memory.
 */
public final class Frames {
  /**
   * The default largest accepted message or service body: 128 MiB (a 1920x1080 rgb8 image is 6
   * MiB).
   */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 128 << 20;

  /** Frames up to 4 MiB are allocated at once; larger ones grow as bytes arrive. */
  private static final int EAGER_ALLOCATION_BYTES = 4 << 20;

  private Frames() {}

  /** Serializes a message into a new array holding the length prefix and the body. */
  public static byte[] frame(Message message) {
    int size = message.serializedSize();
    byte[] bytes = new byte[4 + size];
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(size);
    message.serialize(buf);
    if (buf.position() != bytes.length) {
      throw new MessageFormatException(
          message.messageType().name()
              + " wrote "
              + (buf.position() - 4)
              + " bytes but serializedSize() said "
              + size);
    }
    return bytes;
  }

  /** Deserializes {@code body} into {@code message}. */
  public static <M extends Message> M deserialize(byte[] body, M message) {
    message.deserialize(ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN));
    return message;
  }

  /** Reads a uint32 little-endian; EOFException if the stream ends first. */
  public static long readUint32(InputStream in) throws IOException {
    long value = 0;
    for (int i = 0; i < 4; i++) {
      int b = in.read();
      if (b < 0) {
        if (i == 0) {
          throw new EOFException("connection closed");
        }
        throw new ProtocolException("stream ended inside a length prefix (" + i + " of 4 bytes)");
      }
      value |= (long) b << (8 * i);
    }
    return value;
  }

  /**
   * Reads one frame body.
   *
   * @param what names the frame in error messages, e.g. "message on /chatter"
   * @throws EOFException if the stream ends cleanly before the frame
   * @throws ProtocolException if the length exceeds {@code maxBytes} or the stream ends inside
   */
  public static byte[] readFrame(InputStream in, int maxBytes, String what) throws IOException {
    long length = readUint32(in);
    return readBody(in, length, maxBytes, what);
  }

  /** Reads a body whose length prefix has already been read. */
  public static byte[] readBody(InputStream in, long length, int maxBytes, String what)
      throws IOException {
    if (length > maxBytes) {
      throw new ProtocolException(
          what + " declares " + length + " bytes, over the limit of " + maxBytes);
    }
    int len = (int) length;
    byte[] buf = new byte[Math.min(len, EAGER_ALLOCATION_BYTES)];
    int filled = 0;
    while (filled < len) {
      if (filled == buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(len, 2L * buf.length));
      }
      int n = in.read(buf, filled, buf.length - filled);
      if (n < 0) {
        throw new ProtocolException(
            what + " truncated: stream ended after " + filled + " of " + len + " bytes");
      }
      filled += n;
    }
    return buf;
  }

  /**
   * Reads the next frame's body into {@code reuse} when it fits in the eagerly allocated size, so a
   * connection that receives messages of similar size allocates one buffer instead of one per
   * message; larger bodies are read as by {@link #readBody}. The body is {@code result.array()[0 ..
   * result.length())}.
   *
   * @throws EOFException if the stream ends before the length prefix
   * @throws ProtocolException for an over-limit length or a body cut short
   */
  public static ReceivedBody readFrame(
      InputStream in, int maxBytes, String what, ReceivedBody reuse) throws IOException {
    long length = readUint32(in);
    if (length > maxBytes) {
      throw new ProtocolException(
          what + " declares " + length + " bytes, over the limit of " + maxBytes);
    }
    int len = (int) length;
    if (len > EAGER_ALLOCATION_BYTES) {
      byte[] body = readBody(in, length, maxBytes, what);
      return new ReceivedBody(body, body.length);
    }
    byte[] buf = reuse != null && reuse.array().length >= len ? reuse.array() : new byte[len];
    int filled = ConnectionHeader.readFully(in, buf, 0, len);
    if (filled < len) {
      throw new ProtocolException(
          what + " truncated: stream ended after " + filled + " of " + len + " bytes");
    }
    return reuse != null && reuse.array() == buf && reuse.length() == len
        ? reuse
        : new ReceivedBody(buf, len);
  }

  /**
   * A received frame body held in a possibly larger, reused array.
   *
   * @param array the bytes; the body is the first {@code length}
   * @param length the body's length in bytes
   */
  public record ReceivedBody(byte[] array, int length) {
    /** The body as a little-endian buffer. */
    public ByteBuffer buffer() {
      return ByteBuffer.wrap(array, 0, length).order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  static void putIntLe(byte[] b, int off, int v) {
    b[off] = (byte) v;
    b[off + 1] = (byte) (v >>> 8);
    b[off + 2] = (byte) (v >>> 16);
    b[off + 3] = (byte) (v >>> 24);
  }
}
