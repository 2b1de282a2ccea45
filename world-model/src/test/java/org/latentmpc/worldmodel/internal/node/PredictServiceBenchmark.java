package org.latentmpc.worldmodel.internal.node;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.worldmodel.WorldModel;
import org.latentmpc.worldmodel.WorldModels;

/**
 * Prints the time of a batched rollout (N = 256, H = 10) in process and through the Predict service
 * over loopback TCPROS (RemoteWorldModel), for the tiny test model. Run with {@code mvn -q -pl
 * world-model test -Dtest=PredictServiceBenchmark -Dsurefire.excludedGroups=none}.
 */
@Tag("benchmark")
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class PredictServiceBenchmark {
  private static final int N = 256;
  private static final int H = 10;
  private static final int WARMUP = 5;
  private static final int REPEATS = 30;

  @Test
  void rolloutInProcessVersusService(@TempDir Path tmp) throws Exception {
    Path checkpoint = WorldModelNodeTest.trainTinyModel(tmp.resolve("model"));
    try (WorldModel local = WorldModels.load(checkpoint);
        EmbeddedMaster master = EmbeddedMaster.start("127.0.0.1", 0);
        NodeMainExecutor server = NodeMainExecutor.newDefault();
        NodeMainExecutor clients = NodeMainExecutor.newDefault()) {
      WorldModelNode node = new WorldModelNode();
      server.execute(
          node,
          WorldModelNodeTest.config(
              master.uri(), "world_model", Map.of("model", checkpoint.toString())));
      ConnectedNode client =
          clients.execute(
              WorldModelNodeTest.idle("bench_client"),
              WorldModelNodeTest.config(master.uri(), "bench_client", Map.of()));
      WorldModelNodeTest.awaitReady(node::isReady, node::failure);
      float[] z0 = new float[local.latentDim()];
      float[] actions = WorldModelNodeTest.randomActions(N * H * local.actionDim(), 3);
      float[] out = new float[N * H * local.latentDim()];
      try (WorldModel remote = WorldModels.remote(client, WorldModelNode.PREDICT_SERVICE)) {
        double localMs = time(local, z0, actions, out);
        double remoteMs = time(remote, z0, actions, out);
        System.out.printf(
            "rollout N=%d H=%d latent=%d: in-process %.2f ms, via /world_model/predict %.2f ms"
                + " (median of %d)%n",
            N, H, local.latentDim(), localMs, remoteMs, REPEATS);
      }
    }
  }

  private static double time(WorldModel m, float[] z0, float[] actions, float[] out) {
    for (int i = 0; i < WARMUP; i++) {
      m.rollout(z0, actions, N, H, out);
    }
    double[] ms = new double[REPEATS];
    for (int i = 0; i < REPEATS; i++) {
      long t0 = System.nanoTime();
      m.rollout(z0, actions, N, H, out);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    java.util.Arrays.sort(ms);
    return ms[REPEATS / 2];
  }
}
