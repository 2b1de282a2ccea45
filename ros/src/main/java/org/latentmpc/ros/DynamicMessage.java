package org.latentmpc.ros;

import java.nio.ByteBuffer;

/**
 * A message of any type, decoded from its definition at run time (for tools and bags). (Being
 * written.)
 */
public final class DynamicMessage implements Message {
  private final MessageType<DynamicMessage> type;

  public DynamicMessage(MessageType<DynamicMessage> type) {
    this.type = type;
  }

  @Override
  public MessageType<?> messageType() {
    return type;
  }

  @Override
  public int serializedSize() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public void serialize(ByteBuffer out) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public void deserialize(ByteBuffer in) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
