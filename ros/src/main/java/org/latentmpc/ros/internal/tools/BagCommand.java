package org.latentmpc.ros.internal.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.latentmpc.ros.BagChunk;
import org.latentmpc.ros.BagConnection;
import org.latentmpc.ros.BagMessage;
import org.latentmpc.ros.BagReader;
import org.latentmpc.ros.BagTopic;
import org.latentmpc.ros.BagWriter;
import org.latentmpc.ros.Compression;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.DynamicMessage;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.PublisherOptions;
import org.latentmpc.ros.RawMessage;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.internal.transport.PublisherHeaderListener;
import org.latentmpc.ros.msgs.rosgraph_msgs.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bag info|record|play}: the rosbag command line tool on this library. {@code info} prints
 * what {@code rosbag info} prints (plus what was recovered from a bag without index); {@code
 * record} subscribes to topics with the wildcard type and writes what arrives, one bag connection
 * per (topic, publisher) with the publisher's callerid and latching flag as rosbag does; {@code
 * play} publishes a bag's messages with their recorded types and timing.
 */
@Command(
    name = "bag",
    mixinStandardHelpOptions = true,
    description = "Summarise, record and play rosbag v2 files.",
    subcommands = {BagCommand.Info.class, BagCommand.Record.class, BagCommand.Play.class})
public final class BagCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code bag info FILE...}. */
  @Command(
      name = "info",
      mixinStandardHelpOptions = true,
      description = "Summarise bag files like rosbag info.")
  static final class Info implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--freq", description = "Show each topic's median message frequency.")
    boolean frequency;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Bag files.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      for (int i = 0; i < files.size(); i++) {
        try (BagReader reader = BagReader.open(files.get(i))) {
          out.println(BagInfoText.format(files.get(i).toString(), reader, frequency));
        }
        if (i < files.size() - 1) {
          out.println("---");
        }
      }
      out.flush();
      return 0;
    }
  }

  /** {@code bag record -O FILE [--lz4|--bz2] TOPIC...}. */
  @Command(
      name = "record",
      mixinStandardHelpOptions = true,
      description =
          "Record topics into a bag until interrupted (Ctrl-C), --duration or --limit. ROS"
              + " arguments (__master:=, __name:=, remappings) may follow the topics.")
  static final class Record implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-O", "--output-name"},
        required = true,
        description = "The bag file to write.")
    Path output;

    @Option(names = "--lz4", description = "Compress chunks with LZ4.")
    boolean lz4;

    @Option(
        names = {"-j", "--bz2"},
        description = "Compress chunks with bzip2.")
    boolean bz2;

    @Option(
        names = "--chunksize",
        defaultValue = "768",
        description = "Chunk threshold in KiB (default ${DEFAULT-VALUE}).")
    int chunkSizeKib;

    @Option(names = "--duration", description = "Stop after this many seconds.")
    Double durationS;

    @Option(
        names = {"-l", "--limit"},
        description = "Stop after this many messages in total.")
    Long limit;

    @Parameters(arity = "1..*", paramLabel = "TOPIC", description = "Topics to record.")
    List<String> topics;

    @Override
    public Integer call() throws Exception {
      List<String> topicNames = new ArrayList<>();
      List<String> rosArgs = new ArrayList<>();
      for (String argument : topics) {
        (argument.contains(":=") ? rosArgs : topicNames).add(argument);
      }
      if (topicNames.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no topic to record");
      }
      if (lz4 && bz2) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "choose one of --lz4 and --bz2");
      }
      Compression compression = lz4 ? Compression.LZ4 : bz2 ? Compression.BZ2 : Compression.NONE;
      NodeConfiguration configuration = NodeConfiguration.fromArgs(rosArgs.toArray(String[]::new));
      PrintWriter out = spec.commandLine().getOut();
      CountDownLatch done = new CountDownLatch(1);
      CountDownLatch closed = new CountDownLatch(1);
      AtomicLong recorded = new AtomicLong();
      // On SIGTERM / Ctrl-C the hook stops recording and then waits for the writer to write its
      // index: the JVM
      // halts as soon as the hooks return, so returning at once would leave an unindexed bag.
      Thread hook =
          new Thread(
              () -> {
                done.countDown();
                try {
                  closed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "bag-record-stop");
      try (BagWriter writer = BagWriter.open(output, compression, chunkSizeKib * 1024);
          NodeMainExecutor executor = NodeMainExecutor.newDefault()) {
        Runtime.getRuntime().addShutdownHook(hook);
        NodeMain recorder =
            new NodeMain() {
              @Override
              public String getDefaultNodeName() {
                return "record_" + ProcessHandle.current().pid();
              }

              @Override
              public void onStart(ConnectedNode node) {
                for (String topic : topicNames) {
                  String resolved = node.resolveName(topic);
                  // As rosbag: one connection per publisher, with its callerid and latching flag.
                  PublisherHeaderListener<DynamicMessage> listener =
                      (message, from) -> {
                        if (done.getCount() == 0) {
                          return;
                        }
                        synchronized (writer) {
                          try {
                            BagConnection connection =
                                writer.connection(
                                    resolved,
                                    message.messageType(),
                                    from.get("callerid", ""),
                                    from.flag("latching"));
                            writer.write(connection, node.getCurrentTime(), message);
                          } catch (IOException | RuntimeException e) {
                            node.getLog().error("cannot write to " + output, e);
                            done.countDown();
                            return;
                          }
                        }
                        if (limit != null && recorded.incrementAndGet() >= limit) {
                          done.countDown();
                        }
                      };
                  node.newSubscriber(topic, MessageType.WILDCARD)
                      .addMessageListener(listener, 1000);
                }
              }
            };
        executor.execute(recorder, configuration);
        out.println("Recording " + topicNames + " to " + output);
        out.flush();
        if (durationS != null) {
          done.await((long) (durationS * 1e9), TimeUnit.NANOSECONDS);
        } else {
          done.await();
        }
        done.countDown();
        executor.shutdown();
        synchronized (writer) {
          out.println("Recorded " + writer.messageCount() + " messages to " + output);
        }
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // The JVM is exiting (Ctrl-C); the writer still closes below, and the hook waits for it.
        }
      } finally {
        closed.countDown();
      }
      out.flush();
      return 0;
    }
  }

  /** {@code bag play FILE [--rate R] [--loop] [--clock]}. */
  @Command(
      name = "play",
      mixinStandardHelpOptions = true,
      description =
          "Publish a bag's messages with their recorded types and timing. ROS arguments"
              + " (__master:=, __name:=, remappings) may follow the file.")
  static final class Play implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-r", "--rate"},
        defaultValue = "1.0",
        description = "Playback speed factor (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(
        names = {"-l", "--loop"},
        description = "Play the bag again and again.")
    boolean loop;

    @Option(names = "--clock", description = "Publish the bag time on /clock.")
    boolean clock;

    @Option(
        names = {"-d", "--delay"},
        defaultValue = "0.2",
        description =
            "Seconds to wait after advertising, before playing (default ${DEFAULT-VALUE}).")
    double delayS;

    @Option(
        names = "--wait-for-subscribers",
        description = "Before playing, wait until every topic has at least one subscriber.")
    boolean waitForSubscribers;

    @Option(names = "--topics", split = ",", description = "Play only these topics.")
    List<String> onlyTopics;

    @Parameters(index = "0", paramLabel = "FILE", description = "The bag to play.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ROS_ARG", description = "ROS arguments.")
    List<String> rosArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      if (!(rate > 0) || Double.isInfinite(rate)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--rate must be positive, got " + rate);
      }
      PrintWriter out = spec.commandLine().getOut();
      NodeConfiguration configuration = NodeConfiguration.fromArgs(rosArgs.toArray(String[]::new));
      try (BagReader reader = BagReader.open(file);
          NodeMainExecutor executor = NodeMainExecutor.newDefault()) {
        reader.recovery().ifPresent(r -> out.println("warning: " + r.summary()));
        CountDownLatch started = new CountDownLatch(1);
        ConnectedNode[] nodeHolder = new ConnectedNode[1];
        NodeMain player =
            new NodeMain() {
              @Override
              public String getDefaultNodeName() {
                return "play_" + ProcessHandle.current().pid();
              }

              @Override
              public void onStart(ConnectedNode node) {
                nodeHolder[0] = node;
                started.countDown();
              }
            };
        executor.execute(player, configuration);
        if (!started.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the player node did not start within 30 s");
        }
        BagPlayer bagPlayer = new BagPlayer(nodeHolder[0], reader, onlyTopics, clock, rate);
        if (waitForSubscribers) {
          out.println("Waiting for subscribers...");
          out.flush();
          bagPlayer.awaitSubscribers();
        }
        Thread.sleep((long) (delayS * 1000));
        out.println("Playing " + file + " at rate " + rate);
        out.flush();
        do {
          bagPlayer.playOnce();
        } while (loop && !Thread.currentThread().isInterrupted());
        out.println("Done: published " + bagPlayer.published() + " messages");
        executor.shutdown();
      }
      out.flush();
      return 0;
    }
  }

  /** Publishes a bag's messages in time order, paced by the wall clock. */
  static final class BagPlayer {
    private static final long CLOCK_PERIOD_NANOS = 10_000_000L; // /clock at 100 Hz while waiting

    private final BagReader reader;
    private final List<String> topics;
    private final double rate;
    private final Map<Integer, Publisher<RawMessage>> publishers = new HashMap<>();
    private final Map<Integer, MessageType<RawMessage>> types = new HashMap<>();
    private final Publisher<Clock> clockPublisher;
    private long published;

    BagPlayer(
        ConnectedNode node, BagReader reader, List<String> topics, boolean clock, double rate) {
      this.reader = reader;
      this.topics = topics;
      this.rate = rate;
      // One publisher per topic and type, latched if any of its connections was (as roscpp
      // advertises a topic latched when any of its advertisements latches).
      Map<String, Boolean> latchedByTopicAndType = new HashMap<>();
      for (BagConnection connection : reader.connections()) {
        latchedByTopicAndType.merge(
            connection.topic() + " " + connection.md5sum(),
            connection.latching(),
            Boolean::logicalOr);
      }
      Map<String, Publisher<RawMessage>> byTopicAndType = new LinkedHashMap<>();
      for (BagConnection connection : reader.connections()) {
        if (topics != null && !topics.contains(connection.topic())) {
          continue;
        }
        MessageType<RawMessage> type = rawType(connection);
        types.put(connection.id(), type);
        Publisher<RawMessage> publisher =
            byTopicAndType.computeIfAbsent(
                connection.topic() + " " + connection.md5sum(),
                key ->
                    node.newPublisher(
                        connection.topic(),
                        type,
                        new PublisherOptions(latchedByTopicAndType.get(key), 100)));
        publishers.put(connection.id(), publisher);
      }
      clockPublisher = clock ? node.newPublisher("/clock", Clock.TYPE) : null;
    }

    static MessageType<RawMessage> rawType(BagConnection connection) {
      List<MessageType<RawMessage>> self = new ArrayList<>(1);
      MessageType<RawMessage> type =
          new MessageType<>(
              connection.type(),
              connection.md5sum(),
              connection.messageDefinition(),
              () -> new RawMessage(self.get(0)));
      self.add(type);
      return type;
    }

    /** Blocks until every topic's publisher has a subscriber (interruptible). */
    void awaitSubscribers() throws InterruptedException {
      for (Publisher<RawMessage> publisher : publishers.values()) {
        while (publisher.getNumberOfSubscribers() == 0) {
          Thread.sleep(20);
        }
      }
    }

    long published() {
      return published;
    }

    void playOnce() throws InterruptedException {
      long wallStart = System.nanoTime();
      long bagStart = reader.startTime().map(Time::toNanos).orElse(0L);
      Clock clockMessage = new Clock();
      long[] lastClock = {Long.MIN_VALUE};
      for (var iterator = reader.readMessages(topics, null, null).iterator();
          iterator.hasNext(); ) {
        BagMessage message = iterator.next();
        long due = wallStart + (long) ((message.time().toNanos() - bagStart) / rate);
        while (true) {
          long now = System.nanoTime();
          if (clockPublisher != null && now - lastClock[0] >= CLOCK_PERIOD_NANOS) {
            long bagNow = bagStart + (long) ((Math.min(now, due) - wallStart) * rate);
            clockPublisher.publish(clockMessage.setClock(Time.fromNanos(bagNow)));
            lastClock[0] = now;
          }
          if (now >= due) {
            break;
          }
          long sleep = Math.min(due - now, clockPublisher != null ? CLOCK_PERIOD_NANOS : due - now);
          TimeUnit.NANOSECONDS.sleep(sleep);
        }
        if (clockPublisher != null) {
          clockPublisher.publish(new Clock().setClock(message.time()));
        }
        Publisher<RawMessage> publisher = publishers.get(message.connection().id());
        publisher.publish(
            new RawMessage(types.get(message.connection().id()), message.serialized()));
        published++;
      }
    }
  }

  /** Formats {@code rosbag info} text. */
  static final class BagInfoText {
    private static final DateTimeFormatter DATE =
        DateTimeFormatter.ofPattern("MMM dd yyyy HH:mm:ss", Locale.US);

    private BagInfoText() {}

    static String format(String path, BagReader reader, boolean frequency) {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"path", path});
      rows.add(new String[] {"version", reader.version()});
      if (reader.messageCount() == 0 && reader.chunks().isEmpty()) {
        rows.add(new String[] {"size", humanSize(reader.sizeBytes())});
      } else {
        // As rosbag computes them: the first chunk's start and the last chunk's end.
        List<BagChunk> chunks = reader.chunks();
        double start =
            chunks.isEmpty()
                ? reader.startTime().map(Time::toSeconds).orElse(0.0)
                : chunks.get(0).startTime().toSeconds();
        double end =
            chunks.isEmpty()
                ? reader.endTime().map(Time::toSeconds).orElse(0.0)
                : chunks.get(chunks.size() - 1).endTime().toSeconds();
        double duration = end - start;
        rows.add(new String[] {"duration", duration(duration)});
        rows.add(new String[] {"start", date(start) + " (" + fixed(start, 2) + ")"});
        rows.add(new String[] {"end", date(end) + " (" + fixed(end, 2) + ")"});
        rows.add(new String[] {"size", humanSize(reader.sizeBytes())});
        rows.add(new String[] {"messages", Long.toString(reader.messageCount())});
        compressionRows(reader.chunks(), duration, rows);
        reader.recovery().ifPresent(r -> rows.add(new String[] {"recovered", r.summary()}));
        typeAndTopicRows(reader, frequency, rows);
      }
      int width = 0;
      for (String[] row : rows) {
        width = Math.max(width, row[0].length() + 1);
      }
      StringBuilder text = new StringBuilder();
      for (String[] row : rows) {
        String label = row[0].isEmpty() ? "" : row[0] + ":";
        text.append(
            String.format(Locale.ROOT, "%-" + (width + 1) + "s%s%n", label, row[1])
                .replace("\r", ""));
      }
      return text.toString().stripTrailing();
    }

    private static void compressionRows(
        List<BagChunk> chunks, double duration, List<String[]> rows) {
      if (chunks.isEmpty()) {
        rows.add(new String[] {"compression", "none"});
        return;
      }
      Map<Compression, long[]> stats = new TreeMap<>(); // count, uncompressed, stored
      for (BagChunk chunk : chunks) {
        long[] s = stats.computeIfAbsent(chunk.compression(), c -> new long[3]);
        s[0]++;
        s[1] += chunk.uncompressedSizeBytes();
        s[2] += chunk.storedSizeBytes();
      }
      List<Map.Entry<Compression, long[]>> byCount = new ArrayList<>(stats.entrySet());
      byCount.sort(
          (a, b) -> {
            int byChunks = Long.compare(b.getValue()[0], a.getValue()[0]);
            return byChunks != 0
                ? byChunks
                : b.getKey().wireName().compareTo(a.getKey().wireName());
          });
      List<String> parts = new ArrayList<>();
      for (Map.Entry<Compression, long[]> entry : byCount) {
        long[] s = entry.getValue();
        if (entry.getKey() == Compression.NONE) {
          parts.add(String.format(Locale.ROOT, "none [%d/%d chunks]", s[0], chunks.size()));
        } else {
          parts.add(
              String.format(
                  Locale.ROOT,
                  "%s [%d/%d chunks; %s%%]",
                  entry.getKey().wireName(),
                  s[0],
                  chunks.size(),
                  fixed(100.0 * s[2] / s[1], 2)));
        }
      }
      rows.add(new String[] {"compression", String.join(", ", parts)});
      boolean anyCompressed = stats.keySet().stream().anyMatch(c -> c != Compression.NONE);
      if (anyCompressed) {
        long uncompressed = chunks.stream().mapToLong(BagChunk::uncompressedSizeBytes).sum();
        long stored = chunks.stream().mapToLong(BagChunk::storedSizeBytes).sum();
        String u = humanSize(uncompressed);
        String c = humanSize(stored);
        int sizeWidth = Math.max(u.length(), c.length());
        if (duration > 0) {
          String ur = humanSize(uncompressed / duration);
          String cr = humanSize(stored / duration);
          int rateWidth = Math.max(ur.length(), cr.length());
          rows.add(
              new String[] {
                "uncompressed",
                String.format(Locale.ROOT, "%" + sizeWidth + "s @ %" + rateWidth + "s/s", u, ur)
              });
          rows.add(
              new String[] {
                "compressed",
                String.format(
                    Locale.ROOT,
                    "%" + sizeWidth + "s @ %" + rateWidth + "s/s (%s%%)",
                    c,
                    cr,
                    fixed(100.0 * stored / uncompressed, 2))
              });
        } else {
          rows.add(
              new String[] {"uncompressed", String.format(Locale.ROOT, "%" + sizeWidth + "s", u)});
          rows.add(
              new String[] {"compressed", String.format(Locale.ROOT, "%" + sizeWidth + "s", c)});
        }
      }
    }

    private static void typeAndTopicRows(BagReader reader, boolean frequency, List<String[]> rows) {
      Map<String, String> md5ByType = new LinkedHashMap<>();
      for (BagConnection connection : reader.connections()) {
        md5ByType.putIfAbsent(connection.type(), connection.md5sum());
      }
      List<BagTopic> topics = reader.topics();
      if (topics.isEmpty()) {
        return;
      }
      int typeWidth = md5ByType.keySet().stream().mapToInt(String::length).max().orElse(0);
      int topicWidth = topics.stream().mapToInt(t -> t.name().length()).max().orElse(0);
      int countWidth =
          topics.stream().mapToInt(t -> Long.toString(t.messageCount()).length()).max().orElse(0);
      int frequencyWidth =
          frequency
              ? topics.stream()
                  .filter(t -> !Double.isNaN(t.medianFrequencyHz()))
                  .mapToInt(t -> humanFrequency(t.medianFrequencyHz()).length())
                  .max()
                  .orElse(0)
              : 0;
      boolean first = true;
      for (String type : new TreeSet<>(md5ByType.keySet())) {
        rows.add(
            new String[] {
              first ? "types" : "",
              String.format(Locale.ROOT, "%-" + typeWidth + "s [%s]", type, md5ByType.get(type))
            });
        first = false;
      }
      first = true;
      for (BagTopic topic : topics) {
        StringBuilder line =
            new StringBuilder(
                String.format(
                    Locale.ROOT,
                    "%-" + topicWidth + "s   %" + countWidth + "d %s",
                    topic.name(),
                    topic.messageCount(),
                    topic.messageCount() > 1 ? "msgs" : "msg "));
        if (frequency && !Double.isNaN(topic.medianFrequencyHz())) {
          line.append(
              String.format(
                  Locale.ROOT,
                  " @ %" + frequencyWidth + "s",
                  humanFrequency(topic.medianFrequencyHz())));
        } else {
          line.append("   ").append(" ".repeat(frequencyWidth));
        }
        line.append(String.format(Locale.ROOT, " : %-" + typeWidth + "s", topic.type()));
        if (topic.connectionCount() > 1) {
          line.append(String.format(Locale.ROOT, " (%d connections)", topic.connectionCount()));
        }
        rows.add(new String[] {first ? "topics" : "", line.toString()});
        first = false;
      }
    }

    static String duration(double seconds) {
      double secs = seconds % 60;
      int minutes = (int) (seconds / 60);
      int hours = minutes / 60;
      if (hours > 0) {
        return String.format(
            Locale.ROOT, "%dhr %d:%02ds (%ds)", hours, minutes % 60, (int) secs, (long) seconds);
      } else if (minutes > 0) {
        return String.format(Locale.ROOT, "%d:%02ds (%ds)", minutes, (int) secs, (long) seconds);
      }
      return fixed(seconds, 1) + "s";
    }

    static String date(double seconds) {
      long whole = (long) seconds;
      String fraction = fixed(seconds - whole, 2).substring(1);
      return DATE.format(Instant.ofEpochSecond(whole).atZone(ZoneId.systemDefault())) + fraction;
    }

    /**
     * {@code value} with {@code digits} decimals, rounded from its exact binary value as Python's
     * {@code '%.2f'} does (Java's formatter rounds the shortest decimal form instead).
     */
    static String fixed(double value, int digits) {
      return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String humanSize(double bytes) {
      double size = bytes;
      for (String suffix : new String[] {"KB", "MB", "GB", "TB", "PB", "EB"}) {
        size /= 1024.0;
        if (size < 1024.0) {
          return fixed(size, 1) + " " + suffix;
        }
      }
      return "-";
    }

    static String humanFrequency(double hz) {
      double value = hz;
      for (String suffix : new String[] {"Hz", "kHz", "MHz", "GHz"}) {
        if (value < 1000.0) {
          return fixed(value, 1) + " " + suffix;
        }
        value /= 1000.0;
      }
      return "-";
    }
  }
}
