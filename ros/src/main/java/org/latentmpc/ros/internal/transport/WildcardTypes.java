package org.latentmpc.ros.internal.transport;

import org.latentmpc.ros.DynamicMessage;
import org.latentmpc.ros.MessageType;

/** Message types built from a publisher's reply header, for wildcard subscribers. */
final class WildcardTypes {
  private WildcardTypes() {}

  /** The type named in the header (type, md5sum, message_definition), decoded dynamically. */
  static MessageType<DynamicMessage> fromHeader(ConnectionHeader reply) throws ProtocolException {
    String name = reply.get("type");
    String md5 = reply.get("md5sum");
    String definition = reply.get("message_definition");
    if (name == null || md5 == null || definition == null) {
      throw new ProtocolException(
          "a wildcard subscription needs type, md5sum and message_definition in the publisher's"
              + " header, got "
              + reply.fields().keySet());
    }
    MessageType<DynamicMessage>[] holder = newHolder();
    holder[0] = new MessageType<>(name, md5, definition, () -> new DynamicMessage(holder[0]));
    return holder[0];
  }

  @SuppressWarnings("unchecked")
  private static MessageType<DynamicMessage>[] newHolder() {
    return (MessageType<DynamicMessage>[]) new MessageType<?>[1];
  }
}
