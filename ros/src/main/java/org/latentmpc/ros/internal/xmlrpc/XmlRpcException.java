package org.latentmpc.ros.internal.xmlrpc;

import org.latentmpc.ros.RosException;

/**
 * An XML-RPC call failed: a malformed document, a value that cannot be encoded, an HTTP error or a
 * transport failure (then the cause is the {@link java.io.IOException}).
 */
public class XmlRpcException extends RosException {
  private static final long serialVersionUID = 1L;

  public XmlRpcException(String message) {
    super(message);
  }

  public XmlRpcException(String message, Throwable cause) {
    super(message, cause);
  }
}
