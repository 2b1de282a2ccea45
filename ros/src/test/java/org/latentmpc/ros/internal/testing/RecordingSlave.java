package org.latentmpc.ros.internal.testing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.latentmpc.ros.internal.master.RosRpcException;
import org.latentmpc.ros.internal.master.TopicType;
import org.latentmpc.ros.internal.slave.BusInfo;
import org.latentmpc.ros.internal.slave.SlaveHandler;
import org.latentmpc.ros.internal.slave.SlaveServer;

/** A real slave API server on loopback that records the callbacks it receives. */
public final class RecordingSlave implements SlaveHandler, AutoCloseable {
  /** A received call. */
  public record Call(String method, String callerId, String key, Object value) {}

  public final BlockingQueue<Call> publisherUpdates = new LinkedBlockingQueue<>();
  public final BlockingQueue<Call> paramUpdates = new LinkedBlockingQueue<>();
  public final BlockingQueue<Call> shutdowns = new LinkedBlockingQueue<>();
  public final BlockingQueue<Call> topicRequests = new LinkedBlockingQueue<>();
  private final SlaveServer server;

  public RecordingSlave(String masterUri) throws IOException {
    server = SlaveServer.start("127.0.0.1", 0, masterUri, this);
  }

  public String uri() {
    return server.uri();
  }

  /** The next call from {@code queue}, failing after 10 s. */
  public static Call next(BlockingQueue<Call> queue) throws InterruptedException {
    Call c = queue.poll(10, TimeUnit.SECONDS);
    if (c == null) {
      throw new AssertionError("no callback within 10 s");
    }
    return c;
  }

  @Override
  public List<Object> requestTopic(String callerId, String topic, List<List<Object>> protocols) {
    topicRequests.add(new Call("requestTopic", callerId, topic, protocols));
    for (List<Object> p : protocols) {
      if (!p.isEmpty() && "TCPROS".equals(p.get(0))) {
        return List.of("TCPROS", "127.0.0.1", 1234);
      }
    }
    throw RosRpcException.failure(0, "no supported protocol implementations");
  }

  @Override
  public void publisherUpdate(String callerId, String topic, List<String> publisherUris) {
    publisherUpdates.add(new Call("publisherUpdate", callerId, topic, publisherUris));
  }

  @Override
  public void paramUpdate(String callerId, String key, Object value) {
    paramUpdates.add(new Call("paramUpdate", callerId, key, value));
  }

  @Override
  public List<BusInfo> getBusInfo(String callerId) {
    return List.of(new BusInfo(1, "/peer", 'o', "TCPROS", "/chatter", true, "test"));
  }

  @Override
  public List<TopicType> getSubscriptions(String callerId) {
    return List.of();
  }

  @Override
  public List<TopicType> getPublications(String callerId) {
    return List.of(new TopicType("/chatter", "std_msgs/String"));
  }

  @Override
  public void shutdown(String callerId, String reason) {
    shutdowns.add(new Call("shutdown", callerId, reason, null));
  }

  @Override
  public void close() {
    server.close();
  }
}
