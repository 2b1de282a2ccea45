package org.latentmpc.ros.internal.master;

import org.latentmpc.ros.RosException;

/**
 * A ROS master or slave API call answered with a status code other than 1 ({@code 0} failure,
 * {@code -1} caller error), or a handler that wants to answer so. Carries the remote status
 * message.
 */
public class RosRpcException extends RosException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final int code;
  private final String statusMessage;

  public RosRpcException(String method, int code, String statusMessage) {
    super(method + " failed (code " + code + "): " + statusMessage);
    this.method = method;
    this.code = code;
    this.statusMessage = statusMessage;
  }

  /** A failure a handler raises; the server answers {@code [code, statusMessage, 0]}. */
  public static RosRpcException failure(int code, String statusMessage) {
    return new RosRpcException("call", code, statusMessage);
  }

  /** The API method that failed. */
  public String method() {
    return method;
  }

  /** The status code: 0 failure, -1 error on the caller's part. */
  public int code() {
    return code;
  }

  /** The status message the remote side gave. */
  public String statusMessage() {
    return statusMessage;
  }
}
