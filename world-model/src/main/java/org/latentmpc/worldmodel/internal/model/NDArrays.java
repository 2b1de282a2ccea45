package org.latentmpc.worldmodel.internal.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;

/** Small NDArray helpers. */
final class NDArrays {
  private NDArrays() {}

  /** Stacks arrays along a new axis {@code axis}. */
  static NDArray stack(List<NDArray> arrays, int axis) {
    return ai.djl.ndarray.NDArrays.stack(new NDList(arrays), axis);
  }
}
