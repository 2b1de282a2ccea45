package org.latentmpc.worldmodel.internal.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.latentmpc.worldmodel.NormalisationStats;
import org.latentmpc.worldmodel.Observation;
import org.latentmpc.worldmodel.WorldModel;

/**
 * The in-process world model: DJL, PyTorch engine, CPU. Inputs go through preallocated workspaces
 * (one per input shape, reused while the shape stays the same); every call runs in a child {@link
 * NDManager} so no intermediate array outlives it.
 */
public final class DjlWorldModel implements WorldModel {

  private final NDManager manager;
  private final JepaNetwork network;
  private final NormalisationStats stats;
  private final String modelId;
  private final int latentDim;
  private final int actionDim;
  private final int width;
  private final int height;
  private final int proprioDim;
  private Workspace imageWs;
  private Workspace proprioWs;
  private Workspace z0Ws;
  private Workspace actionWs;
  private Workspace timeMajorActionWs;
  private final int predictorJointDim;
  private final int controlDim;
  private final double[] jointsWs;
  private final PredictorRollout fastRollout;
  private boolean closed;

  /**
   * Wraps a network whose parameters live on {@code manager}; closing the model closes the manager.
   * The rollout path snapshots the predictor weights here: change no parameter afterwards.
   */
  public DjlWorldModel(
      NDManager manager, JepaNetwork network, NormalisationStats stats, String modelId) {
    this.manager = manager;
    this.network = network;
    this.stats = stats;
    this.modelId = modelId;
    latentDim = network.latentDim();
    actionDim = network.actionDim();
    width = network.config().imageWidth();
    height = network.config().imageHeight();
    proprioDim = network.proprioDim();
    predictorJointDim = network.predictorJointDim();
    controlDim = actionDim + predictorJointDim;
    jointsWs = new double[predictorJointDim];
    if (predictorJointDim > 0 && predictorJointDim != actionDim) {
      throw new IllegalArgumentException(
          "a predictor on joint positions adds each action to them: it needs one action per joint,"
              + " got "
              + actionDim
              + " actions for "
              + predictorJointDim
              + " joints");
    }
    if (stats.actionMean().length != actionDim
        || stats.proprioMean().length != Math.max(proprioDim, predictorJointDim)) {
      throw new IllegalArgumentException("normalisation sizes do not match the network");
    }
    JniUtils.setGradMode(false);
    fastRollout = new PredictorRollout(manager, network);
  }

  /**
   * Loads a checkpoint folder.
   *
   * @throws org.latentmpc.worldmodel.CheckpointException when it is missing, corrupt or does not
   *     match
   */
  public static DjlWorldModel load(Path dir) {
    CheckpointMetadata m = Checkpoints.readMetadata(dir);
    NDManager manager = Engine.getEngine("PyTorch").newBaseManager();
    // PyTorch's grad mode is per thread and on by default; DJL turns it off only on the thread
    // that started the engine. Loading (and inference) on any other thread needs it off.
    JniUtils.setGradMode(false);
    try {
      JepaNetwork net =
          new JepaNetwork(
              manager, m.config(), m.proprioDim(), m.actionDim(), m.jointNames().size());
      Checkpoints.loadParameters(dir, m, manager, net, null);
      String digest = m.fileDigests().get(Checkpoints.MODEL_FILE);
      String name = dir.toAbsolutePath().normalize().getFileName().toString();
      return new DjlWorldModel(manager, net, m.stats(), name + "@" + digest.substring(0, 12));
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  @Override
  public float[] stateReadout() {
    return network.probeWeights();
  }

  /** The network (for training and evaluation code in this module). */
  public JepaNetwork network() {
    return network;
  }

  /** NDArrays alive on this model's manager and its children (a leak diagnostic). */
  public int managedArrayCount() {
    return manager.getManagedArrays().size();
  }

  /** The input normalisation. */
  public NormalisationStats stats() {
    return stats;
  }

  @Override
  public int latentDim() {
    return latentDim;
  }

  @Override
  public int actionDim() {
    return actionDim;
  }

  @Override
  public int imageWidth() {
    return width;
  }

  @Override
  public int imageHeight() {
    return height;
  }

  @Override
  public int proprioDim() {
    return proprioDim;
  }

  @Override
  public int predictorJointDim() {
    return predictorJointDim;
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public void encode(Observation observation, float[] zOut) {
    ensureOpen();
    if (zOut.length != latentDim) {
      throw new IllegalArgumentException(
          "zOut has length " + zOut.length + ", the latent size is " + latentDim);
    }
    Inputs.check(observation, width, height, proprioDim);
    imageWs = workspace(imageWs, new Shape(1, 3, height, width));
    Inputs.image(observation.rgb(), width, height, stats, imageWs.floats(), 0);
    if (proprioDim > 0) {
      proprioWs = workspace(proprioWs, new Shape(1, proprioDim));
      Inputs.proprio(
          observation.positions(), observation.velocities(), stats, proprioWs.floats(), 0);
    }
    try (NDManager call = manager.newSubManager()) {
      NDArray images = imageWs.array();
      images.tempAttach(call);
      NDArray proprio = null;
      if (proprioDim > 0) {
        proprio = proprioWs.array();
        proprio.tempAttach(call);
      }
      NDArray z = network.encode(images, proprio, false);
      z.toByteBuffer().asFloatBuffer().get(zOut, 0, latentDim);
    }
  }

  @Override
  public float[][] encode(List<Observation> observations) {
    ensureOpen();
    int b = observations.size();
    float[][] out = new float[b][latentDim];
    if (b == 0) {
      return out;
    }
    int plane = 3 * width * height;
    float[] img = new float[b * plane];
    float[] pro = new float[b * proprioDim];
    FloatBuffer imgBuf = FloatBuffer.wrap(img);
    FloatBuffer proBuf = FloatBuffer.wrap(pro);
    for (int i = 0; i < b; i++) {
      Observation o = observations.get(i);
      Inputs.check(o, width, height, proprioDim);
      Inputs.image(o.rgb(), width, height, stats, imgBuf, i * plane);
      if (proprioDim > 0) {
        Inputs.proprio(o.positions(), o.velocities(), stats, proBuf, i * proprioDim);
      }
    }
    try (NDManager call = manager.newSubManager()) {
      NDArray images = call.create(img, new Shape(b, 3, height, width));
      NDArray proprio = proprioDim > 0 ? call.create(pro, new Shape(b, proprioDim)) : null;
      float[] flat = network.encode(images, proprio, false).toFloatArray();
      for (int i = 0; i < b; i++) {
        System.arraycopy(flat, i * latentDim, out[i], 0, latentDim);
      }
    }
    return out;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Runs the batched path ({@link PredictorRollout}): no per-step concatenation or indexing,
   * seven engine calls per step (depth 2) whose dead intermediates are closed at once, one stack
   * and one copy out. Equals {@link #rolloutStepwise} up to float rounding.
   */
  @Override
  public void rollout(float[] z0, float[] actions, int n, int h, float[] out) {
    if (predictorJointDim > 0) {
      throw new IllegalStateException(
          "this model's predictor takes the joint positions: roll out from them"
              + " (rollout(z0, q0Rad, actions, n, h, out))");
    }
    rollout(z0, null, actions, n, h, out);
  }

  @Override
  public void rollout(float[] z0, double[] q0Rad, float[] actions, int n, int h, float[] out) {
    ensureOpen();
    boolean shared = checkRollout(z0, q0Rad, actions, n, h, out);
    z0Ws = workspace(z0Ws, new Shape(shared ? 1 : n, latentDim));
    z0Ws.floats().put(0, z0);
    // Time-major ([h * n, A (+ J)]) so each step's slice of the control input is contiguous.
    timeMajorActionWs = workspace(timeMajorActionWs, new Shape((long) h * n, controlDim));
    packControls(actions, q0Rad, n, h, timeMajorActionWs.floats(), true);
    try (NDManager call = manager.newSubManager()) {
      NDArray z = z0Ws.array();
      z.tempAttach(call);
      NDArray a = timeMajorActionWs.array();
      a.tempAttach(call);
      NDArray all = fastRollout.rollout(z, a, n, h);
      // A view of the (contiguous) tensor's memory, valid while it lives: one copy, into out.
      all.toByteBuffer(true).asFloatBuffer().get(out, 0, out.length);
    }
  }

  /**
   * The step-by-step reference rollout: one {@link JepaNetwork#predict} call per step (the path
   * training takes: concatenation, predictor block). Same contract as {@link #rollout}; slower. For
   * tests and benchmarks.
   */
  public void rolloutStepwise(
      float[] z0, double[] q0Rad, float[] actions, int n, int h, float[] out) {
    ensureOpen();
    boolean shared = checkRollout(z0, q0Rad, actions, n, h, out);
    z0Ws = workspace(z0Ws, new Shape(shared ? 1 : n, latentDim));
    z0Ws.floats().put(0, z0);
    actionWs = workspace(actionWs, new Shape(n, h, controlDim));
    packControls(actions, q0Rad, n, h, actionWs.floats(), false);
    try (NDManager call = manager.newSubManager()) {
      NDArray z = z0Ws.array();
      z.tempAttach(call);
      NDArray a = actionWs.array();
      a.tempAttach(call);
      if (shared) {
        z = z.broadcast(new Shape(n, latentDim));
      }
      List<NDArray> steps = new ArrayList<>(h);
      for (int k = 0; k < h; k++) {
        z = network.predict(z, a.get(new NDIndex(":, {}, :", k)), false);
        steps.add(z);
      }
      NDArray all = h == 1 ? steps.get(0).expandDims(1) : NDArrays.stack(steps, 1);
      all.toByteBuffer().asFloatBuffer().get(out, 0, out.length);
    }
  }

  /**
   * Writes the predictor's control inputs of every step: the normalised action, then (for a
   * predictor on joint positions) the normalised positions before the step, {@code q0} plus the
   * actions so far. Rows are time-major ({@code k * n + i}) or sequence-major ({@code i * h + k}).
   */
  private void packControls(
      float[] actions, double[] q0Rad, int n, int h, FloatBuffer dst, boolean timeMajor) {
    for (int i = 0; i < n; i++) {
      if (predictorJointDim > 0) {
        System.arraycopy(q0Rad, 0, jointsWs, 0, predictorJointDim);
      }
      for (int k = 0; k < h; k++) {
        int row = (timeMajor ? k * n + i : i * h + k) * controlDim;
        int src = (i * h + k) * actionDim;
        Inputs.actions(actions, src, actionDim, stats, dst, row);
        for (int j = 0; j < predictorJointDim; j++) {
          dst.put(
              row + actionDim + j,
              (float) ((jointsWs[j] - stats.proprioMean()[j]) / stats.proprioStd()[j]));
          jointsWs[j] += actions[src + j];
        }
      }
    }
  }

  /** Validates rollout arguments; true when {@code z0} is one latent shared by all sequences. */
  private boolean checkRollout(
      float[] z0, double[] q0Rad, float[] actions, int n, int h, float[] out) {
    if (n <= 0 || h <= 0) {
      throw new IllegalArgumentException("n and h must be positive, got " + n + ", " + h);
    }
    if (predictorJointDim > 0) {
      if (q0Rad == null || q0Rad.length != predictorJointDim) {
        throw new IllegalArgumentException(
            "the predictor takes "
                + predictorJointDim
                + " joint positions, got "
                + (q0Rad == null ? "none" : String.valueOf(q0Rad.length)));
      }
      for (int j = 0; j < q0Rad.length; j++) {
        if (!Double.isFinite(q0Rad[j])) {
          throw new IllegalArgumentException("q0Rad[" + j + "] is " + q0Rad[j]);
        }
      }
    }
    boolean shared = z0.length == latentDim;
    if (!shared && z0.length != n * latentDim) {
      throw new IllegalArgumentException(
          "z0 has length " + z0.length + ", expected " + latentDim + " or n*" + latentDim);
    }
    if (actions.length != n * h * actionDim) {
      throw new IllegalArgumentException(
          "actions has length "
              + actions.length
              + ", expected n*h*actionDim = "
              + n * h * actionDim);
    }
    if (out.length != n * h * latentDim) {
      throw new IllegalArgumentException(
          "out has length " + out.length + ", expected n*h*latentDim = " + n * h * latentDim);
    }
    for (int i = 0; i < z0.length; i++) {
      if (!Float.isFinite(z0[i])) {
        throw new IllegalArgumentException("z0[" + i + "] is " + z0[i]);
      }
    }
    return shared;
  }

  private Workspace workspace(Workspace ws, Shape shape) {
    if (ws != null && ws.shape().equals(shape)) {
      return ws;
    }
    if (ws != null) {
      ws.close();
    }
    return new Workspace(manager, shape);
  }

  private void ensureOpen() {
    JniUtils.setGradMode(false); // this thread may be new to the engine: inference only
    if (closed) {
      throw new IllegalStateException("the world model is closed");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      manager.close();
    }
  }
}
