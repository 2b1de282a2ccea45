package org.latentmpc.ros.internal.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentmpc.ros.internal.node.TestNodes.TIMEOUT_MS;
import static org.latentmpc.ros.internal.node.TestNodes.eventually;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.ParameterTree;
import org.latentmpc.ros.ParameterTypeException;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.PublisherOptions;
import org.latentmpc.ros.ServiceClient;
import org.latentmpc.ros.ServiceException;
import org.latentmpc.ros.ServiceNotFoundException;
import org.latentmpc.ros.Subscriber;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.internal.master.MasterClient;
import org.latentmpc.ros.msgs.rosgraph_msgs.Clock;
import org.latentmpc.ros.msgs.rosgraph_msgs.Log;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.ros.msgs.std_srvs.SetBool;
import org.latentmpc.ros.msgs.std_srvs.SetBoolRequest;
import org.latentmpc.ros.msgs.std_srvs.SetBoolResponse;

/**
 * Nodes against our embedded master over real loopback sockets: topics, services, parameters,
 * lifecycle.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DefaultNodeTest {
  private EmbeddedMaster master;
  private NodeMainExecutor executorA;
  private NodeMainExecutor executorB;

  @BeforeEach
  void startMaster() throws Exception {
    master = EmbeddedMaster.start("127.0.0.1", 0);
    executorA = NodeMainExecutor.newDefault();
    executorB = NodeMainExecutor.newDefault();
  }

  @AfterEach
  void stopAll() {
    executorA.shutdown();
    executorB.shutdown();
    master.close();
  }

  private static Float64MultiArray array(double... data) {
    Float64MultiArray m = new Float64MultiArray();
    m.setData(data);
    return m;
  }

  @Test
  void topicAcrossExecutorsGoesOverTcpros() throws Exception {
    ConnectedNode talker = TestNodes.start(executorA, master.uri(), "talker");
    ConnectedNode listener = TestNodes.start(executorB, master.uri(), "listener");
    Publisher<Float64MultiArray> pub = talker.newPublisher("chatter", Float64MultiArray.TYPE);
    Subscriber<Float64MultiArray> sub = listener.newSubscriber("/chatter", Float64MultiArray.TYPE);
    BlockingQueue<Float64MultiArray> received = new ArrayBlockingQueue<>(100);
    sub.addMessageListener(received::offer);
    assertTrue(eventually(() -> pub.getNumberOfSubscribers() == 1), "subscriber connected");
    Float64MultiArray sent = array(1.5, -2.0, 3.25);
    pub.publish(sent);
    Float64MultiArray got = received.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    assertArrayEquals(sent.getData(), got.getData());
    assertTrue(got != sent, "a TCPROS subscriber gets its own decoded copy");
  }

  @Test
  void topicWithinOneExecutorIsDeliveredByReference() throws Exception {
    ConnectedNode talker = TestNodes.start(executorA, master.uri(), "talker");
    ConnectedNode listener = TestNodes.start(executorA, master.uri(), "listener");
    Subscriber<Float64MultiArray> sub = listener.newSubscriber("chatter", Float64MultiArray.TYPE);
    BlockingQueue<Float64MultiArray> received = new ArrayBlockingQueue<>(100);
    sub.addMessageListener(received::offer);
    Publisher<Float64MultiArray> pub = talker.newPublisher("chatter", Float64MultiArray.TYPE);
    assertTrue(eventually(() -> pub.getNumberOfSubscribers() == 1));
    Float64MultiArray sent = array(4.0);
    pub.publish(sent);
    assertSame(sent, received.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS));
  }

  @Test
  void latchedPublisherReachesLateSubscriber() throws Exception {
    ConnectedNode talker = TestNodes.start(executorA, master.uri(), "talker");
    Publisher<Float64MultiArray> pub =
        talker.newPublisher("latched", Float64MultiArray.TYPE, PublisherOptions.latched());
    pub.publish(array(7.0));
    ConnectedNode listener = TestNodes.start(executorB, master.uri(), "listener");
    BlockingQueue<Float64MultiArray> received = new ArrayBlockingQueue<>(10);
    listener.newSubscriber("latched", Float64MultiArray.TYPE).addMessageListener(received::offer);
    assertArrayEquals(
        new double[] {7.0}, received.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS).getData());
  }

  @Test
  void remappingAndNamespaceResolveTopicNames() throws Exception {
    NodeConfiguration config =
        NodeConfiguration.fromArgs(
            new String[] {
              "__ns:=/arm", "__name:=ctrl", "cmd:=/remapped/cmd", "__master:=" + master.uri()
            },
            Map.of());
    ConnectedNode node = executorA.execute(TestNodes.idle("unused"), config);
    assertEquals("/arm/ctrl", node.getName());
    assertEquals("/remapped/cmd", node.resolveName("cmd"));
    assertEquals("/arm/state", node.resolveName("state"));
    assertEquals("/arm/ctrl/gain", node.resolveName("~gain"));
    Publisher<Float64MultiArray> pub = node.newPublisher("cmd", Float64MultiArray.TYPE);
    assertEquals("/remapped/cmd", pub.getTopicName());
    MasterClient client = new MasterClient(java.net.URI.create(master.uri()), "/test");
    assertTrue(client.getSystemState().publishers().containsKey("/remapped/cmd"));
  }

  @Test
  void serviceCallsAndHandlerErrors() throws Exception {
    ConnectedNode server = TestNodes.start(executorA, master.uri(), "server");
    server.newServiceServer(
        "set_mode",
        SetBool.TYPE,
        (SetBoolRequest req, SetBoolResponse resp) -> {
          if (!req.isData()) {
            throw new IllegalStateException("refusing false");
          }
          resp.setSuccess(true);
          resp.setMessage("mode set");
        });
    ConnectedNode caller = TestNodes.start(executorB, master.uri(), "caller");
    try (ServiceClient<SetBoolRequest, SetBoolResponse> client =
        caller.newServiceClient("/set_mode", SetBool.TYPE, true)) {
      SetBoolRequest request = client.newRequest();
      request.setData(true);
      for (int i = 0; i < 3; i++) {
        SetBoolResponse response = client.call(request);
        assertTrue(response.isSuccess());
        assertEquals("mode set", response.getMessage());
      }
      request.setData(false);
      ServiceException error = assertThrows(ServiceException.class, () -> client.call(request));
      assertTrue(error.getMessage().contains("refusing false"), error.getMessage());
    }
    assertThrows(
        ServiceNotFoundException.class,
        () -> caller.newServiceClient("/no_such_service", SetBool.TYPE, false));
  }

  @Test
  void parametersTypedPrivateAndListeners() throws Exception {
    NodeConfiguration config =
        TestNodes.config(master.uri()).toBuilder().privateParameter("gain", 2.5).build();
    ConnectedNode node = executorA.execute(TestNodes.idle("ctrl"), config);
    ParameterTree params = node.getParameterTree();
    assertEquals(2.5, params.getDouble("~gain"), 0.0);
    assertEquals(2.5, params.getDouble("/ctrl/gain"), 0.0);
    params.set("/robot/joints", List.of("j1", "j2"));
    params.set("/robot/rate", 500);
    assertEquals(500.0, params.getDouble("/robot/rate"), 0.0, "an int is accepted as a double");
    assertEquals(List.of("j1", "j2"), params.getList("/robot/joints"));
    ParameterTypeException wrongType =
        assertThrows(ParameterTypeException.class, () -> params.getInteger("/robot/joints"));
    assertTrue(wrongType.getMessage().contains("/robot/joints"), wrongType.getMessage());
    assertEquals(7, params.getInteger("/missing", 7));
    CopyOnWriteArrayList<Object> changes = new CopyOnWriteArrayList<>();
    params.addParameterListener("/robot/rate", changes::add);
    ConnectedNode other = TestNodes.start(executorB, master.uri(), "other");
    other.getParameterTree().set("/robot/rate", 1000);
    assertTrue(eventually(() -> changes.contains(1000)), "listener saw the change: " + changes);
  }

  @Test
  void duplicateNameShutsDownTheOlderNode() throws Exception {
    ConnectedNode first = TestNodes.start(executorA, master.uri(), "dup");
    first.newPublisher("a", Float64MultiArray.TYPE);
    TestNodes.start(executorB, master.uri(), "dup");
    assertTrue(
        executorA.awaitTermination(TIMEOUT_MS, TimeUnit.MILLISECONDS), "older node shut down");
  }

  @Test
  void reRegistersWhenTheMasterRestarts() throws Exception {
    int port = master.port();
    ConnectedNode talker = TestNodes.start(executorA, master.uri(), "talker");
    ConnectedNode listener = TestNodes.start(executorB, master.uri(), "listener");
    Publisher<Float64MultiArray> pub = talker.newPublisher("chatter", Float64MultiArray.TYPE);
    master.close();
    master = EmbeddedMaster.start("127.0.0.1", port);
    MasterClient client = new MasterClient(java.net.URI.create(master.uri()), "/test");
    assertTrue(
        eventually(() -> client.getSystemState().publishers().containsKey("/chatter")),
        "the publisher registered again with the new master");
    BlockingQueue<Float64MultiArray> received = new ArrayBlockingQueue<>(100);
    listener.newSubscriber("chatter", Float64MultiArray.TYPE).addMessageListener(received::offer);
    assertTrue(eventually(() -> pub.getNumberOfSubscribers() == 1));
    pub.publish(array(9.0));
    assertArrayEquals(
        new double[] {9.0}, received.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS).getData());
  }

  @Test
  void simTimeFollowsClock() throws Exception {
    ConnectedNode setter = TestNodes.start(executorA, master.uri(), "setter");
    setter.getParameterTree().set("/use_sim_time", true);
    Publisher<Clock> clockPub = setter.newPublisher("/clock", Clock.TYPE);
    ConnectedNode node = TestNodes.start(executorB, master.uri(), "simnode");
    assertEquals(Time.ZERO, node.getCurrentTime(), "zero before the first /clock");
    assertTrue(eventually(() -> clockPub.getNumberOfSubscribers() >= 1));
    Clock clock = new Clock();
    clock.setClock(new Time(42, 500));
    clockPub.publish(clock);
    assertTrue(eventually(() -> node.getCurrentTime().equals(new Time(42, 500))));
  }

  @Test
  void logMessagesGoToRosout() throws Exception {
    ConnectedNode monitor = TestNodes.start(executorB, master.uri(), "monitor");
    BlockingQueue<Log> logs = new ArrayBlockingQueue<>(100);
    monitor.newSubscriber("/rosout", Log.TYPE).addMessageListener(logs::offer);
    ConnectedNode node = TestNodes.start(executorA, master.uri(), "chatty");
    assertTrue(eventually(() -> monitor.getParameterTree() != null));
    Log found = null;
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    while (found == null && System.currentTimeMillis() < deadline) {
      node.getLog().warn("joint {} near its limit", 3);
      Log log = logs.poll(200, TimeUnit.MILLISECONDS);
      if (log != null && log.getName().equals("/chatty")) {
        found = log;
      }
    }
    assertTrue(found != null, "a /rosout message from /chatty");
    assertEquals(Log.WARN, found.getLevel());
    assertEquals("joint 3 near its limit", found.getMsg());
  }

  @Test
  void shutdownUnregistersEverything() throws Exception {
    ConnectedNode node = TestNodes.start(executorA, master.uri(), "tidy");
    node.newPublisher("out", Float64MultiArray.TYPE);
    node.newSubscriber("in", Float64MultiArray.TYPE);
    node.newServiceServer("srv", SetBool.TYPE, (req, resp) -> resp.setSuccess(true));
    node.shutdown();
    MasterClient client = new MasterClient(java.net.URI.create(master.uri()), "/test");
    var state = client.getSystemState();
    assertFalse(state.publishers().getOrDefault("/out", List.of()).contains("/tidy"));
    assertFalse(state.subscribers().getOrDefault("/in", List.of()).contains("/tidy"));
    assertFalse(state.services().containsKey("/srv"));
    assertThrows(IllegalStateException.class, () -> node.newPublisher("x", Float64MultiArray.TYPE));
  }
}
