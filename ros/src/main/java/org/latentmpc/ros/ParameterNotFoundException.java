package org.latentmpc.ros;

/** A parameter that is not set, asked for without a default. */
public class ParameterNotFoundException extends RosException {
  private static final long serialVersionUID = 1L;

  public ParameterNotFoundException(String key) {
    super("parameter " + key + " is not set");
  }
}
