package org.latentmpc.ros.internal.tools;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.latentmpc.ros.DynamicMessage;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.PublisherOptions;
import org.latentmpc.ros.Subscriber;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.internal.master.MasterClient;
import org.latentmpc.ros.internal.master.SystemState;
import org.latentmpc.ros.internal.master.TopicType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code latent-mpc topic list|info|echo|pub|hz}: rostopic's everyday commands, against any ROS1
 * master.
 */
@Command(
    name = "topic",
    description = "Inspect and use topics (like rostopic), against ROS_MASTER_URI or --master.",
    mixinStandardHelpOptions = true,
    subcommands = {
      TopicCommand.ListCommand.class,
      TopicCommand.InfoCommand.class,
      TopicCommand.EchoCommand.class,
      TopicCommand.PubCommand.class,
      TopicCommand.HzCommand.class
    })
public final class TopicCommand {
  @Option(
      names = "--master",
      description = "Master URI (default: ROS_MASTER_URI, else http://localhost:11311/).",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  URI master;

  PrintStream out = System.out;

  URI masterUri() {
    return master != null ? master : NodeConfiguration.fromArgs(new String[0]).masterUri();
  }

  MasterClient masterClient() {
    return new MasterClient(masterUri(), "/latent_mpc_topic_" + ProcessHandle.current().pid());
  }

  @Command(name = "list", description = "Print the topics that have publishers or subscribers.")
  static final class ListCommand implements Runnable {
    @ParentCommand TopicCommand parent;

    @Option(
        names = {"-v", "--verbose"},
        description = "List publishers and subscribers with types.")
    boolean verbose;

    @Override
    public void run() {
      MasterClient master = parent.masterClient();
      SystemState state = master.getSystemState();
      Map<String, String> types = new TreeMap<>();
      for (TopicType t : master.getTopicTypes()) {
        types.put(t.topic(), t.type());
      }
      if (!verbose) {
        for (String topic : types.keySet()) {
          parent.out.println(topic);
        }
        return;
      }
      parent.out.println("\nPublished topics:");
      state
          .publishers()
          .forEach(
              (topic, nodes) ->
                  parent.out.printf(
                      " * %s [%s] %d publisher%s%n",
                      topic, types.get(topic), nodes.size(), nodes.size() == 1 ? "" : "s"));
      parent.out.println("\nSubscribed topics:");
      state
          .subscribers()
          .forEach(
              (topic, nodes) ->
                  parent.out.printf(
                      " * %s [%s] %d subscriber%s%n",
                      topic, types.get(topic), nodes.size(), nodes.size() == 1 ? "" : "s"));
      parent.out.println();
    }
  }

  @Command(name = "info", description = "Print a topic's type, publishers and subscribers.")
  static final class InfoCommand implements Runnable {
    @ParentCommand TopicCommand parent;

    @Parameters(paramLabel = "TOPIC")
    String topic;

    @Override
    public void run() {
      MasterClient master = parent.masterClient();
      String type =
          master.getTopicTypes().stream()
              .filter(t -> t.topic().equals(topic))
              .map(TopicType::type)
              .findFirst()
              .orElse(null);
      if (type == null) {
        throw new IllegalArgumentException("unknown topic " + topic);
      }
      SystemState state = master.getSystemState();
      parent.out.println("Type: " + type + "\n");
      printNodes(master, "Publishers:", state.publishers().getOrDefault(topic, List.of()));
      printNodes(master, "Subscribers:", state.subscribers().getOrDefault(topic, List.of()));
    }

    private void printNodes(MasterClient master, String title, List<String> nodes) {
      parent.out.println(title);
      if (nodes.isEmpty()) {
        parent.out.println(" None");
      }
      for (String node : nodes) {
        String uri;
        try {
          uri = master.lookupNode(node);
        } catch (RuntimeException e) {
          uri = "unknown";
        }
        parent.out.println(" * " + node + " (" + uri + ")");
      }
      parent.out.println();
    }
  }

  @Command(name = "echo", description = "Print messages of a topic as YAML, like rostopic echo.")
  static final class EchoCommand implements Runnable {
    @ParentCommand TopicCommand parent;

    @Parameters(paramLabel = "TOPIC")
    String topic;

    @Option(names = "-n", description = "Exit after N messages (default: run until Ctrl-C).")
    int count = -1;

    @Option(names = "--timeout", description = "Give up after this many seconds (default: never).")
    double timeoutS = -1;

    @Override
    public void run() {
      CountDownLatch done = new CountDownLatch(count > 0 ? count : Integer.MAX_VALUE);
      AtomicInteger printed = new AtomicInteger();
      try (ToolNode tool = ToolNode.start("topic_echo", parent.master)) {
        Subscriber<DynamicMessage> subscriber =
            tool.node().newSubscriber(topic, MessageType.WILDCARD);
        subscriber.addMessageListener(
            message -> {
              if (count > 0 && printed.get() >= count) {
                return;
              }
              synchronized (parent.out) {
                String yaml = message.toYaml();
                parent.out.print(yaml);
                if (!yaml.endsWith("\n")) {
                  parent.out.println();
                }
                parent.out.println("---");
                parent.out.flush();
              }
              printed.incrementAndGet();
              done.countDown();
            },
            1000);
        if (timeoutS > 0) {
          done.await((long) (timeoutS * 1e9), TimeUnit.NANOSECONDS);
        } else {
          done.await();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Command(
      name = "pub",
      description =
          "Publish a message given as YAML, like rostopic pub: latched and kept alive by default,"
              + " once with -1, repeatedly with -r.")
  static final class PubCommand implements Runnable {
    @ParentCommand TopicCommand parent;

    @Parameters(index = "0", paramLabel = "TOPIC")
    String topic;

    @Parameters(index = "1", paramLabel = "TYPE")
    String type;

    @Parameters(
        index = "2..*",
        paramLabel = "ARGS",
        description = "Field values as YAML: '{data: [1.0, 2.0]}' or positional values.")
    List<String> args = new ArrayList<>();

    @Option(
        names = {"-1", "--once"},
        description = "Publish once, wait 3 s for subscribers to get it, then exit.")
    boolean once;

    @Option(
        names = {"-r", "--rate"},
        description = "Publish at this rate in Hz until Ctrl-C.")
    double rateHz;

    @Option(names = "-n", description = "With -r: stop after N messages.")
    int count = -1;

    @Override
    public void run() {
      MessageType<DynamicMessage> messageType = DynamicMessage.type(type);
      // Validate the arguments before joining the graph, so a typo costs no connection.
      DynamicMessage.fromYamlArgs(messageType, args, Time.ZERO);
      try (ToolNode tool = ToolNode.start("topic_pub", parent.master)) {
        DynamicMessage message =
            DynamicMessage.fromYamlArgs(messageType, args, tool.node().getCurrentTime());
        boolean latch = rateHz <= 0;
        Publisher<DynamicMessage> publisher =
            tool.node().newPublisher(topic, messageType, new PublisherOptions(latch, 100));
        if (rateHz > 0) {
          long periodNs = (long) (1e9 / rateHz);
          long next = System.nanoTime();
          for (int i = 0; count < 0 || i < count; i++) {
            publisher.publish(message);
            next += periodNs;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
              TimeUnit.NANOSECONDS.sleep(sleep);
            }
          }
        } else {
          publisher.publish(message);
          if (once) {
            parent.out.println("publishing and latching message for 3.0 seconds");
            TimeUnit.SECONDS.sleep(3);
          } else {
            parent.out.println("publishing and latching message. Press ctrl-C to terminate");
            new CountDownLatch(1).await();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Command(name = "hz", description = "Print the publishing rate of a topic, like rostopic hz.")
  static final class HzCommand implements Runnable {
    @ParentCommand TopicCommand parent;

    @Parameters(paramLabel = "TOPIC")
    String topic;

    @Option(
        names = {"-w", "--window"},
        description = "Number of messages in the averaging window (default 10000).")
    int window = 10_000;

    @Option(
        names = "--duration",
        description = "Stop after this many seconds (default: run until Ctrl-C).")
    double durationS = -1;

    @Override
    public void run() {
      ArrayDeque<Long> arrivalsNs = new ArrayDeque<>();
      try (ToolNode tool = ToolNode.start("topic_hz", parent.master)) {
        Subscriber<DynamicMessage> subscriber =
            tool.node().newSubscriber(topic, MessageType.WILDCARD);
        subscriber.addMessageListener(
            message -> {
              synchronized (arrivalsNs) {
                arrivalsNs.addLast(System.nanoTime());
                while (arrivalsNs.size() > window + 1) {
                  arrivalsNs.removeFirst();
                }
              }
            },
            10_000);
        long end = durationS > 0 ? System.nanoTime() + (long) (durationS * 1e9) : Long.MAX_VALUE;
        while (System.nanoTime() < end) {
          TimeUnit.SECONDS.sleep(1);
          long[] times;
          synchronized (arrivalsNs) {
            times = arrivalsNs.stream().mapToLong(Long::longValue).toArray();
          }
          parent.out.print(RateStatistics.of(times).describe());
          parent.out.flush();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
