package org.latentmpc.planner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A roadmap over a memory of encoded observations (latents of recorded frames), used to give the
 * planner reachable waypoints towards goals beyond its horizon.
 *
 * <p>Why: an encoder regularised towards an isotropic Gaussian (SIGReg) folds the robot's
 * low-dimensional configuration space through the whole latent space, so the latent distance is
 * faithful only locally: for the reacher it grows with the joint distance up to about 1 rad and
 * then plateaus at the distance of two unrelated latents. A planner whose horizon covers less than
 * that plateau has no gradient towards a far goal. The roadmap stitches the faithful local
 * distances into a global one, in latent space and without labels (as in Search on the Replay
 * Buffer, Eysenbach et al. 2019, and semi-parametric topological memory, Savinov et al. 2018):
 * nodes are recorded latents, edges join each node to its nearest neighbours (within {@code
 * maxEdge}) and to the next frame of the same recording, weighted by latent distance. For a goal,
 * one Dijkstra pass gives every node its shortest-path distance to the goal and its next hop.
 *
 * <p>{@link #waypoint} then picks the carrot: from the node that best continues the current latent
 * towards the goal, it follows next hops while they stay within {@code lookahead} of the current
 * latent, and returns the last one (or the goal itself once the goal is within {@code lookahead}).
 * The planner plans towards that waypoint with its ordinary latent cost.
 *
 * <p>Building costs O(N^2 D) (brute-force neighbours); {@link #setGoal} O(N D + E log N) and {@link
 * #waypoint} O(N D), both without allocating. Not thread-safe.
 */
public final class LatentRoadmap {
  private static final int MAGIC = 0x4c524d31; // "LRM1"
  private static final int MAX_NODES = 1 << 20;
  private static final int MAX_DIM = 1 << 12;

  /** A node within this fraction of the lookahead of the current latent counts as reached. */
  private static final double ARRIVAL_FRACTION = 0.25;

  private final int nodeCount;
  private final int dim;
  private final float[] nodes;
  private final int[] recording;
  private final int neighbours;
  private final double maxEdge;
  private final double lookahead;

  // Graph in compressed sparse rows (undirected: every edge stored both ways).
  private final int[] edgeStart;
  private final int[] edgeTarget;
  private final float[] edgeWeight;

  // Per-goal state, preallocated.
  private final double[] distToGoal;
  private final int[] nextHop;
  private final int[] heap;
  private final int[] heapPos;
  private final float[] goal;
  private final int[] goalAnchors;
  private final double[] goalAnchorDist;
  private boolean hasGoal;
  private int reachable;

  /**
   * Builds a roadmap.
   *
   * @param latents node latents, row-major [N][D]
   * @param recordingIds for each node the recording (episode) it came from, in recording order:
   *     consecutive nodes of the same recording are joined; null joins none
   * @param dim latent size D
   * @param neighbours nearest neighbours joined per node (at least 1)
   * @param maxEdge longest neighbour edge (latent distance); the next-frame edges are kept whatever
   *     their length
   * @param lookahead how far (latent distance) from the current latent a waypoint may be
   * @throws IllegalArgumentException on a bad size, a non-finite latent or a bad setting
   */
  public LatentRoadmap(
      float[] latents,
      int[] recordingIds,
      int dim,
      int neighbours,
      double maxEdge,
      double lookahead) {
    if (dim < 1 || dim > MAX_DIM) {
      throw new IllegalArgumentException("roadmap: latent size must be in 1.." + MAX_DIM);
    }
    if (latents.length == 0 || latents.length % dim != 0) {
      throw new IllegalArgumentException(
          "roadmap: " + latents.length + " latent values are not a positive multiple of " + dim);
    }
    int n = latents.length / dim;
    if (n > MAX_NODES) {
      throw new IllegalArgumentException("roadmap: " + n + " nodes, at most " + MAX_NODES);
    }
    if (recordingIds != null && recordingIds.length != n) {
      throw new IllegalArgumentException(
          "roadmap: " + recordingIds.length + " recording ids for " + n + " nodes");
    }
    if (neighbours < 1) {
      throw new IllegalArgumentException("roadmap: neighbours must be >= 1, got " + neighbours);
    }
    if (!(maxEdge > 0) || !Double.isFinite(maxEdge)) {
      throw new IllegalArgumentException("roadmap: maxEdge must be > 0, got " + maxEdge);
    }
    if (!(lookahead > 0) || !Double.isFinite(lookahead)) {
      throw new IllegalArgumentException("roadmap: lookahead must be > 0, got " + lookahead);
    }
    for (int i = 0; i < latents.length; i++) {
      if (!Float.isFinite(latents[i])) {
        throw new IllegalArgumentException(
            "roadmap: latent " + (i / dim) + " has a non-finite entry");
      }
    }
    this.nodeCount = n;
    this.dim = dim;
    this.nodes = latents.clone();
    this.recording = recordingIds != null ? recordingIds.clone() : null;
    this.neighbours = neighbours;
    this.maxEdge = maxEdge;
    this.lookahead = lookahead;

    int[][] adjacency = buildAdjacency();
    edgeStart = new int[n + 1];
    int total = 0;
    for (int i = 0; i < n; i++) {
      edgeStart[i] = total;
      total += adjacency[i].length;
    }
    edgeStart[n] = total;
    edgeTarget = new int[total];
    edgeWeight = new float[total];
    for (int i = 0; i < n; i++) {
      int[] adj = adjacency[i];
      for (int k = 0; k < adj.length; k++) {
        edgeTarget[edgeStart[i] + k] = adj[k];
        edgeWeight[edgeStart[i] + k] = (float) Math.sqrt(squaredDistanceTo(i, nodes, adj[k] * dim));
      }
    }
    distToGoal = new double[n];
    nextHop = new int[n];
    heap = new int[n];
    heapPos = new int[n];
    goal = new float[dim];
    goalAnchors = new int[neighbours];
    goalAnchorDist = new double[neighbours];
  }

  /** Nearest neighbours (within maxEdge) plus next-frame links, symmetrised, without repeats. */
  private int[][] buildAdjacency() {
    int n = nodeCount;
    int[] nearest = new int[neighbours];
    double[] nearestDist = new double[neighbours];
    int[][] out = new int[n][];
    int[] count = new int[n];
    int[][] lists = new int[n][4];
    for (int i = 0; i < n; i++) {
      int found = nearestNodes(nodes, i * dim, i, nearest, nearestDist);
      for (int k = 0; k < found; k++) {
        if (nearestDist[k] <= maxEdge * maxEdge) {
          addEdge(lists, count, i, nearest[k]);
          addEdge(lists, count, nearest[k], i);
        }
      }
      if (recording != null && i + 1 < n && recording[i + 1] == recording[i]) {
        addEdge(lists, count, i, i + 1);
        addEdge(lists, count, i + 1, i);
      }
    }
    for (int i = 0; i < n; i++) {
      int[] sorted = Arrays.copyOf(lists[i], count[i]);
      Arrays.sort(sorted);
      int unique = 0;
      for (int k = 0; k < sorted.length; k++) {
        if (k == 0 || sorted[k] != sorted[k - 1]) {
          sorted[unique++] = sorted[k];
        }
      }
      out[i] = Arrays.copyOf(sorted, unique);
    }
    return out;
  }

  private static void addEdge(int[][] lists, int[] count, int from, int to) {
    if (count[from] == lists[from].length) {
      lists[from] = Arrays.copyOf(lists[from], lists[from].length * 2);
    }
    lists[from][count[from]++] = to;
  }

  /**
   * The up to {@code nearest.length} nodes nearest the latent at {@code src[offset..]}, skipping
   * node {@code skip} (or -1), nearest first; returns how many were found. Distances are squared.
   */
  private int nearestNodes(float[] src, int offset, int skip, int[] nearest, double[] dist) {
    int k = nearest.length;
    int found = 0;
    for (int j = 0; j < nodeCount; j++) {
      if (j == skip) {
        continue;
      }
      double d = squaredDistanceTo(j, src, offset);
      if (found == k && d >= dist[k - 1]) {
        continue;
      }
      // Insertion into the sorted list: a new slot while it is not full, else over the farthest.
      int p = found < k ? found++ : k - 1;
      while (p > 0 && dist[p - 1] > d) {
        dist[p] = dist[p - 1];
        nearest[p] = nearest[p - 1];
        p--;
      }
      dist[p] = d;
      nearest[p] = j;
    }
    return found;
  }

  private double squaredDistanceTo(int node, float[] src, int offset) {
    int base = node * dim;
    double s = 0;
    for (int j = 0; j < dim; j++) {
      double e = nodes[base + j] - src[offset + j];
      s += e * e;
    }
    return s;
  }

  /** Number of nodes N. */
  public int nodeCount() {
    return nodeCount;
  }

  /** Latent size D. */
  public int latentDim() {
    return dim;
  }

  /** Number of undirected edges. */
  public int edgeCount() {
    return edgeTarget.length / 2;
  }

  /** The largest latent distance of a waypoint from the current latent. */
  public double lookahead() {
    return lookahead;
  }

  /** The longest neighbour edge (latent distance). */
  public double maxEdge() {
    return maxEdge;
  }

  /** Neighbours joined per node. */
  public int neighbours() {
    return neighbours;
  }

  /** Nodes with a path to the current goal (after {@link #setGoal}). */
  public int reachableNodes() {
    return reachable;
  }

  /** Shortest-path latent distance from node {@code i} to the current goal (infinite: no path). */
  public double distanceToGoal(int i) {
    return distToGoal[i];
  }

  /**
   * Sets the goal latent (length D, finite) and computes every node's shortest path to it: the goal
   * joins its nearest nodes within {@code maxEdge} (at least the nearest one, however far).
   */
  public void setGoal(float[] zGoal) {
    checkLatent(zGoal, "goal");
    System.arraycopy(zGoal, 0, goal, 0, dim);
    Arrays.fill(distToGoal, Double.POSITIVE_INFINITY);
    Arrays.fill(nextHop, -2);
    int found = nearestNodes(zGoal, 0, -1, goalAnchors, goalAnchorDist);
    int size = 0;
    Arrays.fill(heapPos, -1);
    for (int k = 0; k < found; k++) {
      if (k > 0 && goalAnchorDist[k] > maxEdge * maxEdge) {
        break;
      }
      int node = goalAnchors[k];
      distToGoal[node] = Math.sqrt(goalAnchorDist[k]);
      nextHop[node] = -1;
      size = heapPush(node, size);
    }
    reachable = 0;
    while (size > 0) {
      int u = heap[0];
      size = heapPopMin(size);
      reachable++;
      double du = distToGoal[u];
      for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
        int v = edgeTarget[e];
        double dv = du + edgeWeight[e];
        if (dv < distToGoal[v]) {
          distToGoal[v] = dv;
          nextHop[v] = u;
          if (heapPos[v] >= 0) {
            siftUp(heapPos[v]);
          } else if (heapPos[v] == -1) {
            size = heapPush(v, size);
          }
        }
      }
    }
    hasGoal = true;
  }

  /**
   * Writes the waypoint for the current latent {@code zNow} into {@code out} (both length D): the
   * goal when it is within the lookahead, else the farthest node along the shortest path that is
   * still within the lookahead of {@code zNow}.
   *
   * @return -1 when the waypoint is the goal, else the node index
   * @throws IllegalStateException before the first {@link #setGoal}
   */
  public int waypoint(float[] zNow, float[] out) {
    if (!hasGoal) {
      throw new IllegalStateException("roadmap: no goal set");
    }
    checkLatent(zNow, "current latent");
    if (out.length != dim) {
      throw new IllegalArgumentException("roadmap: waypoint buffer of length " + out.length);
    }
    double look2 = lookahead * lookahead;
    double toGoal2 = 0;
    for (int j = 0; j < dim; j++) {
      double e = zNow[j] - goal[j];
      toGoal2 += e * e;
    }
    if (toGoal2 <= look2) {
      System.arraycopy(goal, 0, out, 0, dim);
      return -1;
    }
    // The entry node: the best continuation among the nodes within reach, else the nearest node.
    int entry = -1;
    double entryScore = Double.POSITIVE_INFINITY;
    int nearest = -1;
    double nearestD2 = Double.POSITIVE_INFINITY;
    for (int i = 0; i < nodeCount; i++) {
      double d2 = squaredDistanceTo(i, zNow, 0);
      if (d2 < nearestD2) {
        nearestD2 = d2;
        nearest = i;
      }
      if (d2 <= look2 && distToGoal[i] < Double.POSITIVE_INFINITY) {
        double score = Math.sqrt(d2) + distToGoal[i];
        if (score < entryScore) {
          entryScore = score;
          entry = i;
        }
      }
    }
    if (entry < 0) {
      entry = nearest;
      if (distToGoal[entry] == Double.POSITIVE_INFINITY) {
        System.arraycopy(goal, 0, out, 0, dim);
        return -1;
      }
    }
    // Follow the path while the next hop is within the lookahead; a node already reached (within
    // the arrival radius) is passed even if its next hop is farther, so the walk never stalls.
    double arrive2 = ARRIVAL_FRACTION * ARRIVAL_FRACTION * look2;
    int node = entry;
    while (nextHop[node] >= 0
        && (squaredDistanceTo(nextHop[node], zNow, 0) <= look2
            || squaredDistanceTo(node, zNow, 0) <= arrive2)) {
      node = nextHop[node];
    }
    if (nextHop[node] == -1 && squaredDistanceTo(node, zNow, 0) <= arrive2) {
      System.arraycopy(goal, 0, out, 0, dim);
      return -1;
    }
    System.arraycopy(nodes, node * dim, out, 0, dim);
    return node;
  }

  private void checkLatent(float[] z, String what) {
    if (z.length != dim) {
      throw new IllegalArgumentException(
          "roadmap: " + what + " has length " + z.length + ", expected " + dim);
    }
    for (float v : z) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("roadmap: " + what + " has a non-finite entry");
      }
    }
  }

  // Binary min-heap on distToGoal; heapPos: -1 never queued, -3 done, else the heap index.
  private int heapPush(int node, int size) {
    heap[size] = node;
    heapPos[node] = size;
    siftUp(size);
    return size + 1;
  }

  private int heapPopMin(int size) {
    int top = heap[0];
    heapPos[top] = -3;
    int last = heap[size - 1];
    size--;
    if (size > 0) {
      heap[0] = last;
      heapPos[last] = 0;
      siftDown(0, size);
    }
    return size;
  }

  private void siftUp(int p) {
    int node = heap[p];
    double d = distToGoal[node];
    while (p > 0) {
      int parent = (p - 1) >> 1;
      if (distToGoal[heap[parent]] <= d) {
        break;
      }
      heap[p] = heap[parent];
      heapPos[heap[p]] = p;
      p = parent;
    }
    heap[p] = node;
    heapPos[node] = p;
  }

  private void siftDown(int p, int size) {
    int node = heap[p];
    double d = distToGoal[node];
    while (true) {
      int c = 2 * p + 1;
      if (c >= size) {
        break;
      }
      if (c + 1 < size && distToGoal[heap[c + 1]] < distToGoal[heap[c]]) {
        c++;
      }
      if (distToGoal[heap[c]] >= d) {
        break;
      }
      heap[p] = heap[c];
      heapPos[heap[p]] = p;
      p = c;
    }
    heap[p] = node;
    heapPos[node] = p;
  }

  /** The file a model folder's roadmap lives in. */
  public static Path fileIn(Path modelDir) {
    return modelDir.resolve("roadmap.bin");
  }

  /**
   * The roadmap of a model folder ({@link #fileIn}), or null when it has none.
   *
   * @throws IOException naming the file when it is damaged
   * @throws IllegalArgumentException naming the file when its latents are not {@code latentDim}
   *     long
   */
  public static LatentRoadmap loadFor(Path modelDir, int latentDim) throws IOException {
    Path file = fileIn(modelDir);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    LatentRoadmap roadmap = load(file);
    if (roadmap.latentDim() != latentDim) {
      throw new IllegalArgumentException(
          file
              + ": its latents have "
              + roadmap.latentDim()
              + " dimensions, the model's "
              + latentDim
              + " (rebuild it with latent-mpc roadmap)");
    }
    return roadmap;
  }

  /**
   * Writes the nodes, recording ids and settings (the graph is rebuilt on load): big-endian, magic
   * "LRM1", N, D, neighbours, maxEdge, lookahead, then N*D floats and N ints.
   */
  public void save(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream os = Files.newOutputStream(tmp);
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(os))) {
      out.writeInt(MAGIC);
      out.writeInt(nodeCount);
      out.writeInt(dim);
      out.writeInt(neighbours);
      out.writeDouble(maxEdge);
      out.writeDouble(lookahead);
      out.writeBoolean(recording != null);
      for (float v : nodes) {
        out.writeFloat(v);
      }
      if (recording != null) {
        for (int r : recording) {
          out.writeInt(r);
        }
      }
    }
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Reads a roadmap written by {@link #save} and rebuilds its graph.
   *
   * @throws IOException naming the file when it is truncated, not a roadmap or inconsistent
   */
  public static LatentRoadmap load(Path file) throws IOException {
    try (InputStream is = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(is))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(file + ": not a latent roadmap (bad magic)");
      }
      int n = in.readInt();
      int d = in.readInt();
      if (n < 1 || n > MAX_NODES || d < 1 || d > MAX_DIM) {
        throw new IOException(file + ": bad roadmap size " + n + " x " + d);
      }
      long expected = 33 + 4L * n * d;
      if (Files.size(file) < expected) {
        throw new IOException(file + ": truncated roadmap (" + Files.size(file) + " bytes)");
      }
      int k = in.readInt();
      double maxEdge = in.readDouble();
      double lookahead = in.readDouble();
      boolean hasRecording = in.readBoolean();
      float[] latents = new float[n * d];
      for (int i = 0; i < latents.length; i++) {
        latents[i] = in.readFloat();
      }
      int[] rec = null;
      if (hasRecording) {
        rec = new int[n];
        for (int i = 0; i < n; i++) {
          rec[i] = in.readInt();
        }
      }
      if (in.read() != -1) {
        throw new IOException(file + ": trailing bytes after the roadmap");
      }
      try {
        return new LatentRoadmap(latents, rec, d, k, maxEdge, lookahead);
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": " + e.getMessage(), e);
      }
    } catch (EOFException e) {
      throw new IOException(file + ": truncated roadmap", e);
    }
  }
}
