package org.latentmpc.ros.internal.transport;

/**
 * One topic connection as the slave API reports it (getBusInfo rows and getBusStats entries).
 *
 * @param connectionId unique in this JVM
 * @param destination the peer: a subscriber's callerid (outgoing) or a publisher's slave URI
 *     (incoming)
 * @param direction {@code 'o'} outgoing (we publish), {@code 'i'} incoming (we subscribe)
 * @param transport {@code TCPROS} or {@code INTRAPROCESS}
 * @param topic the topic name
 * @param connected true while the connection is up
 * @param info a human-readable description (addresses)
 * @param bytes bytes sent (outgoing) or received (incoming), headers excluded
 * @param messages messages sent or received
 * @param dropped messages dropped from a full queue
 */
public record ConnectionInfo(
    int connectionId,
    String destination,
    char direction,
    String transport,
    String topic,
    boolean connected,
    String info,
    long bytes,
    long messages,
    long dropped) {}
