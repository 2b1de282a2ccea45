package org.latentmpc.launch.internal.eval;

import org.latentmpc.sim.CameraRenderer;
import org.latentmpc.worldmodel.Observation;
import org.latentmpc.worldmodel.WorldModel;

/**
 * The learned world model as the planner's model: the current latent is the encoding of the camera
 * image rendered at the robot's state (plus the joint state if the encoder takes it); the goal
 * latent the encoding of the image rendered at the goal configuration (at rest), with the same
 * camera. The image buffer and observation are reused: no allocation per step on this side.
 */
final class ModelPolicy extends PlannerPolicy {
  private final WorldModel model;
  private final CameraRenderer camera;
  private final byte[] rgb;
  private final double[] q;
  private final double[] qd;
  private final Observation observation;

  /** Encodes with {@code model}, rendering with {@code camera} (sized for the model). */
  ModelPolicy(WorldModel model, CameraRenderer camera, int dof) {
    super("model");
    this.model = model;
    this.camera = camera;
    this.rgb = new byte[3 * camera.width() * camera.height()];
    this.q = new double[dof];
    this.qd = new double[dof];
    this.observation = new Observation(camera.width(), camera.height(), rgb, q, qd);
  }

  @Override
  void encodeGoal(EpisodeSpec episode, float[] zOut) {
    System.arraycopy(episode.goalRad(), 0, q, 0, q.length);
    java.util.Arrays.fill(qd, 0);
    camera.render(q, rgb);
    model.encode(observation, zOut);
  }

  @Override
  void encodeNow(double[] qRad, double[] qdRadPerS, float[] zOut) {
    System.arraycopy(qRad, 0, q, 0, q.length);
    System.arraycopy(qdRadPerS, 0, qd, 0, qd.length);
    camera.render(q, rgb);
    model.encode(observation, zOut);
  }
}
