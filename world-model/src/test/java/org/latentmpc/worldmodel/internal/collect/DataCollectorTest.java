package org.latentmpc.worldmodel.internal.collect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.controllers.JointSafetyLimits;
import org.latentmpc.ros.BagMessage;
import org.latentmpc.ros.BagReader;
import org.latentmpc.ros.BagTopic;
import org.latentmpc.ros.msgs.sensor_msgs.Image;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.ros.msgs.std_msgs.Int32;
import org.latentmpc.worldmodel.BagDatasetReader;
import org.latentmpc.worldmodel.BagTopics;
import org.latentmpc.worldmodel.Episode;
import org.latentmpc.worldmodel.SequenceDataset;

/** A small reacher2 collect, read back with our bag reader and the world model's dataset reader. */
class DataCollectorTest {
  static final Path CONFIGS = Path.of("..", "sim-configs");
  static final int EPISODES = 2;
  static final int STEPS = 20;
  static final long SEED = 42;
  static final long PERIOD_NS = 100_000_000L;

  /** The joints must close most of the gap to each target within one action period. */
  static final double TRACKING_RATIO = 0.5;

  static final double EPS = 1e-12;

  @TempDir static Path dir;
  static CollectRobot robot;
  static Path bag;

  @BeforeAll
  static void collect() throws IOException {
    robot = CollectRobot.load("reacher2", CONFIGS);
    bag = dir.resolve("a.bag");
    new DataCollector(robot, DataCollector.Options.defaults(robot, EPISODES, STEPS, SEED))
        .collect(bag, (e, k, s, n) -> {});
  }

  static List<BagMessage> messages(Path file) throws IOException {
    try (BagReader r = BagReader.open(file)) {
      return r.readMessages().toList();
    }
  }

  static List<BagMessage> on(List<BagMessage> all, String topic) {
    return all.stream().filter(m -> m.topic().equals(topic)).toList();
  }

  @Test
  void countsPerTopicAndImages() throws IOException {
    Map<String, Long> counts = new HashMap<>();
    try (BagReader r = BagReader.open(bag)) {
      assertTrue(r.isIndexed());
      for (BagTopic t : r.topics()) {
        counts.put(t.name(), t.messageCount());
      }
    }
    long obs = EPISODES * (STEPS + 1L);
    long acts = (long) EPISODES * STEPS;
    assertEquals(
        Map.of(
            "/camera/image_raw", obs,
            "/joint_states", obs,
            "/arm_controller/group_command", acts,
            "/collect/action", acts,
            "/collect/episode", (long) EPISODES),
        counts);
    for (BagMessage m : on(messages(bag), "/camera/image_raw")) {
      Image im = m.decode(Image.TYPE);
      assertEquals(64, im.getWidth());
      assertEquals(64, im.getHeight());
      assertEquals("rgb8", im.getEncoding());
      assertEquals(3 * 64, im.getStep());
      assertEquals(3 * 64 * 64, im.getData().length);
      assertEquals(m.time(), im.getHeader().getStamp());
    }
  }

  @Test
  void jointsMoveTowardsTargetsAndStayInLimits() throws IOException {
    List<BagMessage> all = messages(bag);
    List<BagMessage> states = on(all, "/joint_states");
    List<BagMessage> targets = on(all, "/arm_controller/group_command");
    List<BagMessage> deltas = on(all, "/collect/action");
    double maxDelta = robot.defaultMaxDeltaRad();
    double before = 0;
    double after = 0;
    int a = 0;
    for (int e = 0; e < EPISODES; e++) {
      for (int k = 0; k < STEPS; k++, a++) {
        int s = e * (STEPS + 1) + k;
        double[] q = states.get(s).decode(JointState.TYPE).getPosition();
        double[] qNext = states.get(s + 1).decode(JointState.TYPE).getPosition();
        double[] target = targets.get(a).decode(Float64MultiArray.TYPE).getData();
        double[] delta = deltas.get(a).decode(Float64MultiArray.TYPE).getData();
        assertEquals(states.get(s).time(), targets.get(a).time());
        assertEquals(states.get(s).time(), deltas.get(a).time());
        for (int j = 0; j < q.length; j++) {
          assertEquals(target[j] - q[j], delta[j], EPS, "delta = target - q");
          assertTrue(Math.abs(delta[j]) <= maxDelta + EPS, "delta bounded: " + delta[j]);
          JointSafetyLimits l = robot.controller().limits(j);
          assertTrue(target[j] > l.softLowerRad() && target[j] < l.softUpperRad());
          before += Math.abs(target[j] - q[j]);
          after += Math.abs(target[j] - qNext[j]);
        }
      }
    }
    assertTrue(before > 0.1 * a * maxDelta, "the policy moves: total |delta| " + before);
    assertTrue(
        after < TRACKING_RATIO * before,
        "joints track the targets: |target - q_next| " + after + " vs |delta| " + before);
  }

  @Test
  void stampsEpisodeMarkersAndGaps() throws IOException {
    List<BagMessage> all = messages(bag);
    List<BagMessage> markers = on(all, "/collect/episode");
    List<BagMessage> states = on(all, "/joint_states");
    for (int e = 0; e < EPISODES; e++) {
      assertEquals(e, markers.get(e).decode(Int32.TYPE).getData());
      BagMessage first = states.get(e * (STEPS + 1));
      assertEquals(markers.get(e).time(), first.time(), "marker at the episode start");
      for (int k = 1; k <= STEPS; k++) {
        long dt =
            states.get(e * (STEPS + 1) + k).time().toNanos()
                - states.get(e * (STEPS + 1) + k - 1).time().toNanos();
        assertEquals(PERIOD_NS, dt, "action period");
      }
    }
    long end0 = states.get(STEPS).time().toNanos();
    long start1 = states.get(STEPS + 1).time().toNanos();
    assertTrue(start1 - end0 >= 1_000_000_000L, "at least 1 s between episodes");
    assertTrue(markers.get(0).time().toNanos() >= 1_000_000_000L, "the first hold is 1 s");
  }

  @Test
  void sameSeedSameBagOtherSeedOtherBag() throws IOException {
    Path again = dir.resolve("again.bag");
    new DataCollector(robot, DataCollector.Options.defaults(robot, EPISODES, STEPS, SEED))
        .collect(again, (e, k, s, n) -> {});
    List<BagMessage> a = messages(bag);
    List<BagMessage> b = messages(again);
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).topic(), b.get(i).topic());
      assertEquals(a.get(i).time(), b.get(i).time());
      assertArrayEquals(a.get(i).serialized(), b.get(i).serialized(), "message " + i);
    }
    Path other = dir.resolve("other.bag");
    new DataCollector(robot, DataCollector.Options.defaults(robot, 1, STEPS, SEED + 1))
        .collect(other, (e, k, s, n) -> {});
    assertNotEquals(
        positions(on(a, "/joint_states").get(0)),
        positions(on(messages(other), "/joint_states").get(0)));
  }

  static List<Double> positions(BagMessage m) {
    List<Double> out = new ArrayList<>();
    for (double v : m.decode(JointState.TYPE).getPosition()) {
      out.add(v);
    }
    return out;
  }

  @Test
  void imagesChangeWhenTheArmMoves() throws IOException {
    List<BagMessage> images = on(messages(bag), "/camera/image_raw");
    byte[] first = images.get(0).decode(Image.TYPE).getData();
    byte[] last = images.get(STEPS).decode(Image.TYPE).getData();
    assertFalse(java.util.Arrays.equals(first, last));
  }

  @Test
  void worldModelDatasetReaderReadsEpisodesWithDefaults() throws IOException {
    SequenceDataset data = new BagDatasetReader(BagTopics.DEFAULTS, 64, 64).read(List.of(bag));
    assertEquals(EPISODES, data.episodes().size());
    for (Episode ep : data.episodes()) {
      assertEquals(STEPS, ep.steps());
      assertEquals(robot.model().dof(), ep.actionDim());
    }
    assertEquals(robot.model().jointNames(), data.jointNames());
  }

  @Test
  void badOptionsAreRejectedClearly() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DataCollector.Options.defaults(robot, 0, STEPS, SEED));
    assertTrue(e.getMessage().contains("--episodes"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new DataCollector.Options(1, 1, 0, 10, -0.1, 0.8, 0.1, 1, 64, 64));
    assertTrue(e.getMessage().contains("--max-delta"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new DataCollector(
                    robot, new DataCollector.Options(1, 1, 0, 3, 0.1, 0.8, 0.1, 1, 64, 64)));
    assertTrue(e.getMessage().contains("action period"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> CollectRobot.load("reacher3", CONFIGS));
    assertTrue(e.getMessage().contains("unknown robot 'reacher3'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> CollectCommand.parseSize("64by64"));
    assertTrue(e.getMessage().contains("--image-size"), e.getMessage());
  }

  @Test
  void policyIsBoundedSmoothAndSeeded() {
    RandomSmoothPolicy p = new RandomSmoothPolicy(3, 0.1, 0.8, 5);
    RandomSmoothPolicy same = new RandomSmoothPolicy(3, 0.1, 0.8, 5);
    double[] d = new double[3];
    double[] d2 = new double[3];
    double[] prev = new double[3];
    double step = 0;
    double spread = 0;
    int n = 2000;
    for (int i = 0; i < n; i++) {
      p.next(d);
      same.next(d2);
      assertArrayEquals(d, d2);
      for (int j = 0; j < 3; j++) {
        assertTrue(Math.abs(d[j]) < 0.1);
        if (i > 0) {
          step += Math.abs(d[j] - prev[j]);
        }
        spread += Math.abs(d[j]);
        prev[j] = d[j];
      }
    }
    // Smooth: consecutive deltas differ much less than the deltas themselves.
    assertTrue(step < 0.9 * spread, "step " + step + " spread " + spread);
    assertTrue(spread > 0.02 * 3 * n, "explores: mean |delta| " + spread / (3 * n));
  }

  @Test
  void progressIsReportedForEverySample() throws IOException {
    List<long[]> seen = new ArrayList<>();
    new DataCollector(robot, DataCollector.Options.defaults(robot, 1, 3, SEED))
        .collect(dir.resolve("p.bag"), (e, k, s, n) -> seen.add(new long[] {e, k, s, n}));
    assertEquals(4, seen.size());
    assertEquals(3, seen.get(3)[1]);
    assertEquals(4, seen.get(3)[3]);
    assertTrue(seen.get(3)[2] > seen.get(0)[2]);
    assertTrue(Set.of(0L).contains(seen.get(0)[0]));
  }
}
