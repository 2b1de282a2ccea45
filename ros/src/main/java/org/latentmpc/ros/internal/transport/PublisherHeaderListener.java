package org.latentmpc.ros.internal.transport;

import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageListener;

/**
 * A {@link MessageListener} that also receives the connection header of the publisher each message
 * came from, like roscpp's {@code MessageEvent::getConnectionHeader()} or rospy's {@code
 * msg._connection_header}: for a TCPROS link the publisher's reply header as received (callerid,
 * latching, md5sum, message_definition, topic, type); for an in-process link the header that
 * publisher would have sent. Internal: {@code bag record} uses it to write each publisher's
 * callerid and latching flag.
 *
 * <p>Pass it to {@link org.latentmpc.ros.Subscriber#addMessageListener}; {@link TcpRosSubscriber}
 * then calls {@link #onNewMessage(Message, ConnectionHeader)} instead of {@link
 * #onNewMessage(Message)}.
 *
 * @param <T> message class
 */
@FunctionalInterface
public interface PublisherHeaderListener<T extends Message> extends MessageListener<T> {
  /**
   * Called with each message and the header of the publisher connection it arrived on (the same
   * instance for every message of one connection).
   */
  void onNewMessage(T message, ConnectionHeader publisherHeader);

  /** For a subscriber that does not know the publisher: an empty header. */
  @Override
  default void onNewMessage(T message) {
    onNewMessage(message, ConnectionHeader.of());
  }
}
