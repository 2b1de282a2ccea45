package org.latentmpc.ros.internal.transport;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * In-process delivery between the nodes of one executor (one per NodeMainExecutor): a publisher and
 * a subscriber of the same topic with the same md5 and the same Java message class are linked, and
 * messages pass by reference, without serialization or sockets.
 *
 * <p>A linked subscriber must not also connect over TCPROS to that publisher: {@link
 * TcpRosSubscriber#updatePublishers} asks {@link #isLinkedPublisher} for each slave URI the master
 * reports and skips the ones served in-process. Wildcard subscribers are never linked (they need
 * the publisher's definition to build dynamic messages) and use TCPROS.
 */
public final class IntraProcessRegistry {
  private final Map<String, List<TcpRosPublisher<?>>> publishers = new HashMap<>();
  private final Map<String, List<TcpRosSubscriber<?>>> subscribers = new HashMap<>();

  /** Registers a publisher and links it to matching subscribers (called by the publisher). */
  synchronized void addPublisher(TcpRosPublisher<?> publisher) {
    String topic = publisher.getTopicName();
    publishers.computeIfAbsent(topic, t -> new ArrayList<>()).add(publisher);
    for (TcpRosSubscriber<?> s : subscribers.getOrDefault(topic, List.of())) {
      if (compatible(publisher, s)) {
        link(publisher, s);
      }
    }
  }

  synchronized void removePublisher(TcpRosPublisher<?> publisher) {
    List<TcpRosPublisher<?>> list = publishers.get(publisher.getTopicName());
    if (list != null && list.remove(publisher)) {
      for (TcpRosSubscriber<?> s : subscribers.getOrDefault(publisher.getTopicName(), List.of())) {
        publisher.removeLocalSubscriber(s);
        s.removeLocalPublisher(publisher);
      }
      if (list.isEmpty()) {
        publishers.remove(publisher.getTopicName());
      }
    }
  }

  /** Registers a subscriber and links it to matching publishers (called by the subscriber). */
  synchronized void addSubscriber(TcpRosSubscriber<?> subscriber) {
    String topic = subscriber.getTopicName();
    subscribers.computeIfAbsent(topic, t -> new ArrayList<>()).add(subscriber);
    for (TcpRosPublisher<?> p : publishers.getOrDefault(topic, List.of())) {
      if (compatible(p, subscriber)) {
        link(p, subscriber);
      }
    }
  }

  synchronized void removeSubscriber(TcpRosSubscriber<?> subscriber) {
    List<TcpRosSubscriber<?>> list = subscribers.get(subscriber.getTopicName());
    if (list != null && list.remove(subscriber)) {
      for (TcpRosPublisher<?> p : publishers.getOrDefault(subscriber.getTopicName(), List.of())) {
        p.removeLocalSubscriber(subscriber);
        subscriber.removeLocalPublisher(p);
      }
      if (list.isEmpty()) {
        subscribers.remove(subscriber.getTopicName());
      }
    }
  }

  /**
   * True if the publisher at {@code slaveUri} for the subscriber's topic lives in this registry and
   * is linked to {@code subscriber} in-process, so the subscriber must not connect over TCPROS.
   */
  public synchronized boolean isLinkedPublisher(TcpRosSubscriber<?> subscriber, URI slaveUri) {
    for (TcpRosPublisher<?> p : publishers.getOrDefault(subscriber.getTopicName(), List.of())) {
      if (slaveUri.equals(p.slaveUri()) && compatible(p, subscriber)) {
        return true;
      }
    }
    return false;
  }

  private static boolean compatible(TcpRosPublisher<?> p, TcpRosSubscriber<?> s) {
    return !s.getMessageType().isWildcard()
        && p.getMessageType().md5().equals(s.getMessageType().md5())
        && p.messageClass() == s.messageClass();
  }

  private static void link(TcpRosPublisher<?> p, TcpRosSubscriber<?> s) {
    s.addLocalPublisher(p);
    p.addLocalSubscriber(s);
  }
}
