package org.latentmpc.perception.internal.node;

import java.nio.file.Path;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.Node;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.ParameterTree;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.Subscriber;
import org.latentmpc.ros.msgs.latent_mpc_msgs.Latent;
import org.latentmpc.ros.msgs.sensor_msgs.Image;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Header;
import org.latentmpc.worldmodel.ImageConversion;
import org.latentmpc.worldmodel.Observation;
import org.latentmpc.worldmodel.WorldModel;
import org.latentmpc.worldmodel.WorldModels;

/**
 * The perception node: encodes each camera image on {@code /camera/image_raw} (with the latest
 * joint state on {@code /joint_states} stamped at or before it, when the model uses proprioception)
 * with the world-model encoder loaded from {@code ~model}, and publishes the latent on {@code
 * /perception/latent} stamped with the image's stamp.
 *
 * <p>Encoding runs on the image subscriber's thread with a queue of 1, so stale frames are dropped
 * when encoding is slower than the camera. Images are converted to rgb8 at the model's size where
 * sensible (rgb8, bgr8, rgba8, bgra8, mono8, any size); other frames are logged and dropped, and
 * the node keeps running. Each published latent gets its own array (subscribers in the same process
 * receive the message object itself).
 */
public final class PerceptionNode implements NodeMain {
  /** Default node name. */
  public static final String DEFAULT_NAME = "perception";

  /** Camera topic (sensor_msgs/Image). */
  public static final String IMAGE_TOPIC = "/camera/image_raw";

  /** Joint-state topic (sensor_msgs/JointState), used when the model takes proprioception. */
  public static final String JOINT_STATE_TOPIC = "/joint_states";

  /** Output topic (latent_mpc_msgs/Latent). */
  public static final String LATENT_TOPIC = "/perception/latent";

  private static final int JOINT_STATE_HISTORY = 64;

  private final Object lock = new Object();
  private WorldModel model;
  private Publisher<Latent> publisher;
  private JointStateHistory jointStates;
  private long framesDropped;

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
    node.getLog().error("perception node " + node.getName() + " failed: " + error, error);
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
    }
    publisher = node.newPublisher(LATENT_TOPIC, Latent.TYPE);
    if (loaded.proprioDim() > 0) {
      jointStates = new JointStateHistory(JOINT_STATE_HISTORY);
      Subscriber<JointState> js = node.newSubscriber(JOINT_STATE_TOPIC, JointState.TYPE);
      js.addMessageListener(jointStates::add, JOINT_STATE_HISTORY);
    }
    Subscriber<Image> images = node.newSubscriber(IMAGE_TOPIC, Image.TYPE);
    images.addMessageListener(m -> onImage(node, m), 1);
    ready = true;
    node.getLog()
        .info(
            "perception: encoder {} ({}x{}, proprio {}) loaded from {}",
            loaded.modelId(),
            loaded.imageWidth(),
            loaded.imageHeight(),
            loaded.proprioDim(),
            dir);
  }

  /** Frames dropped because they could not be converted or encoded. */
  public long framesDropped() {
    synchronized (lock) {
      return framesDropped;
    }
  }

  private void onImage(Node node, Image image) {
    Latent latent;
    synchronized (lock) {
      if (model == null) {
        return;
      }
      try {
        latent = encode(image);
      } catch (IllegalArgumentException e) {
        framesDropped++;
        node.getLog().error("{}: frame dropped: {}", IMAGE_TOPIC, e.getMessage());
        return;
      }
    }
    publisher.publish(latent);
  }

  /** The latent of {@code image}; IllegalArgumentException when it cannot be encoded. */
  private Latent encode(Image image) {
    Header imageHeader = image.getHeader();
    byte[] rgb = ImageConversion.toRgb8(image, model.imageWidth(), model.imageHeight());
    Observation observation;
    if (model.proprioDim() > 0) {
      JointState js = jointStates.atOrBefore(imageHeader.getStamp().toNanos());
      if (js == null) {
        throw new IllegalArgumentException(
            "no joint state on " + JOINT_STATE_TOPIC + " at or before the image stamp");
      }
      observation =
          new Observation(
              model.imageWidth(), model.imageHeight(), rgb, js.getPosition(), js.getVelocity());
    } else {
      observation = Observation.ofImage(model.imageWidth(), model.imageHeight(), rgb);
    }
    float[] z = new float[model.latentDim()];
    model.encode(observation, z);
    Header header = new Header();
    header.setSeq(imageHeader.getSeq());
    header.setStamp(imageHeader.getStamp());
    header.setFrameId(imageHeader.getFrameId());
    Latent latent = new Latent();
    latent.setHeader(header);
    latent.setModel(model.modelId());
    latent.setData(z);
    return latent;
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
