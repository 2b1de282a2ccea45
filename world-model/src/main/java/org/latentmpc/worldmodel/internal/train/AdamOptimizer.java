package org.latentmpc.worldmodel.internal.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba) whose moment estimates can be saved with a checkpoint and restored on
 * resume, so that a resumed run continues where it stopped instead of restarting the moments from
 * zero (DJL's {@code Adam} keeps them private). The update is DJL's: at step {@code t} (from 1),
 * {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2}, {@code w -= lr sqrt(1 - b2^t) /
 * (1 - b1^t) * m / (sqrt(v) + eps)}, with DJL's defaults b1 = 0.9, b2 = 0.999, eps = 1e-8, no
 * weight decay and no gradient clipping.
 *
 * <p>The moments live in the parameters' manager; each update's temporaries in a child manager
 * closed before it returns. All parameters share one step count, advanced by {@link #step}. Not
 * thread-safe.
 */
public final class AdamOptimizer {
  /** First-moment decay. */
  public static final float BETA1 = 0.9f;

  /** Second-moment decay. */
  public static final float BETA2 = 0.999f;

  /** Added to the root of the second moment. */
  public static final float EPSILON = 1e-8f;

  private static final int FORMAT_MAGIC = 0x41444d31; // "ADM1"

  private final float learningRate;
  private final Map<String, NDArray> means = new LinkedHashMap<>();
  private final Map<String, NDArray> variances = new LinkedHashMap<>();
  private long steps;

  /** An optimizer with a fixed learning rate ({@code > 0}). */
  public AdamOptimizer(float learningRate) {
    if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
    }
    this.learningRate = learningRate;
  }

  /** Updates done so far (the {@code t} of the last {@link #step}). */
  public long steps() {
    return steps;
  }

  /** Starts the next update step: every {@link #update} until the next call uses its {@code t}. */
  public void step() {
    steps++;
  }

  /**
   * Applies one Adam update to {@code weight} (in place) from its gradient {@code grad}, creating
   * the parameter's moments (zero) at its first update.
   *
   * @throws IllegalStateException before the first {@link #step}
   */
  public void update(String parameterId, NDArray weight, NDArray grad) {
    if (steps == 0) {
      throw new IllegalStateException("call step() before the first update");
    }
    NDArray m = means.computeIfAbsent(parameterId, k -> weight.zerosLike());
    NDArray v = variances.computeIfAbsent(parameterId, k -> weight.zerosLike());
    double c1 = 1 - Math.pow(BETA1, steps);
    double c2 = 1 - Math.pow(BETA2, steps);
    float lr = (float) (learningRate * Math.sqrt(c2) / c1);
    try (NDManager scratch = weight.getManager().newSubManager()) {
      NDArray g1 = grad.mul(1 - BETA1);
      g1.attach(scratch);
      m.muli(BETA1).addi(g1);
      NDArray g2 = grad.square();
      g2.attach(scratch);
      g2.muli(1 - BETA2);
      v.muli(BETA2).addi(g2);
      NDArray denominator = v.sqrt();
      denominator.attach(scratch);
      denominator.addi(EPSILON);
      NDArray delta = m.div(denominator);
      delta.attach(scratch);
      delta.muli(lr);
      weight.subi(delta);
    }
  }

  /**
   * Writes the step count and the moments of {@code parameterIds} (in that order; a parameter not
   * updated yet is written as zeros shaped like {@code zerosLike}'s array).
   */
  public void save(DataOutputStream out, Map<String, NDArray> parametersById) throws IOException {
    out.writeInt(FORMAT_MAGIC);
    out.writeLong(steps);
    out.writeInt(parametersById.size());
    for (Map.Entry<String, NDArray> e : parametersById.entrySet()) {
      String id = e.getKey();
      NDArray w = e.getValue();
      out.writeUTF(id);
      try (NDManager scratch = w.getManager().newSubManager()) {
        NDArray m = means.get(id);
        NDArray v = variances.get(id);
        NDArray mOut = m != null ? m : zeros(w, scratch);
        NDArray vOut = v != null ? v : zeros(w, scratch);
        byte[] bytes = new NDList(mOut, vOut).encode();
        out.writeInt(bytes.length);
        out.write(bytes);
      }
    }
  }

  /**
   * Restores what {@link #save} wrote, for exactly the parameters of {@code parametersById} (same
   * ids, same shapes); the moments are created in each parameter's manager.
   *
   * @throws IOException when the stream is not an optimizer state or does not match the parameters
   */
  public void load(DataInputStream in, Map<String, NDArray> parametersById) throws IOException {
    if (in.readInt() != FORMAT_MAGIC) {
      throw new IOException("not an optimizer state (bad magic number)");
    }
    long savedSteps = in.readLong();
    int count = in.readInt();
    if (savedSteps < 0 || count != parametersById.size()) {
      throw new IOException(
          "optimizer state for "
              + count
              + " parameters after "
              + savedSteps
              + " steps does not fit this network's "
              + parametersById.size()
              + " parameters");
    }
    Map<String, NDArray> newMeans = new LinkedHashMap<>();
    Map<String, NDArray> newVariances = new LinkedHashMap<>();
    try {
      for (int i = 0; i < count; i++) {
        String id = in.readUTF();
        NDArray w = parametersById.get(id);
        if (w == null) {
          throw new IOException("optimizer state names unknown parameter '" + id + "'");
        }
        int length = in.readInt();
        if (length <= 0 || length > (1 << 30)) {
          throw new IOException("optimizer state of '" + id + "' has a bad length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        NDList pair = NDList.decode(w.getManager(), bytes);
        if (pair.size() != 2) {
          pair.close();
          throw new IOException("optimizer state of '" + id + "' is not a pair of moments");
        }
        for (NDArray a : List.of(pair.get(0), pair.get(1))) {
          if (!a.getShape().equals(w.getShape()) || a.getDataType() != w.getDataType()) {
            pair.close();
            throw new IOException(
                "optimizer state of '"
                    + id
                    + "' has shape "
                    + a.getShape()
                    + " but the parameter has "
                    + w.getShape());
          }
        }
        newMeans.put(id, pair.get(0));
        newVariances.put(id, pair.get(1));
      }
    } catch (IOException | RuntimeException e) {
      newMeans.values().forEach(NDArray::close);
      newVariances.values().forEach(NDArray::close);
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
    means.values().forEach(NDArray::close);
    variances.values().forEach(NDArray::close);
    means.clear();
    variances.clear();
    means.putAll(newMeans);
    variances.putAll(newVariances);
    steps = savedSteps;
  }

  /** The first-moment estimate of {@code parameterId} as floats (for tests), or null. */
  float[] meanOf(String parameterId) {
    NDArray m = means.get(parameterId);
    return m == null ? null : Arrays.copyOf(m.toFloatArray(), (int) m.size());
  }

  private static NDArray zeros(NDArray like, NDManager manager) {
    return manager.zeros(like.getShape(), like.getDataType());
  }
}
