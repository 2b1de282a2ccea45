package org.latentmpc.ros;

/** A parameter exists but holds a value of another type than the caller asked for. */
public class ParameterTypeException extends RosException {
  private static final long serialVersionUID = 1L;

  public ParameterTypeException(String key, String expectedType, Object actual) {
    super(
        "parameter "
            + key
            + " is "
            + (actual == null ? "null" : actual.getClass().getSimpleName() + " " + actual)
            + ", expected "
            + expectedType);
  }
}
