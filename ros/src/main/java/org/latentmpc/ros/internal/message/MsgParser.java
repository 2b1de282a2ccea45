package org.latentmpc.ros.internal.message;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.latentmpc.ros.MessageFormatException;

/**
 * Parses {@code .msg} and {@code .srv} text the way genmsg does: {@code #} starts a comment (except
 * inside string constants), a line holding {@code =} declares a constant, other non-empty lines
 * declare a field {@code type name}. Unqualified message types resolve to the declaring package,
 * {@code Header} to {@code std_msgs/Header}.
 */
public final class MsgParser {
  private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][\\w/]*");
  private static final Pattern ARRAY_SUFFIX = Pattern.compile("\\[(\\d*)]");
  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z]\\w*");

  /**
   * The largest fixed array length accepted (a guard against definitions that would exhaust
   * memory).
   */
  public static final int MAX_FIXED_ARRAY_LENGTH = 1 << 20;

  private static final Pattern FULL_NAME = Pattern.compile("[A-Za-z][\\w]*/[A-Za-z]\\w*");

  private MsgParser() {}

  /**
   * Parses one message definition.
   *
   * @param fullName {@code pkg/Type}
   * @param text the {@code .msg} text
   * @param source names the text in error messages (a file name or resource path)
   * @throws MessageFormatException naming the source and line of the first error
   */
  public static MsgSpec parse(String fullName, String text, String source) {
    if (!FULL_NAME.matcher(fullName).matches()) {
      throw new MessageFormatException(
          source + ": invalid message type name '" + fullName + "' (expected pkg/Type)");
    }
    String pkg = fullName.substring(0, fullName.indexOf('/'));
    List<ConstantSpec> constants = new ArrayList<>();
    List<FieldSpec> fields = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String orig = lines[i];
      String clean = stripComment(orig);
      if (clean.isEmpty()) {
        continue;
      }
      String where = source + " line " + (i + 1);
      if (clean.contains("=")) {
        ConstantSpec c = parseConstant(orig, clean, where);
        checkUnique(c.name(), constants, fields, where);
        constants.add(c);
      } else {
        FieldSpec f = parseField(clean, pkg, i + 1, where);
        checkUnique(f.name(), constants, fields, where);
        fields.add(f);
      }
    }
    return new MsgSpec(fullName, text, constants, fields);
  }

  /**
   * Splits {@code .srv} text into request and response text exactly as genmsg does: the first line
   * starting with {@code ---} separates them, every other line is kept with a newline appended.
   *
   * @throws MessageFormatException if there is no {@code ---} line
   */
  public static String[] splitService(String text, String source) {
    StringBuilder request = new StringBuilder();
    StringBuilder response = new StringBuilder();
    StringBuilder accum = request;
    boolean found = false;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("---")) {
        accum = response;
        found = true;
      } else {
        accum.append(line).append('\n');
      }
    }
    if (!found) {
      throw new MessageFormatException(
          source + ": a service definition needs a '---' line between request and response");
    }
    // genmsg appends '\n' to each line of text.split('\n'): the request half keeps them all.
    return new String[] {request.toString(), response.toString()};
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return (hash >= 0 ? line.substring(0, hash) : line).strip();
  }

  private static void checkUnique(
      String name, List<ConstantSpec> constants, List<FieldSpec> fields, String where) {
    for (ConstantSpec c : constants) {
      if (c.name().equals(name)) {
        throw new MessageFormatException(where + ": duplicate name '" + name + "'");
      }
    }
    for (FieldSpec f : fields) {
      if (f.name().equals(name)) {
        throw new MessageFormatException(where + ": duplicate name '" + name + "'");
      }
    }
  }

  private static ConstantSpec parseConstant(String orig, String clean, String where) {
    String[] parts = clean.split("\\s+", 2);
    String type = parts[0];
    if (!Builtins.isConstantType(type)) {
      throw new MessageFormatException(
          where + ": '" + type + "' is not a legal constant type in '" + orig.strip() + "'");
    }
    String name;
    String valueText;
    if (type.equals("string")) {
      // Everything right of '=' belongs to a string constant, '#' included.
      String afterType = orig.strip().substring(type.length());
      int eq = afterType.indexOf('=');
      name = afterType.substring(0, eq).strip();
      valueText = afterType.substring(eq + 1).strip();
    } else {
      if (parts.length < 2) {
        throw new MessageFormatException(where + ": invalid constant declaration '" + clean + "'");
      }
      String[] nv = parts[1].split("=", -1);
      if (nv.length != 2) {
        throw new MessageFormatException(where + ": invalid constant declaration '" + clean + "'");
      }
      name = nv[0].strip();
      valueText = nv[1].strip();
    }
    if (!FIELD_NAME.matcher(name).matches()) {
      throw new MessageFormatException(where + ": '" + name + "' is not a legal constant name");
    }
    return new ConstantSpec(type, name, valueText, constantValue(type, valueText, where));
  }

  private static Object constantValue(String type, String text, String where) {
    try {
      switch (type) {
        case "string":
          return text;
        case "float32":
        case "float64":
          return Double.parseDouble(text);
        case "bool":
          if (text.equals("True") || text.equals("1")) {
            return Boolean.TRUE;
          }
          if (text.equals("False") || text.equals("0")) {
            return Boolean.FALSE;
          }
          throw new NumberFormatException("not a bool");
        default:
          long v = Long.parseLong(text);
          long[] range = integerRange(type);
          if (v < range[0] || v > range[1]) {
            throw new MessageFormatException(
                where + ": constant value " + text + " is out of range for " + type);
          }
          return v;
      }
    } catch (NumberFormatException e) {
      throw new MessageFormatException(
          where + ": invalid " + type + " constant value '" + text + "'", e);
    }
  }

  private static long[] integerRange(String type) {
    switch (type) {
      case "int8":
      case "byte":
        return new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
      case "uint8":
      case "char":
        return new long[] {0, 255};
      case "int16":
        return new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
      case "uint16":
        return new long[] {0, 65535};
      case "int32":
        return new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
      case "uint32":
        return new long[] {0, 0xFFFFFFFFL};
      case "int64":
        return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
      default: // uint64: Java longs cannot hold the upper half; accept the non-negative range
        return new long[] {0, Long.MAX_VALUE};
    }
  }

  private static FieldSpec parseField(String clean, String pkg, int line, String where) {
    String[] parts = clean.split("\\s+");
    if (parts.length != 2) {
      throw new MessageFormatException(
          where + ": invalid declaration '" + clean + "' (expected 'type name')");
    }
    String written = parts[0];
    String name = parts[1];
    if (!FIELD_NAME.matcher(name).matches()) {
      throw new MessageFormatException(where + ": '" + name + "' is not a legal field name");
    }
    int bracket = written.indexOf('[');
    String base = bracket >= 0 ? written.substring(0, bracket) : written;
    String suffix = bracket >= 0 ? written.substring(bracket) : "";
    if (!TYPE_NAME.matcher(base).matches()
        || base.contains("//")
        || base.endsWith("/")
        || base.chars().filter(ch -> ch == '/').count() > 1) {
      throw new MessageFormatException(where + ": '" + written + "' is not a legal field type");
    }
    boolean array = !suffix.isEmpty();
    int length = -1;
    if (array) {
      Matcher m = ARRAY_SUFFIX.matcher(suffix);
      if (!m.matches()) {
        throw new MessageFormatException(
            where + ": '" + written + "' is not a legal array type (only one dimension)");
      }
      if (!m.group(1).isEmpty()) {
        long parsed = m.group(1).length() > 10 ? Long.MAX_VALUE : Long.parseLong(m.group(1));
        if (parsed > MAX_FIXED_ARRAY_LENGTH) {
          throw new MessageFormatException(
              where
                  + ": fixed array length in '"
                  + written
                  + "' exceeds "
                  + MAX_FIXED_ARRAY_LENGTH);
        }
        length = (int) parsed;
      }
    }
    boolean builtin = Builtins.isBuiltin(base);
    String resolved = builtin ? base : resolve(base, pkg);
    String type = builtin ? written : resolved + suffix;
    return new FieldSpec(name, type, resolved, builtin, array, length, line);
  }

  /** Resolves a message type name in the context of a package ({@code Header} is special). */
  public static String resolve(String base, String pkg) {
    if (base.contains("/")) {
      return base;
    }
    if (base.equals("Header")) {
      return "std_msgs/Header";
    }
    return pkg + "/" + base;
  }
}
