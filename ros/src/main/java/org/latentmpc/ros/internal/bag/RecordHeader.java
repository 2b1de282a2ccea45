package org.latentmpc.ros.internal.bag;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentmpc.ros.MessageFormatException;

/**
 * The header of a bag record (or a connection header): a sequence of {@code uint32 length +
 * name=value} fields. Parsing checks every length against the bytes present; accessors name the
 * field, the file and the offset in their errors.
 */
public final class RecordHeader {
  private final Map<String, byte[]> fields;
  private final String where;

  private RecordHeader(Map<String, byte[]> fields, String where) {
    this.fields = fields;
    this.where = where;
  }

  /**
   * Parses header bytes (without the leading total length).
   *
   * @param where "file.bag at byte 1234", used in error messages
   * @throws MessageFormatException if a field length runs past the header or a field has no '='
   */
  public static RecordHeader parse(byte[] bytes, String where) {
    Map<String, byte[]> fields = new LinkedHashMap<>();
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    while (in.hasRemaining()) {
      int fieldStart = in.position();
      if (in.remaining() < 4) {
        throw new MessageFormatException(
            "record header in " + where + ": " + in.remaining() + " stray bytes after the fields");
      }
      long length = Integer.toUnsignedLong(in.getInt());
      if (length > in.remaining()) {
        throw new MessageFormatException(
            "record header in "
                + where
                + ": field at header byte "
                + fieldStart
                + " claims "
                + length
                + " bytes but only "
                + in.remaining()
                + " remain");
      }
      int equals = -1;
      for (int i = 0; i < length; i++) {
        if (bytes[in.position() + i] == '=') {
          equals = i;
          break;
        }
      }
      if (equals <= 0) {
        throw new MessageFormatException(
            "record header in "
                + where
                + ": field at header byte "
                + fieldStart
                + " has no name=value form");
      }
      String name =
          new String(bytes, in.position(), equals, StandardCharsets.US_ASCII); // names are ASCII
      byte[] value = new byte[(int) length - equals - 1];
      System.arraycopy(bytes, in.position() + equals + 1, value, 0, value.length);
      fields.put(name, value);
      in.position(in.position() + (int) length);
    }
    return new RecordHeader(fields, where);
  }

  /** Where this header was read from, for error messages. */
  public String where() {
    return where;
  }

  public boolean has(String name) {
    return fields.containsKey(name);
  }

  /** The op code. */
  public int op() {
    return Byte.toUnsignedInt(fixed("op", 1).get());
  }

  /** An unsigned 32-bit field. */
  public long uint32(String name) {
    return Integer.toUnsignedLong(fixed(name, 4).getInt());
  }

  /** An unsigned 64-bit field; values above 2^63 are rejected. */
  public long uint64(String name) {
    long value = fixed(name, 8).getLong();
    if (value < 0) {
      throw new MessageFormatException(
          "record header in " + where + ": field '" + name + "' is out of range");
    }
    return value;
  }

  /** A time field (uint32 secs, uint32 nsecs) as nanoseconds since zero. */
  public long timeNanos(String name) {
    ByteBuffer value = fixed(name, 8);
    long secs = Integer.toUnsignedLong(value.getInt());
    long nsecs = Integer.toUnsignedLong(value.getInt());
    if (nsecs >= 1_000_000_000L) {
      throw new MessageFormatException(
          "record header in " + where + ": field '" + name + "' has nsecs=" + nsecs + " >= 1e9");
    }
    return secs * 1_000_000_000L + nsecs;
  }

  /** A text field (UTF-8). */
  public String string(String name) {
    return new String(require(name), StandardCharsets.UTF_8);
  }

  /** A text field, or {@code fallback} when absent. */
  public String string(String name, String fallback) {
    return has(name) ? string(name) : fallback;
  }

  private byte[] require(String name) {
    byte[] value = fields.get(name);
    if (value == null) {
      throw new MessageFormatException(
          "record header in " + where + ": missing field '" + name + "'");
    }
    return value;
  }

  private ByteBuffer fixed(String name, int size) {
    byte[] value = require(name);
    if (value.length != size) {
      throw new MessageFormatException(
          "record header in "
              + where
              + ": field '"
              + name
              + "' has "
              + value.length
              + " bytes, expected "
              + size);
    }
    return ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Builds header bytes, field by field in insertion order. */
  public static final class Builder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

    public Builder op(int op) {
      return field("op", new byte[] {(byte) op});
    }

    public Builder uint32(String name, long value) {
      return field(name, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value));
    }

    public Builder uint64(String name, long value) {
      return field(name, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value));
    }

    public Builder time(String name, long nanos) {
      return field(
          name,
          ByteBuffer.allocate(8)
              .order(ByteOrder.LITTLE_ENDIAN)
              .putInt((int) (nanos / 1_000_000_000L))
              .putInt((int) (nanos % 1_000_000_000L)));
    }

    public Builder string(String name, String value) {
      return field(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private Builder field(String name, ByteBuffer value) {
      return field(name, value.array());
    }

    public Builder field(String name, byte[] value) {
      byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
      int length = nameBytes.length + 1 + value.length;
      out.write(length);
      out.write(length >>> 8);
      out.write(length >>> 16);
      out.write(length >>> 24);
      out.writeBytes(nameBytes);
      out.write('=');
      out.writeBytes(value);
      return this;
    }

    /** The header bytes, without the leading total length. */
    public byte[] build() {
      return out.toByteArray();
    }
  }
}
