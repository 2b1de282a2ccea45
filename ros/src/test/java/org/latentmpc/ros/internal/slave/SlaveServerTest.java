package org.latentmpc.ros.internal.slave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.internal.master.MasterClient;
import org.latentmpc.ros.internal.master.RosRpcException;
import org.latentmpc.ros.internal.master.TopicType;
import org.latentmpc.ros.internal.testing.RecordingSlave;
import org.latentmpc.ros.internal.xmlrpc.XmlRpcClient;
import org.latentmpc.ros.internal.xmlrpc.XmlRpcFault;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlaveServerTest {
  private static final String MASTER = "http://127.0.0.1:11311/";

  @Test
  void servesTheSlaveApi() throws Exception {
    try (RecordingSlave node = new RecordingSlave(MASTER)) {
      SlaveClient c = new SlaveClient(node.uri());
      assertEquals(
          new SlaveClient.TcprosEndpoint("127.0.0.1", 1234), c.requestTcpros("/sub", "/chatter"));
      RosRpcException refused =
          assertThrows(
              RosRpcException.class,
              () -> c.requestTopic("/sub", "/chatter", List.of(List.of("UDPROS"))));
      assertEquals(0, refused.code());
      assertTrue(refused.statusMessage().contains("no supported protocol"));
      assertEquals((int) ProcessHandle.current().pid(), c.getPid("/x"));
      assertEquals(MASTER, c.getMasterUri("/x"));
      assertEquals(
          List.of(List.of(1, "/peer", "o", "TCPROS", "/chatter", true, "test")),
          c.getBusInfo("/x"));
      assertEquals(List.of(new TopicType("/chatter", "std_msgs/String")), c.getPublications("/x"));
      assertEquals(List.of(), c.getSubscriptions("/x"));

      c.publisherUpdate("/master", "/chatter", List.of("http://127.0.0.1:1/"));
      RecordingSlave.Call u = RecordingSlave.next(node.publisherUpdates);
      assertEquals(List.of("http://127.0.0.1:1/"), u.value());
      c.paramUpdate("/master", "/p/", 3);
      assertEquals(3, RecordingSlave.next(node.paramUpdates).value());
      c.shutdown("/rosnode", "user request");
      RecordingSlave.Call s = RecordingSlave.next(node.shutdowns);
      assertEquals("/rosnode", s.callerId());
      assertEquals("user request", s.key());

      XmlRpcClient raw = new XmlRpcClient(URI.create(node.uri()));
      assertEquals(-1, ((List<?>) raw.call("getPid")).get(0), "missing caller id");
      assertEquals(-1, ((List<?>) raw.call("requestTopic", "/a", "/t")).get(0), "bad arity");
      assertEquals(-1, ((List<?>) raw.call("publisherUpdate", "/a", "/t", "notalist")).get(0));
      assertEquals(-1, ((List<?>) raw.call("getBusInfo", 42)).get(0), "caller id not a string");
      assertThrows(XmlRpcFault.class, () -> raw.call("noSuchMethod", "/a"));
      // A multicall as rospy's tools send it.
      List<?> multi =
          (List<?>)
              raw.call(
                  "system.multicall",
                  List.of(
                      List.of(
                          java.util.Map.of("methodName", "getPid", "params", List.of("/a")),
                          java.util.Map.of("methodName", "bogus", "params", List.of()))));
      assertEquals(2, multi.size());
      assertTrue(
          multi.get(1) instanceof java.util.Map<?, ?> fault && fault.containsKey("faultCode"));
    }
  }

  /** A slave whose publisherUpdate blocks until released: the master must keep serving others. */
  @Test
  void aSlowNodeDoesNotStallTheMaster() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (EmbeddedMaster master = EmbeddedMaster.start("127.0.0.1", 0);
        RecordingSlave good = new RecordingSlave(master.uri());
        RecordingSlave slowRecorder = new RecordingSlave(master.uri());
        SlaveServer slow =
            SlaveServer.start(
                "127.0.0.1",
                0,
                master.uri(),
                new ForwardingHandler(slowRecorder) {
                  @Override
                  public void publisherUpdate(String callerId, String topic, List<String> uris) {
                    try {
                      release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    super.publisherUpdate(callerId, topic, uris);
                  }
                })) {
      URI uri = URI.create(master.uri());
      new MasterClient(uri, "/slow").registerSubscriber("/t", "std_msgs/String", slow.uri());
      new MasterClient(uri, "/good").registerSubscriber("/t", "std_msgs/String", good.uri());
      new MasterClient(uri, "/pub")
          .registerPublisher("/t", "std_msgs/String", "http://127.0.0.1:9/");
      // The good node gets its update and the master answers while the slow one is still blocked.
      assertEquals(
          List.of("http://127.0.0.1:9/"), RecordingSlave.next(good.publisherUpdates).value());
      assertEquals(
          List.of("/pub"), new MasterClient(uri, "/q").getSystemState().publishers().get("/t"));
      assertTrue(slowRecorder.publisherUpdates.isEmpty());
      release.countDown();
      assertEquals(
          List.of("http://127.0.0.1:9/"),
          RecordingSlave.next(slowRecorder.publisherUpdates).value());
    }
  }

  /** Delegates to a {@link RecordingSlave}. */
  private static class ForwardingHandler implements SlaveHandler {
    private final RecordingSlave target;

    ForwardingHandler(RecordingSlave target) {
      this.target = target;
    }

    @Override
    public List<Object> requestTopic(String c, String t, List<List<Object>> p) {
      return target.requestTopic(c, t, p);
    }

    @Override
    public void publisherUpdate(String c, String t, List<String> uris) {
      target.publisherUpdate(c, t, uris);
    }

    @Override
    public void paramUpdate(String c, String k, Object v) {
      target.paramUpdate(c, k, v);
    }

    @Override
    public List<BusInfo> getBusInfo(String c) {
      return target.getBusInfo(c);
    }

    @Override
    public List<TopicType> getSubscriptions(String c) {
      return target.getSubscriptions(c);
    }

    @Override
    public List<TopicType> getPublications(String c) {
      return target.getPublications(c);
    }

    @Override
    public void shutdown(String c, String r) {
      target.shutdown(c, r);
    }
  }
}
