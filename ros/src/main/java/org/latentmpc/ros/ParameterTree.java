package org.latentmpc.ros;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameter server. Names are resolved like topic names ({@code ~gain} is the node's private
 * parameter). Values are Boolean, Integer, Double, String, byte[] (base64), List and Map (a
 * namespace), as XML-RPC carries them. Integers are accepted where a double is asked for.
 *
 * <p>Getters without a default throw {@link ParameterNotFoundException} when the key is unset and
 * {@link ParameterTypeException} (naming the key and both types) when it holds another type.
 */
public interface ParameterTree {
  boolean getBoolean(String name);

  boolean getBoolean(String name, boolean defaultValue);

  int getInteger(String name);

  int getInteger(String name, int defaultValue);

  double getDouble(String name);

  double getDouble(String name, double defaultValue);

  String getString(String name);

  String getString(String name, String defaultValue);

  List<?> getList(String name);

  List<?> getList(String name, List<?> defaultValue);

  Map<String, ?> getMap(String name);

  Map<String, ?> getMap(String name, Map<String, ?> defaultValue);

  /** The raw value (any of the types above). */
  Object get(String name);

  /** Sets a value; a Map creates a namespace. */
  void set(String name, Object value);

  boolean has(String name);

  void delete(String name);

  /**
   * The closest parameter named {@code name} searching up from the node's namespace, as rosparam's
   * searchParam.
   */
  Optional<String> search(String name);

  /** All leaf parameter names. */
  List<String> getNames();

  /**
   * Calls {@code listener} on every change of {@code name} (and of anything under it, for a
   * namespace).
   */
  void addParameterListener(String name, ParameterListener listener);
}
