package org.latentmpc.worldmodel.internal.data;

import java.io.IOException;
import java.nio.file.Path;
import org.latentmpc.ros.BagWriter;
import org.latentmpc.ros.Compression;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.msgs.sensor_msgs.Image;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.ros.msgs.std_msgs.Header;
import org.latentmpc.ros.msgs.std_msgs.Int32;
import org.latentmpc.worldmodel.BagTopics;
import org.latentmpc.worldmodel.Episode;
import org.latentmpc.worldmodel.SequenceDataset;

/**
 * Writes episodes into a rosbag v2 file the way the collect command records them: per episode an
 * Int32 on the episode topic, then per step the image and joint state at {@code t_k} and the action
 * {@code 1 ms} later; the final observation at {@code t_T}; a one-second pause between episodes.
 */
public final class EpisodeBagWriter {

  /** Delay of each action after its observation, in s. */
  public static final double ACTION_DELAY_S = 0.001;

  private EpisodeBagWriter() {}

  /** Writes {@code data} to {@code bag} (lz4 chunks) with control period {@code periodS}. */
  public static void write(SequenceDataset data, Path bag, BagTopics topics, double periodS)
      throws IOException {
    try (BagWriter w =
        BagWriter.open(bag, Compression.LZ4, BagWriter.DEFAULT_CHUNK_THRESHOLD_BYTES)) {
      double t = 1000.0;
      int seq = 0;
      String[] names = data.jointNames().toArray(new String[0]);
      for (int e = 0; e < data.episodes().size(); e++) {
        Episode ep = data.episodes().get(e);
        w.write(topics.episode(), Time.fromSeconds(t - 0.5), new Int32().setData(e));
        for (int k = 0; k <= ep.steps(); k++) {
          Time now = Time.fromSeconds(t + k * periodS);
          Header h = new Header().setSeq(seq++).setStamp(now).setFrameId("camera");
          w.write(
              topics.image(),
              now,
              new Image()
                  .setHeader(h)
                  .setWidth(ep.width())
                  .setHeight(ep.height())
                  .setEncoding("rgb8")
                  .setStep(ep.width() * 3)
                  .setData(ep.frames()[k]));
          w.write(
              topics.jointStates(),
              now,
              new JointState()
                  .setHeader(new Header().setSeq(seq).setStamp(now))
                  .setName(names)
                  .setPosition(ep.positions()[k])
                  .setVelocity(ep.velocities()[k])
                  .setEffort(new double[0]));
          if (k < ep.steps()) {
            double[] a = new double[ep.actionDim()];
            for (int i = 0; i < a.length; i++) {
              a[i] = ep.actions()[k][i];
            }
            w.write(
                topics.action(),
                Time.fromSeconds(t + k * periodS + ACTION_DELAY_S),
                new Float64MultiArray().setData(a));
          }
        }
        t += ep.steps() * periodS + 1.0;
      }
    }
  }
}
