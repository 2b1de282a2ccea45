package org.latentmpc.ros;

/** Called with each message a subscriber receives. */
@FunctionalInterface
public interface MessageListener<T extends Message> {
  void onNewMessage(T message);
}
