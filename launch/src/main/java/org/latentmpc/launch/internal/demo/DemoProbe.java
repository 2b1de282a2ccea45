package org.latentmpc.launch.internal.demo;

import java.util.ArrayList;
import java.util.List;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.ServiceClient;
import org.latentmpc.ros.ServiceException;
import org.latentmpc.ros.ServiceNotFoundException;
import org.latentmpc.ros.msgs.latent_mpc_msgs.Latent;
import org.latentmpc.ros.msgs.latent_mpc_msgs.PlanStatus;
import org.latentmpc.ros.msgs.latent_mpc_msgs.SetJointState;
import org.latentmpc.ros.msgs.latent_mpc_msgs.SetJointStateRequest;
import org.latentmpc.ros.msgs.latent_mpc_msgs.SetJointStateResponse;
import org.latentmpc.ros.msgs.sensor_msgs.Image;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;

/**
 * The demo's own node, in the graph's executor: watches {@code /joint_states}, {@code
 * /camera/image_raw}, {@code /perception/latent} and {@code /planner/status} (copying what it
 * keeps: in-process messages are the publishers' own objects), publishes goals on {@code
 * /planner/goal_joints} and holds on {@code /arm_controller/group_command}, and resets the arm with
 * {@code /sim/set_joint_state}. Thread-safe.
 */
final class DemoProbe implements NodeMain {
  /** Joint-trajectory samples closer than this in sim time are skipped (s). */
  private static final double SAMPLE_PERIOD_S = 0.02;

  /** One plan-status message, copied. */
  record Status(
      long receivedNanos, boolean reached, int iterations, double solveTimeS, String text) {}

  private final Object lock = new Object();
  private volatile ConnectedNode node;
  private Publisher<JointState> goalPublisher;
  private Publisher<Float64MultiArray> holdPublisher;
  private Publisher<Image> goalImagePublisher;

  // Guarded by lock.
  private String[] jointNames;
  private double[] lastPositions;
  private double lastStateTimeS = Double.NaN;
  private boolean recording;
  private double lastSampleS = Double.NEGATIVE_INFINITY;
  private final List<double[]> samples = new ArrayList<>(); // {t, q...}
  private byte[] lastImage;
  private int imageWidth;
  private int imageHeight;
  private double lastImageTimeS = Double.NaN;
  private long latents;
  private final List<Status> statuses = new ArrayList<>();

  @Override
  public String getDefaultNodeName() {
    return "demo";
  }

  @Override
  public void onStart(ConnectedNode connected) {
    goalPublisher = connected.newPublisher("/planner/goal_joints", JointState.TYPE);
    holdPublisher = connected.newPublisher("/arm_controller/group_command", Float64MultiArray.TYPE);
    goalImagePublisher = connected.newPublisher("/planner/goal_image", Image.TYPE);
    connected
        .newSubscriber("/joint_states", JointState.TYPE)
        .addMessageListener(this::onJointState, 16);
    connected.newSubscriber("/camera/image_raw", Image.TYPE).addMessageListener(this::onImage, 2);
    connected
        .newSubscriber("/perception/latent", Latent.TYPE)
        .addMessageListener(
            m -> {
              synchronized (lock) {
                latents++;
              }
            },
            2);
    connected
        .newSubscriber("/planner/status", PlanStatus.TYPE)
        .addMessageListener(this::onStatus, 64);
    node = connected; // last: started() means every publisher exists
  }

  private void onJointState(JointState m) {
    double t = m.getHeader().getStamp().toNanos() / 1e9;
    synchronized (lock) {
      jointNames = m.getName().clone();
      lastPositions = m.getPosition().clone();
      lastStateTimeS = t;
      if (recording && t - lastSampleS >= SAMPLE_PERIOD_S) {
        lastSampleS = t;
        double[] sample = new double[1 + lastPositions.length];
        sample[0] = t;
        System.arraycopy(lastPositions, 0, sample, 1, lastPositions.length);
        samples.add(sample);
      }
    }
  }

  private void onImage(Image m) {
    if (!"rgb8".equals(m.getEncoding())) {
      return;
    }
    byte[] copy = m.getData().clone();
    synchronized (lock) {
      lastImage = copy;
      imageWidth = m.getWidth();
      imageHeight = m.getHeight();
      lastImageTimeS = m.getHeader().getStamp().toNanos() / 1e9;
    }
  }

  private void onStatus(PlanStatus m) {
    Status s =
        new Status(
            System.nanoTime(),
            m.isGoalReached(),
            m.getIterations(),
            m.getSolveTimeS(),
            m.getMessage());
    synchronized (lock) {
      statuses.add(s);
    }
  }

  /** True once started. */
  boolean started() {
    return node != null;
  }

  /** True once joint states, a camera image, a latent and a planner status have arrived. */
  boolean graphReady() {
    synchronized (lock) {
      return node != null
          && lastPositions != null
          && lastImage != null
          && latents > 0
          && !statuses.isEmpty();
    }
  }

  /** What is still missing for {@link #graphReady}, for messages. */
  String missing() {
    synchronized (lock) {
      List<String> missing = new ArrayList<>();
      if (lastPositions == null) {
        missing.add("/joint_states");
      }
      if (lastImage == null) {
        missing.add("/camera/image_raw");
      }
      if (latents == 0) {
        missing.add("/perception/latent");
      }
      if (statuses.isEmpty()) {
        missing.add("/planner/status");
      }
      return String.join(", ", missing);
    }
  }

  /** The latest joint positions (a copy), names in {@link #jointNames}. */
  double[] positions() {
    synchronized (lock) {
      return lastPositions == null ? null : lastPositions.clone();
    }
  }

  String[] jointNames() {
    synchronized (lock) {
      return jointNames == null ? null : jointNames.clone();
    }
  }

  /** Sim time of the latest joint state (s). */
  double stateTimeS() {
    synchronized (lock) {
      return lastStateTimeS;
    }
  }

  /** Sim time of the latest camera image (s). */
  double imageTimeS() {
    synchronized (lock) {
      return lastImageTimeS;
    }
  }

  /** The latest camera image (rgb8, a copy) with its width and height. */
  Picture picture() {
    synchronized (lock) {
      return lastImage == null ? null : new Picture(imageWidth, imageHeight, lastImage.clone());
    }
  }

  /** An rgb8 picture. */
  record Picture(int width, int height, byte[] rgb) {}

  /** Number of plan statuses received so far. */
  int statusCount() {
    synchronized (lock) {
      return statuses.size();
    }
  }

  /** Statuses from index {@code from} on (copies of the list). */
  List<Status> statusesFrom(int from) {
    synchronized (lock) {
      return new ArrayList<>(statuses.subList(Math.min(from, statuses.size()), statuses.size()));
    }
  }

  /** Starts a new joint trajectory recording. */
  void startRecording() {
    synchronized (lock) {
      samples.clear();
      lastSampleS = Double.NEGATIVE_INFINITY;
      recording = true;
    }
  }

  /** Stops recording and returns the samples ({t, q...}). */
  List<double[]> stopRecording() {
    synchronized (lock) {
      recording = false;
      return new ArrayList<>(samples);
    }
  }

  /** Commands the controllers to hold {@code q} (positions, joint-state order). */
  void hold(double[] q) {
    holdPublisher.publish(new Float64MultiArray().setData(q.clone()));
  }

  private <Q extends org.latentmpc.ros.Message, R extends org.latentmpc.ros.Message>
      ServiceClient<Q, R> client(
          String service, org.latentmpc.ros.ServiceType<Q, R> type, double timeoutS)
          throws InterruptedException {
    long deadline = System.nanoTime() + (long) (timeoutS * 1e9);
    while (true) {
      try {
        return node.newServiceClient(service, type, false);
      } catch (ServiceNotFoundException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("nobody offers " + service, e);
        }
        Thread.sleep(50);
      }
    }
  }

  /** Publishes a goal image (rgb8). */
  void publishGoalImage(Picture picture) {
    Image image = new Image();
    image.setWidth(picture.width());
    image.setHeight(picture.height());
    image.setEncoding("rgb8");
    image.setStep(3 * picture.width());
    image.setData(picture.rgb().clone());
    goalImagePublisher.publish(image);
  }

  /** Publishes a goal configuration. */
  void publishGoal(String[] names, double[] q) {
    goalPublisher.publish(new JointState().setName(names.clone()).setPosition(q.clone()));
  }

  /**
   * Moves the simulated arm to {@code q} at rest with {@code /sim/set_joint_state}, waiting up to
   * {@code timeoutS} for the service to appear.
   *
   * @throws IllegalStateException if the service refuses or cannot be reached
   */
  void setJointState(double[] q, double timeoutS) throws InterruptedException {
    ServiceClient<SetJointStateRequest, SetJointStateResponse> client =
        client("/sim/set_joint_state", SetJointState.TYPE, timeoutS);
    try {
      SetJointStateResponse response =
          client.call(client.newRequest().setPosition(q.clone()).setVelocity(new double[q.length]));
      if (!response.isSuccess()) {
        throw new IllegalStateException("/sim/set_joint_state refused: " + response.getMessage());
      }
    } catch (ServiceException e) {
      throw new IllegalStateException("/sim/set_joint_state failed: " + e.getMessage(), e);
    } finally {
      client.close();
    }
  }
}
