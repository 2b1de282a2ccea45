package org.latentmpc.worldmodel.internal.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A preallocated input: a direct buffer and a float NDArray of a fixed shape on a long-lived
 * manager. Fill {@link #floats()}, then {@link #array()} pushes the values into the NDArray.
 */
final class Workspace implements AutoCloseable {
  private final ByteBuffer bytes;
  private final FloatBuffer floats;
  private final NDArray array;
  private final Shape shape;

  Workspace(NDManager manager, Shape shape) {
    this.shape = shape;
    int n = Math.toIntExact(shape.size());
    bytes = ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder());
    floats = bytes.asFloatBuffer();
    array = manager.zeros(shape);
  }

  Shape shape() {
    return shape;
  }

  FloatBuffer floats() {
    return floats;
  }

  /** The NDArray holding the buffer's current values. */
  NDArray array() {
    bytes.rewind();
    array.set(bytes);
    return array;
  }

  @Override
  public void close() {
    array.close();
  }
}
