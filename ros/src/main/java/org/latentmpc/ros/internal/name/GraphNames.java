package org.latentmpc.ros.internal.name;

import java.util.regex.Pattern;

/**
 * ROS graph-name rules: validation ({@code [~/A-Za-z][\w/]*}, no {@code //}), kinds (global {@code
 * /x}, private {@code ~x}, relative {@code x}) and joining, as rosgraph.names defines them.
 */
public final class GraphNames {
  /** The root namespace. */
  public static final String ROOT = "/";

  private static final Pattern LEGAL = Pattern.compile("[~/A-Za-z][\\w/]*");
  private static final Pattern BASE = Pattern.compile("[A-Za-z][\\w]*");

  private GraphNames() {}

  /** Whether {@code name} is a legal, non-empty graph name. */
  public static boolean isLegal(String name) {
    return name != null
        && !name.isEmpty()
        && LEGAL.matcher(name).matches()
        && !name.contains("//")
        && name.indexOf('~', 1) < 0;
  }

  /** Whether {@code name} is a legal base name (no namespace separators, no {@code ~}). */
  public static boolean isLegalBaseName(String name) {
    return name != null && BASE.matcher(name).matches();
  }

  public static boolean isGlobal(String name) {
    return name.startsWith("/");
  }

  public static boolean isPrivate(String name) {
    return name.startsWith("~");
  }

  /**
   * Checks {@code name} is legal.
   *
   * @param what what the name is (used in the error message), e.g. "topic" or "argument __ns"
   * @throws IllegalArgumentException naming {@code what} and the name
   */
  public static String checkLegal(String name, String what) {
    if (!isLegal(name)) {
      throw new IllegalArgumentException(
          "invalid ROS graph name for "
              + what
              + ": '"
              + name
              + "' (must match [~/A-Za-z][A-Za-z0-9_/]* without '//')");
    }
    return name;
  }

  /** {@code name} without a trailing slash (except the root). */
  public static String canonicalize(String name) {
    if (name.length() > 1 && name.endsWith("/")) {
      return name.substring(0, name.length() - 1);
    }
    return name;
  }

  /** Joins a global namespace and a relative name: {@code join("/a", "b/c") = "/a/b/c"}. */
  public static String join(String namespace, String relative) {
    String ns = canonicalize(namespace);
    String rel = canonicalize(relative);
    if (rel.isEmpty()) {
      return ns;
    }
    return ns.equals(ROOT) ? "/" + rel : ns + "/" + rel;
  }

  /**
   * The namespace holding a global name: {@code parent("/a/b") = "/a"}, {@code parent("/a") = "/"}.
   */
  public static String parent(String globalName) {
    String n = canonicalize(globalName);
    int slash = n.lastIndexOf('/');
    return slash <= 0 ? ROOT : n.substring(0, slash);
  }

  /** The last segment of a name: {@code baseName("/a/b") = "b"}. */
  public static String baseName(String name) {
    String n = canonicalize(name);
    return n.substring(n.lastIndexOf('/') + 1);
  }

  /**
   * Makes a namespace global and canonical: {@code "ns/"} becomes {@code "/ns"}, empty becomes
   * {@code "/"}.
   *
   * @throws IllegalArgumentException naming {@code what} when the namespace is not a legal name
   */
  public static String toNamespace(String ns, String what) {
    if (ns == null || ns.isEmpty() || ns.equals(ROOT)) {
      return ROOT;
    }
    String global = ns.startsWith("/") ? ns : "/" + ns;
    checkLegal(global, what);
    if (global.startsWith("~") || global.contains("~")) {
      throw new IllegalArgumentException(what + ": a namespace cannot be private: '" + ns + "'");
    }
    return canonicalize(global);
  }
}
