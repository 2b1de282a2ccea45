package org.latentmpc.worldmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Aligned observation/action sequences, split into episodes (no sequence crosses a reset).
 *
 * @param episodes the episodes, each with the same image size, action size and joint count
 * @param jointNames names of the joints in the joint state (may be empty)
 * @param digest a digest of the source data (e.g. SHA-256 of the bag files), stored in checkpoints
 */
public record SequenceDataset(List<Episode> episodes, List<String> jointNames, String digest) {

  /** Checks that the episodes agree in sizes. */
  public SequenceDataset {
    episodes = List.copyOf(episodes);
    jointNames = List.copyOf(jointNames);
    if (episodes.isEmpty()) {
      throw new IllegalArgumentException("a dataset needs at least one episode");
    }
    Episode first = episodes.get(0);
    for (Episode e : episodes) {
      if (e.width() != first.width()
          || e.height() != first.height()
          || e.actionDim() != first.actionDim()
          || e.jointCount() != first.jointCount()) {
        throw new IllegalArgumentException(
            "episode "
                + e.id()
                + " differs in image size, action size or joints from "
                + first.id());
      }
    }
  }

  /** Action size. */
  public int actionDim() {
    return episodes.get(0).actionDim();
  }

  /** Joint count of the joint state. */
  public int jointCount() {
    return episodes.get(0).jointCount();
  }

  /** Image width in pixels. */
  public int width() {
    return episodes.get(0).width();
  }

  /** Image height in pixels. */
  public int height() {
    return episodes.get(0).height();
  }

  /** Total number of actions over all episodes. */
  public long steps() {
    long n = 0;
    for (Episode e : episodes) {
      n += e.steps();
    }
    return n;
  }

  /** Whether every observation carries joint velocities. */
  public boolean hasVelocities() {
    return episodes.get(0).velocities()[0].length == jointCount() && jointCount() > 0;
  }

  /**
   * Splits by episode: a seeded shuffle, then {@code validationFraction} of the episodes (at least
   * one) for validation.
   *
   * @throws IllegalArgumentException with fewer than two episodes
   */
  public Split split(double validationFraction, long seed) {
    if (episodes.size() < 2) {
      throw new IllegalArgumentException(
          "splitting by episode needs at least 2 episodes, the data has " + episodes.size());
    }
    List<Episode> shuffled = new ArrayList<>(episodes);
    java.util.Collections.shuffle(shuffled, new Random(seed));
    int val = Math.max(1, (int) Math.round(validationFraction * shuffled.size()));
    val = Math.min(val, shuffled.size() - 1);
    return new Split(
        new SequenceDataset(shuffled.subList(val, shuffled.size()), jointNames, digest),
        new SequenceDataset(shuffled.subList(0, val), jointNames, digest));
  }

  /**
   * A split by episode.
   *
   * @param train training episodes
   * @param validation held-out episodes
   */
  public record Split(SequenceDataset train, SequenceDataset validation) {}
}
