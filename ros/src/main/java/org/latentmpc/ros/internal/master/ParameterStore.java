package org.latentmpc.ros.internal.master;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameter tree of the embedded master, with rosmaster's semantics: namespaces are nested
 * maps, setting a map replaces the namespace with that tree, setting under a leaf turns the leaf
 * into a namespace, getting a namespace returns its map. Keys are global, canonical names. Values
 * are copied in and out, so callers never share state with the tree. Not thread-safe (the master
 * locks).
 */
final class ParameterStore {
  private Map<String, Object> root = new LinkedHashMap<>();

  private static List<String> segments(String key) {
    List<String> out = new ArrayList<>();
    for (String s : key.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** The value at {@code key} (a copy), empty when unset. */
  Optional<Object> get(String key) {
    Object v = root;
    for (String s : segments(key)) {
      if (!(v instanceof Map<?, ?> m) || !m.containsKey(s)) {
        return Optional.empty();
      }
      v = m.get(s);
    }
    return Optional.of(deepCopy(v));
  }

  boolean has(String key) {
    return get(key).isPresent();
  }

  /**
   * Sets {@code key}; the root accepts only a map.
   *
   * @throws IllegalArgumentException when setting the root to a non-map
   */
  @SuppressWarnings("unchecked")
  void set(String key, Object value) {
    List<String> segs = segments(key);
    if (segs.isEmpty()) {
      if (!(value instanceof Map<?, ?>)) {
        throw new IllegalArgumentException("cannot set root of parameter tree to non-dictionary");
      }
      root = (Map<String, Object>) deepCopy(value);
      return;
    }
    Map<String, Object> d = root;
    for (String s : segs.subList(0, segs.size() - 1)) {
      Object child = d.get(s);
      if (!(child instanceof Map<?, ?>)) {
        child = new LinkedHashMap<String, Object>();
        d.put(s, child);
      }
      d = (Map<String, Object>) child;
    }
    d.put(segs.get(segs.size() - 1), deepCopy(value));
  }

  /**
   * Deletes {@code key}.
   *
   * @return false when it was not set
   * @throws IllegalArgumentException for the root
   */
  @SuppressWarnings("unchecked")
  boolean delete(String key) {
    List<String> segs = segments(key);
    if (segs.isEmpty()) {
      throw new IllegalArgumentException("cannot delete root of parameter tree");
    }
    Object d = root;
    for (String s : segs.subList(0, segs.size() - 1)) {
      if (!(d instanceof Map<?, ?> m) || !m.containsKey(s)) {
        return false;
      }
      d = m.get(s);
    }
    if (!(d instanceof Map<?, ?>)) {
      return false;
    }
    Map<String, Object> parent = (Map<String, Object>) d;
    String last = segs.get(segs.size() - 1);
    if (!parent.containsKey(last)) {
      return false;
    }
    parent.remove(last);
    return true;
  }

  /** Every leaf name (empty namespaces have none). */
  List<String> names() {
    List<String> out = new ArrayList<>();
    collect("", root, out);
    return out;
  }

  private static void collect(String prefix, Map<?, ?> d, List<String> out) {
    for (Map.Entry<?, ?> e : d.entrySet()) {
      String name = prefix + "/" + e.getKey();
      if (e.getValue() instanceof Map<?, ?> m) {
        collect(name, m, out);
      } else {
        out.add(name);
      }
    }
  }

  /**
   * rosmaster's searchParam: starting at namespace {@code ns} (the caller's id, so its private
   * namespace first) and moving up to the root, the first namespace holding the first segment of
   * the relative {@code key}; returns that namespace joined with the whole key.
   */
  Optional<String> search(String ns, String key) {
    if (key.startsWith("/")) {
      return has(key) ? Optional.of(key) : Optional.empty();
    }
    List<String> keySegs = segments(key);
    if (keySegs.isEmpty()) {
      return Optional.empty();
    }
    String first = keySegs.get(0);
    List<String> nsSegs = segments(ns);
    for (int i = nsSegs.size(); i >= 0; i--) {
      String base = "/" + String.join("/", nsSegs.subList(0, i));
      String prefix = base.equals("/") ? "" : base;
      if (has(prefix + "/" + first)) {
        return Optional.of(prefix + "/" + String.join("/", keySegs));
      }
    }
    return Optional.empty();
  }

  /** A deep copy of a parameter value (maps and lists copied, byte[] cloned). */
  static Object deepCopy(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(String.valueOf(e.getKey()), deepCopy(e.getValue()));
      }
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(deepCopy(o));
      }
      return out;
    }
    if (v instanceof byte[] b) {
      return b.clone();
    }
    return v;
  }
}
