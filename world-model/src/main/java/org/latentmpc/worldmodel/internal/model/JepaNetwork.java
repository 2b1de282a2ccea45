package org.latentmpc.worldmodel.internal.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentmpc.worldmodel.ModelConfig;

/**
 * The JEPA networks as DJL blocks: a CNN image encoder (stride-2 4x4 convolutions), fused with
 * normalised proprioception by a linear head into the latent, and an action-conditioned residual
 * MLP predictor {@code z_{t+1} = z_t + f(z_t, a_t)}; with {@code state_probe_weight > 0} also a
 * linear state probe from the latent to the robot's state, which only training uses.
 *
 * <p>Inputs are already normalised: images as float NCHW, proprioception and actions standardised.
 * Every intermediate array attaches to the manager of its input: callers run each call in a child
 * {@link NDManager}.
 */
public final class JepaNetwork implements AutoCloseable {

  private final ModelConfig config;
  private final int proprioDim;
  private final int actionDim;
  private final SequentialBlock cnn;
  private final Block head;
  private final SequentialBlock predictor;
  private final Block probe;
  private final int stateDim;
  private final int predictorJointDim;
  private final ParameterStore store;
  private final int featureDim;

  /**
   * Builds and initialises the blocks on {@code manager} (random initial weights from the engine's
   * random generator: seed it first for reproducible weights).
   *
   * @param jointCount joints of the robot's joint state: sizes the state probe ({@link
   *     ModelConfig#stateProbeDim}) and the predictor's joint-position input ({@link
   *     ModelConfig#predictorProprioDim}) when the config has them
   */
  public JepaNetwork(
      NDManager manager, ModelConfig config, int proprioDim, int actionDim, int jointCount) {
    if (proprioDim < 0 || actionDim <= 0) {
      throw new IllegalArgumentException(
          "proprioDim must be >= 0 and actionDim > 0, got " + proprioDim + ", " + actionDim);
    }
    if ((config.hasStateProbe() || config.predictorTakesPositions()) && jointCount <= 0) {
      throw new IllegalArgumentException(
          "state_probe_weight > 0 and predictor_proprio need the joint positions of the data (no"
              + " joints recorded)");
    }
    this.stateDim = config.stateProbeDim(jointCount);
    this.predictorJointDim = config.predictorProprioDim(jointCount);
    this.config = config;
    this.proprioDim = proprioDim;
    this.actionDim = actionDim;
    cnn = new SequentialBlock();
    for (int channels : config.encoderChannels()) {
      cnn.add(
          Conv2d.builder()
              .setKernelShape(new Shape(4, 4))
              .optStride(new Shape(2, 2))
              .optPadding(new Shape(1, 1))
              .setFilters(channels)
              .build());
      cnn.add(Activation.reluBlock());
    }
    cnn.add(Blocks.batchFlattenBlock());
    int layers = config.encoderChannels().size();
    featureDim =
        config.encoderChannels().get(layers - 1)
            * (config.imageWidth() >> layers)
            * (config.imageHeight() >> layers);
    head = Linear.builder().setUnits(config.latentDim()).build();
    predictor = new SequentialBlock();
    for (int i = 0; i < config.predictorDepth(); i++) {
      predictor.add(Linear.builder().setUnits(config.predictorWidth()).build());
      predictor.add(Activation.geluBlock());
    }
    predictor.add(Linear.builder().setUnits(config.latentDim()).build());
    cnn.initialize(
        manager, DataType.FLOAT32, new Shape(2, 3, config.imageHeight(), config.imageWidth()));
    head.initialize(manager, DataType.FLOAT32, new Shape(2, featureDim + proprioDim));
    predictor.initialize(
        manager,
        DataType.FLOAT32,
        new Shape(2, config.latentDim() + actionDim + predictorJointDim));
    // The last predictor layer starts small so the initial dynamics are near the identity.
    Parameter lastWeight =
        predictor.getParameters().get(predictor.getParameters().size() - 2).getValue();
    lastWeight.getArray().muli(0.1f);
    if (this.stateDim > 0) {
      probe = Linear.builder().setUnits(this.stateDim).build();
      probe.initialize(manager, DataType.FLOAT32, new Shape(2, config.latentDim()));
    } else {
      probe = null;
    }
    store = new ParameterStore(manager, false);
  }

  /** The configuration the blocks were built for. */
  public ModelConfig config() {
    return config;
  }

  /** Proprioception inputs of the encoder (0 for image only). */
  public int proprioDim() {
    return proprioDim;
  }

  /** Action size of the predictor. */
  public int actionDim() {
    return actionDim;
  }

  /** Latent size. */
  public int latentDim() {
    return config.latentDim();
  }

  /**
   * Encodes normalised images {@code [B,3,H,W]} (plus normalised proprioception {@code [B,P]}, or
   * null when P = 0) to latents {@code [B,D]}.
   */
  public NDArray encode(NDArray images, NDArray proprio, boolean training) {
    NDArray features = cnn.forward(store, new NDList(images), training).singletonOrThrow();
    if (proprioDim > 0) {
      features = features.concat(proprio, 1);
    }
    return head.forward(store, new NDList(features), training).singletonOrThrow();
  }

  /**
   * One predictor step: latents {@code [B,D]} and its control input {@code [B,A+J]}: the normalised
   * actions, followed by the normalised joint positions when the predictor takes them ({@link
   * #predictorJointDim}).
   */
  public NDArray predict(NDArray z, NDArray control, boolean training) {
    NDArray delta =
        predictor.forward(store, new NDList(z.concat(control, 1)), training).singletonOrThrow();
    return z.add(delta);
  }

  /** Joint positions in the predictor's control input after the action (0: none). */
  public int predictorJointDim() {
    return predictorJointDim;
  }

  /** Outputs of the state probe (0: no probe). */
  public int stateDim() {
    return stateDim;
  }

  /**
   * The state probe's estimate of the standardised state from latents {@code [B,D]}: {@code
   * [B,stateDim]}.
   *
   * @throws IllegalStateException when the network has no probe
   */
  public NDArray probeState(NDArray z, boolean training) {
    if (probe == null) {
      throw new IllegalStateException("this network has no state probe (state_probe_weight 0)");
    }
    return probe.forward(store, new NDList(z), training).singletonOrThrow();
  }

  /** The state probe's weight matrix, row-major {@code [stateDim][D]} (empty: no probe). */
  public float[] probeWeights() {
    if (probe == null) {
      return new float[0];
    }
    for (Pair<String, Parameter> p : probe.getParameters()) {
      if (p.getKey().equals("weight")) {
        return p.getValue().getArray().toFloatArray();
      }
    }
    throw new IllegalStateException("the state probe has no weight parameter");
  }

  /** Every parameter of the encoder (CNN and head), in a fixed order. */
  public List<Parameter> encoderParameters() {
    List<Parameter> out = new ArrayList<>();
    for (Pair<String, Parameter> p : cnn.getParameters()) {
      out.add(p.getValue());
    }
    for (Pair<String, Parameter> p : head.getParameters()) {
      out.add(p.getValue());
    }
    return out;
  }

  /** Every parameter of the network, keyed by a stable name ("encoder.", "head.", "predictor."). */
  public Map<String, Parameter> parameters() {
    Map<String, Parameter> out = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : cnn.getParameters()) {
      out.put("encoder." + p.getKey(), p.getValue());
    }
    for (Pair<String, Parameter> p : head.getParameters()) {
      out.put("head." + p.getKey(), p.getValue());
    }
    for (Pair<String, Parameter> p : predictor.getParameters()) {
      out.put("predictor." + p.getKey(), p.getValue());
    }
    if (probe != null) {
      for (Pair<String, Parameter> p : probe.getParameters()) {
        out.put("probe." + p.getKey(), p.getValue());
      }
    }
    return out;
  }

  /**
   * Copies the weights of {@code other} (the start of a fine-tuning run): the encoder and head,
   * which must have the same shapes, and the predictor and state probe where their shapes match (a
   * predictor with other inputs, e.g. after adding the joint positions, starts fresh).
   *
   * @return how many parameters were copied and which were left at their initial values
   * @throws IllegalArgumentException when an encoder or head shape differs
   */
  public String copyWeightsFrom(JepaNetwork other) {
    Map<String, Parameter> theirs = other.parameters();
    int copied = 0;
    List<String> fresh = new ArrayList<>();
    for (Map.Entry<String, Parameter> e : parameters().entrySet()) {
      Parameter from = theirs.get(e.getKey());
      Shape want = e.getValue().getArray().getShape();
      Shape got = from == null ? null : from.getArray().getShape();
      if (want.equals(got)) {
        from.getArray().copyTo(e.getValue().getArray());
        copied++;
      } else if (e.getKey().startsWith("encoder.") || e.getKey().startsWith("head.")) {
        throw new IllegalArgumentException(
            "parameter " + e.getKey() + " has shape " + got + " there but " + want + " here");
      } else {
        fresh.add(e.getKey());
      }
    }
    return copied + " parameters copied" + (fresh.isEmpty() ? "" : ", fresh: " + fresh);
  }

  /** Marks every parameter as trainable (attaches gradients). */
  public void attachGradients() {
    for (Parameter p : parameters().values()) {
      p.getArray().setRequiresGradient(true);
    }
  }

  /** Copies every encoder parameter value from {@code other} (same architecture). */
  public void copyEncoderFrom(JepaNetwork other) {
    List<Parameter> mine = encoderParameters();
    List<Parameter> theirs = other.encoderParameters();
    for (int i = 0; i < mine.size(); i++) {
      theirs.get(i).getArray().copyTo(mine.get(i).getArray());
    }
  }

  /** Writes every parameter (encoder, head, predictor, probe) in DJL's parameter format. */
  public void save(DataOutputStream out) throws IOException {
    cnn.saveParameters(out);
    head.saveParameters(out);
    predictor.saveParameters(out);
    if (probe != null) {
      probe.saveParameters(out);
    }
  }

  /**
   * Reads parameters written by {@link #save}; every shape must equal this network's.
   *
   * @throws MalformedModelException when the data is corrupt or the shapes do not match
   */
  public void load(NDManager manager, DataInputStream in)
      throws IOException, MalformedModelException {
    Map<String, Shape> expected = new LinkedHashMap<>();
    parameters().forEach((k, v) -> expected.put(k, v.getArray().getShape()));
    cnn.loadParameters(manager, in);
    head.loadParameters(manager, in);
    predictor.loadParameters(manager, in);
    if (probe != null) {
      probe.loadParameters(manager, in);
    }
    for (Map.Entry<String, Parameter> e : parameters().entrySet()) {
      Shape got = e.getValue().getArray().getShape();
      if (!got.equals(expected.get(e.getKey()))) {
        throw new MalformedModelException(
            "parameter "
                + e.getKey()
                + " has shape "
                + got
                + " but the configuration needs "
                + expected.get(e.getKey()));
      }
    }
    if (in.read() != -1) {
      throw new MalformedModelException("trailing bytes after the last parameter");
    }
  }

  @Override
  public void close() {
    for (Parameter p : parameters().values()) {
      p.close();
    }
  }
}
