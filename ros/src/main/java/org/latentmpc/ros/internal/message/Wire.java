package org.latentmpc.ros.internal.message;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.latentmpc.ros.Duration;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageFormatException;
import org.latentmpc.ros.Time;

/**
 * The ROS1 serialization primitives used by the message classes: little-endian, packed; strings as
 * uint32 length + UTF-8 bytes; variable arrays with a uint32 count; time as uint32 secs + uint32
 * nsecs, duration as int32 + int32.
 *
 * <p>Every length prefix is checked against the bytes that remain before anything is allocated, so
 * truncated or garbage input gives a {@link MessageFormatException}, never a huge allocation.
 * Readers reuse the caller's array when its length already matches (no allocation per message in
 * steady state).
 */
public final class Wire {
  private static final String[] NO_STRINGS = new String[0];

  /** Arrays at least this long are copied through a typed view instead of element by element. */
  private static final int BULK = 64;

  private Wire() {}

  /** A {@link MessageFormatException} for a buffer that ended inside a message. */
  public static MessageFormatException truncated(String type, BufferUnderflowException cause) {
    return new MessageFormatException(
        "truncated " + type + ": the buffer ended inside the message", cause);
  }

  /**
   * Reads a uint32 count prefix and checks that {@code count * minElementBytes} bytes remain.
   *
   * @param minElementBytes the least number of bytes one element takes (at least 1 is assumed)
   * @param field names the field in the error message
   */
  public static int readCount(ByteBuffer in, int minElementBytes, String field) {
    if (in.remaining() < 4) {
      throw new MessageFormatException(
          "truncated length prefix of field '" + field + "' (" + in.remaining() + " bytes left)");
    }
    long count = Integer.toUnsignedLong(in.getInt());
    long need = count * Math.max(1, minElementBytes);
    if (need > in.remaining()) {
      throw new MessageFormatException(
          "length prefix "
              + count
              + " of field '"
              + field
              + "' needs "
              + need
              + " bytes but only "
              + in.remaining()
              + " remain");
    }
    return (int) count;
  }

  /** The number of bytes of {@code s} in UTF-8 (as {@link String#getBytes} encodes it). */
  public static int utf8Length(String s) {
    int n = s.length();
    int bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          bytes += 2; // 4 bytes for the pair, counted as 2 chars
          i++;
        } else if (Character.isSurrogate(c)) {
          // a lone surrogate encodes as '?'
        } else {
          bytes += 2;
        }
      }
    }
    return bytes;
  }

  /** The serialized size of a string: 4 + its UTF-8 length. */
  public static int stringSize(String s) {
    return 4 + utf8Length(s);
  }

  /** The serialized size of a string array including its count prefix. */
  public static int stringArraySize(String[] a) {
    int size = 4;
    for (String s : a) {
      size += stringSize(s);
    }
    return size;
  }

  /** The serialized size of a variable-length message array including its count prefix. */
  public static int messageListSize(List<? extends Message> list) {
    int size = 4;
    for (int i = 0, n = list.size(); i < n; i++) {
      size += list.get(i).serializedSize();
    }
    return size;
  }

  public static void putString(ByteBuffer out, String s) {
    int len = utf8Length(s);
    out.putInt(len);
    if (len == s.length()) {
      for (int i = 0; i < len; i++) {
        out.put((byte) s.charAt(i));
      }
    } else {
      out.put(s.getBytes(StandardCharsets.UTF_8));
    }
  }

  public static String getString(ByteBuffer in, String field) {
    return getString(in, null, field);
  }

  /**
   * Reads a string; returns {@code previous} without allocating when the bytes are the same ASCII
   * text (frame ids and joint names rarely change between messages).
   */
  public static String getString(ByteBuffer in, String previous, String field) {
    int len = readCount(in, 1, field);
    if (previous != null && previous.length() == len && sameAscii(in, previous, len)) {
      in.position(in.position() + len);
      return previous;
    }
    String s;
    if (in.hasArray()) {
      s = new String(in.array(), in.arrayOffset() + in.position(), len, StandardCharsets.UTF_8);
      in.position(in.position() + len);
    } else {
      byte[] bytes = new byte[len];
      in.get(bytes);
      s = new String(bytes, StandardCharsets.UTF_8);
    }
    return s;
  }

  private static boolean sameAscii(ByteBuffer in, String s, int len) {
    int p = in.position();
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || in.get(p + i) != (byte) c) {
        return false;
      }
    }
    return true;
  }

  public static void putStringArray(ByteBuffer out, String[] a) {
    out.putInt(a.length);
    for (String s : a) {
      putString(out, s);
    }
  }

  public static String[] getStringArray(ByteBuffer in, String[] reuse, String field) {
    int n = readCount(in, 4, field);
    String[] a = reuse != null && reuse.length == n ? reuse : n == 0 ? NO_STRINGS : new String[n];
    for (int i = 0; i < n; i++) {
      a[i] = getString(in, a[i], field);
    }
    return a;
  }

  public static void putTime(ByteBuffer out, Time t) {
    out.putInt((int) t.secs());
    out.putInt(t.nsecs());
  }

  /** Reads a time; nanoseconds of a second or more carry into the seconds. */
  public static Time getTime(ByteBuffer in) {
    return getTime(in, null);
  }

  /** Reads a time, returning {@code previous} without allocating when it is the same time. */
  public static Time getTime(ByteBuffer in, Time previous) {
    long secs = Integer.toUnsignedLong(in.getInt());
    long nsecs = Integer.toUnsignedLong(in.getInt());
    if (previous != null && previous.secs() == secs && previous.nsecs() == nsecs) {
      return previous;
    }
    if (nsecs < 1_000_000_000L) {
      return secs == 0 && nsecs == 0 ? Time.ZERO : new Time(secs, (int) nsecs);
    }
    long total = secs + nsecs / 1_000_000_000L;
    if (total > 0xFFFFFFFFL) {
      throw new MessageFormatException("time out of range: secs=" + secs + " nsecs=" + nsecs);
    }
    return new Time(total, (int) (nsecs % 1_000_000_000L));
  }

  public static void putDuration(ByteBuffer out, Duration d) {
    out.putInt(d.secs());
    out.putInt(d.nsecs());
  }

  /** Reads a duration, normalising it so that {@code 0 <= nsecs < 1e9}. */
  public static Duration getDuration(ByteBuffer in) {
    return getDuration(in, null);
  }

  /** Reads a duration, returning {@code previous} without allocating when it is the same. */
  public static Duration getDuration(ByteBuffer in, Duration previous) {
    int secs = in.getInt();
    int nsecs = in.getInt();
    if (previous != null && previous.secs() == secs && previous.nsecs() == nsecs) {
      return previous;
    }
    if (nsecs >= 0 && nsecs < 1_000_000_000) {
      return secs == 0 && nsecs == 0 ? Duration.ZERO : new Duration(secs, nsecs);
    }
    long nanos = secs * 1_000_000_000L + nsecs;
    long s = Math.floorDiv(nanos, 1_000_000_000L);
    if (s < Integer.MIN_VALUE || s > Integer.MAX_VALUE) {
      throw new MessageFormatException("duration out of range: secs=" + secs + " nsecs=" + nsecs);
    }
    return Duration.fromNanos(nanos);
  }

  /** Writes a float64 array; with {@code fixedLength >= 0} it must have exactly that length. */
  public static void putFloat64Array(ByteBuffer out, double[] a, int fixedLength, String field) {
    if (fixedLength >= 0) {
      checkFixed(a.length, fixedLength, field);
    } else {
      out.putInt(a.length);
    }
    if (a.length < BULK) {
      for (double x : a) {
        out.putDouble(x);
      }
    } else {
      out.asDoubleBuffer().put(a);
      out.position(out.position() + 8 * a.length);
    }
  }

  /** Reads a float64 array (a count prefix unless {@code fixedLength >= 0}). */
  public static double[] getFloat64Array(
      ByteBuffer in, double[] reuse, int fixedLength, String field) {
    int n = fixedLength >= 0 ? checkRemaining(in, fixedLength, 8, field) : readCount(in, 8, field);
    double[] a = reuse != null && reuse.length == n ? reuse : new double[n];
    if (n < BULK) {
      for (int i = 0; i < n; i++) {
        a[i] = in.getDouble();
      }
    } else {
      in.asDoubleBuffer().get(a);
      in.position(in.position() + 8 * n);
    }
    return a;
  }

  public static void putFloat32Array(ByteBuffer out, float[] a, int fixedLength, String field) {
    if (fixedLength >= 0) {
      checkFixed(a.length, fixedLength, field);
    } else {
      out.putInt(a.length);
    }
    if (a.length < BULK) {
      for (float x : a) {
        out.putFloat(x);
      }
    } else {
      out.asFloatBuffer().put(a);
      out.position(out.position() + 4 * a.length);
    }
  }

  public static float[] getFloat32Array(
      ByteBuffer in, float[] reuse, int fixedLength, String field) {
    int n = fixedLength >= 0 ? checkRemaining(in, fixedLength, 4, field) : readCount(in, 4, field);
    float[] a = reuse != null && reuse.length == n ? reuse : new float[n];
    if (n < BULK) {
      for (int i = 0; i < n; i++) {
        a[i] = in.getFloat();
      }
    } else {
      in.asFloatBuffer().get(a);
      in.position(in.position() + 4 * n);
    }
    return a;
  }

  public static void putInt32Array(ByteBuffer out, int[] a, int fixedLength, String field) {
    if (fixedLength >= 0) {
      checkFixed(a.length, fixedLength, field);
    } else {
      out.putInt(a.length);
    }
    out.asIntBuffer().put(a);
    out.position(out.position() + 4 * a.length);
  }

  public static int[] getInt32Array(ByteBuffer in, int[] reuse, int fixedLength, String field) {
    int n = fixedLength >= 0 ? checkRemaining(in, fixedLength, 4, field) : readCount(in, 4, field);
    int[] a = reuse != null && reuse.length == n ? reuse : new int[n];
    in.asIntBuffer().get(a);
    in.position(in.position() + 4 * n);
    return a;
  }

  public static void putUint8Array(ByteBuffer out, byte[] a, int fixedLength, String field) {
    if (fixedLength >= 0) {
      checkFixed(a.length, fixedLength, field);
    } else {
      out.putInt(a.length);
    }
    out.put(a);
  }

  public static byte[] getUint8Array(ByteBuffer in, byte[] reuse, int fixedLength, String field) {
    int n = fixedLength >= 0 ? checkRemaining(in, fixedLength, 1, field) : readCount(in, 1, field);
    byte[] a = reuse != null && reuse.length == n ? reuse : new byte[n];
    in.get(a);
    return a;
  }

  private static void checkFixed(int length, int fixedLength, String field) {
    if (length != fixedLength) {
      throw new IllegalStateException(
          "field '" + field + "' must hold exactly " + fixedLength + " elements, has " + length);
    }
  }

  private static int checkRemaining(ByteBuffer in, int n, int elementBytes, String field) {
    if ((long) n * elementBytes > in.remaining()) {
      throw new MessageFormatException(
          "truncated field '"
              + field
              + "': needs "
              + (long) n * elementBytes
              + " bytes, "
              + in.remaining()
              + " remain");
    }
    return n;
  }
}
