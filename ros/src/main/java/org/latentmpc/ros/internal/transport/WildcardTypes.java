package org.latentmpc.ros.internal.transport;

import org.latentmpc.ros.DynamicMessage;
import org.latentmpc.ros.MessageFormatException;
import org.latentmpc.ros.MessageType;

/** Message types built from a publisher's reply header, for wildcard subscribers. */
final class WildcardTypes {
  private WildcardTypes() {}

  /**
   * The type named in the header (type, md5sum, message_definition), decoded dynamically; the
   * definition is parsed once per connection.
   *
   * @throws ProtocolException if a field is missing or the definition does not parse
   */
  static MessageType<DynamicMessage> fromHeader(ConnectionHeader reply) throws ProtocolException {
    String name = reply.get("type");
    String md5 = reply.get("md5sum");
    String definition = reply.get("message_definition");
    if (name == null || md5 == null || definition == null || "*".equals(md5)) {
      throw new ProtocolException(
          "a wildcard subscription needs type, md5sum and message_definition in the publisher's"
              + " header, got "
              + reply.fields().keySet());
    }
    try {
      return DynamicMessage.type(name, md5, definition);
    } catch (MessageFormatException | IllegalArgumentException e) {
      throw new ProtocolException(
          "the publisher's message_definition for " + name + " does not parse: " + e.getMessage());
    }
  }
}
