package org.latentmpc.ros;

/**
 * Called when a subscribed parameter changes; {@code value} is an empty map when the parameter was
 * deleted.
 */
@FunctionalInterface
public interface ParameterListener {
  void onNewValue(Object value);
}
