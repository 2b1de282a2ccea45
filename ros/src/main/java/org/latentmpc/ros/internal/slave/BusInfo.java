package org.latentmpc.ros.internal.slave;

import java.util.List;

/**
 * One row of getBusInfo: a connection of this node.
 *
 * @param connectionId this node's id for the connection
 * @param destination the peer: a subscriber's caller id for outgoing, a publisher's XML-RPC URI for
 *     incoming connections
 * @param direction {@code 'o'} outgoing (we publish), {@code 'i'} incoming (we subscribe), {@code
 *     'b'} both
 * @param transport {@code "TCPROS"} (or {@code "INTRAPROCESS"})
 * @param topic the topic
 * @param connected whether the connection is up
 * @param info free text, e.g. the peer's address
 */
public record BusInfo(
    int connectionId,
    String destination,
    char direction,
    String transport,
    String topic,
    boolean connected,
    String info) {
  /** The row as XML-RPC carries it. */
  public List<Object> toList() {
    return List.of(
        connectionId, destination, String.valueOf(direction), transport, topic, connected, info);
  }
}
