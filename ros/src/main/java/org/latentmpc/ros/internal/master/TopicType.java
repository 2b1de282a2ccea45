package org.latentmpc.ros.internal.master;

import java.util.List;

/** A topic name and its message type, as in getPublishedTopics, getTopicTypes, getPublications. */
public record TopicType(String topic, String type) {
  /** {@code [topic, type]} as XML-RPC carries it. */
  public List<Object> toList() {
    return List.of(topic, type);
  }
}
