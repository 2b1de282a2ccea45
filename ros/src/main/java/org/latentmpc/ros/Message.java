package org.latentmpc.ros;

import java.nio.ByteBuffer;

/**
 * A ROS1 message: a mutable value that serializes to and from the ROS1 wire format (little-endian,
 * packed).
 *
 * <p>Messages are meant to be reused: a publisher in a control loop fills the same instance every
 * cycle, and {@link #serialize} writes into a caller-owned buffer, so neither step needs to
 * allocate when array lengths do not change.
 */
public interface Message {
  /** The type descriptor: ROS name, md5 and full definition. */
  MessageType<?> messageType();

  /** The exact number of bytes {@link #serialize} writes. */
  int serializedSize();

  /**
   * Writes this message at the buffer's position, which advances by {@link #serializedSize()}.
   *
   * @param out a buffer in {@link java.nio.ByteOrder#LITTLE_ENDIAN} order with enough remaining
   *     space
   */
  void serialize(ByteBuffer out);

  /**
   * Replaces this message's contents with the message at the buffer's position, which advances past
   * it.
   *
   * @param in a buffer in {@link java.nio.ByteOrder#LITTLE_ENDIAN} order
   * @throws MessageFormatException if the bytes are truncated or inconsistent (a length prefix
   *     beyond the buffer)
   */
  void deserialize(ByteBuffer in);
}
