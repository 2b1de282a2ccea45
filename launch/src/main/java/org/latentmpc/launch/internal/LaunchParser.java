package org.latentmpc.launch.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.latentmpc.launch.LaunchFile;
import org.latentmpc.launch.NodeRegistry;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Parses roslaunch-style XML (launch, arg, param, rosparam, node, remap, group, include) with the
 * substitutions {@code $(arg x)}, {@code $(env X)}, {@code $(optenv X default)}, {@code $(eval
 * python-expression)} (the whole attribute, see {@link LaunchEval}) and {@code $(find latent_mpc)}
 * (the sim-configs folder). StAX with DTDs and external entities disabled. Every error is a {@link
 * LaunchException} naming file and line.
 */
public final class LaunchParser {
  private static final int MAX_INCLUDE_DEPTH = 32;
  private static final Pattern SUBSTITUTION =
      Pattern.compile("\\$\\(([a-z_]+)((?:\\s+[^)\\s]+)*)\\s*\\)");
  private static final Map<String, Set<String>> ATTRIBUTES =
      Map.of(
          "launch", Set.of("deprecated"),
          "arg", Set.of("name", "default", "value", "doc", "if", "unless"),
          "param", Set.of("name", "value", "type", "textfile", "if", "unless"),
          "rosparam", Set.of("command", "file", "ns", "subst_value", "if", "unless"),
          "node",
              Set.of(
                  "pkg",
                  "type",
                  "name",
                  "ns",
                  "args",
                  "output",
                  "respawn",
                  "respawn_delay",
                  "required",
                  "if",
                  "unless",
                  "clear_params",
                  "cwd"),
          "remap", Set.of("from", "to", "if", "unless"),
          "group", Set.of("ns", "if", "unless", "clear_params"),
          "include", Set.of("file", "ns", "pass_all_args", "clear_params", "if", "unless"));
  private static final Map<String, Set<String>> CHILDREN =
      Map.of(
          "launch", Set.of("arg", "param", "rosparam", "node", "remap", "group", "include"),
          "group", Set.of("arg", "param", "rosparam", "node", "remap", "group", "include"),
          "node", Set.of("param", "rosparam", "remap"),
          "include", Set.of("arg"),
          "arg", Set.of(),
          "param", Set.of(),
          "rosparam", Set.of(),
          "remap", Set.of());

  private final Path findRoot;
  private final Function<String, String> environment;

  /**
   * @param findRoot the folder {@code $(find latent_mpc)} resolves to (sim-configs)
   * @param environment environment variable lookup ({@code System::getenv} in production)
   */
  public LaunchParser(Path findRoot, Function<String, String> environment) {
    this.findRoot = findRoot;
    this.environment = environment;
  }

  /** $(find latent_mpc) from the {@code latentmpc.home} system property (default: working dir). */
  public static LaunchParser withDefaults() {
    String home = System.getProperty("latentmpc.home", ".");
    return new LaunchParser(
        Path.of(home, "sim-configs").toAbsolutePath().normalize(), System::getenv);
  }

  /**
   * Parses {@code file} with the command line's {@code name:=value} argument overrides.
   *
   * @throws LaunchException naming file and line of the first problem
   */
  public LaunchFile parse(Path file, Map<String, String> argOverrides) throws LaunchException {
    Map<String, Object> globals = new LinkedHashMap<>();
    List<LaunchFile.NodeSpec> nodes = new ArrayList<>();
    Element root = read(file, null);
    Scope scope = new Scope("/", new LinkedHashMap<>(), new LinkedHashMap<>(argOverrides), file);
    processContainer(root, scope, globals, nodes, 0);
    return new LaunchFile(globals, nodes);
  }

  // ---------------------------------------------------------------- XML reading

  /** One XML element with its line. */
  private record Element(
      String tag,
      Map<String, String> attributes,
      List<Element> children,
      String text,
      Path file,
      int line) {
    String where() {
      return file + ":" + line;
    }
  }

  private static Element read(Path file, Element includedFrom) throws LaunchException {
    if (!Files.isRegularFile(file)) {
      String where = includedFrom == null ? file + ":0" : includedFrom.where();
      throw new LaunchException(where + ": launch file not found: " + file);
    }
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader reader = factory.createXMLStreamReader(in);
      List<Element> stack = new ArrayList<>();
      List<StringBuilder> texts = new ArrayList<>();
      Element root = null;
      try {
        while (reader.hasNext()) {
          int event = reader.next();
          int line = reader.getLocation().getLineNumber();
          switch (event) {
            case XMLStreamConstants.DTD ->
                throw new LaunchException(file + ":" + line + ": DOCTYPE is not allowed");
            case XMLStreamConstants.ENTITY_REFERENCE ->
                throw new LaunchException(
                    file
                        + ":"
                        + line
                        + ": entity reference &"
                        + reader.getLocalName()
                        + "; is not allowed");
            case XMLStreamConstants.START_ELEMENT -> {
              Map<String, String> attributes = new LinkedHashMap<>();
              for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
              }
              Element element =
                  new Element(
                      reader.getLocalName(), attributes, new ArrayList<>(), null, file, line);
              if (stack.isEmpty()) {
                root = element;
              } else {
                stack.get(stack.size() - 1).children().add(element);
              }
              stack.add(element);
              texts.add(new StringBuilder());
            }
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
              if (!texts.isEmpty()) {
                texts.get(texts.size() - 1).append(reader.getText());
              }
            }
            case XMLStreamConstants.END_ELEMENT -> {
              Element done = stack.remove(stack.size() - 1);
              String text = texts.remove(texts.size() - 1).toString();
              Element withText =
                  new Element(
                      done.tag(), done.attributes(), done.children(), text, file, done.line());
              if (stack.isEmpty()) {
                root = withText;
              } else {
                List<Element> siblings = stack.get(stack.size() - 1).children();
                siblings.set(siblings.size() - 1, withText);
              }
            }
            default -> {}
          }
        }
      } finally {
        reader.close();
      }
      if (root == null || !root.tag().equals("launch")) {
        throw new LaunchException(
            file + ":" + (root == null ? 1 : root.line()) + ": the root element must be <launch>");
      }
      return root;
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      throw new LaunchException(file + ":" + line + ": malformed XML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new LaunchException(file + ":0: cannot read: " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- processing

  /** Namespace, remaps and args in effect. */
  private record Scope(String ns, Map<String, String> remaps, Map<String, String> args, Path file) {
    Scope child(String childNs) {
      return new Scope(childNs, new LinkedHashMap<>(remaps), args, file);
    }
  }

  private void processContainer(
      Element container,
      Scope scope,
      Map<String, Object> globals,
      List<LaunchFile.NodeSpec> nodes,
      int depth)
      throws LaunchException {
    checkAttributes(container);
    for (Element e : container.children()) {
      checkAllowedChild(container, e);
      checkAttributes(e);
      if (!enabled(e, scope)) {
        continue;
      }
      switch (e.tag()) {
        case "arg" -> declareArg(e, scope);
        case "param" ->
            globals.put(
                resolveGlobal(scope.ns(), required(e, "name", scope), e), paramValue(e, scope));
        case "rosparam" -> loadRosparam(e, scope, scope.ns(), true, globals);
        case "remap" -> scope.remaps().put(required(e, "from", scope), required(e, "to", scope));
        case "group" -> {
          String ns =
              e.attributes().containsKey("ns")
                  ? join(scope.ns(), subst(e, "ns", scope))
                  : scope.ns();
          processContainer(e, scope.child(ns), globals, nodes, depth);
        }
        case "include" -> include(e, scope, globals, nodes, depth);
        case "node" -> nodes.add(node(e, scope));
        default -> throw new LaunchException(e.where() + ": unknown tag <" + e.tag() + ">");
      }
    }
  }

  private static void checkAllowedChild(Element parent, Element child) throws LaunchException {
    Set<String> allowed = CHILDREN.get(parent.tag());
    if (!CHILDREN.containsKey(child.tag())) {
      throw new LaunchException(child.where() + ": unknown tag <" + child.tag() + ">");
    }
    if (allowed == null || !allowed.contains(child.tag())) {
      throw new LaunchException(
          child.where() + ": <" + child.tag() + "> is not allowed inside <" + parent.tag() + ">");
    }
  }

  private static void checkAttributes(Element e) throws LaunchException {
    Set<String> allowed = ATTRIBUTES.get(e.tag());
    if (allowed == null) {
      throw new LaunchException(e.where() + ": unknown tag <" + e.tag() + ">");
    }
    for (String name : e.attributes().keySet()) {
      if (!allowed.contains(name)) {
        throw new LaunchException(
            e.where()
                + ": unknown attribute '"
                + name
                + "' on <"
                + e.tag()
                + "> (allowed: "
                + new java.util.TreeSet<>(allowed)
                + ")");
      }
    }
  }

  private boolean enabled(Element e, Scope scope) throws LaunchException {
    if (e.attributes().containsKey("if") && !bool(e, "if", subst(e, "if", scope))) {
      return false;
    }
    return !(e.attributes().containsKey("unless") && bool(e, "unless", subst(e, "unless", scope)));
  }

  private void declareArg(Element e, Scope scope) throws LaunchException {
    String name = required(e, "name", scope);
    if (e.attributes().containsKey("value") && e.attributes().containsKey("default")) {
      throw new LaunchException(e.where() + ": <arg " + name + "> has both value and default");
    }
    if (declared(scope).contains(name)) {
      throw new LaunchException(e.where() + ": arg '" + name + "' is declared twice");
    }
    if (e.attributes().containsKey("value")) {
      if (scope.args().containsKey(name)) {
        throw new LaunchException(
            e.where() + ": arg '" + name + "' has a fixed value and cannot be overridden");
      }
      scope.args().put(name, subst(e, "value", scope));
    } else if (e.attributes().containsKey("default")) {
      scope.args().putIfAbsent(name, subst(e, "default", scope));
    } else if (!scope.args().containsKey(name)) {
      throw new LaunchException(
          e.where() + ": required arg '" + name + "' was not given (name:=value)");
    }
    declared(scope).add(name);
  }

  private final Map<Map<String, String>, Set<String>> declaredArgs =
      new java.util.IdentityHashMap<>();

  private Set<String> declared(Scope scope) {
    return declaredArgs.computeIfAbsent(scope.args(), k -> new java.util.HashSet<>());
  }

  private void include(
      Element e,
      Scope scope,
      Map<String, Object> globals,
      List<LaunchFile.NodeSpec> nodes,
      int depth)
      throws LaunchException {
    if (depth >= MAX_INCLUDE_DEPTH) {
      throw new LaunchException(e.where() + ": includes nested deeper than " + MAX_INCLUDE_DEPTH);
    }
    Path target = scope.file().resolveSibling(required(e, "file", scope)).normalize();
    Map<String, String> passed = new LinkedHashMap<>();
    if (e.attributes().containsKey("pass_all_args")
        && bool(e, "pass_all_args", subst(e, "pass_all_args", scope))) {
      passed.putAll(scope.args());
    }
    for (Element arg : e.children()) {
      checkAttributes(arg);
      if (!enabled(arg, scope)) {
        continue;
      }
      String name = required(arg, "name", scope);
      if (!arg.attributes().containsKey("value")) {
        throw new LaunchException(arg.where() + ": <arg " + name + "> in <include> needs a value");
      }
      passed.put(name, subst(arg, "value", scope));
    }
    Element root = read(target, e);
    String ns =
        e.attributes().containsKey("ns") ? join(scope.ns(), subst(e, "ns", scope)) : scope.ns();
    Scope inner = new Scope(ns, new LinkedHashMap<>(scope.remaps()), passed, target);
    processContainer(root, inner, globals, nodes, depth + 1);
    for (Element arg : e.children()) {
      String name = arg.attributes().get("name");
      if (name != null && !declared(inner).contains(name)) {
        throw new LaunchException(
            arg.where() + ": arg '" + name + "' is not declared in " + target);
      }
    }
  }

  private LaunchFile.NodeSpec node(Element e, Scope scope) throws LaunchException {
    String type = required(e, "type", scope);
    if (!NodeRegistry.types().contains(type)) {
      throw new LaunchException(
          e.where() + ": unknown node type '" + type + "' (known: " + NodeRegistry.types() + ")");
    }
    String name = required(e, "name", scope);
    if (name.isEmpty() || name.contains("/") || name.startsWith("~")) {
      throw new LaunchException(e.where() + ": node name '" + name + "' must be a base name");
    }
    String ns =
        e.attributes().containsKey("ns") ? join(scope.ns(), subst(e, "ns", scope)) : scope.ns();
    Map<String, String> remaps = new LinkedHashMap<>(scope.remaps());
    Map<String, Object> params = new LinkedHashMap<>();
    for (Element child : e.children()) {
      checkAllowedChild(e, child);
      checkAttributes(child);
      if (!enabled(child, scope)) {
        continue;
      }
      switch (child.tag()) {
        case "remap" -> remaps.put(required(child, "from", scope), required(child, "to", scope));
        case "param" ->
            params.put(
                privateName(required(child, "name", scope), child), paramValue(child, scope));
        case "rosparam" -> {
          String sub =
              child.attributes().containsKey("ns")
                  ? privateName(subst(child, "ns", scope), child)
                  : "";
          Map<String, Object> loaded = new LinkedHashMap<>();
          loadRosparam(child, scope, "/", false, loaded);
          for (Map.Entry<String, Object> entry : loaded.entrySet()) {
            String key = entry.getKey().substring(1);
            params.put(sub.isEmpty() ? key : sub + "/" + key, entry.getValue());
          }
        }
        default -> throw new LaunchException(child.where() + ": unknown tag <" + child.tag() + ">");
      }
    }
    boolean respawn =
        e.attributes().containsKey("respawn") && bool(e, "respawn", subst(e, "respawn", scope));
    boolean required =
        e.attributes().containsKey("required") && bool(e, "required", subst(e, "required", scope));
    if (respawn && required) {
      throw new LaunchException(e.where() + ": a node cannot be both respawn and required");
    }
    double delay = 0;
    if (e.attributes().containsKey("respawn_delay")) {
      String raw = subst(e, "respawn_delay", scope);
      try {
        delay = Double.parseDouble(raw);
      } catch (NumberFormatException ex) {
        throw new LaunchException(e.where() + ": respawn_delay '" + raw + "' is not a number");
      }
      if (!(delay >= 0)) {
        throw new LaunchException(e.where() + ": respawn_delay must be >= 0 s, got " + raw);
      }
    }
    if (e.attributes().containsKey("output")) {
      String output = subst(e, "output", scope);
      if (!output.equals("screen") && !output.equals("log")) {
        throw new LaunchException(
            e.where() + ": output must be screen or log, got '" + output + "'");
      }
    }
    String args = e.attributes().containsKey("args") ? subst(e, "args", scope) : "";
    String nsNoSlash = ns.equals("/") ? "/" : ns.substring(0, ns.length() - 1);
    return new LaunchFile.NodeSpec(
        type, nsNoSlash, ns + name, remaps, params, args, respawn, delay, required, e.where());
  }

  private static String privateName(String name, Element e) throws LaunchException {
    String stripped = name.startsWith("~") ? name.substring(1) : name;
    if (stripped.startsWith("/") || stripped.isEmpty()) {
      throw new LaunchException(
          e.where() + ": a node's param name must be relative, got '" + name + "'");
    }
    return stripped;
  }

  private static String resolveGlobal(String ns, String name, Element e) throws LaunchException {
    if (name.isEmpty() || name.startsWith("~")) {
      throw new LaunchException(
          e.where() + ": param name '" + name + "' must be global or relative outside <node>");
    }
    return name.startsWith("/") ? name : ns + name;
  }

  /** {@code ns} ends with '/'; the result does too. */
  private static String join(String ns, String relative) {
    String joined = relative.startsWith("/") ? relative : ns + relative;
    return joined.endsWith("/") ? joined : joined + "/";
  }

  private Object paramValue(Element e, Scope scope) throws LaunchException {
    boolean hasValue = e.attributes().containsKey("value");
    boolean hasFile = e.attributes().containsKey("textfile");
    if (hasValue == hasFile) {
      throw new LaunchException(e.where() + ": <param> needs exactly one of value or textfile");
    }
    String raw;
    if (hasFile) {
      Path path = scope.file().resolveSibling(subst(e, "textfile", scope));
      try {
        raw = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException ex) {
        throw new LaunchException(
            e.where() + ": cannot read textfile " + path + ": " + ex.getMessage(), ex);
      }
    } else {
      raw = subst(e, "value", scope);
    }
    String type =
        e.attributes().containsKey("type") ? subst(e, "type", scope) : (hasFile ? "str" : "auto");
    return switch (type) {
      case "str", "string" -> raw;
      case "int" -> {
        try {
          yield Integer.parseInt(raw.trim());
        } catch (NumberFormatException ex) {
          throw new LaunchException(e.where() + ": '" + raw + "' is not an int");
        }
      }
      case "double" -> {
        try {
          yield Double.parseDouble(raw.trim());
        } catch (NumberFormatException ex) {
          throw new LaunchException(e.where() + ": '" + raw + "' is not a double");
        }
      }
      case "bool", "boolean" -> bool(e, "value", raw);
      case "yaml" -> {
        Object value = yaml(raw, e);
        if (value == null) {
          throw new LaunchException(e.where() + ": yaml value is empty");
        }
        yield value;
      }
      case "auto" -> auto(raw);
      default ->
          throw new LaunchException(
              e.where() + ": unknown param type '" + type + "' (str, int, double, bool, yaml)");
    };
  }

  private static Object auto(String raw) {
    String t = raw.trim();
    if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(t);
    }
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException notInt) {
      try {
        return Double.parseDouble(t);
      } catch (NumberFormatException notDouble) {
        return raw;
      }
    }
  }

  private static Object yaml(String text, Element e) throws LaunchException {
    try {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (RuntimeException ex) {
      throw new LaunchException(e.where() + ": invalid YAML: " + ex.getMessage(), ex);
    }
  }

  private void loadRosparam(
      Element e, Scope scope, String ns, boolean applyNs, Map<String, Object> out)
      throws LaunchException {
    String command = e.attributes().containsKey("command") ? subst(e, "command", scope) : "load";
    if (!command.equals("load")) {
      throw new LaunchException(
          e.where() + ": rosparam command '" + command + "' is not supported (only load)");
    }
    String text;
    String origin;
    if (e.attributes().containsKey("file")) {
      Path path = scope.file().resolveSibling(subst(e, "file", scope)).normalize();
      origin = path.toString();
      try {
        text = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException ex) {
        throw new LaunchException(e.where() + ": cannot read rosparam file " + path, ex);
      }
    } else {
      origin = "inline";
      text = e.text() == null ? "" : e.text();
    }
    Object loaded = yaml(text, e);
    if (loaded == null) {
      return;
    }
    String base = ns;
    if (applyNs && e.attributes().containsKey("ns")) {
      base = join(ns, subst(e, "ns", scope));
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      throw new LaunchException(e.where() + ": rosparam " + origin + " must hold a YAML mapping");
    }
    flatten(base, map, out);
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = prefix + entry.getKey();
      if (entry.getValue() instanceof Map<?, ?> sub && !sub.isEmpty()) {
        flatten(key + "/", sub, out);
      } else {
        out.put(key, entry.getValue());
      }
    }
  }

  private static boolean bool(Element e, String attribute, String raw) throws LaunchException {
    String t = raw.trim();
    if (t.equalsIgnoreCase("true") || t.equals("1")) {
      return true;
    }
    if (t.equalsIgnoreCase("false") || t.equals("0")) {
      return false;
    }
    throw new LaunchException(
        e.where() + ": " + attribute + " '" + raw + "' is not a bool (true/false)");
  }

  private String required(Element e, String attribute, Scope scope) throws LaunchException {
    if (!e.attributes().containsKey(attribute)) {
      throw new LaunchException(
          e.where() + ": <" + e.tag() + "> needs the attribute '" + attribute + "'");
    }
    return subst(e, attribute, scope);
  }

  private String subst(Element e, String attribute, Scope scope) throws LaunchException {
    String raw = e.attributes().get(attribute);
    if (raw.startsWith("$(eval ") && raw.endsWith(")")) {
      // As roslaunch: $(eval ...) spans the whole attribute and is a Python expression.
      return LaunchEval.evaluate(
          raw.substring(7, raw.length() - 1),
          new LaunchEval.Context(e.where(), scope.args(), environment, findRoot));
    }
    Matcher m = SUBSTITUTION.matcher(raw);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String command = m.group(1);
      String[] words =
          m.group(2).trim().isEmpty() ? new String[0] : m.group(2).trim().split("\\s+");
      String replacement =
          switch (command) {
            case "arg" -> {
              expectWords(e, command, words, 1, 1);
              String value = scope.args().get(words[0]);
              if (value == null) {
                throw new LaunchException(
                    e.where() + ": arg '" + words[0] + "' is not set (declare it with <arg>)");
              }
              yield value;
            }
            case "env" -> {
              expectWords(e, command, words, 1, 1);
              String value = environment.apply(words[0]);
              if (value == null) {
                throw new LaunchException(
                    e.where() + ": environment variable " + words[0] + " is not set");
              }
              yield value;
            }
            case "optenv" -> {
              expectWords(e, command, words, 1, Integer.MAX_VALUE);
              String value = environment.apply(words[0]);
              yield value != null
                  ? value
                  : String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length));
            }
            case "find" -> {
              expectWords(e, command, words, 1, 1);
              if (!words[0].equals("latent_mpc")) {
                throw new LaunchException(
                    e.where() + ": unknown package '" + words[0] + "' (only latent_mpc)");
              }
              yield findRoot.toString();
            }
            case "eval" ->
                throw new LaunchException(
                    e.where()
                        + ": $(eval ...) must be the whole attribute value (as in roslaunch);"
                        + " join strings inside it instead, e.g. $(eval arg('a') + 'b')");
            default ->
                throw new LaunchException(
                    e.where()
                        + ": unknown substitution $("
                        + command
                        + ") (arg, env, optenv, find, eval)");
          };
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    String result = out.toString();
    if (result.contains("$(")) {
      throw new LaunchException(
          e.where() + ": malformed substitution in " + attribute + "=\"" + raw + "\"");
    }
    return result;
  }

  private static void expectWords(Element e, String command, String[] words, int min, int max)
      throws LaunchException {
    if (words.length < min || words.length > max) {
      throw new LaunchException(
          e.where() + ": $(" + command + ") takes " + min + (max == min ? "" : "+") + " word(s)");
    }
  }
}
