package org.latentmpc.worldmodel.internal.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The predictor's multi-step rollout with few engine calls per step: the same network as {@link
 * JepaNetwork#predict} ({@code z_{t+1} = z_t + f([z_t, a_t])}, {@code f} = (Linear, GELU) x depth,
 * then Linear), reorganised for inference.
 *
 * <p>The first layer's weight {@code W1 = [Wz | Wa]} is split by input ({@code a} here stands for
 * the whole control input: the action and, when the predictor takes them, the joint positions):
 * {@code [z, a] W1^T + b1 = z Wz^T + (a Wa^T + b1)}, so there is no per-step concatenation: each
 * step is the action part (one small linear on a contiguous view of the time-major actions), one
 * fused {@code addmm} for the latent part with the action part as its bias, the GELUs, the
 * remaining layers and the residual add; the step outputs are stacked once at the end. Results
 * equal the step-by-step path up to float rounding (a different summation order). (Computing the
 * action part for all steps in one matmul before the loop measured ~5% slower here: its 1.3 MB
 * output is fresh memory every call, see below.)
 *
 * <p>Every intermediate is closed as soon as it is dead, so the allocator hands the same warm
 * buffers back to the next op. Left to the end of the call (the child manager), each op's output is
 * fresh memory: on these machines that costs a page fault per 4 KiB (32 per 256 x 128 float
 * output), measured at 10-20x the cost of the arithmetic of an elementwise op.
 *
 * <p>Holds a snapshot of the predictor weights taken at construction (contiguous copies on the
 * given manager): later changes to the network's parameters are not seen.
 */
final class PredictorRollout implements AutoCloseable {

  private final int latentDim;
  private final int controlDim;
  private final NDArray wz;
  private final NDArray wa;
  private final NDArray b1;
  private final List<NDArray> weights = new ArrayList<>();
  private final List<NDArray> biases = new ArrayList<>();
  private final List<NDArray> owned = new ArrayList<>();

  /** Copies the predictor weights of {@code network} onto {@code manager}. */
  PredictorRollout(NDManager manager, JepaNetwork network) {
    latentDim = network.latentDim();
    controlDim = network.actionDim() + network.predictorJointDim();
    List<NDArray> ws = new ArrayList<>();
    List<NDArray> bs = new ArrayList<>();
    for (Map.Entry<String, Parameter> e : network.parameters().entrySet()) {
      if (!e.getKey().startsWith("predictor.")) {
        continue;
      }
      NDArray v = e.getValue().getArray();
      if (e.getKey().endsWith("weight")) {
        ws.add(v);
      } else if (e.getKey().endsWith("bias")) {
        bs.add(v);
      } else {
        throw new IllegalStateException("unexpected predictor parameter " + e.getKey());
      }
    }
    if (ws.size() < 2 || ws.size() != bs.size()) {
      throw new IllegalStateException(
          "predictor has " + ws.size() + " weights and " + bs.size() + " biases");
    }
    NDArray w1 = ws.get(0);
    int width = Math.toIntExact(w1.getShape().get(0));
    if (w1.getShape().get(1) != latentDim + controlDim) {
      throw new IllegalStateException(
          "first predictor layer takes " + w1.getShape().get(1) + " inputs, expected D + A (+ J)");
    }
    float[] w = w1.toFloatArray();
    int in = latentDim + controlDim;
    float[] z = new float[width * latentDim];
    float[] a = new float[width * controlDim];
    for (int r = 0; r < width; r++) {
      System.arraycopy(w, r * in, z, r * latentDim, latentDim);
      System.arraycopy(w, r * in + latentDim, a, r * controlDim, controlDim);
    }
    wz = own(manager.create(z, new Shape(width, latentDim)));
    wa = own(manager.create(a, new Shape(width, controlDim)));
    b1 = own(copy(manager, bs.get(0)));
    for (int i = 1; i < ws.size(); i++) {
      weights.add(own(copy(manager, ws.get(i))));
      biases.add(own(copy(manager, bs.get(i))));
    }
  }

  private NDArray own(NDArray a) {
    owned.add(a);
    return a;
  }

  private static NDArray copy(NDManager manager, NDArray a) {
    return manager.create(a.toFloatArray(), a.getShape());
  }

  /** GELU of {@code x}, closing {@code x} and {@code alsoClose} (dead intermediates). */
  private static NDArray gelu(NDArray x, NDArray alsoClose) {
    alsoClose.close();
    return gelu(x);
  }

  private static NDArray gelu(NDArray x) {
    NDArray y = Activation.gelu(x);
    x.close();
    return y;
  }

  private static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
    return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
  }

  /**
   * Rolls the predictor out {@code h} steps for {@code n} sequences.
   *
   * @param z0 start latents {@code [1, D]} (shared by all sequences) or {@code [n, D]}
   * @param actions the control inputs, time-major: {@code [h * n, A (+ J)]}, row {@code k * n + i}
   *     is step {@code k} of sequence {@code i}: the normalised action, then the normalised joint
   *     positions when the predictor takes them
   * @return the predicted latents {@code [n, h, D]} (step {@code k} of sequence {@code i} at {@code
   *     [i, k]}); every array created attaches to the manager of {@code z0}, run it in a child
   *     manager
   */
  NDArray rollout(NDArray z0, NDArray actions, int n, int h) {
    // Time-major rows: step k's actions are rows [k * n, (k + 1) * n), contiguous views.
    NDList perStep = h == 1 ? new NDList(actions) : actions.split(h, 0);
    NDArray z = z0;
    NDArray[] steps = new NDArray[h];
    int last = weights.size() - 1;
    for (int k = 0; k < h; k++) {
      NDArray view = perStep.get(k);
      NDArray part = linear(view, wa, b1); // the action part of the first layer, bias included
      if (h > 1) {
        view.close();
      }
      NDArray pre;
      if (z.getShape().get(0) == n) {
        pre = linear(z, wz, part); // one addmm: a-part + z Wz^T
      } else {
        NDArray zPart = linear(z, wz, null); // shared start latent: broadcast add
        pre = zPart.add(part);
        zPart.close();
      }
      part.close();
      NDArray x = gelu(pre);
      for (int l = 0; l < last; l++) {
        x = gelu(linear(x, weights.get(l), biases.get(l)), x);
      }
      NDArray delta = linear(x, weights.get(last), biases.get(last));
      x.close();
      z = z.add(delta);
      delta.close();
      steps[k] = z;
    }
    return h == 1 ? steps[0].expandDims(1) : ai.djl.ndarray.NDArrays.stack(new NDList(steps), 1);
  }

  @Override
  public void close() {
    for (NDArray a : owned) {
      a.close();
    }
  }
}
