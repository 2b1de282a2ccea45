package org.latentmpc.planner.internal.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.latentmpc.planner.LatentRoadmap;
import org.latentmpc.worldmodel.BagDatasetReader;
import org.latentmpc.worldmodel.CheckpointException;
import org.latentmpc.worldmodel.Episode;
import org.latentmpc.worldmodel.Observation;
import org.latentmpc.worldmodel.SequenceDataset;
import org.latentmpc.worldmodel.WorldModel;
import org.latentmpc.worldmodel.WorldModels;
import org.latentmpc.worldmodel.internal.cli.DataOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code latent-mpc roadmap --model DIR --data FILE.bag}: encodes recorded frames with the model
 * and saves them as the model's {@link LatentRoadmap} ({@code DIR/roadmap.bin}), which the planner,
 * {@code eval} and {@code demo} then use for waypoints towards far goals.
 *
 * <p>The edge and lookahead lengths are given as fractions of the median latent distance between
 * two random frames (the distance at which the latent stops saying anything about how far apart two
 * states are), so the same defaults fit any SIGReg-regularised model.
 */
@Command(
    name = "roadmap",
    mixinStandardHelpOptions = true,
    description =
        "Builds a world model's latent roadmap from recorded frames (MODEL/roadmap.bin): the"
            + " planner follows its shortest paths through waypoints to goals beyond its horizon.")
public final class RoadmapCommand implements Callable<Integer> {
  private static final int ENCODE_BATCH = 64;
  private static final int DISTANCE_PAIRS = 20_000;

  @Mixin DataOptions data = new DataOptions();

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "checkpoint folder")
  Path model;

  @Option(
      names = "--nodes",
      defaultValue = "8000",
      description = "roadmap nodes at most: every k-th frame of each episode (default: 8000)")
  int nodes;

  @Option(
      names = "--neighbours",
      defaultValue = "10",
      description = "nearest neighbours joined per node (default: 10)")
  int neighbours;

  @Option(
      names = "--max-edge",
      defaultValue = "0.25",
      paramLabel = "FRACTION",
      description =
          "longest neighbour edge, as a fraction of the median distance of two random frames'"
              + " latents (default: 0.25)")
  double maxEdgeFraction;

  @Option(
      names = "--lookahead",
      defaultValue = "0.5",
      paramLabel = "FRACTION",
      description =
          "farthest waypoint from the current latent, as a fraction of that median (default: 0.5)")
  double lookaheadFraction;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "where to write the roadmap (default: MODEL/roadmap.bin)")
  Path out;

  private final PrintStream stdout;
  private final PrintStream stderr;

  /** Prints to System.out and System.err. */
  public RoadmapCommand() {
    this(System.out, System.err);
  }

  /** Prints to the given streams. */
  public RoadmapCommand(PrintStream stdout, PrintStream stderr) {
    this.stdout = stdout;
    this.stderr = stderr;
  }

  @Override
  public Integer call() throws Exception {
    try {
      check();
      long t0 = System.nanoTime();
      try (WorldModel m = WorldModels.load(model)) {
        if (m.proprioDim() != 0) {
          throw new IllegalArgumentException(
              "--model "
                  + model
                  + ": its encoder takes joint states, so a goal image alone has no latent;"
                  + " roadmaps are for image-only models");
        }
        SequenceDataset ds =
            new BagDatasetReader(data.topics(), m.imageWidth(), m.imageHeight()).read(data.bags());
        long frames = 0;
        for (Episode e : ds.episodes()) {
          frames += e.steps() + 1;
        }
        // The smallest stride whose every-stride-th frames (from each episode's first) fit.
        int stride = (int) Math.max(1, (frames + nodes - 1) / nodes);
        while (nodesAt(ds, stride) > nodes) {
          stride++;
        }
        List<Observation> batch = new ArrayList<>(ENCODE_BATCH);
        List<Integer> recordingOfBatch = new ArrayList<>(ENCODE_BATCH);
        float[] latents = new float[(int) nodesAt(ds, stride) * m.latentDim()];
        int[] recording = new int[latents.length / m.latentDim()];
        int count = 0;
        for (int ep = 0; ep < ds.episodes().size(); ep++) {
          Episode e = ds.episodes().get(ep);
          for (int t = 0; t <= e.steps(); t += stride) {
            batch.add(e.observation(t));
            recordingOfBatch.add(ep);
            if (batch.size() == ENCODE_BATCH) {
              count = flush(m, batch, recordingOfBatch, latents, recording, count);
            }
          }
        }
        count = flush(m, batch, recordingOfBatch, latents, recording, count);
        int d = m.latentDim();
        double median = medianPairDistance(latents, count, d);
        double maxEdge = maxEdgeFraction * median;
        double lookahead = lookaheadFraction * median;
        LatentRoadmap roadmap =
            new LatentRoadmap(latents, recording, d, neighbours, maxEdge, lookahead);
        Path file = out != null ? out : LatentRoadmap.fileIn(model);
        roadmap.save(file);
        stdout.printf(
            Locale.ROOT,
            "roadmap: %d nodes (every %d-th of %d frames in %d episodes), %d edges; median"
                + " latent distance %.3f, max edge %.3f, lookahead %.3f; %.1f s; wrote %s%n",
            count,
            stride,
            frames,
            ds.episodes().size(),
            roadmap.edgeCount(),
            median,
            maxEdge,
            lookahead,
            (System.nanoTime() - t0) / 1e9,
            file);
      }
      return 0;
    } catch (IllegalArgumentException | CheckpointException e) {
      stderr.println("roadmap: " + e.getMessage());
      return 2;
    }
  }

  private void check() {
    if (nodes < 2) {
      throw new IllegalArgumentException("--nodes must be >= 2, got " + nodes);
    }
    if (neighbours < 1) {
      throw new IllegalArgumentException("--neighbours must be >= 1, got " + neighbours);
    }
    if (!(maxEdgeFraction > 0) || !Double.isFinite(maxEdgeFraction)) {
      throw new IllegalArgumentException("--max-edge must be > 0, got " + maxEdgeFraction);
    }
    if (!(lookaheadFraction > 0) || !Double.isFinite(lookaheadFraction)) {
      throw new IllegalArgumentException("--lookahead must be > 0, got " + lookaheadFraction);
    }
    if (!Files.isDirectory(model)) {
      throw new IllegalArgumentException("--model: no checkpoint folder at " + model);
    }
    Path file = out != null ? out : LatentRoadmap.fileIn(model);
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new IllegalArgumentException("--out: directory " + parent + " does not exist");
    }
  }

  /** Frames kept when every {@code stride}-th frame of each episode (from its first) is kept. */
  private static long nodesAt(SequenceDataset ds, int stride) {
    long count = 0;
    for (Episode e : ds.episodes()) {
      count += (e.steps() + stride) / stride; // frames 0, stride, ... <= steps
    }
    return count;
  }

  private static int flush(
      WorldModel m,
      List<Observation> batch,
      List<Integer> recordingOfBatch,
      float[] latents,
      int[] recording,
      int count) {
    if (batch.isEmpty()) {
      return count;
    }
    float[][] z = m.encode(batch);
    int d = m.latentDim();
    for (int i = 0; i < z.length; i++) {
      System.arraycopy(z[i], 0, latents, count * d, d);
      recording[count] = recordingOfBatch.get(i);
      count++;
    }
    batch.clear();
    recordingOfBatch.clear();
    return count;
  }

  /** Median latent distance over seeded random pairs of nodes. */
  static double medianPairDistance(float[] latents, int n, int d) {
    Random random = new Random(1);
    int pairs = Math.min(DISTANCE_PAIRS, n * (n - 1) / 2);
    double[] dist = new double[pairs];
    for (int p = 0; p < pairs; p++) {
      int a = random.nextInt(n);
      int b = random.nextInt(n - 1);
      if (b >= a) {
        b++;
      }
      double s = 0;
      for (int j = 0; j < d; j++) {
        double e = latents[a * d + j] - latents[b * d + j];
        s += e * e;
      }
      dist[p] = Math.sqrt(s);
    }
    return new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(dist);
  }
}
