package org.latentmpc.ros.internal.xmlrpc;

/**
 * An XML-RPC fault: the remote side answered with {@code <fault>} (client side), or a handler wants
 * the server to answer with one (server side).
 */
public class XmlRpcFault extends XmlRpcException {
  private static final long serialVersionUID = 1L;

  private final int faultCode;
  private final String faultString;

  public XmlRpcFault(int faultCode, String faultString) {
    super("XML-RPC fault " + faultCode + ": " + faultString);
    this.faultCode = faultCode;
    this.faultString = faultString;
  }

  public int faultCode() {
    return faultCode;
  }

  public String faultString() {
    return faultString;
  }
}
