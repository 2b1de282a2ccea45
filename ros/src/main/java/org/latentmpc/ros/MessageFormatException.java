package org.latentmpc.ros;

/**
 * Bytes or text that do not form a valid message, message definition, header or file of the
 * expected kind.
 */
public class MessageFormatException extends RosException {
  private static final long serialVersionUID = 1L;

  public MessageFormatException(String message) {
    super(message);
  }

  public MessageFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
