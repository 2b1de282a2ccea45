package org.latentmpc.worldmodel;

import java.nio.file.Path;
import org.latentmpc.worldmodel.internal.model.DjlWorldModel;

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
}
