package org.latentmpc.sim;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.sim.internal.node.SimNode;

/**
 * Creates the simulator's ROS node (default name {@code sim}). Run it with a {@code
 * NodeMainExecutor} and a configuration whose private parameter {@code scene} names a scene YAML
 * file; see the node's documentation for the other parameters ({@code dt}, {@code integrator},
 * {@code joint_state_rate}, {@code camera_rate}, {@code mode} realtime|fast|lockstep, {@code
 * lockstep_steps}), topics and services.
 */
public final class SimNodes {
  private SimNodes() {}

  /** A new simulator node, paced by the wall clock in real-time mode. */
  public static SimNodeMain newSimNode() {
    return new SimNode();
  }

  /** The simulator node plus access to its world for in-process harnesses. */
  public interface SimNodeMain extends NodeMain {
    /**
     * Waits until {@link #onStart} has finished ({@link #onStart} runs on the node's own thread
     * after the executor returns).
     *
     * @return true once started, false if {@code timeout} passed first
     * @throws IllegalStateException if the start failed (e.g. a missing or bad {@code ~scene})
     */
    boolean awaitStarted(long timeout, TimeUnit unit) throws InterruptedException;

    /**
     * Runs {@code action} on the world between two physics steps (the stepping thread waits).
     *
     * @throws IllegalStateException before the node has started
     */
    <R> R withWorld(Function<SimWorld, R> action);

    /** Physics steps taken so far (0 before start). */
    long stepCount();
  }
}
