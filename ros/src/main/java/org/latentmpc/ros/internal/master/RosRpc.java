package org.latentmpc.ros.internal.master;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.latentmpc.ros.internal.xmlrpc.XmlRpcException;

/** Helpers for the ROS API convention: every call returns {@code [code, statusMessage, value]}. */
public final class RosRpc {
  private RosRpc() {}

  /** {@code [code, message, value]}. */
  public static List<Object> reply(int code, String message, Object value) {
    List<Object> r = new ArrayList<>(3);
    r.add(code);
    r.add(message);
    r.add(value);
    return r;
  }

  /**
   * Returns the value of a {@code [1, message, value]} response.
   *
   * @throws RosRpcException when the code is not 1
   * @throws XmlRpcException when the response does not have that shape
   */
  public static Object unwrap(String method, Object response) {
    if (!(response instanceof List<?> list)
        || list.size() != 3
        || !(list.get(0) instanceof Integer code)) {
      throw new XmlRpcException(
          method + ": expected [code, statusMessage, value], got " + abbreviate(response));
    }
    String message = String.valueOf(list.get(1));
    if (code != 1) {
      throw new RosRpcException(method, code, message);
    }
    return list.get(2);
  }

  /** Casts a response value, failing with a clear message. */
  public static <T> T as(String method, Object value, Class<T> type) {
    if (!type.isInstance(value)) {
      throw new XmlRpcException(
          method
              + ": expected a "
              + type.getSimpleName()
              + " value, got "
              + (value == null
                  ? "null"
                  : value.getClass().getSimpleName() + " " + abbreviate(value)));
    }
    return type.cast(value);
  }

  /** A list of strings from a response value. */
  public static List<String> stringList(String method, Object value) {
    List<?> list = as(method, value, List.class);
    List<String> out = new ArrayList<>(list.size());
    for (Object o : list) {
      out.add(as(method, o, String.class));
    }
    return out;
  }

  /** A {@code [[name, type], ...]} list from a response value. */
  public static List<TopicType> topicTypes(String method, Object value) {
    List<?> list = as(method, value, List.class);
    List<TopicType> out = new ArrayList<>(list.size());
    for (Object o : list) {
      List<?> pair = as(method, o, List.class);
      if (pair.size() != 2) {
        throw new XmlRpcException(
            method + ": expected [topic, type] pairs, got " + abbreviate(pair));
      }
      out.add(
          new TopicType(
              as(method, pair.get(0), String.class), as(method, pair.get(1), String.class)));
    }
    return out;
  }

  static String abbreviate(Object o) {
    String s =
        o instanceof Map<?, ?> || o instanceof List<?> || o instanceof String
            ? o.toString()
            : String.valueOf(o);
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
