package org.latentmpc.ros.internal.xmlrpc;

import java.util.List;
import java.util.Objects;

/**
 * A decoded {@code <methodCall>}: the method name and its parameters (Integer, Boolean, Double,
 * String, byte[], List, Map).
 */
public record XmlRpcRequest(String methodName, List<Object> params) {
  public XmlRpcRequest {
    Objects.requireNonNull(methodName, "methodName");
    params = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params));
  }
}
