package org.latentmpc.worldmodel.internal.node;

import java.util.List;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.ParameterTree;
import org.latentmpc.ros.ServiceClient;
import org.latentmpc.ros.ServiceException;
import org.latentmpc.ros.ServiceNotFoundException;
import org.latentmpc.ros.msgs.latent_mpc_msgs.Predict;
import org.latentmpc.ros.msgs.latent_mpc_msgs.PredictRequest;
import org.latentmpc.ros.msgs.latent_mpc_msgs.PredictResponse;
import org.latentmpc.worldmodel.Observation;
import org.latentmpc.worldmodel.WorldModel;

/**
 * A {@link WorldModel} whose rollouts are served by the world-model node's Predict service over a
 * persistent TCPROS connection. The sizes and model id are read from the parameters the node sets
 * in its namespace (the service's parent namespace, e.g. {@code /world_model/latent_dim}) and the
 * latent size and joint-position inputs are checked with a probe call (zero sequences). Encoding is
 * not available remotely: that is the perception node's job. Not thread-safe.
 *
 * <p>For a model whose predictor takes the joint positions ({@code
 * /world_model/predictor_joint_dim} &gt; 0; 0 when a node does not set it) rollouts go through
 * {@link #rollout(float[], double[], float[], int, int, float[])}, which sends the start joint
 * positions as the request's {@code joint_positions} (float32, rad); the plain rollout is refused,
 * as in-process.
 */
public final class RemoteWorldModel implements WorldModel {
  private final ServiceClient<PredictRequest, PredictResponse> client;
  private final String service;
  private final int latentDim;
  private final int actionDim;
  private final int imageWidth;
  private final int imageHeight;
  private final int proprioDim;
  private final String modelId;
  private final int predictorJointDim;
  private final float[] jointPositions;
  private final PredictRequest request;

  private RemoteWorldModel(
      ServiceClient<PredictRequest, PredictResponse> client,
      String service,
      ParameterTree params,
      String ns) {
    this.client = client;
    this.service = service;
    String latentParam = ns + "latent_dim";
    String actionParam = ns + "action_dim";
    if (!params.has(latentParam) || !params.has(actionParam)) {
      throw new IllegalStateException(
          "parameters "
              + latentParam
              + " and "
              + actionParam
              + " are not set: is the world-model node serving "
              + service
              + " running?");
    }
    latentDim = params.getInteger(latentParam);
    actionDim = params.getInteger(actionParam);
    imageWidth = params.getInteger(ns + "image_width", 0);
    imageHeight = params.getInteger(ns + "image_height", 0);
    proprioDim = params.getInteger(ns + "proprio_dim", 0);
    modelId = params.getString(ns + "model_id", "");
    String jointParam = ns + "predictor_joint_dim";
    predictorJointDim = params.getInteger(jointParam, 0);
    if (predictorJointDim < 0) {
      throw new IllegalStateException(
          "parameter " + jointParam + " is " + predictorJointDim + ", must not be negative");
    }
    jointPositions = new float[predictorJointDim];
    request = client.newRequest();
    request.setModel(modelId);
    request.setActionDim(actionDim);
    // The probe also sends predictor_joint_dim joint positions: a node whose model takes another
    // number refuses it, so a wrong parameter cannot go unnoticed.
    request.setJointPositions(jointPositions);
    PredictResponse probe = call(new float[latentDim], new float[0], 0, 0);
    if (probe.getLatentDim() != latentDim) {
      throw new IllegalStateException(
          service
              + " answers latent_dim "
              + probe.getLatentDim()
              + " but its parameter "
              + latentParam
              + " says "
              + latentDim);
    }
  }

  /**
   * Connects to the Predict service {@code service} (e.g. {@code /world_model/predict}) through
   * {@code node}.
   *
   * @throws IllegalStateException when the service or the node's size parameters are missing or the
   *     probe call fails
   */
  public static RemoteWorldModel connect(ConnectedNode node, String service) {
    String resolved = node.resolveName(service);
    int slash = resolved.lastIndexOf('/');
    String ns = resolved.substring(0, slash + 1);
    ServiceClient<PredictRequest, PredictResponse> client;
    try {
      client = node.newServiceClient(resolved, Predict.TYPE, true);
    } catch (ServiceNotFoundException e) {
      throw new IllegalStateException("world-model service " + resolved + " not found", e);
    }
    try {
      return new RemoteWorldModel(client, resolved, node.getParameterTree(), ns);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private PredictResponse call(float[] z0, float[] actions, int n, int h) {
    request.setLatent(z0);
    request.setActions(actions);
    request.setNumSequences(n);
    request.setHorizon(h);
    try {
      return client.call(request);
    } catch (ServiceException e) {
      throw new IllegalStateException(
          "world-model service " + service + " failed: " + e.getMessage(), e);
    }
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
    return imageWidth;
  }

  @Override
  public int imageHeight() {
    return imageHeight;
  }

  @Override
  public int proprioDim() {
    return proprioDim;
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public int predictorJointDim() {
    return predictorJointDim;
  }

  @Override
  public void encode(Observation observation, float[] zOut) {
    throw new UnsupportedOperationException(
        "a remote world model cannot encode observations: subscribe to the perception node's"
            + " /perception/latent instead");
  }

  @Override
  public float[][] encode(List<Observation> observations) {
    throw new UnsupportedOperationException(
        "a remote world model cannot encode observations: subscribe to the perception node's"
            + " /perception/latent instead");
  }

  @Override
  public void rollout(float[] z0, float[] actions, int n, int h, float[] out) {
    if (predictorJointDim > 0) {
      throw new IllegalStateException(
          "the predictor of model "
              + modelId
              + " takes the joint positions: roll it out from them"
              + " (rollout(z0, q0Rad, actions, n, h, out))");
    }
    rolloutChecked(z0, actions, n, h, out);
  }

  /**
   * Batched rollout from the start joint positions {@code q0Rad} (length {@link
   * #predictorJointDim}, in the model's joint order, sent as float32); models without joint inputs
   * ignore them.
   */
  @Override
  public void rollout(float[] z0, double[] q0Rad, float[] actions, int n, int h, float[] out) {
    if (predictorJointDim > 0) {
      if (q0Rad == null || q0Rad.length != predictorJointDim) {
        throw new IllegalArgumentException(
            "q0Rad has length "
                + (q0Rad == null ? "none" : String.valueOf(q0Rad.length))
                + ", the predictor takes "
                + predictorJointDim
                + " joint positions");
      }
      for (int j = 0; j < predictorJointDim; j++) {
        if (!Double.isFinite(q0Rad[j])) {
          throw new IllegalArgumentException("q0Rad[" + j + "] is " + q0Rad[j]);
        }
      }
      for (int j = 0; j < predictorJointDim; j++) {
        jointPositions[j] = (float) q0Rad[j];
      }
    }
    rolloutChecked(z0, actions, n, h, out);
  }

  private void rolloutChecked(float[] z0, float[] actions, int n, int h, float[] out) {
    if (n < 0 || h < 0) {
      throw new IllegalArgumentException("n (" + n + ") and h (" + h + ") must not be negative");
    }
    if ((long) n * h > PredictValidation.MAX_SEQUENCE_STEPS) {
      throw new IllegalArgumentException(
          "n*h = " + ((long) n * h) + " exceeds " + PredictValidation.MAX_SEQUENCE_STEPS);
    }
    int d = latentDim;
    if (z0.length != d && z0.length != n * d) {
      throw new IllegalArgumentException(
          "z0 has length " + z0.length + ", expected " + d + " or n*D = " + (n * d));
    }
    if (actions.length != n * h * actionDim) {
      throw new IllegalArgumentException(
          "actions has length " + actions.length + ", expected n*h*A = " + (n * h * actionDim));
    }
    if (out.length != n * h * d) {
      throw new IllegalArgumentException(
          "out has length " + out.length + ", expected n*h*D = " + (n * h * d));
    }
    if (n == 0 || h == 0) {
      return;
    }
    if (z0.length == d) {
      copy(call(z0, actions, n, h), out, 0, out.length);
      return;
    }
    // One start latent per sequence: the service takes one start, so one call per sequence.
    float[] z = new float[d];
    float[] a = new float[h * actionDim];
    for (int i = 0; i < n; i++) {
      System.arraycopy(z0, i * d, z, 0, d);
      System.arraycopy(actions, i * h * actionDim, a, 0, a.length);
      copy(call(z, a, 1, h), out, i * h * d, h * d);
    }
  }

  private void copy(PredictResponse response, float[] out, int offset, int length) {
    float[] predicted = response.getPredicted();
    int got = predicted == null ? 0 : predicted.length;
    if (got != length) {
      throw new IllegalStateException(
          "world-model service " + service + " sent " + got + " values, expected " + length);
    }
    System.arraycopy(predicted, 0, out, offset, length);
  }

  @Override
  public void close() {
    client.close();
  }
}
