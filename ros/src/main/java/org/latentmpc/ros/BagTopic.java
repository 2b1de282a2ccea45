package org.latentmpc.ros;

/**
 * What a rosbag holds on one topic.
 *
 * @param name the topic name
 * @param type the message type of its (first) connection
 * @param messageCount messages on the topic
 * @param connectionCount connections recorded for the topic (one per publisher or type)
 * @param medianFrequencyHz 1 / the median period between messages, or NaN with fewer than two
 *     messages or a zero median period
 */
public record BagTopic(
    String name, String type, long messageCount, int connectionCount, double medianFrequencyHz) {}
