package org.latentmpc.ros.internal.node;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.ParameterTree;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.PublisherOptions;
import org.latentmpc.ros.RosException;
import org.latentmpc.ros.ServiceClient;
import org.latentmpc.ros.ServiceHandler;
import org.latentmpc.ros.ServiceNotFoundException;
import org.latentmpc.ros.ServiceServer;
import org.latentmpc.ros.ServiceType;
import org.latentmpc.ros.Subscriber;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.internal.master.MasterClient;
import org.latentmpc.ros.internal.master.RosRpcException;
import org.latentmpc.ros.internal.master.TopicType;
import org.latentmpc.ros.internal.name.GraphNames;
import org.latentmpc.ros.internal.name.NameResolver;
import org.latentmpc.ros.internal.param.RemoteParameterTree;
import org.latentmpc.ros.internal.slave.BusInfo;
import org.latentmpc.ros.internal.slave.SlaveClient;
import org.latentmpc.ros.internal.slave.SlaveHandler;
import org.latentmpc.ros.internal.slave.SlaveServer;
import org.latentmpc.ros.internal.transport.ConnectionInfo;
import org.latentmpc.ros.internal.transport.IntraProcessRegistry;
import org.latentmpc.ros.internal.transport.ServiceLocator;
import org.latentmpc.ros.internal.transport.TcpRosPublisher;
import org.latentmpc.ros.internal.transport.TcpRosServer;
import org.latentmpc.ros.internal.transport.TcpRosServiceClient;
import org.latentmpc.ros.internal.transport.TcpRosServiceServer;
import org.latentmpc.ros.internal.transport.TcpRosSubscriber;
import org.latentmpc.ros.internal.xmlrpc.XmlRpcException;
import org.latentmpc.ros.msgs.rosgraph_msgs.Clock;
import org.latentmpc.ros.msgs.rosgraph_msgs.Log;
import org.slf4j.Logger;

/**
 * A running node: one TCPROS server (topics and services share its port), one slave API server, a
 * master client, and the node's publishers, subscribers and services, which it re-registers when
 * the master restarts.
 */
final class DefaultNode implements ConnectedNode {
  /**
   * How often the node checks that the master still knows it (re-registers after a master restart).
   */
  private static final long MASTER_CHECK_PERIOD_MS = 1000;

  private static final int SERVICE_TIMEOUT_MS = 10_000;

  private final NodeMain nodeMain;
  private final NodeConfiguration configuration;
  private final IntraProcessRegistry registry;
  private final NameResolver resolver;
  private final String name;
  private final TcpRosServer tcpServer;
  private final SlaveServer slaveServer;
  private final URI slaveUri;
  private final MasterClient master;
  private final RemoteParameterTree parameters;
  private final NodeClock clock;
  private final RosoutLogger log;
  private final ExecutorService nodeThread;
  private final ScheduledExecutorService masterWatch;
  private final Runnable onTerminated;
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final AtomicBoolean shuttingDown = new AtomicBoolean();

  private final List<TcpRosPublisher<?>> publishers = new CopyOnWriteArrayList<>();
  private final List<TcpRosSubscriber<?>> subscribers = new CopyOnWriteArrayList<>();
  private final List<TcpRosServiceServer<?, ?>> services = new CopyOnWriteArrayList<>();
  private final List<TcpRosServiceClient<?, ?>> serviceClients = new CopyOnWriteArrayList<>();
  private volatile boolean masterKnowsUs = true;

  /**
   * Binds the servers, registers with the master and starts the node's thread; {@link
   * NodeMain#onStart} runs there.
   *
   * @param onTerminated called once after the node has shut down completely
   * @throws RosException if a server cannot bind or the master cannot be reached
   */
  DefaultNode(
      NodeMain nodeMain,
      NodeConfiguration configuration,
      IntraProcessRegistry registry,
      Runnable onTerminated) {
    this.nodeMain = Objects.requireNonNull(nodeMain, "nodeMain");
    this.configuration = Objects.requireNonNull(configuration, "configuration");
    this.registry = registry;
    this.onTerminated = onTerminated;
    String baseName =
        configuration.nodeName() != null ? configuration.nodeName() : nodeMain.getDefaultNodeName();
    this.resolver =
        new NameResolver(configuration.namespace(), baseName, configuration.remappings());
    this.name = resolver.nodeName();
    String host = configuration.advertisedHost();
    try {
      this.tcpServer = new TcpRosServer(host, 0);
    } catch (IOException e) {
      throw new RosException("node " + name + ": cannot bind the TCPROS server on " + host, e);
    }
    try {
      this.slaveServer =
          SlaveServer.start(host, 0, configuration.masterUri().toString(), new NodeSlaveHandler());
    } catch (IOException | RuntimeException e) {
      tcpServer.close();
      throw new RosException("node " + name + ": cannot bind the slave API server on " + host, e);
    }
    this.slaveUri = URI.create(slaveServer.uri());
    this.master = new MasterClient(configuration.masterUri(), name);
    this.parameters = new RemoteParameterTree(master, resolver, slaveServer.uri());
    boolean useSimTime;
    try {
      for (Map.Entry<String, Object> e : configuration.privateParameters().entrySet()) {
        parameters.set("~" + e.getKey(), e.getValue());
      }
      useSimTime = parameters.getBoolean("/use_sim_time", false);
    } catch (XmlRpcException e) {
      closeServers();
      throw new RosException(
          "node " + name + ": cannot reach the ROS master at " + configuration.masterUri(), e);
    }
    this.clock = new NodeClock(useSimTime);
    this.log = new RosoutLogger(name, clock::now);
    this.nodeThread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "ros-node" + name);
              t.setDaemon(true);
              return t;
            });
    this.masterWatch =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "ros-master-watch" + name);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Creates the node's own topics (/rosout, /clock) and runs {@link NodeMain#onStart} on the node's
   * thread.
   */
  void start() {
    Publisher<Log> rosout = newPublisher("/rosout", Log.TYPE, new PublisherOptions(false, 100));
    log.attach(rosout);
    if (clock.isSimTime()) {
      Subscriber<Clock> clockSubscriber = newSubscriber("/clock", Clock.TYPE);
      clockSubscriber.addMessageListener(m -> clock.onClock(m.getClock()), 1);
    }
    masterWatch.scheduleWithFixedDelay(
        this::checkMaster, MASTER_CHECK_PERIOD_MS, MASTER_CHECK_PERIOD_MS, TimeUnit.MILLISECONDS);
    nodeThread.execute(
        () -> {
          try {
            nodeMain.onStart(this);
          } catch (RuntimeException | Error e) {
            nodeMain.onError(this, e);
          }
        });
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public String resolveName(String graphName) {
    return resolver.resolve(graphName);
  }

  @Override
  public URI getMasterUri() {
    return configuration.masterUri();
  }

  @Override
  public URI getUri() {
    return slaveUri;
  }

  @Override
  public Time getCurrentTime() {
    return clock.now();
  }

  @Override
  public Logger getLog() {
    return log;
  }

  @Override
  public ParameterTree getParameterTree() {
    return parameters;
  }

  @Override
  public <T extends Message> Publisher<T> newPublisher(String topic, MessageType<T> type) {
    return newPublisher(topic, type, PublisherOptions.DEFAULT);
  }

  @Override
  public <T extends Message> Publisher<T> newPublisher(
      String topic, MessageType<T> type, PublisherOptions options) {
    checkRunning();
    String resolved = resolver.resolve(topic);
    synchronized (publishers) {
      // One publication per topic and node, as in roscpp: a second request shares the first.
      for (TcpRosPublisher<?> existing : publishers) {
        if (existing.getTopicName().equals(resolved)) {
          if (!existing.getMessageType().md5().equals(type.md5())) {
            throw new IllegalArgumentException(
                "node "
                    + name
                    + " already publishes "
                    + resolved
                    + " as "
                    + existing.getMessageType()
                    + ", not "
                    + type);
          }
          @SuppressWarnings("unchecked")
          Publisher<T> shared = (Publisher<T>) existing;
          return shared;
        }
      }
      return createPublisher(resolved, type, options);
    }
  }

  private <T extends Message> Publisher<T> createPublisher(
      String resolved, MessageType<T> type, PublisherOptions options) {
    TcpRosPublisher<?>[] self = new TcpRosPublisher<?>[1];
    TcpRosPublisher<T> publisher =
        new TcpRosPublisher<>(
            resolved,
            type,
            options,
            name,
            slaveUri,
            tcpServer,
            registry,
            () -> unregisterPublisher(self[0]));
    self[0] = publisher;
    publishers.add(publisher);
    try {
      master.registerPublisher(resolved, type.name(), slaveServer.uri());
    } catch (RuntimeException e) {
      publishers.remove(publisher);
      publisher.shutdown();
      throw new RosException("node " + name + ": cannot register publisher of " + resolved, e);
    }
    updateRosoutTopics();
    return publisher;
  }

  @Override
  public <T extends Message> Subscriber<T> newSubscriber(String topic, MessageType<T> type) {
    checkRunning();
    String resolved = resolver.resolve(topic);
    TcpRosSubscriber<?>[] self = new TcpRosSubscriber<?>[1];
    TcpRosSubscriber<T> subscriber =
        new TcpRosSubscriber<>(
            resolved,
            type,
            name,
            this::requestTopic,
            registry,
            () -> unregisterSubscriber(self[0]));
    self[0] = subscriber;
    subscribers.add(subscriber);
    List<String> publisherUris;
    try {
      publisherUris = master.registerSubscriber(resolved, type.name(), slaveServer.uri());
    } catch (RuntimeException e) {
      subscribers.remove(subscriber);
      subscriber.shutdown();
      throw new RosException("node " + name + ": cannot register subscriber of " + resolved, e);
    }
    subscriber.updatePublishers(toUris(publisherUris));
    return subscriber;
  }

  @Override
  public <Q extends Message, R extends Message> ServiceServer<Q, R> newServiceServer(
      String service, ServiceType<Q, R> type, ServiceHandler<Q, R> handler) {
    checkRunning();
    String resolved = resolver.resolve(service);
    TcpRosServiceServer<?, ?>[] self = new TcpRosServiceServer<?, ?>[1];
    TcpRosServiceServer<Q, R> server =
        new TcpRosServiceServer<>(
            resolved, type, handler, name, tcpServer, () -> unregisterService(self[0]));
    self[0] = server;
    services.add(server);
    try {
      master.registerService(resolved, server.getUri().toString(), slaveServer.uri());
    } catch (RuntimeException e) {
      services.remove(server);
      server.shutdown();
      throw new RosException("node " + name + ": cannot register service " + resolved, e);
    }
    return server;
  }

  @Override
  public <Q extends Message, R extends Message> ServiceClient<Q, R> newServiceClient(
      String service, ServiceType<Q, R> type, boolean persistent) throws ServiceNotFoundException {
    checkRunning();
    String resolved = resolver.resolve(service);
    lookupService(resolved);
    ServiceLocator locator = this::lookupService;
    TcpRosServiceClient<Q, R> client =
        new TcpRosServiceClient<>(resolved, type, name, persistent, locator, SERVICE_TIMEOUT_MS);
    serviceClients.add(client);
    return client;
  }

  private InetSocketAddress lookupService(String resolved) throws ServiceNotFoundException {
    String uri;
    try {
      uri = master.lookupService(resolved);
    } catch (RosRpcException e) {
      throw new ServiceNotFoundException(
          "service " + resolved + " is not available: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new ServiceNotFoundException(
          "cannot look up service " + resolved + " at the master: " + e.getMessage());
    }
    try {
      return ServiceLocator.parseRosRpcUri(URI.create(uri));
    } catch (IllegalArgumentException e) {
      throw new ServiceNotFoundException(
          "the master gave a malformed URI for " + resolved + ": " + uri);
    }
  }

  private InetSocketAddress requestTopic(URI publisherSlaveUri, String topic) throws IOException {
    try {
      SlaveClient.TcprosEndpoint endpoint =
          new SlaveClient(publisherSlaveUri.toString()).requestTcpros(name, topic);
      return new InetSocketAddress(endpoint.host(), endpoint.port());
    } catch (RuntimeException e) {
      throw new IOException(
          "requestTopic(" + topic + ") at " + publisherSlaveUri + " failed: " + e.getMessage(), e);
    }
  }

  private static List<URI> toUris(List<String> uris) {
    List<URI> result = new ArrayList<>(uris.size());
    for (String uri : uris) {
      try {
        result.add(URI.create(uri));
      } catch (IllegalArgumentException e) {
        // A malformed URI from the master is skipped; the others still connect.
      }
    }
    return result;
  }

  private void unregisterPublisher(TcpRosPublisher<?> publisher) {
    publishers.remove(publisher);
    if (publishers.stream().noneMatch(p -> p.getTopicName().equals(publisher.getTopicName()))) {
      quietly(() -> master.unregisterPublisher(publisher.getTopicName(), slaveServer.uri()));
    }
    updateRosoutTopics();
  }

  private void unregisterSubscriber(TcpRosSubscriber<?> subscriber) {
    subscribers.remove(subscriber);
    if (subscribers.stream().noneMatch(s -> s.getTopicName().equals(subscriber.getTopicName()))) {
      quietly(() -> master.unregisterSubscriber(subscriber.getTopicName(), slaveServer.uri()));
    }
  }

  private void unregisterService(TcpRosServiceServer<?, ?> server) {
    services.remove(server);
    quietly(() -> master.unregisterService(server.getName(), server.getUri().toString()));
  }

  private void updateRosoutTopics() {
    log.setTopics(
        publishers.stream().map(Publisher::getTopicName).distinct().toArray(String[]::new));
  }

  /** Re-registers everything when the master no longer knows this node (it restarted). */
  private void checkMaster() {
    if (shuttingDown.get()) {
      return;
    }
    try {
      String uri = master.lookupNode(name);
      masterKnowsUs = true;
      if (!uri.equals(slaveServer.uri())) {
        // Another node took our name; the master will ask us to shut down.
        return;
      }
    } catch (RosRpcException e) {
      log.info(
          "the master at {} does not know this node (restarted?): registering again",
          getMasterUri());
      reregister();
    } catch (RuntimeException e) {
      if (masterKnowsUs) {
        log.warn("the master at {} is unreachable: {}", getMasterUri(), e.getMessage());
      }
      masterKnowsUs = false;
    }
  }

  private void reregister() {
    String api = slaveServer.uri();
    for (TcpRosPublisher<?> p : publishers) {
      quietly(() -> master.registerPublisher(p.getTopicName(), p.getMessageType().name(), api));
    }
    for (TcpRosSubscriber<?> s : subscribers) {
      try {
        s.updatePublishers(
            toUris(master.registerSubscriber(s.getTopicName(), s.getMessageType().name(), api)));
      } catch (RuntimeException e) {
        log.warn("re-registering subscriber of {} failed: {}", s.getTopicName(), e.getMessage());
      }
    }
    for (TcpRosServiceServer<?, ?> s : services) {
      quietly(() -> master.registerService(s.getName(), s.getUri().toString(), api));
    }
    parameters.resubscribeAll();
    masterKnowsUs = true;
  }

  private void quietly(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.debug("master call failed during cleanup: {}", e.getMessage());
    }
  }

  private void checkRunning() {
    if (shuttingDown.get()) {
      throw new IllegalStateException("node " + name + " is shut down");
    }
  }

  @Override
  public void shutdown() {
    if (!shuttingDown.compareAndSet(false, true)) {
      return;
    }
    try {
      nodeMain.onShutdown(this);
    } catch (RuntimeException e) {
      log.warn("onShutdown of {} failed", name, e);
    }
    masterWatch.shutdownNow();
    log.detach();
    for (TcpRosServiceClient<?, ?> c : serviceClients) {
      c.close();
    }
    for (TcpRosServiceServer<?, ?> s : services) {
      s.shutdown();
    }
    for (TcpRosSubscriber<?> s : subscribers) {
      s.shutdown();
    }
    for (TcpRosPublisher<?> p : publishers) {
      p.shutdown();
    }
    parameters.unsubscribeAll();
    closeServers();
    nodeThread.shutdown();
    try {
      nodeMain.onShutdownComplete(this);
    } catch (RuntimeException e) {
      log.warn("onShutdownComplete of {} failed", name, e);
    }
    if (onTerminated != null) {
      onTerminated.run();
    }
    terminated.countDown();
  }

  private void closeServers() {
    slaveServer.close();
    tcpServer.close();
  }

  boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return terminated.await(timeout, unit);
  }

  NodeMain nodeMain() {
    return nodeMain;
  }

  /** The slave API: what the master and other nodes ask of this node. */
  private final class NodeSlaveHandler implements SlaveHandler {
    @Override
    public List<Object> requestTopic(String callerId, String topic, List<List<Object>> protocols) {
      boolean published = publishers.stream().anyMatch(p -> p.getTopicName().equals(topic));
      if (!published) {
        throw RosRpcException.failure(-1, "Not a publisher of [" + topic + "]");
      }
      for (List<Object> protocol : protocols) {
        if (!protocol.isEmpty() && "TCPROS".equals(protocol.get(0))) {
          return List.of("TCPROS", tcpServer.host(), tcpServer.port());
        }
      }
      throw RosRpcException.failure(0, "no supported protocol implementations");
    }

    @Override
    public void publisherUpdate(String callerId, String topic, List<String> publisherUris) {
      List<URI> uris = toUris(publisherUris);
      for (TcpRosSubscriber<?> s : subscribers) {
        if (s.getTopicName().equals(topic)) {
          s.updatePublishers(uris);
        }
      }
    }

    @Override
    public void paramUpdate(String callerId, String key, Object value) {
      parameters.onParamUpdate(key, value);
    }

    @Override
    public List<BusInfo> getBusInfo(String callerId) {
      List<BusInfo> rows = new ArrayList<>();
      for (TcpRosPublisher<?> p : publishers) {
        for (ConnectionInfo c : p.connectionInfos()) {
          rows.add(toBusInfo(c));
        }
      }
      for (TcpRosSubscriber<?> s : subscribers) {
        for (ConnectionInfo c : s.connectionInfos()) {
          rows.add(toBusInfo(c));
        }
      }
      return rows;
    }

    @Override
    public List<Object> getBusStats(String callerId) {
      List<Object> publishStats = new ArrayList<>();
      for (TcpRosPublisher<?> p : publishers) {
        List<Object> connections = new ArrayList<>();
        long sent = 0;
        for (ConnectionInfo c : p.connectionInfos()) {
          sent += c.bytes();
          connections.add(
              List.of(c.connectionId(), (int) c.bytes(), (int) c.messages(), c.connected()));
        }
        publishStats.add(List.of(p.getTopicName(), (int) sent, connections));
      }
      List<Object> subscribeStats = new ArrayList<>();
      for (TcpRosSubscriber<?> s : subscribers) {
        List<Object> connections = new ArrayList<>();
        for (ConnectionInfo c : s.connectionInfos()) {
          connections.add(
              List.of(c.connectionId(), (int) c.bytes(), (int) c.dropped(), c.connected()));
        }
        subscribeStats.add(List.of(s.getTopicName(), connections));
      }
      return List.of(publishStats, subscribeStats, List.of(0, 0, 0));
    }

    private BusInfo toBusInfo(ConnectionInfo c) {
      return new BusInfo(
          c.connectionId(),
          c.destination(),
          c.direction(),
          c.transport(),
          c.topic(),
          c.connected(),
          c.info());
    }

    @Override
    public List<TopicType> getSubscriptions(String callerId) {
      return subscribers.stream()
          .map(s -> new TopicType(s.getTopicName(), s.getMessageType().name()))
          .distinct()
          .toList();
    }

    @Override
    public List<TopicType> getPublications(String callerId) {
      return publishers.stream()
          .map(p -> new TopicType(p.getTopicName(), p.getMessageType().name()))
          .distinct()
          .toList();
    }

    @Override
    public void shutdown(String callerId, String reason) {
      log.warn("shutdown requested by {}: {}", callerId, reason);
      Thread t = new Thread(DefaultNode.this::shutdown, "ros-shutdown" + name);
      t.setDaemon(false);
      t.start();
    }
  }

  @Override
  public String toString() {
    return "node " + name + " at " + slaveUri + " (ns " + GraphNames.parent(name) + ")";
  }
}
