package org.latentmpc.ros;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * One message read from a rosbag: where and when it was recorded, and its serialized bytes.
 *
 * @param topic the topic it was recorded on
 * @param time the receive time stored in the bag
 * @param connection the connection: type, md5sum and definition to decode it with
 * @param serialized the message in the ROS1 wire format (owned by this record; do not modify)
 */
public record BagMessage(String topic, Time time, BagConnection connection, byte[] serialized) {
  public BagMessage {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(serialized, "serialized");
  }

  /**
   * A read-only little-endian view of {@link #serialized}, ready for {@link Message#deserialize}.
   */
  public ByteBuffer buffer() {
    return ByteBuffer.wrap(serialized).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Decodes the message into a new instance of {@code type}.
   *
   * @throws MessageFormatException if the recorded md5sum differs from the type's, or the bytes do
   *     not form a message of that type
   */
  public <T extends Message> T decode(MessageType<T> type) {
    if (!type.isWildcard() && !type.md5().equals(connection.md5sum())) {
      throw new MessageFormatException(
          "message on "
              + topic
              + " was recorded as "
              + connection.type()
              + " ["
              + connection.md5sum()
              + "], not "
              + type);
    }
    T message = type.newMessage();
    message.deserialize(buffer());
    return message;
  }
}
