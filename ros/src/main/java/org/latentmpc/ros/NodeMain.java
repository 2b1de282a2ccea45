package org.latentmpc.ros;

/**
 * The lifecycle of a node, as in rosjava: {@link #onStart} once the node is registered with the
 * master, {@link #onShutdown} before it unregisters, {@link #onShutdownComplete} after its sockets
 * are closed.
 */
public interface NodeMain {
  /**
   * The node name used when the configuration gives none (e.g. {@code "sim"}); relative to the
   * namespace.
   */
  String getDefaultNodeName();

  /**
   * Called once, on the executor's thread for this node, when the node is up. Create publishers
   * etc. here.
   */
  void onStart(ConnectedNode node);

  /** Called when shutdown begins; publishers and subscribers still work. */
  default void onShutdown(Node node) {}

  /** Called after everything is unregistered and closed. */
  default void onShutdownComplete(Node node) {}

  /** Called when {@link #onStart} or a callback of this node throws. */
  default void onError(Node node, Throwable error) {
    node.getLog().error("node " + node.getName() + " failed", error);
  }
}
