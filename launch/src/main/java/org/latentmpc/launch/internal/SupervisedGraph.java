package org.latentmpc.launch.internal;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.latentmpc.launch.LaunchFile;
import org.latentmpc.ros.internal.master.MasterClient;

/**
 * A launch file's running nodes, supervised the roslaunch way: {@code respawn} nodes restart after
 * their delay, a {@code required} node's end stops everything. Subclasses run the nodes (in this
 * JVM, or one process each) and report each node's end through {@link #ended}.
 */
public abstract class SupervisedGraph implements AutoCloseable {
  private static final long POLL_MS = 200;

  /** The launch file. */
  protected final LaunchFile launch;

  /** The master the nodes join. */
  protected final URI master;

  /** Where launch messages go. */
  protected final PrintStream log;

  private final BlockingQueue<LaunchFile.NodeSpec> endedQueue = new LinkedBlockingQueue<>();
  private volatile boolean stopping;
  private volatile boolean requiredEnded;
  private int alive;

  /** A graph of {@code launch}'s nodes on {@code master}; nothing runs until {@link #startAll}. */
  protected SupervisedGraph(LaunchFile launch, URI master, PrintStream log) {
    this.launch = launch;
    this.master = master;
    this.log = log;
  }

  /** Sets the file's global parameters on the master, then starts every node in file order. */
  protected final void startAll() {
    MasterClient client = new MasterClient(master, "/roslaunch");
    for (Map.Entry<String, Object> param : launch.globalParams().entrySet()) {
      client.setParam(param.getKey(), param.getValue());
    }
    for (LaunchFile.NodeSpec spec : launch.nodes()) {
      alive++;
      startNode(spec);
    }
  }

  /**
   * Starts one node; its end (or a failed start) must be reported once with {@link #ended}. Called
   * on the supervising thread (or the starting one, before {@link #supervise}).
   */
  protected abstract void startNode(LaunchFile.NodeSpec spec);

  /** Stops every node (idempotent, may be called from a shutdown hook). */
  protected abstract void stopNodes();

  /** Reports that the node of {@code spec} ended (any thread). */
  protected final void ended(LaunchFile.NodeSpec spec) {
    endedQueue.add(spec);
  }

  /** The master the graph joined. */
  public URI master() {
    return master;
  }

  /** True once a required node has ended (the graph then stops). */
  public boolean requiredEnded() {
    return requiredEnded;
  }

  /** True until {@link #stop}, or the end of supervision. */
  public boolean running() {
    return !stopping;
  }

  /** True when {@link #stop} was asked for. */
  protected boolean stopping() {
    return stopping;
  }

  /**
   * Supervises until {@link #stop}, a required node's end, or the end of every node (respawning
   * ones restart first); then stops every node.
   */
  public void supervise() throws InterruptedException {
    List<Object[]> respawns = new ArrayList<>(); // {spec, due nanoTime}
    try {
      while (!stopping && (alive > 0 || !respawns.isEmpty())) {
        LaunchFile.NodeSpec spec = endedQueue.poll(POLL_MS, TimeUnit.MILLISECONDS);
        if (spec != null) {
          alive--;
          if (stopping) {
            break;
          }
          if (spec.required()) {
            log.println("launch: required node " + spec.name() + " ended, shutting down");
            requiredEnded = true;
            break;
          }
          if (spec.respawn()) {
            log.println(
                "launch: " + spec.name() + " ended, respawning in " + spec.respawnDelayS() + " s");
            respawns.add(
                new Object[] {spec, System.nanoTime() + (long) (spec.respawnDelayS() * 1e9)});
          } else {
            log.println("launch: " + spec.name() + " ended");
          }
        }
        long now = System.nanoTime();
        for (var it = respawns.iterator(); it.hasNext(); ) {
          Object[] entry = it.next();
          if (now - (Long) entry[1] >= 0 && !stopping) {
            it.remove();
            alive++;
            startNode((LaunchFile.NodeSpec) entry[0]);
          }
        }
      }
    } finally {
      stop();
    }
  }

  /** Stops every node (idempotent; safe from a shutdown hook). */
  public final void stop() {
    stopping = true;
    stopNodes();
  }

  @Override
  public void close() {
    stop();
  }
}
