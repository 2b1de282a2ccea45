package org.latentmpc.worldmodel.internal.node;

import java.nio.file.Path;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.Node;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.ParameterTree;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.ServiceException;
import org.latentmpc.ros.Subscriber;
import org.latentmpc.ros.msgs.latent_mpc_msgs.Latent;
import org.latentmpc.ros.msgs.latent_mpc_msgs.Predict;
import org.latentmpc.ros.msgs.latent_mpc_msgs.PredictRequest;
import org.latentmpc.ros.msgs.latent_mpc_msgs.PredictResponse;
import org.latentmpc.ros.msgs.std_msgs.Float64;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.worldmodel.BagTopics;
import org.latentmpc.worldmodel.SurpriseMonitor;
import org.latentmpc.worldmodel.WorldModel;
import org.latentmpc.worldmodel.WorldModels;

/**
 * The world-model node: loads the checkpoint named by {@code ~model}, serves batched rollouts on
 * {@code /world_model/predict} and publishes the model's surprise on {@code /world_model/surprise}
 * (std_msgs/Float64: mean squared error per latent dimension between the latent predicted after an
 * action on {@code ~action_topic} and the next latent on {@code /perception/latent}).
 *
 * <p>It also sets {@code ~latent_dim}, {@code ~action_dim}, {@code ~model_id}, {@code
 * ~image_width}, {@code ~image_height} and {@code ~proprio_dim} so that clients ({@link
 * RemoteWorldModel}) can learn the model's sizes. One lock serialises all model use.
 */
public final class WorldModelNode implements NodeMain {
  /** Default node name. */
  public static final String DEFAULT_NAME = "world_model";

  /** The rollout service. */
  public static final String PREDICT_SERVICE = "/world_model/predict";

  /** Where the surprise is published. */
  public static final String SURPRISE_TOPIC = "/world_model/surprise";

  /** Latents observed by the perception node. */
  public static final String LATENT_TOPIC = "/perception/latent";

  /** Default action topic (std_msgs/Float64MultiArray joint-position deltas in rad per step). */
  public static final String DEFAULT_ACTION_TOPIC = BagTopics.DELTA_ACTION_TOPIC;

  private final Object lock = new Object();
  private WorldModel model;
  private SurpriseMonitor monitor;
  private float[] latestLatent;
  private boolean haveLatent;
  private float[] action;
  private Publisher<Float64> surprisePublisher;

  private volatile boolean ready;
  private volatile Throwable failure;

  /** Whether {@link #onStart} has completed: the model is loaded and the node is serving. */
  public boolean isReady() {
    return ready;
  }

  /** The error that stopped {@link #onStart} (e.g. a missing {@code ~model}), or null. */
  public Throwable failure() {
    return failure;
  }

  @Override
  public void onError(Node node, Throwable error) {
    failure = error;
    node.getLog().error("world-model node " + node.getName() + " failed: " + error, error);
  }

  @Override
  public String getDefaultNodeName() {
    return DEFAULT_NAME;
  }

  @Override
  public void onStart(ConnectedNode node) {
    ParameterTree params = node.getParameterTree();
    if (!params.has("~model")) {
      throw new IllegalArgumentException(
          "parameter ~model (the world-model checkpoint directory) is required for node "
              + node.getName());
    }
    Path dir = Path.of(params.getString("~model"));
    WorldModel loaded = WorldModels.load(dir);
    synchronized (lock) {
      model = loaded;
      // The surprise check rolls the model out from latents and actions alone; a predictor that
      // also takes the joint positions would need the joint state as well (not wired yet).
      monitor = loaded.predictorJointDim() > 0 ? null : new SurpriseMonitor(loaded);
      latestLatent = new float[loaded.latentDim()];
      action = new float[loaded.actionDim()];
    }
    params.set("~latent_dim", loaded.latentDim());
    params.set("~action_dim", loaded.actionDim());
    params.set("~model_id", loaded.modelId());
    params.set("~image_width", loaded.imageWidth());
    params.set("~image_height", loaded.imageHeight());
    params.set("~proprio_dim", loaded.proprioDim());

    surprisePublisher = node.newPublisher(SURPRISE_TOPIC, Float64.TYPE);
    node.newServiceServer(PREDICT_SERVICE, Predict.TYPE, this::predict);
    Subscriber<Latent> latents = node.newSubscriber(LATENT_TOPIC, Latent.TYPE);
    latents.addMessageListener(m -> onLatent(node, m), 1);
    String actionTopic = params.getString("~action_topic", DEFAULT_ACTION_TOPIC);
    Subscriber<Float64MultiArray> actions = node.newSubscriber(actionTopic, Float64MultiArray.TYPE);
    actions.addMessageListener(m -> onAction(node, m), 10);
    ready = true;
    node.getLog()
        .info(
            "world model {} loaded from {}: latent_dim={} action_dim={}; serving {}",
            loaded.modelId(),
            dir,
            loaded.latentDim(),
            loaded.actionDim(),
            PREDICT_SERVICE);
  }

  private void predict(PredictRequest request, PredictResponse response) throws ServiceException {
    synchronized (lock) {
      if (model == null) {
        throw new ServiceException("the world model is shut down");
      }
      if (model.predictorJointDim() > 0) {
        throw new ServiceException(
            "model "
                + model.modelId()
                + " predicts from the joint positions too, which a Predict request does not"
                + " carry: roll it out in-process");
      }
      String error =
          PredictValidation.check(request, model.latentDim(), model.actionDim(), model.modelId());
      if (error != null) {
        throw new ServiceException(error);
      }
      int n = request.getNumSequences();
      int h = request.getHorizon();
      float[] out = new float[n * h * model.latentDim()];
      if (out.length > 0) {
        model.rollout(request.getLatent(), request.getActions(), n, h, out);
      }
      response.setLatentDim(model.latentDim());
      response.setPredicted(out);
    }
  }

  private void onLatent(Node node, Latent message) {
    float[] z = message.getData();
    double surprise;
    synchronized (lock) {
      if (model == null) {
        return;
      }
      if (z == null || z.length != latestLatent.length) {
        node.getLog()
            .error(
                "{}: latent of length {} dropped, the model's latent_dim is {}",
                LATENT_TOPIC,
                z == null ? 0 : z.length,
                latestLatent.length);
        return;
      }
      if (monitor == null) {
        return;
      }
      surprise = monitor.observe(z);
      System.arraycopy(z, 0, latestLatent, 0, z.length);
      haveLatent = true;
    }
    if (!Double.isNaN(surprise)) {
      Float64 out = new Float64();
      out.setData(surprise);
      surprisePublisher.publish(out);
    }
  }

  private void onAction(Node node, Float64MultiArray message) {
    double[] data = message.getData();
    synchronized (lock) {
      if (model == null || !haveLatent) {
        return;
      }
      if (data == null || data.length != action.length) {
        node.getLog()
            .error(
                "action of length {} dropped, the model's action_dim is {}",
                data == null ? 0 : data.length,
                action.length);
        return;
      }
      for (int i = 0; i < data.length; i++) {
        action[i] = (float) data[i];
      }
      if (monitor != null) {
        monitor.predict(latestLatent, action);
      }
    }
  }

  @Override
  public void onShutdown(Node node) {
    synchronized (lock) {
      if (model != null) {
        model.close();
        model = null;
      }
    }
  }
}
