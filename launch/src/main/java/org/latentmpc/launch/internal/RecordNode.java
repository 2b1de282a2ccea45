package org.latentmpc.launch.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.latentmpc.ros.BagWriter;
import org.latentmpc.ros.Compression;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.Node;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.ParameterTree;

/**
 * The launch files' {@code rosbag record}: records topics (any type) into a rosbag v2 file, stamped
 * with the node's time (sim time under {@code /use_sim_time}), until the node shuts down; the bag
 * is indexed and closed on shutdown.
 *
 * <p>Parameters: {@code ~output} (bag path, required; parent folders are created), {@code ~topics}
 * (a YAML list or a whitespace-separated string of topic names, required), {@code ~compression}
 * (none, lz4 or bz2; default lz4).
 */
public final class RecordNode implements NodeMain {
  private final Object lock = new Object();
  private BagWriter writer;
  private Path output;

  @Override
  public String getDefaultNodeName() {
    return "record";
  }

  @Override
  public void onStart(ConnectedNode node) {
    ParameterTree params = node.getParameterTree();
    String out = params.getString("~output", "");
    if (out.isBlank()) {
      throw new IllegalArgumentException("parameter ~output (the bag file to write) is required");
    }
    List<String> topics = topics(params);
    Compression compression = compression(params.getString("~compression", "lz4"));
    output = Path.of(out);
    try {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      synchronized (lock) {
        writer = BagWriter.open(output, compression, BagWriter.DEFAULT_CHUNK_THRESHOLD_BYTES);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("~output " + output + ": " + e.getMessage(), e);
    }
    for (String topic : topics) {
      String resolved = node.resolveName(topic);
      node.newSubscriber(topic, MessageType.WILDCARD)
          .addMessageListener(
              message -> {
                synchronized (lock) {
                  if (writer == null) {
                    return; // closed: shutting down
                  }
                  try {
                    writer.write(resolved, node.getCurrentTime(), message);
                  } catch (IOException | RuntimeException e) {
                    node.getLog().error("record: cannot write {}: {}", output, e.toString());
                  }
                }
              },
              1000);
    }
    node.getLog().info("record: recording {} to {}", topics, output);
  }

  @Override
  public void onShutdown(Node node) {
    synchronized (lock) {
      if (writer == null) {
        return;
      }
      try {
        long count = writer.messageCount();
        writer.close();
        node.getLog().info("record: wrote {} messages to {}", count, output);
      } catch (IOException e) {
        node.getLog().error("record: cannot close {}: {}", output, e.toString());
      } finally {
        writer = null;
      }
    }
  }

  /** Messages written so far (0 before start and after close). */
  public long messageCount() {
    synchronized (lock) {
      return writer == null ? 0 : writer.messageCount();
    }
  }

  private static List<String> topics(ParameterTree params) {
    if (!params.has("~topics")) {
      throw new IllegalArgumentException(
          "parameter ~topics (a list of topic names, or names separated by spaces) is required");
    }
    Object value = params.get("~topics");
    List<String> topics = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        topics.add(String.valueOf(item).trim());
      }
    } else {
      for (String item : String.valueOf(value).trim().split("\\s+")) {
        topics.add(item);
      }
    }
    topics.removeIf(String::isEmpty);
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("parameter ~topics names no topic");
    }
    return topics;
  }

  private static Compression compression(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "none" -> Compression.NONE;
      case "lz4" -> Compression.LZ4;
      case "bz2" -> Compression.BZ2;
      default ->
          throw new IllegalArgumentException(
              "parameter ~compression must be none, lz4 or bz2, got '" + value + "'");
    };
  }
}
