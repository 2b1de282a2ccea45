package org.latentmpc.worldmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.ros.BagWriter;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.msgs.sensor_msgs.Image;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.ros.msgs.std_msgs.Header;
import org.latentmpc.ros.msgs.std_msgs.Int32;
import org.latentmpc.worldmodel.internal.data.EpisodeBagWriter;
import org.latentmpc.worldmodel.internal.data.MovingDots;

class BagDatasetReaderTest {

  static final double PERIOD_S = 0.1;
  static final int SIZE = 4;

  /** The hand-made bags carry their (two-entry, delta) actions on the controllers' topic. */
  static final BagTopics HAND =
      BagTopics.DEFAULTS.withAction("/arm_controller/group_command", BagTopics.ActionKind.DELTA);

  /** An image whose every byte is {@code value} (bgr8 when asked, with a padded step). */
  static Image image(int value, boolean bgr) {
    int step = SIZE * 3 + 2;
    byte[] data = new byte[step * SIZE];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int i = y * step + 3 * x;
        data[i] = (byte) (bgr ? value + 2 : value);
        data[i + 1] = (byte) (value + 1);
        data[i + 2] = (byte) (bgr ? value : value + 2);
      }
    }
    return new Image()
        .setHeader(new Header())
        .setWidth(SIZE)
        .setHeight(SIZE)
        .setEncoding(bgr ? "bgr8" : "rgb8")
        .setStep(step)
        .setData(data);
  }

  static JointState state(double q) {
    return new JointState()
        .setHeader(new Header())
        .setName(new String[] {"j1"})
        .setPosition(new double[] {q})
        .setVelocity(new double[] {-q})
        .setEffort(new double[0]);
  }

  /**
   * Two episodes of {@code steps} actions: the observation of step k (image value 10k, joint
   * position k) comes 2 ms before action k (= k + 0.5); a reset marker and a 1 s pause between
   * them. An extra camera frame mid-period must not be picked.
   */
  static void writeBag(Path bag, int steps, boolean episodeTopic, boolean bgr) throws IOException {
    try (BagWriter w = BagWriter.open(bag)) {
      double t0 = 50;
      for (int e = 0; e < 2; e++) {
        if (episodeTopic) {
          w.write("/collect/episode", Time.fromSeconds(t0 - 0.05), new Int32().setData(e));
        }
        for (int k = 0; k <= steps; k++) {
          double t = t0 + k * PERIOD_S;
          w.write("/camera/image_raw", Time.fromSeconds(t - 0.002), image(10 * k + e, bgr));
          w.write("/joint_states", Time.fromSeconds(t - 0.002), state(k + 100 * e));
          if (k < steps) {
            w.write(
                "/arm_controller/group_command",
                Time.fromSeconds(t),
                new Float64MultiArray().setData(new double[] {k + 0.5, e}));
            // A frame after the action, before the next step: belongs to no step.
            w.write("/camera/image_raw", Time.fromSeconds(t + 0.05), image(250, bgr));
          }
        }
        t0 += steps * PERIOD_S + 1.0;
      }
    }
  }

  @Test
  void alignsObservationsAndActionsAndSplitsEpisodes(@TempDir Path dir) throws IOException {
    Path bag = dir.resolve("hand.bag");
    writeBag(bag, 5, true, false);
    SequenceDataset data = new BagDatasetReader(HAND, SIZE, SIZE).read(List.of(bag));
    assertEquals(2, data.episodes().size());
    assertEquals(List.of("j1"), data.jointNames());
    for (int e = 0; e < 2; e++) {
      Episode ep = data.episodes().get(e);
      assertEquals(5, ep.steps());
      for (int k = 0; k <= 5; k++) {
        assertEquals(10 * k + e, ep.frames()[k][0], "frame " + k + " of episode " + e);
        assertEquals(10 * k + e + 2, ep.frames()[k][2 * 0 + 2]);
        assertEquals(k + 100 * e, ep.positions()[k][0]);
        assertEquals(-(k + 100 * e), ep.velocities()[k][0], 0.0);
        if (k < 5) {
          assertArrayEquals(new float[] {k + 0.5f, e}, ep.actions()[k]);
        }
      }
    }
    assertTrue(data.digest().startsWith("sha256:"));
  }

  @Test
  void splitsAtTimeGapsWithoutEpisodeTopicAndConvertsBgr(@TempDir Path dir) throws IOException {
    Path bag = dir.resolve("gap.bag");
    writeBag(bag, 4, false, true);
    SequenceDataset data = new BagDatasetReader(HAND, SIZE, SIZE).read(List.of(bag));
    assertEquals(2, data.episodes().size());
    Episode second = data.episodes().get(1);
    assertEquals(4, second.steps());
    // bgr8 was converted: red is byte 0.
    assertEquals(10 * 3 + 1, second.frames()[3][0]);
    assertEquals(10 * 3 + 1 + 2, second.frames()[3][2]);
  }

  @Test
  void absoluteTargetsBecomeDeltasAgainstTheObservedPositions(@TempDir Path dir)
      throws IOException {
    Path bag = dir.resolve("targets.bag");
    try (BagWriter w = BagWriter.open(bag)) {
      for (int k = 0; k <= 4; k++) {
        double t = 10 + k * PERIOD_S;
        w.write("/camera/image_raw", Time.fromSeconds(t - 0.002), image(k, false));
        w.write("/joint_states", Time.fromSeconds(t - 0.002), state(2 * k));
        if (k < 4) {
          w.write(
              "/arm_controller/group_command",
              Time.fromSeconds(t),
              new Float64MultiArray().setData(new double[] {2 * k + 0.25 * k}));
        }
      }
    }
    BagTopics targets =
        BagTopics.DEFAULTS.withAction("/arm_controller/group_command", BagTopics.ActionKind.TARGET);
    Episode ep = new BagDatasetReader(targets, SIZE, SIZE).read(List.of(bag)).episodes().get(0);
    assertEquals(4, ep.steps());
    for (int k = 0; k < 4; k++) {
      assertArrayEquals(new float[] {0.25f * k}, ep.actions()[k], "delta of step " + k);
    }
    // Two targets for one joint: a clear error, not a silent misalignment.
    Path bad = dir.resolve("bad.bag");
    writeBag(bad, 3, true, false);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new BagDatasetReader(targets, SIZE, SIZE).read(List.of(bad)));
    assertTrue(e.getMessage().contains("one per joint"), e.getMessage());
  }

  @Test
  void missingTopicErrorListsTopicsPresent(@TempDir Path dir) throws IOException {
    Path bag = dir.resolve("hand.bag");
    writeBag(bag, 3, true, false);
    BagTopics other = BagTopics.DEFAULTS.withAction("/collect/action", BagTopics.ActionKind.DELTA);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new BagDatasetReader(other, SIZE, SIZE).read(List.of(bag)));
    assertTrue(e.getMessage().contains("/collect/action"), e.getMessage());
    assertTrue(e.getMessage().contains("/camera/image_raw (sensor_msgs/Image"), e.getMessage());
    assertTrue(e.getMessage().contains("/arm_controller/group_command"), e.getMessage());
  }

  @Test
  void unsupportedEncodingIsRejected() {
    Image img = image(1, false).setEncoding("32FC1");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ImageConversion.toRgb8(img, 4, 4));
    assertTrue(e.getMessage().contains("32FC1"), e.getMessage());
    Image shortData = image(1, false).setData(new byte[5]);
    assertThrows(IllegalArgumentException.class, () -> ImageConversion.toRgb8(shortData, 4, 4));
  }

  @Test
  void resamplesByAveraging() {
    Image img = image(0, false);
    byte[] data = img.getData();
    // Top-left 2x2 block red channel: 0, 100, 200, 100 -> mean 100.
    data[3] = 100;
    data[img.getStep()] = (byte) 200;
    data[img.getStep() + 3] = 100;
    byte[] small = ImageConversion.toRgb8(img, 2, 2);
    assertEquals(100, small[0] & 0xff);
  }

  @Test
  void roundTripsEpisodesWrittenLikeCollect(@TempDir Path dir) throws IOException {
    SequenceDataset dots = new MovingDots(16, 16, 0.05).generate(3, 12, 5);
    Path bag = dir.resolve("dots.bag");
    EpisodeBagWriter.write(dots, bag, BagTopics.DEFAULTS, PERIOD_S);
    SequenceDataset read = new BagDatasetReader(BagTopics.DEFAULTS, 16, 16).read(List.of(bag));
    assertEquals(3, read.episodes().size());
    for (int e = 0; e < 3; e++) {
      Episode a = dots.episodes().get(e);
      Episode b = read.episodes().get(e);
      assertEquals(a.steps(), b.steps());
      for (int k = 0; k <= a.steps(); k++) {
        assertArrayEquals(a.frames()[k], b.frames()[k]);
        assertArrayEquals(a.positions()[k], b.positions()[k]);
      }
      for (int k = 0; k < a.steps(); k++) {
        assertArrayEquals(a.actions()[k], b.actions()[k]);
      }
    }
    SequenceDataset again = new BagDatasetReader(BagTopics.DEFAULTS, 16, 16).read(List.of(bag));
    assertEquals(read.digest(), again.digest());
    assertNotEquals(dots.digest(), read.digest());
  }
}
