package org.latentmpc.worldmodel;

import java.nio.file.Path;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.worldmodel.internal.model.DjlWorldModel;
import org.latentmpc.worldmodel.internal.node.RemoteWorldModel;

/** Factory of world models. */
public final class WorldModels {
  private WorldModels() {}

  /**
   * Loads a checkpoint folder written by {@link Trainer} as an in-process DJL world model (PyTorch
   * engine, CPU).
   *
   * @throws CheckpointException when the folder is missing, corrupt or does not match this code
   */
  public static WorldModel load(Path checkpointDir) {
    return DjlWorldModel.load(checkpointDir);
  }

  /**
   * A world model whose rollouts are served by the world-model node's Predict service (e.g. {@code
   * /world_model/predict}) over a persistent connection of {@code node}. Its sizes come from the
   * parameters that node sets; {@link WorldModel#encode} is unsupported (use the perception node's
   * latents). Closing it closes the connection only.
   *
   * @throws IllegalStateException when the service is not available
   */
  public static WorldModel remote(ConnectedNode node, String service) {
    return RemoteWorldModel.connect(node, service);
  }
}
