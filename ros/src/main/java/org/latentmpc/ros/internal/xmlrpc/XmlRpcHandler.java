package org.latentmpc.ros.internal.xmlrpc;

import java.util.List;

/**
 * Serves the methods of an {@link XmlRpcServer}. Called concurrently from the server's worker
 * threads.
 */
@FunctionalInterface
public interface XmlRpcHandler {
  /**
   * Runs {@code methodName} on {@code params} and returns the result value (Integer, Boolean,
   * Double, String, byte[], List or Map; no null).
   *
   * @throws XmlRpcFault to answer with a fault, e.g. {@link #noSuchMethod(String)} for a method
   *     this handler does not serve. Any other runtime exception also becomes a fault (code 1).
   */
  Object invoke(String methodName, List<Object> params);

  /** The fault for an unknown method, worded as Python's SimpleXMLRPCServer words it. */
  static XmlRpcFault noSuchMethod(String methodName) {
    return new XmlRpcFault(1, "<class 'Exception'>:method \"" + methodName + "\" is not supported");
  }
}
