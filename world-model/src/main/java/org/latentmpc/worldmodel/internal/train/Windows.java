package org.latentmpc.worldmodel.internal.train;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.latentmpc.worldmodel.Episode;
import org.latentmpc.worldmodel.NormalisationStats;
import org.latentmpc.worldmodel.SequenceDataset;
import org.latentmpc.worldmodel.internal.model.Inputs;

/**
 * Every training window of a dataset: {@code (episode, start)} with {@code H} actions after the
 * start, and the packing of a batch of windows into normalised input arrays.
 */
public final class Windows {

  private final SequenceDataset data;
  private final int horizon;
  private final int[] episodeOf;
  private final int[] startOf;
  private final float[][][] stateTargets;

  /**
   * @throws IllegalArgumentException when no episode has {@code horizon} actions
   */
  public Windows(SequenceDataset data, int horizon) {
    this(data, horizon, null);
  }

  /**
   * @param stateTargets the state probe's target of every frame, by episode and frame (null: no
   *     probe)
   * @throws IllegalArgumentException when no episode has {@code horizon} actions
   */
  public Windows(SequenceDataset data, int horizon, float[][][] stateTargets) {
    this.data = data;
    this.stateTargets = stateTargets;
    this.horizon = horizon;
    List<int[]> all = new ArrayList<>();
    for (int e = 0; e < data.episodes().size(); e++) {
      Episode ep = data.episodes().get(e);
      for (int s = 0; s + horizon <= ep.steps(); s++) {
        all.add(new int[] {e, s});
      }
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException(
          "no episode has the " + horizon + " actions the horizon needs");
    }
    episodeOf = new int[all.size()];
    startOf = new int[all.size()];
    for (int i = 0; i < all.size(); i++) {
      episodeOf[i] = all.get(i)[0];
      startOf[i] = all.get(i)[1];
    }
  }

  /** Number of windows. */
  public int size() {
    return episodeOf.length;
  }

  /** Prediction steps per window. */
  public int horizon() {
    return horizon;
  }

  /**
   * A packed batch: inputs for {@code B*(H+1)} frames and {@code B*H} actions, and the state
   * probe's target of every frame ({@code [B*(H+1),S]}, empty without a probe).
   */
  public record Batch(int size, float[] images, float[] proprio, float[] actions, float[] state) {}

  /**
   * Packs windows {@code indices}: images {@code [B*(H+1),3,h,w]} (window-major), proprioception
   * {@code [B*(H+1),P]}, actions {@code [B,H,A]}, all normalised with {@code stats}; state probe
   * targets {@code [B*(H+1),S]}.
   */
  public Batch pack(int[] indices, NormalisationStats stats) {
    int b = indices.length;
    int frames = horizon + 1;
    int plane = 3 * data.width() * data.height();
    int p = stats.proprioMean().length;
    int a = data.actionDim();
    float[] images = new float[b * frames * plane];
    float[] proprio = new float[b * frames * p];
    float[] actions = new float[b * horizon * a];
    int j = stateTargets == null ? 0 : stateTargets[0][0].length;
    float[] state = new float[b * frames * j];
    FloatBuffer img = FloatBuffer.wrap(images);
    FloatBuffer pro = FloatBuffer.wrap(proprio);
    FloatBuffer act = FloatBuffer.wrap(actions);
    for (int i = 0; i < b; i++) {
      Episode ep = data.episodes().get(episodeOf[indices[i]]);
      int s = startOf[indices[i]];
      for (int k = 0; k < frames; k++) {
        int row = i * frames + k;
        Inputs.image(ep.frames()[s + k], ep.width(), ep.height(), stats, img, row * plane);
        if (j > 0) {
          System.arraycopy(stateTargets[episodeOf[indices[i]]][s + k], 0, state, row * j, j);
        }
        if (p > 0) {
          Inputs.proprio(ep.positions()[s + k], ep.velocities()[s + k], stats, pro, row * p);
        }
        if (k < horizon) {
          Inputs.actions(ep.actions()[s + k], 0, a, stats, act, (i * horizon + k) * a);
        }
      }
    }
    return new Batch(b, images, proprio, actions, state);
  }
}
