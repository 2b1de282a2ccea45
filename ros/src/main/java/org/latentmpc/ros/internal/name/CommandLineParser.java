package org.latentmpc.ros.internal.name;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.latentmpc.ros.NodeConfiguration;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Parses ROS command-line arguments and the environment into a {@link NodeConfiguration}.
 *
 * <p>Arguments: {@code __name:=}, {@code __ns:=}, {@code __master:=}, {@code __ip:=}, {@code
 * __hostname:=}, {@code __log:=} (ignored, as other unknown {@code __x:=}), {@code _param:=value}
 * (a private parameter, the value typed by YAML: {@code 2.5} a Double, {@code [1, 2]} a List,
 * {@code true} a Boolean, {@code 'text'} a String), and {@code from:=to} remappings. Arguments
 * without {@code :=} belong to the program and are ignored. Arguments win over the environment:
 * {@code ROS_MASTER_URI}, {@code ROS_NAMESPACE}, {@code ROS_HOSTNAME} (wins over {@code ROS_IP}),
 * {@code ROS_IP}.
 *
 * <p>Advertised host: {@code __hostname}, else {@code __ip}, else ROS_HOSTNAME, else ROS_IP, else
 * {@code 127.0.0.1}. Unlike rospy (which defaults to the machine's host name), we bind to and
 * advertise loopback unless told otherwise, so a node is never reachable from the network by
 * accident.
 */
public final class CommandLineParser {
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\-\\[\\]%]+");

  private CommandLineParser() {}

  /**
   * @throws IllegalArgumentException naming the argument or variable when one is malformed
   */
  public static NodeConfiguration parse(String[] args, Map<String, String> environment) {
    Map<String, String> env = environment == null ? Map.of() : environment;
    NodeConfiguration.Builder b = NodeConfiguration.builder();
    String master = null;
    String ns = null;
    String ip = null;
    String hostname = null;
    String name = null;
    Map<String, String> remaps = new LinkedHashMap<>();
    Map<String, Object> params = new LinkedHashMap<>();
    for (String arg : args == null ? new String[0] : args) {
      int sep = arg.indexOf(":=");
      if (sep < 0) {
        continue;
      }
      String key = arg.substring(0, sep);
      String value = arg.substring(sep + 2);
      if (key.startsWith("__")) {
        switch (key) {
          case "__name" -> name = value;
          case "__ns" -> ns = value;
          case "__master" -> master = value;
          case "__ip" -> ip = value;
          case "__hostname" -> hostname = value;
          default -> {
            // __log and other special keys of roslaunch: not ours
          }
        }
      } else if (key.startsWith("_")) {
        String param = key.substring(1);
        if (!GraphNames.isLegal(param) || GraphNames.isGlobal(param) || param.startsWith("~")) {
          throw new IllegalArgumentException(
              "argument " + arg + ": '" + param + "' is not a legal private parameter name");
        }
        params.put(param, parseYamlValue(value, "argument " + arg));
      } else {
        if (!GraphNames.isLegal(key)) {
          throw new IllegalArgumentException(
              "argument " + arg + ": remapping source '" + key + "' is not a legal graph name");
        }
        if (!GraphNames.isLegal(value)) {
          throw new IllegalArgumentException(
              "argument " + arg + ": remapping target '" + value + "' is not a legal graph name");
        }
        remaps.put(key, value);
      }
    }

    if (master != null) {
      b.masterUri(parseMasterUri(master, "argument __master:=" + master));
    } else if (env.get("ROS_MASTER_URI") != null && !env.get("ROS_MASTER_URI").isEmpty()) {
      b.masterUri(parseMasterUri(env.get("ROS_MASTER_URI"), "ROS_MASTER_URI"));
    }

    if (ns != null) {
      b.namespace(GraphNames.toNamespace(ns, "argument __ns:=" + ns));
    } else if (env.get("ROS_NAMESPACE") != null) {
      b.namespace(GraphNames.toNamespace(env.get("ROS_NAMESPACE"), "ROS_NAMESPACE"));
    }

    if (name != null) {
      if (!GraphNames.isLegalBaseName(name)) {
        throw new IllegalArgumentException(
            "argument __name:=" + name + ": not a legal node base name ([A-Za-z][A-Za-z0-9_]*)");
      }
      b.nodeName(name);
    }

    String host = null;
    if (hostname != null) {
      host = checkHost(hostname, "argument __hostname:=" + hostname);
    } else if (ip != null) {
      host = checkHost(ip, "argument __ip:=" + ip);
    } else if (nonEmpty(env.get("ROS_HOSTNAME"))) {
      host = checkHost(env.get("ROS_HOSTNAME"), "ROS_HOSTNAME");
    } else if (nonEmpty(env.get("ROS_IP"))) {
      host = checkHost(env.get("ROS_IP"), "ROS_IP");
    }
    if (host != null) {
      b.advertisedHost(host);
    }

    remaps.forEach(b::remap);
    params.forEach(b::privateParameter);
    return b.build();
  }

  private static boolean nonEmpty(String s) {
    return s != null && !s.isEmpty();
  }

  private static String checkHost(String host, String what) {
    if (!HOST.matcher(host).matches()) {
      throw new IllegalArgumentException(what + ": '" + host + "' is not a host name or address");
    }
    return host;
  }

  /**
   * Parses a master URI ({@code http://host:port[/]}).
   *
   * @throws IllegalArgumentException naming {@code what} when it is not such a URI
   */
  public static URI parseMasterUri(String text, String what) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(what + ": '" + text + "' is not a URI: " + e.getMessage());
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException(
          what + ": '" + text + "' is not an http://host:port/ master URI");
    }
    return uri;
  }

  /**
   * Parses a parameter value as YAML, as rosparam and {@code _param:=value} do, into XML-RPC types
   * (Integer, Double, Boolean, String, List, Map; integers beyond 32 bits become Double, dates
   * their text).
   *
   * @throws IllegalArgumentException naming {@code what} when the value is not valid YAML or is
   *     empty/null
   */
  public static Object parseYamlValue(String text, String what) {
    Object raw;
    try {
      raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (YAMLException e) {
      throw new IllegalArgumentException(what + ": not valid YAML: " + e.getMessage());
    }
    if (raw == null) {
      throw new IllegalArgumentException(
          what + ": empty or null value (quote it, e.g. '', to set an empty string)");
    }
    return toXmlRpcValue(raw, text, what);
  }

  private static Object toXmlRpcValue(Object v, String text, String what) {
    if (v instanceof Integer
        || v instanceof Double
        || v instanceof Boolean
        || v instanceof String) {
      return v;
    }
    if (v instanceof Long l) {
      return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE
          ? (Object) l.intValue()
          : l.doubleValue();
    }
    if (v instanceof BigInteger big) {
      return big.doubleValue();
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof byte[]) {
      return v;
    }
    if (v instanceof Date) {
      return text.trim();
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object e : list) {
        if (e == null) {
          throw new IllegalArgumentException(what + ": null list element");
        }
        out.add(toXmlRpcValue(e, String.valueOf(e), what));
      }
      return out;
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getValue() == null) {
          throw new IllegalArgumentException(what + ": null value for key " + e.getKey());
        }
        out.put(
            String.valueOf(e.getKey()),
            toXmlRpcValue(e.getValue(), String.valueOf(e.getValue()), what));
      }
      return out;
    }
    if (v instanceof java.util.Set<?> set) {
      return toXmlRpcValue(new ArrayList<>(set), text, what);
    }
    throw new IllegalArgumentException(
        what + ": unsupported YAML value of type " + v.getClass().getSimpleName());
  }
}
