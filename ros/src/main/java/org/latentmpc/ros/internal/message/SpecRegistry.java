package org.latentmpc.ros.internal.message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.latentmpc.ros.MessageFormatException;

/**
 * Parsed message specs for a set of types, with md5 and full definitions computed as genmsg does.
 * Texts come from a source function (the classpath, or the parts of a received message_definition);
 * results are cached. Thread-safe.
 */
public final class SpecRegistry {
  /** The separator line between the parts of a full message_definition. */
  public static final String SEPARATOR = "=".repeat(80);

  /** The deepest nesting of message types accepted (guards the recursion of untrusted input). */
  public static final int MAX_DEPTH = 64;

  private final Function<String, String> textSource;
  private final Function<String, String> sourceName;
  private final Map<String, MsgSpec> specs = new ConcurrentHashMap<>();
  private final Map<String, String> md5s = new ConcurrentHashMap<>();

  /**
   * @param textSource returns the {@code .msg} text of {@code pkg/Type}, or null if unknown
   * @param sourceName names where a type's text came from, for error messages
   */
  public SpecRegistry(Function<String, String> textSource, Function<String, String> sourceName) {
    this.textSource = textSource;
    this.sourceName = sourceName;
  }

  /** Registers an already parsed spec (service halves, which have no text source of their own). */
  public void register(MsgSpec spec) {
    specs.put(spec.fullName(), spec);
  }

  /**
   * The parsed spec of {@code pkg/Type}.
   *
   * @throws MessageFormatException if the type is unknown or its text does not parse
   */
  public MsgSpec spec(String fullName) {
    MsgSpec spec = specs.get(fullName);
    if (spec != null) {
      return spec;
    }
    String text = textSource.apply(fullName);
    if (text == null) {
      throw new MessageFormatException(
          "unknown message type "
              + fullName
              + " (no definition at "
              + sourceName.apply(fullName)
              + ")");
    }
    spec = MsgParser.parse(fullName, text, sourceName.apply(fullName));
    specs.putIfAbsent(fullName, spec);
    return spec;
  }

  /** The md5 of a type. */
  public String md5(String fullName) {
    String md5 = md5s.get(fullName);
    if (md5 == null) {
      md5 = md5Hex(md5Text(fullName, new HashSet<>()));
      md5s.put(fullName, md5);
    }
    return md5;
  }

  /** The text whose md5 is the type's md5 (constants, then fields; nested types by their md5). */
  public String md5Text(String fullName) {
    return md5Text(fullName, new HashSet<>());
  }

  private String md5Text(String fullName, Set<String> visiting) {
    enter(fullName, visiting);
    MsgSpec spec = spec(fullName);
    StringBuilder sb = new StringBuilder();
    for (ConstantSpec c : spec.constants()) {
      sb.append(c.type()).append(' ').append(c.name()).append('=').append(c.valueText());
      sb.append('\n');
    }
    for (FieldSpec f : spec.fields()) {
      if (f.builtin()) {
        sb.append(f.type());
      } else {
        String nested = md5s.get(f.baseType());
        if (nested == null) {
          nested = md5Hex(md5Text(f.baseType(), visiting));
          md5s.put(f.baseType(), nested);
        }
        sb.append(nested);
      }
      sb.append(' ').append(f.name()).append('\n');
    }
    visiting.remove(fullName);
    return sb.toString().strip();
  }

  /**
   * All message types a type depends on, in the order of genmsg's compute_full_text: depth-first in
   * field order, each type once at its first appearance.
   */
  public List<String> dependencies(String fullName) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    collect(fullName, out, new HashSet<>());
    return new ArrayList<>(out);
  }

  private void collect(String fullName, LinkedHashSet<String> out, Set<String> visiting) {
    enter(fullName, visiting);
    for (FieldSpec f : spec(fullName).fields()) {
      // A type seen before had its whole subtree listed then: skipping it keeps genmsg's
      // first-appearance order and keeps the walk linear in the number of types.
      if (!f.builtin() && out.add(f.baseType())) {
        collect(f.baseType(), out, visiting);
      }
    }
    visiting.remove(fullName);
  }

  private static void enter(String fullName, Set<String> visiting) {
    if (!visiting.add(fullName)) {
      throw new MessageFormatException("message type " + fullName + " contains itself");
    }
    if (visiting.size() > MAX_DEPTH) {
      throw new MessageFormatException(
          "message type " + fullName + " is nested more than " + MAX_DEPTH + " levels deep");
    }
  }

  /**
   * The full message_definition: the type's text, then for each dependency a newline, 80 '=', a
   * line {@code MSG: pkg/Type} and the dependency's text.
   */
  public String definition(String fullName) {
    StringBuilder sb = new StringBuilder(spec(fullName).text());
    for (String dep : dependencies(fullName)) {
      sb.append('\n').append(SEPARATOR).append("\nMSG: ").append(dep).append('\n');
      sb.append(spec(dep).text());
    }
    return sb.toString();
  }

  /** The lowercase hex md5 of UTF-8 text. */
  public static String md5Hex(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder(32);
      for (byte b : digest) {
        sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }

  /**
   * Splits a full message_definition into the texts of its parts: the main type (under {@code
   * mainType}) and every {@code MSG: pkg/Type} section.
   *
   * @throws MessageFormatException if a section does not start with a {@code MSG: pkg/Type} line
   */
  public static Map<String, String> splitDefinition(String mainType, String definition) {
    Map<String, String> parts = new java.util.LinkedHashMap<>();
    String sep = "\n" + SEPARATOR + "\n";
    int start = 0;
    String name = mainType;
    while (true) {
      int next = definition.indexOf(sep, start);
      String body = next < 0 ? definition.substring(start) : definition.substring(start, next);
      if (name == null) {
        int nl = body.indexOf('\n');
        String head = nl < 0 ? body : body.substring(0, nl);
        if (!head.startsWith("MSG: ")) {
          throw new MessageFormatException(
              "message definition of "
                  + mainType
                  + ": a section after the '=' line must start"
                  + " with 'MSG: pkg/Type', found '"
                  + head
                  + "'");
        }
        name = head.substring(5).strip();
        body = nl < 0 ? "" : body.substring(nl + 1);
      }
      parts.putIfAbsent(name, body);
      if (next < 0) {
        return parts;
      }
      start = next + sep.length();
      name = null;
    }
  }
}
