package org.latentmpc.worldmodel.internal.node;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.worldmodel.BagTopics;
import org.latentmpc.worldmodel.SurpriseMonitor;
import org.latentmpc.worldmodel.WorldModel;
import org.latentmpc.worldmodel.WorldModels;
import org.latentmpc.worldmodel.internal.model.Checkpoints;

/**
 * The world-model node: loads the checkpoint named by {@code ~model}, serves batched rollouts on
 * {@code /world_model/predict} and publishes the model's surprise on {@code /world_model/surprise}
 * (std_msgs/Float64: mean squared error per latent dimension between the latent predicted after an
 * action on {@code ~action_topic} and the next latent on {@code /perception/latent}).
 *
 * <p>Models whose predictor also takes the joint positions ({@code predictor_proprio: positions},
 * {@link WorldModel#predictorJointDim} &gt; 0) are served from the request's {@code
 * joint_positions} (rad); for their surprise the node subscribes to {@code /joint_states}
 * (sensor_msgs/JointState, mapped by the checkpoint's joint names, else by position) and predicts
 * from the joint positions at the time of each action. Until a joint state has arrived it skips the
 * surprise (logged once).
 *
 * <p>It also sets {@code ~latent_dim}, {@code ~action_dim}, {@code ~model_id}, {@code
 * ~image_width}, {@code ~image_height}, {@code ~proprio_dim} and {@code ~predictor_joint_dim} so
 * that clients ({@link RemoteWorldModel}) can learn the model's sizes. One lock serialises all
 * model use.
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

  /** Joint states, for the surprise of models whose predictor takes the joint positions. */
  public static final String JOINT_STATES_TOPIC = "/joint_states";

  /** Default action topic (std_msgs/Float64MultiArray joint-position deltas in rad per step). */
  public static final String DEFAULT_ACTION_TOPIC = BagTopics.DELTA_ACTION_TOPIC;

  private final Object lock = new Object();
  private WorldModel model;
  private SurpriseMonitor monitor;
  private float[] latestLatent;
  private boolean haveLatent;
  private float[] action;
  private Publisher<Float64> surprisePublisher;
  // Joint-position models: the request's start positions (rad) and the positions at the last
  // action, both guarded by lock.
  private double[] requestQ;
  private double[] actionQ;
  private boolean warnedNoJointState;

  // The latest joint state in the model's joint order (rad), guarded by jointLock: a separate lock
  // so that joint states are not held up behind a long rollout.
  private final Object jointLock = new Object();
  private double[] sharedQ;
  private boolean haveJointState;
  private List<String> jointNames;
  private final Map<String, Integer> jointIndex = new HashMap<>();

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
    int jointDim = loaded.predictorJointDim();
    List<String> names = null;
    if (jointDim > 0) {
      List<String> fromCheckpoint = Checkpoints.readMetadata(dir).jointNames();
      if (fromCheckpoint != null && fromCheckpoint.size() == jointDim) {
        names = List.copyOf(fromCheckpoint);
      }
    }
    synchronized (jointLock) {
      sharedQ = new double[jointDim];
      jointNames = names;
      if (names != null) {
        for (int j = 0; j < names.size(); j++) {
          jointIndex.put(names.get(j), j);
        }
      }
    }
    synchronized (lock) {
      model = loaded;
      monitor = new SurpriseMonitor(loaded);
      latestLatent = new float[loaded.latentDim()];
      action = new float[loaded.actionDim()];
      requestQ = new double[jointDim];
      actionQ = new double[jointDim];
    }
    params.set("~latent_dim", loaded.latentDim());
    params.set("~action_dim", loaded.actionDim());
    params.set("~model_id", loaded.modelId());
    params.set("~image_width", loaded.imageWidth());
    params.set("~image_height", loaded.imageHeight());
    params.set("~proprio_dim", loaded.proprioDim());
    params.set("~predictor_joint_dim", jointDim);

    surprisePublisher = node.newPublisher(SURPRISE_TOPIC, Float64.TYPE);
    node.newServiceServer(PREDICT_SERVICE, Predict.TYPE, this::predict);
    Subscriber<Latent> latents = node.newSubscriber(LATENT_TOPIC, Latent.TYPE);
    latents.addMessageListener(m -> onLatent(node, m), 1);
    String actionTopic = params.getString("~action_topic", DEFAULT_ACTION_TOPIC);
    Subscriber<Float64MultiArray> actions = node.newSubscriber(actionTopic, Float64MultiArray.TYPE);
    actions.addMessageListener(m -> onAction(node, m), 10);
    if (jointDim > 0) {
      Subscriber<JointState> joints = node.newSubscriber(JOINT_STATES_TOPIC, JointState.TYPE);
      joints.addMessageListener(m -> onJointState(node, m), 4);
    }
    ready = true;
    node.getLog()
        .info(
            "world model {} loaded from {}: latent_dim={} action_dim={} predictor joints={};"
                + " serving {}",
            loaded.modelId(),
            dir,
            loaded.latentDim(),
            loaded.actionDim(),
            jointDim == 0 ? "none" : names != null ? names : jointDim + " in joint-state order",
            PREDICT_SERVICE);
  }

  private void predict(PredictRequest request, PredictResponse response) throws ServiceException {
    synchronized (lock) {
      if (model == null) {
        throw new ServiceException("the world model is shut down");
      }
      int jointDim = model.predictorJointDim();
      String error =
          PredictValidation.check(
              request, model.latentDim(), model.actionDim(), jointDim, model.modelId());
      if (error != null) {
        throw new ServiceException(error);
      }
      int n = request.getNumSequences();
      int h = request.getHorizon();
      float[] out = new float[n * h * model.latentDim()];
      if (out.length > 0) {
        if (jointDim > 0) {
          float[] q0 = request.getJointPositions();
          for (int j = 0; j < jointDim; j++) {
            requestQ[j] = q0[j];
          }
          model.rollout(request.getLatent(), requestQ, request.getActions(), n, h, out);
        } else {
          model.rollout(request.getLatent(), request.getActions(), n, h, out);
        }
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
      if (actionQ.length == 0) {
        monitor.predict(latestLatent, action);
        return;
      }
      boolean joints;
      synchronized (jointLock) {
        joints = haveJointState;
        System.arraycopy(sharedQ, 0, actionQ, 0, actionQ.length);
      }
      if (!joints) {
        if (!warnedNoJointState) {
          warnedNoJointState = true;
          node.getLog()
              .warn(
                  "no joint state on {} yet: the predictor of model {} takes the joint positions,"
                      + " so the surprise is skipped until one arrives",
                  JOINT_STATES_TOPIC,
                  model.modelId());
        }
        return;
      }
      monitor.predict(latestLatent, actionQ, action);
    }
  }

  /**
   * Keeps the latest joint positions (rad) in the model's joint order: by the checkpoint's joint
   * names when it has them, else in message order (then it must have exactly one position per
   * joint). A joint state that lacks some of the model's joints or has non-finite positions is
   * logged and changes nothing.
   */
  private void onJointState(Node node, JointState message) {
    String[] names = message.getName();
    double[] pos = message.getPosition();
    synchronized (jointLock) {
      int dim = sharedQ.length;
      if (jointNames == null) {
        if (pos.length != dim) {
          node.getLog()
              .error(
                  "{}: joint state with {} positions ignored: the model's predictor takes {}",
                  JOINT_STATES_TOPIC,
                  pos.length,
                  dim);
          return;
        }
        for (int j = 0; j < dim; j++) {
          if (!Double.isFinite(pos[j])) {
            node.getLog()
                .error("{}: joint state with a non-finite position ignored", JOINT_STATES_TOPIC);
            return;
          }
        }
        System.arraycopy(pos, 0, sharedQ, 0, dim);
        haveJointState = true;
        return;
      }
      if (names.length != pos.length) {
        node.getLog()
            .error(
                "{}: joint state with {} names and {} positions ignored",
                JOINT_STATES_TOPIC,
                names.length,
                pos.length);
        return;
      }
      int found = 0;
      for (int i = 0; i < names.length; i++) {
        if (jointIndex.get(names[i]) != null) {
          if (!Double.isFinite(pos[i])) {
            node.getLog()
                .error("{}: joint state ignored: {} is {}", JOINT_STATES_TOPIC, names[i], pos[i]);
            return;
          }
          found++;
        }
      }
      if (found < dim) {
        node.getLog()
            .error(
                "{}: joint state ignored: it lacks some of the model's joints {}",
                JOINT_STATES_TOPIC,
                jointNames);
        return;
      }
      for (int i = 0; i < names.length; i++) {
        Integer j = jointIndex.get(names[i]);
        if (j != null) {
          sharedQ[j] = pos[i];
        }
      }
      haveJointState = true;
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
