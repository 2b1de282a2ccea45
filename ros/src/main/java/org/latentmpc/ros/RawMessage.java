package org.latentmpc.ros;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message held as its already-serialized bytes, with the type it claims to be: for relaying and
 * bag playback without decoding. It serializes as exactly those bytes; {@link #deserialize} takes
 * all remaining bytes of the buffer (the framing layer delimits one message).
 */
public final class RawMessage implements Message {
  private final MessageType<?> type;
  private byte[] bytes;

  /**
   * @param type the type the bytes are a serialization of
   * @param bytes the serialized message, held by reference
   */
  public RawMessage(MessageType<?> type, byte[] bytes) {
    this.type = Objects.requireNonNull(type, "type");
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  /** An empty raw message of a type (for deserializing into). */
  public RawMessage(MessageType<?> type) {
    this(type, new byte[0]);
  }

  @Override
  public MessageType<?> messageType() {
    return type;
  }

  /** The serialized bytes, by reference. */
  public byte[] bytes() {
    return bytes;
  }

  /** Replaces the serialized bytes (held by reference); returns this. */
  public RawMessage setBytes(byte[] bytes) {
    this.bytes = Objects.requireNonNull(bytes, "bytes");
    return this;
  }

  /**
   * Decodes the bytes as a message of a concrete type.
   *
   * @throws MessageFormatException if they do not form such a message
   */
  public <T extends Message> T decode(MessageType<T> as) {
    T m = as.newMessage();
    ByteBuffer in = ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    m.deserialize(in);
    if (in.hasRemaining()) {
      throw new MessageFormatException(
          in.remaining() + " bytes left over after decoding " + as.name() + " from raw bytes");
    }
    return m;
  }

  @Override
  public int serializedSize() {
    return bytes.length;
  }

  @Override
  public void serialize(ByteBuffer out) {
    out.put(bytes);
  }

  /** Takes every remaining byte of the buffer. */
  @Override
  public void deserialize(ByteBuffer in) {
    byte[] b = bytes.length == in.remaining() ? bytes : new byte[in.remaining()];
    in.get(b);
    bytes = b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawMessage
        && ((RawMessage) o).type.name().equals(type.name())
        && Arrays.equals(((RawMessage) o).bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * type.name().hashCode() + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "RawMessage{" + type + ", " + bytes.length + " bytes}";
  }
}
