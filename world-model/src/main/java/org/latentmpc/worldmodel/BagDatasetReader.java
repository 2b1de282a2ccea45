package org.latentmpc.worldmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.latentmpc.ros.BagMessage;
import org.latentmpc.ros.BagReader;
import org.latentmpc.ros.BagTopic;
import org.latentmpc.ros.msgs.sensor_msgs.Image;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.worldmodel.internal.model.Checkpoints;

/**
 * Turns rosbag v2 files into aligned sequences {@code (o_0, a_0, o_1, a_1, ...)}.
 *
 * <p>Each action message is one step at its bag (record) time {@code t_k}; observation {@code o_k}
 * is the latest image (and joint state) recorded at or before {@code t_k}, no older than one action
 * period. The observation after the last action of an episode is the latest image within one period
 * after it (before the next episode starts). An episode ends at an episode-topic message (a reset),
 * at an action interval longer than {@code maxGapPeriods} periods, or where an observation is
 * missing. Bag record times are used for every topic, so the clocks agree.
 */
public final class BagDatasetReader {

  private final BagTopics topics;
  private final int width;
  private final int height;

  /**
   * @param topics topic names and alignment settings
   * @param width image width in pixels the sequences get (images are converted and resampled)
   * @param height image height in pixels
   */
  public BagDatasetReader(BagTopics topics, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive");
    }
    this.topics = topics;
    this.width = width;
    this.height = height;
  }

  /**
   * Reads every bag into one dataset; the digest covers the files' bytes and the topic settings.
   *
   * @throws IllegalArgumentException naming the file and the problem (a missing file, a missing
   *     topic: the topics present are listed), or when no episode results
   * @throws IOException when a file cannot be read
   */
  public SequenceDataset read(List<Path> bags) throws IOException {
    if (bags.isEmpty()) {
      throw new IllegalArgumentException("no bag files given");
    }
    List<Episode> episodes = new ArrayList<>();
    List<String> jointNames = null;
    MessageDigest digest = Checkpoints.sha256();
    digest.update(topics.toString().getBytes(StandardCharsets.UTF_8));
    for (Path bag : bags) {
      if (!java.nio.file.Files.isRegularFile(bag)) {
        throw new IllegalArgumentException(
            bag
                + (java.nio.file.Files.isDirectory(bag)
                    ? " is a directory, not a bag file"
                    : ": no such bag file"));
      }
      digestFile(bag, digest);
      Parsed parsed = parse(bag);
      if (jointNames == null) {
        jointNames = parsed.jointNames;
      } else if (!jointNames.equals(parsed.jointNames)) {
        throw new IllegalArgumentException(
            bag
                + ": joint names "
                + parsed.jointNames
                + " differ from "
                + jointNames
                + " in the first bag");
      }
      episodes.addAll(parsed.episodes);
    }
    if (episodes.isEmpty()) {
      throw new IllegalArgumentException("no aligned episode with at least one action in " + bags);
    }
    return new SequenceDataset(
        episodes, jointNames, "sha256:" + HexFormat.of().formatHex(digest.digest()));
  }

  private static void digestFile(Path file, MessageDigest digest) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        digest.update(buf, 0, n);
      }
    }
  }

  private record Parsed(List<Episode> episodes, List<String> jointNames) {}

  private Parsed parse(Path bag) throws IOException {
    try (BagReader reader = BagReader.open(bag)) {
      List<BagTopic> present = reader.topics();
      Set<String> names = present.stream().map(BagTopic::name).collect(Collectors.toSet());
      require(bag, names, present, topics.image(), "sensor_msgs/Image");
      require(bag, names, present, topics.jointStates(), "sensor_msgs/JointState");
      require(bag, names, present, topics.action(), "std_msgs/Float64MultiArray");
      boolean hasEpisodeTopic = names.contains(topics.episode());
      List<Long> imageTimes = new ArrayList<>();
      List<byte[]> images = new ArrayList<>();
      List<Long> stateTimes = new ArrayList<>();
      List<double[]> positions = new ArrayList<>();
      List<double[]> velocities = new ArrayList<>();
      List<Long> actionTimes = new ArrayList<>();
      List<float[]> actions = new ArrayList<>();
      List<Long> resets = new ArrayList<>();
      List<String> jointNames = null;
      List<String> wanted =
          new ArrayList<>(List.of(topics.image(), topics.jointStates(), topics.action()));
      if (hasEpisodeTopic) {
        wanted.add(topics.episode());
      }
      try (Stream<BagMessage> stream = reader.readMessages(wanted, null, null)) {
        for (BagMessage m : (Iterable<BagMessage>) stream::iterator) {
          long t = m.time().toNanos();
          String topic = m.topic().startsWith("/") ? m.topic() : "/" + m.topic();
          if (topic.equals(topics.image())) {
            Image img = m.decode(Image.TYPE);
            try {
              images.add(ImageConversion.toRgb8(img, width, height));
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException(
                  bag + ": " + topics.image() + " at " + m.time() + ": " + e.getMessage(), e);
            }
            imageTimes.add(t);
          } else if (topic.equals(topics.jointStates())) {
            JointState js = m.decode(JointState.TYPE);
            List<String> n = Arrays.asList(js.getName());
            if (jointNames == null) {
              jointNames = n;
            } else if (!jointNames.equals(n)) {
              throw new IllegalArgumentException(
                  bag
                      + ": "
                      + topics.jointStates()
                      + " at "
                      + m.time()
                      + " names joints "
                      + n
                      + ", earlier messages "
                      + jointNames);
            }
            double[] p = js.getPosition();
            double[] v = js.getVelocity();
            if (p.length != n.size() || (v.length != 0 && v.length != p.length)) {
              throw new IllegalArgumentException(
                  bag
                      + ": "
                      + topics.jointStates()
                      + " at "
                      + m.time()
                      + " has "
                      + n.size()
                      + " names, "
                      + p.length
                      + " positions and "
                      + v.length
                      + " velocities");
            }
            positions.add(p);
            velocities.add(v);
            stateTimes.add(t);
          } else if (topic.equals(topics.action())) {
            double[] d = m.decode(Float64MultiArray.TYPE).getData();
            float[] a = new float[d.length];
            for (int i = 0; i < d.length; i++) {
              if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException(
                    bag
                        + ": "
                        + topics.action()
                        + " at "
                        + m.time()
                        + " has entry "
                        + i
                        + " = "
                        + d[i]);
              }
              a[i] = (float) d[i];
            }
            if (!actions.isEmpty() && a.length != actions.get(0).length) {
              throw new IllegalArgumentException(
                  bag
                      + ": "
                      + topics.action()
                      + " at "
                      + m.time()
                      + " has "
                      + a.length
                      + " entries, earlier actions "
                      + actions.get(0).length);
            }
            actions.add(a);
            actionTimes.add(t);
          } else {
            resets.add(t);
          }
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      if (actions.isEmpty() || images.isEmpty() || positions.isEmpty()) {
        throw new IllegalArgumentException(
            bag
                + ": needs messages on "
                + topics.image()
                + " ("
                + images.size()
                + "), "
                + topics.jointStates()
                + " ("
                + positions.size()
                + ") and "
                + topics.action()
                + " ("
                + actions.size()
                + ")");
      }
      long periodNs = periodNs(bag, actionTimes);
      List<Episode> episodes =
          align(
              bag,
              periodNs,
              toLongs(imageTimes),
              images,
              toLongs(stateTimes),
              positions,
              velocities,
              toLongs(actionTimes),
              actions,
              toLongs(resets));
      return new Parsed(episodes, jointNames == null ? List.of() : jointNames);
    }
  }

  private long periodNs(Path bag, List<Long> actionTimes) {
    if (topics.actionPeriodS() > 0) {
      return Math.round(topics.actionPeriodS() * 1e9);
    }
    long[] diffs = new long[actionTimes.size() - 1];
    int n = 0;
    for (int i = 1; i < actionTimes.size(); i++) {
      long d = actionTimes.get(i) - actionTimes.get(i - 1);
      if (d > 0) {
        diffs[n++] = d;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException(
          bag
              + ": cannot infer the action period from "
              + actionTimes.size()
              + " action(s): set it explicitly");
    }
    long[] sorted = Arrays.copyOf(diffs, n);
    Arrays.sort(sorted);
    return sorted[n / 2];
  }

  private List<Episode> align(
      Path bag,
      long periodNs,
      long[] imageTimes,
      List<byte[]> images,
      long[] stateTimes,
      List<double[]> positions,
      List<double[]> velocities,
      long[] actionTimes,
      List<float[]> actions,
      long[] resets) {
    List<Episode> out = new ArrayList<>();
    long maxGap = Math.round(topics.maxGapPeriods() * periodNs);
    int start = 0;
    String name = bag.getFileName().toString();
    while (start < actionTimes.length) {
      // Steps start..end-1 form a candidate episode.
      List<Integer> frameIdx = new ArrayList<>();
      List<Integer> stateIdx = new ArrayList<>();
      int k = start;
      while (k < actionTimes.length) {
        if (k > start
            && (actionTimes[k] - actionTimes[k - 1] > maxGap
                || resetBetween(resets, actionTimes[k - 1], actionTimes[k]))) {
          break;
        }
        int fi = latestAtOrBefore(imageTimes, actionTimes[k]);
        int si = latestAtOrBefore(stateTimes, actionTimes[k]);
        if (fi < 0
            || si < 0
            || actionTimes[k] - imageTimes[fi] > periodNs
            || actionTimes[k] - stateTimes[si] > periodNs) {
          break;
        }
        frameIdx.add(fi);
        stateIdx.add(si);
        k++;
      }
      int end = k;
      if (end == start) {
        // No observation for this action: skip it.
        start++;
        continue;
      }
      // The observation after the last action: within a period, before the next reset.
      long last = actionTimes[end - 1];
      long limit = last + periodNs;
      long nextReset = firstResetAfter(resets, last);
      if (nextReset >= 0) {
        limit = Math.min(limit, nextReset - 1);
      }
      if (end < actionTimes.length) {
        limit = Math.min(limit, actionTimes[end]);
      }
      int fi = latestAtOrBefore(imageTimes, limit);
      int si = latestAtOrBefore(stateTimes, limit);
      int steps = end - start;
      if (fi < 0 || imageTimes[fi] <= last || si < 0 || stateTimes[si] <= last) {
        steps--; // the last action's outcome was not observed
      } else {
        frameIdx.add(fi);
        stateIdx.add(si);
      }
      if (steps >= 1) {
        byte[][] frames = new byte[steps + 1][];
        double[][] pos = new double[steps + 1][];
        double[][] vel = new double[steps + 1][];
        double[] times = new double[steps + 1];
        float[][] act = new float[steps][];
        for (int i = 0; i <= steps; i++) {
          frames[i] = images.get(frameIdx.get(i));
          pos[i] = positions.get(stateIdx.get(i));
          vel[i] = velocities.get(stateIdx.get(i));
          times[i] = imageTimes[frameIdx.get(i)] / 1e9;
          if (i < steps) {
            act[i] = action(bag, actions.get(start + i), pos[i]);
          }
        }
        out.add(
            new Episode(
                String.format(Locale.ROOT, "%s#%d", name, out.size()),
                width,
                height,
                frames,
                pos,
                vel,
                act,
                times));
      }
      start = end;
    }
    return out;
  }

  /** The model's action (a joint-position delta) from a recorded action message. */
  private float[] action(Path bag, float[] recorded, double[] positionsRad) {
    if (topics.actionKind() == BagTopics.ActionKind.DELTA) {
      return recorded;
    }
    if (recorded.length != positionsRad.length) {
      throw new IllegalArgumentException(
          bag
              + ": "
              + topics.action()
              + " holds "
              + recorded.length
              + " targets but "
              + topics.jointStates()
              + " has "
              + positionsRad.length
              + " joints: absolute targets need one per joint, in the joint state's order");
    }
    float[] delta = new float[recorded.length];
    for (int j = 0; j < delta.length; j++) {
      delta[j] = (float) (recorded[j] - positionsRad[j]);
    }
    return delta;
  }

  private static boolean resetBetween(long[] resets, long after, long atOrBefore) {
    int i = latestAtOrBefore(resets, atOrBefore);
    return i >= 0 && resets[i] > after;
  }

  private static long firstResetAfter(long[] resets, long t) {
    int i = latestAtOrBefore(resets, t) + 1;
    return i < resets.length ? resets[i] : -1;
  }

  /** Index of the last entry {@code <= t}, or -1. */
  private static int latestAtOrBefore(long[] sorted, long t) {
    int lo = 0;
    int hi = sorted.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= t) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private static long[] toLongs(List<Long> list) {
    long[] out = new long[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  private static void require(
      Path bag, Set<String> names, List<BagTopic> present, String topic, String type) {
    if (!names.contains(topic)) {
      String list =
          present.isEmpty()
              ? "none"
              : present.stream()
                  .map(t -> t.name() + " (" + t.type() + ", " + t.messageCount() + " msgs)")
                  .collect(Collectors.joining(", "));
      throw new IllegalArgumentException(
          bag + ": topic " + topic + " (" + type + ") is missing; the bag has: " + list);
    }
    for (BagTopic t : present) {
      if (t.name().equals(topic) && !t.type().equals(type)) {
        throw new IllegalArgumentException(
            bag + ": topic " + topic + " has type " + t.type() + ", expected " + type);
      }
    }
  }
}
