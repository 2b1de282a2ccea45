package org.latentmpc.ros.internal.param;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.latentmpc.ros.ParameterListener;
import org.latentmpc.ros.ParameterNotFoundException;
import org.latentmpc.ros.ParameterTree;
import org.latentmpc.ros.ParameterTypeException;
import org.latentmpc.ros.RosException;
import org.latentmpc.ros.internal.master.MasterClient;
import org.latentmpc.ros.internal.master.RosRpcException;
import org.latentmpc.ros.internal.name.GraphNames;
import org.latentmpc.ros.internal.name.NameResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parameter server as seen by one node: names are resolved (and remapped) with the node's
 * {@link NameResolver}, then sent to the master as global keys.
 *
 * <p>Typed getters: a Double getter accepts an Integer; any other mismatch throws {@link
 * ParameterTypeException} naming the key and both types, also from getters with a default (the
 * default is used only when the key is unset).
 *
 * <p>Listeners: {@link #addParameterListener} subscribes the key at the master (once per key) and
 * keeps a cached copy of its value; the node's slave handler must forward every paramUpdate to
 * {@link #onParamUpdate(String, Object)}, which updates the caches of the key and of its parents
 * and children and calls their listeners with the new value when it changed (an empty Map when
 * deleted).
 */
public final class RemoteParameterTree implements ParameterTree {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteParameterTree.class);

  private final MasterClient master;
  private final NameResolver resolver;
  private final String slaveUri;
  private final Object lock = new Object();

  /** Subscribed global key (no trailing slash) -> cached value (empty Map when unset). */
  private final Map<String, Object> cache = new LinkedHashMap<>();

  private final Map<String, List<ParameterListener>> listeners = new LinkedHashMap<>();

  /**
   * @param master a client whose caller id is the node's full name
   * @param resolver the node's name resolver
   * @param slaveUri the node's slave API URI (where the master sends paramUpdate)
   */
  public RemoteParameterTree(MasterClient master, NameResolver resolver, String slaveUri) {
    this.master = Objects.requireNonNull(master, "master");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.slaveUri = Objects.requireNonNull(slaveUri, "slaveUri");
  }

  /** The global key {@code name} resolves to. */
  public String resolve(String name) {
    return resolver.resolve(name);
  }

  private Optional<Object> fetch(String key) {
    try {
      return Optional.of(master.getParam(key));
    } catch (RosRpcException e) {
      if (e.code() == -1) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private Object require(String name) {
    String key = resolve(name);
    return fetch(key).orElseThrow(() -> new ParameterNotFoundException(key));
  }

  private <T> T typed(String name, String typeName, Class<T> type, Object value) {
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    throw new ParameterTypeException(resolve(name), typeName, value);
  }

  private <T> T typedOrDefault(String name, String typeName, Class<T> type, T defaultValue) {
    Optional<Object> v = fetch(resolve(name));
    return v.isEmpty() ? defaultValue : typed(name, typeName, type, v.get());
  }

  private static double toDouble(String key, Object v) {
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof Integer i) {
      return i;
    }
    throw new ParameterTypeException(key, "double", v);
  }

  @Override
  public boolean getBoolean(String name) {
    return typed(name, "boolean", Boolean.class, require(name));
  }

  @Override
  public boolean getBoolean(String name, boolean defaultValue) {
    return typedOrDefault(name, "boolean", Boolean.class, defaultValue);
  }

  @Override
  public int getInteger(String name) {
    return typed(name, "int", Integer.class, require(name));
  }

  @Override
  public int getInteger(String name, int defaultValue) {
    return typedOrDefault(name, "int", Integer.class, defaultValue);
  }

  @Override
  public double getDouble(String name) {
    return toDouble(resolve(name), require(name));
  }

  @Override
  public double getDouble(String name, double defaultValue) {
    String key = resolve(name);
    Optional<Object> v = fetch(key);
    return v.isEmpty() ? defaultValue : toDouble(key, v.get());
  }

  @Override
  public String getString(String name) {
    return typed(name, "String", String.class, require(name));
  }

  @Override
  public String getString(String name, String defaultValue) {
    return typedOrDefault(name, "String", String.class, defaultValue);
  }

  @Override
  public List<?> getList(String name) {
    return typed(name, "List", List.class, require(name));
  }

  @Override
  public List<?> getList(String name, List<?> defaultValue) {
    Optional<Object> v = fetch(resolve(name));
    return v.isEmpty() ? defaultValue : typed(name, "List", List.class, v.get());
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, ?> getMap(String name) {
    return typed(name, "Map", Map.class, require(name));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, ?> getMap(String name, Map<String, ?> defaultValue) {
    Optional<Object> v = fetch(resolve(name));
    return v.isEmpty() ? defaultValue : typed(name, "Map", Map.class, v.get());
  }

  @Override
  public Object get(String name) {
    return require(name);
  }

  /**
   * @throws IllegalArgumentException when {@code value} is null
   */
  @Override
  public void set(String name, Object value) {
    if (value == null) {
      throw new IllegalArgumentException("parameter " + name + ": null cannot be stored");
    }
    master.setParam(resolve(name), value);
  }

  @Override
  public boolean has(String name) {
    return master.hasParam(resolve(name));
  }

  /**
   * @throws ParameterNotFoundException when the key is not set
   */
  @Override
  public void delete(String name) {
    String key = resolve(name);
    try {
      master.deleteParam(key);
    } catch (RosRpcException e) {
      if (e.code() == -1) {
        throw new ParameterNotFoundException(key);
      }
      throw e;
    }
  }

  @Override
  public Optional<String> search(String name) {
    GraphNames.checkLegal(name, "parameter name");
    if (GraphNames.isPrivate(name)) {
      throw new IllegalArgumentException("cannot search for a private name: " + name);
    }
    return master.searchParam(name);
  }

  @Override
  public List<String> getNames() {
    return master.getParamNames();
  }

  @Override
  public void addParameterListener(String name, ParameterListener listener) {
    Objects.requireNonNull(listener, "listener");
    String key = resolve(name);
    synchronized (lock) {
      if (!cache.containsKey(key)) {
        Object initial = master.subscribeParam(slaveUri, key);
        cache.put(key, initial);
      }
      listeners.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(listener);
    }
  }

  /**
   * Handles a paramUpdate from the master ({@code key} may end with a slash; {@code value} is an
   * empty Map for a deletion) and calls the affected listeners on this thread: those of the key, of
   * its parents and of its children, each once, with the subscribed key's new value, when it
   * changed. The new value is read back from the master (the master sends one update per
   * subscription, and a namespace's intermediate states would otherwise show); if the master cannot
   * be reached it is computed from the update.
   */
  public void onParamUpdate(String key, Object value) {
    String k = GraphNames.canonicalize(key);
    Map<String, Object> affected = new LinkedHashMap<>();
    synchronized (lock) {
      for (Map.Entry<String, Object> e : cache.entrySet()) {
        String sub = e.getKey();
        Object before = e.getValue();
        if (k.equals(sub)) {
          affected.put(sub, copy(value));
        } else if (isUnder(k, sub)) {
          affected.put(sub, withSubtree(before, relative(sub, k), value));
        } else if (isUnder(sub, k)) {
          affected.put(sub, subtree(value, relative(k, sub)));
        }
      }
    }
    for (Map.Entry<String, Object> e : affected.entrySet()) {
      try {
        e.setValue(fetch(e.getKey()).orElse(Map.of()));
      } catch (RosException unreachable) {
        LOG.debug("re-reading {} failed, using the update: {}", e.getKey(), unreachable.toString());
      }
    }
    List<Runnable> calls = new ArrayList<>();
    synchronized (lock) {
      for (Map.Entry<String, Object> e : affected.entrySet()) {
        String sub = e.getKey();
        if (!cache.containsKey(sub) || deepEquals(cache.get(sub), e.getValue())) {
          continue;
        }
        cache.put(sub, e.getValue());
        Object delivered = copy(e.getValue());
        for (ParameterListener l : listeners.getOrDefault(sub, List.of())) {
          calls.add(() -> l.onNewValue(delivered));
        }
      }
    }
    for (Runnable call : calls) {
      try {
        call.run();
      } catch (RuntimeException ex) {
        LOG.warn("parameter listener for {} failed", k, ex);
      }
    }
  }

  /**
   * Subscribes every listened-to key again (after the master restarted and forgot the
   * subscriptions) and delivers values that changed meanwhile; failures are logged.
   */
  public void resubscribeAll() {
    List<String> keys;
    synchronized (lock) {
      keys = new ArrayList<>(cache.keySet());
    }
    for (String key : keys) {
      try {
        onParamUpdate(key, master.subscribeParam(slaveUri, key));
      } catch (RosException e) {
        LOG.debug("subscribeParam {} failed: {}", key, e.toString());
      }
    }
  }

  /** Ends every parameter subscription at the master (node shutdown); failures are logged. */
  public void unsubscribeAll() {
    List<String> keys;
    synchronized (lock) {
      keys = new ArrayList<>(cache.keySet());
      cache.clear();
      listeners.clear();
    }
    for (String key : keys) {
      try {
        master.unsubscribeParam(slaveUri, key);
      } catch (RosException e) {
        LOG.debug("unsubscribeParam {} failed: {}", key, e.toString());
      }
    }
  }

  private static boolean isUnder(String name, String namespace) {
    return namespace.equals("/") ? !name.equals("/") : name.startsWith(namespace + "/");
  }

  private static List<String> relative(String namespace, String name) {
    String rest =
        namespace.equals("/") ? name.substring(1) : name.substring(namespace.length() + 1);
    List<String> out = new ArrayList<>();
    for (String s : rest.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static Object subtree(Object value, List<String> path) {
    Object v = value;
    for (String seg : path) {
      if (!(v instanceof Map<?, ?> m) || !m.containsKey(seg)) {
        return Map.of();
      }
      v = m.get(seg);
    }
    return copy(v);
  }

  /** {@code base} with the value at {@code path} replaced (an empty Map value deletes it). */
  @SuppressWarnings("unchecked")
  private static Object withSubtree(Object base, List<String> path, Object value) {
    Map<String, Object> root =
        base instanceof Map<?, ?> ? (Map<String, Object>) copy(base) : new LinkedHashMap<>();
    boolean delete = value instanceof Map<?, ?> m && m.isEmpty();
    Map<String, Object> d = root;
    for (String seg : path.subList(0, path.size() - 1)) {
      Object child = d.get(seg);
      if (!(child instanceof Map<?, ?>)) {
        if (delete) {
          return root;
        }
        child = new LinkedHashMap<String, Object>();
        d.put(seg, child);
      }
      d = (Map<String, Object>) child;
    }
    String last = path.get(path.size() - 1);
    if (delete) {
      d.remove(last);
    } else {
      d.put(last, copy(value));
    }
    return root;
  }

  private static Object copy(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), copy(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(copy(x)));
      return out;
    }
    if (v instanceof byte[] b) {
      return b.clone();
    }
    return v;
  }

  private static boolean deepEquals(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !deepEquals(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!deepEquals(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }
}
