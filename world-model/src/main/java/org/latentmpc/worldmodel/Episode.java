package org.latentmpc.worldmodel;

import java.util.Arrays;

/**
 * One aligned sequence without resets: observations {@code o_0..o_T} and the actions {@code
 * a_0..a_{T-1}} taken between them ({@code a_t} leads from {@code o_t} to {@code o_{t+1}}).
 *
 * @param id a name for messages (e.g. "bag.bag#3")
 * @param width image width in pixels
 * @param height image height in pixels
 * @param frames T+1 rgb8 images, row-major
 * @param positions T+1 joint position vectors (rad or m)
 * @param velocities T+1 joint velocity vectors (rad/s or m/s); each empty when not recorded
 * @param actions T action vectors (joint-position deltas in rad per step for the robots here)
 * @param timesS T+1 observation times in s
 */
public record Episode(
    String id,
    int width,
    int height,
    byte[][] frames,
    double[][] positions,
    double[][] velocities,
    float[][] actions,
    double[] timesS) {

  /** Checks that every array is aligned. */
  public Episode {
    int t = actions.length;
    if (t < 1) {
      throw new IllegalArgumentException(id + ": an episode needs at least one action");
    }
    if (frames.length != t + 1
        || positions.length != t + 1
        || velocities.length != t + 1
        || timesS.length != t + 1) {
      throw new IllegalArgumentException(
          id
              + ": "
              + t
              + " actions need "
              + (t + 1)
              + " frames, positions, velocities and times, got "
              + frames.length
              + ", "
              + positions.length
              + ", "
              + velocities.length
              + ", "
              + timesS.length);
    }
    int bytes = width * height * 3;
    int actionDim = actions[0].length;
    for (int i = 0; i <= t; i++) {
      if (frames[i].length != bytes) {
        throw new IllegalArgumentException(
            id + ": frame " + i + " has " + frames[i].length + " bytes, expected " + bytes);
      }
      if (positions[i].length != positions[0].length
          || velocities[i].length != velocities[0].length) {
        throw new IllegalArgumentException(id + ": joint state " + i + " changes size");
      }
      if (i < t && actions[i].length != actionDim) {
        throw new IllegalArgumentException(
            id + ": action " + i + " has " + actions[i].length + " entries, expected " + actionDim);
      }
    }
  }

  /** The number of actions (steps). */
  public int steps() {
    return actions.length;
  }

  /** The action size. */
  public int actionDim() {
    return actions[0].length;
  }

  /** The number of joints in the joint state. */
  public int jointCount() {
    return positions[0].length;
  }

  /** Observation {@code t} (0..T). */
  public Observation observation(int t) {
    return new Observation(width, height, frames[t], positions[t], velocities[t]);
  }

  @Override
  public String toString() {
    return "Episode[" + id + ", " + steps() + " steps, " + width + "x" + height + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Episode e
        && e.id.equals(id)
        && Arrays.deepEquals(e.frames, frames)
        && Arrays.deepEquals(e.actions, actions);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + actions.length;
  }
}
