package org.latentmpc.ros;

import java.util.Objects;

/**
 * One connection of a rosbag: a topic with the type, md5sum and full message definition its
 * messages were recorded with, as stored in the bag's connection records.
 *
 * @param id the connection id inside the bag (0, 1, 2, ...)
 * @param topic the topic name
 * @param type the message type, {@code pkg/Type}
 * @param md5sum the type's md5sum
 * @param messageDefinition the full message_definition text
 * @param callerId the node that published the messages, or empty when unknown
 * @param latching whether the publisher was latched (rosbag play then latches too)
 */
public record BagConnection(
    int id,
    String topic,
    String type,
    String md5sum,
    String messageDefinition,
    String callerId,
    boolean latching) {
  public BagConnection {
    if (id < 0) {
      throw new IllegalArgumentException("connection id must not be negative: " + id);
    }
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(md5sum, "md5sum");
    Objects.requireNonNull(messageDefinition, "messageDefinition");
    Objects.requireNonNull(callerId, "callerId");
  }

  /** True when {@code other} describes the same stream: all fields but the id are equal. */
  public boolean sameStreamAs(BagConnection other) {
    return topic.equals(other.topic)
        && type.equals(other.type)
        && md5sum.equals(other.md5sum)
        && messageDefinition.equals(other.messageDefinition)
        && callerId.equals(other.callerId)
        && latching == other.latching;
  }
}
