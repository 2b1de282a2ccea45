package org.latentmpc.ros.internal.transport;

import java.io.IOException;

/**
 * A peer sent bytes that break the TCPROS protocol: a malformed or oversized connection header, an
 * oversized length prefix, or a header that misses required fields. The connection that sent them
 * is closed; nothing else changes.
 */
public class ProtocolException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message that names what is wrong. */
  public ProtocolException(String message) {
    super(message);
  }
}
