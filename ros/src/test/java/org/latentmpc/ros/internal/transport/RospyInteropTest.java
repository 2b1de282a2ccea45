package org.latentmpc.ros.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.latentmpc.ros.DynamicMessage;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.PublisherOptions;
import org.latentmpc.ros.ServiceException;
import org.latentmpc.ros.internal.xmlrpc.XmlRpcClient;
import org.latentmpc.ros.internal.xmlrpc.XmlRpcHandler;
import org.latentmpc.ros.internal.xmlrpc.XmlRpcServer;
import org.latentmpc.ros.msgs.std_msgs.String;
import org.latentmpc.ros.msgs.std_srvs.SetBool;
import org.latentmpc.ros.msgs.std_srvs.SetBoolRequest;
import org.latentmpc.ros.msgs.std_srvs.SetBoolResponse;

/**
 * TCPROS against real rospy nodes and tools under a real {@code roscore}. The test plays the node's
 * part with a minimal slave API (requestTopic only) so the transport can be checked before the node
 * exists: our subscriber &lt;- rospy publisher, our client -&gt; rospy service, rospy subscriber
 * &lt;- our publisher, {@code rosservice call} -&gt; our service.
 */
@Tag("interop")
class RospyInteropTest {
  private static final java.lang.String PYTHON = "/usr/bin/python3";
  private static final long STARTUP_S = 30;
  private static final java.lang.String CALLER = "/java_node";
  private static Process roscore;
  private static final List<Process> peers = new ArrayList<>();
  private static java.lang.String masterUri;
  private static XmlRpcClient master;

  private static boolean rosAvailable() {
    try {
      Process p =
          new ProcessBuilder(PYTHON, "-c", "import rospy, std_msgs.msg, std_srvs.srv")
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS)
          && p.exitValue() == 0
          && Files.isExecutable(Path.of("/usr/bin/roscore"));
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static ProcessBuilder rosProcess(java.lang.String... command) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<java.lang.String, java.lang.String> env = pb.environment();
    env.put("ROS_MASTER_URI", masterUri);
    env.put("ROS_HOSTNAME", Wire.LOOPBACK);
    env.remove("ROS_IP");
    env.put("ROS_HOME", System.getProperty("java.io.tmpdir") + "/latent-mpc-ros-home");
    env.put("PYTHONUNBUFFERED", "1");
    return pb;
  }

  @BeforeAll
  static void startRoscore() throws Exception {
    Assumptions.assumeTrue(
        rosAvailable(),
        "Debian ROS not installed (roscore, python3 rospy): skipping TCPROS interop");
    int port = freePort();
    masterUri = "http://" + Wire.LOOPBACK + ":" + port + "/";
    roscore =
        rosProcess("roscore", "-p", java.lang.Integer.toString(port))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    master = new XmlRpcClient(URI.create(masterUri), Duration.ofSeconds(2), Duration.ofSeconds(5));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_S);
    while (true) {
      try {
        master.call("getUri", CALLER);
        break;
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline || !roscore.isAlive()) {
          throw new AssertionError("roscore did not come up on " + masterUri, e);
        }
        Thread.sleep(200);
      }
    }
  }

  @AfterAll
  static void stopAll() {
    for (Process p : peers) {
      kill(p);
    }
    if (roscore != null) {
      kill(roscore);
    }
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroy);
    p.destroy();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts the rospy peer and returns its output lines as they come. */
  private static BlockingQueue<java.lang.String> startPeer(java.lang.String mode)
      throws IOException {
    Path script = Files.createTempFile("rospy_peer", ".py");
    try (InputStream in = RospyInteropTest.class.getResourceAsStream("/transport/rospy_peer.py")) {
      Files.write(script, in.readAllBytes());
    }
    script.toFile().deleteOnExit();
    Process p = rosProcess(PYTHON, script.toString(), mode).start();
    peers.add(p);
    BlockingQueue<java.lang.String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                java.lang.String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // process ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    awaitLine(lines, "READY", p);
    return lines;
  }

  private static java.lang.String awaitLine(
      BlockingQueue<java.lang.String> lines, java.lang.String prefix, Process p) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_S);
    List<java.lang.String> seen = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      try {
        java.lang.String line = lines.poll(200, TimeUnit.MILLISECONDS);
        if (line != null) {
          if (line.startsWith(prefix)) {
            return line;
          }
          seen.add(line);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError(
        "no line starting with " + prefix + " (alive: " + p.isAlive() + "); output: " + seen);
  }

  private static List<?> ok(Object reply) {
    List<?> r = (List<?>) reply;
    assertEquals(1, r.get(0), "XML-RPC call failed: " + r);
    return r;
  }

  /** The node's requestTopic, as the lead's slave API will answer it. */
  private static InetSocketAddress requestTopic(URI slaveUri, java.lang.String topic) {
    List<?> r =
        ok(
            new XmlRpcClient(slaveUri)
                .call("requestTopic", CALLER, topic, List.of(List.of("TCPROS"))));
    List<?> protocol = (List<?>) r.get(2);
    assertEquals("TCPROS", protocol.get(0));
    return new InetSocketAddress((java.lang.String) protocol.get(1), (Integer) protocol.get(2));
  }

  @Test
  void ourSubscriberReceivesFromARospyPublisherAndCallsItsService() throws Exception {
    startPeer("talker");
    URI talker =
        URI.create((java.lang.String) ok(master.call("lookupNode", CALLER, "/py_talker")).get(2));
    List<java.lang.String> got = new CopyOnWriteArrayList<>();
    try (TcpRosSubscriber<String> sub =
        new TcpRosSubscriber<>(
            "/py_chatter", String.TYPE, CALLER, RospyInteropTest::requestTopic, null, null)) {
      sub.addMessageListener(m -> got.add(m.getData()), 100);
      sub.updatePublishers(List.of(talker));
      Wire.await("3 messages from rospy", () -> got.size() >= 3);
      assertTrue(got.get(0).startsWith("hello "), got.toString());
      assertEquals('i', sub.connectionInfos().get(0).direction());
    }

    // a wildcard subscription decodes rospy's messages from the definition rospy sends
    List<DynamicMessage> dynamic = new CopyOnWriteArrayList<>();
    try (TcpRosSubscriber<DynamicMessage> echo =
        new TcpRosSubscriber<>(
            "/py_chatter",
            MessageType.WILDCARD,
            CALLER,
            RospyInteropTest::requestTopic,
            null,
            null)) {
      echo.addMessageListener(dynamic::add, 100);
      echo.updatePublishers(List.of(talker));
      Wire.await("a message via the wildcard", () -> !dynamic.isEmpty());
      assertEquals("std_msgs/String", dynamic.get(0).typeName());
      assertTrue(((java.lang.String) dynamic.get(0).get("data")).startsWith("hello "));
    }

    ServiceLocator lookup =
        name ->
            ServiceLocator.parseRosRpcUri(
                URI.create(
                    (java.lang.String) ok(master.call("lookupService", CALLER, name)).get(2)));
    for (boolean persistent : new boolean[] {false, true}) {
      try (TcpRosServiceClient<SetBoolRequest, SetBoolResponse> client =
          new TcpRosServiceClient<>("/py_set", SetBool.TYPE, CALLER, persistent, lookup, 10_000)) {
        for (int i = 0; i < 3; i++) {
          SetBoolResponse r = client.call(new SetBoolRequest().setData(true));
          assertTrue(r.isSuccess());
          assertEquals("py got true", r.getMessage());
        }
        ServiceException e =
            assertThrows(
                ServiceException.class, () -> client.call(new SetBoolRequest().setData(false)));
        assertTrue(e.getMessage().contains("py refuses false"), e.getMessage());
      }
    }
  }

  @Test
  void rospySubscriberAndRosserviceCallReachOurEndpoints() throws Exception {
    try (TcpRosServer tcp = new TcpRosServer(Wire.LOOPBACK, 0)) {
      XmlRpcHandler slave =
          (method, params) ->
              switch (method) {
                case "requestTopic" ->
                    List.of(1, "ready", List.of("TCPROS", Wire.LOOPBACK, tcp.port()));
                case "getPid" -> List.of(1, "", (int) ProcessHandle.current().pid());
                case "publisherUpdate", "paramUpdate" -> List.of(1, "", 0);
                case "getBusInfo", "getSubscriptions", "getPublications" ->
                    List.of(1, "", List.of());
                case "getMasterUri" -> List.of(1, "", masterUri);
                default -> throw XmlRpcHandler.noSuchMethod(method);
              };
      try (XmlRpcServer slaveServer = XmlRpcServer.start(Wire.LOOPBACK, 0, slave)) {
        java.lang.String slaveUri = slaveServer.uri();
        TcpRosPublisher<String> pub =
            new TcpRosPublisher<>(
                "/java_chatter",
                String.TYPE,
                PublisherOptions.DEFAULT,
                CALLER,
                URI.create(slaveUri),
                tcp,
                null,
                null);
        TcpRosServiceServer<SetBoolRequest, SetBoolResponse> service =
            new TcpRosServiceServer<>(
                "/java_set",
                SetBool.TYPE,
                (q, r) -> {
                  if (!q.isData()) {
                    throw new ServiceException("java refuses false");
                  }
                  r.setSuccess(true).setMessage("java got true");
                },
                CALLER,
                tcp,
                null);
        try {
          ok(
              master.call(
                  "registerPublisher", CALLER, "/java_chatter", "std_msgs/String", slaveUri));
          ok(
              master.call(
                  "registerService", CALLER, "/java_set", tcp.rosRpcUri().toString(), slaveUri));
          BlockingQueue<java.lang.String> lines = startPeer("listener");
          Wire.await("rospy subscriber connected", () -> pub.getNumberOfSubscribers() == 1);
          assertEquals("/py_listener", pub.connectionInfos().get(0).destination());
          Process listener = peers.get(peers.size() - 1);
          for (int i = 0; i < 3; i++) {
            pub.publish(new String().setData("from java " + i));
            assertEquals("GOT from java " + i, awaitLine(lines, "GOT", listener));
          }

          Process call = rosProcess("rosservice", "call", "/java_set", "data: true").start();
          java.lang.String out =
              new java.lang.String(call.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          assertTrue(call.waitFor(STARTUP_S, TimeUnit.SECONDS));
          assertTrue(out.contains("success: True") && out.contains("java got true"), out);
          Process refused = rosProcess("rosservice", "call", "/java_set", "data: false").start();
          java.lang.String err =
              new java.lang.String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          assertTrue(refused.waitFor(STARTUP_S, TimeUnit.SECONDS));
          assertTrue(err.contains("java refuses false"), err);
        } finally {
          master.call("unregisterPublisher", CALLER, "/java_chatter", slaveUri);
          master.call("unregisterService", CALLER, "/java_set", tcp.rosRpcUri().toString());
          pub.shutdown();
          service.shutdown();
        }
      }
    }
  }
}
