package org.latentmpc.ros.internal.message;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Formats values the way {@code rostopic echo} does (genpy's strify_message on Python 3 with PyYAML
 * 6): Python float repr, YAML double-quoted strings, and PyYAML's plain/single-quoted choice for
 * items of string lists.
 */
public final class YamlText {
  private static final Pattern RESOLVES_TO_NON_STRING =
      Pattern.compile(
          "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|y|Y|n|N"
              + "|~|null|Null|NULL"
              + "|[-+]?(0|[1-9][0-9_]*)|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+"
              + "|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+"
              + "|[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+][0-9]+)?"
              + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*"
              + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
              + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?.*"
              + "|<<|=");
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

  private YamlText() {}

  /**
   * Python's {@code repr(float)}: shortest round-trip digits, scientific below 1e-4 or from 1e16.
   */
  public static String pythonFloat(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0.0" : "0.0";
    }
    BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
    String digits = d.unscaledValue().toString();
    int exp = digits.length() - 1 - d.scale(); // decimal exponent of the first digit
    StringBuilder sb = new StringBuilder();
    if (v < 0) {
      sb.append('-');
    }
    if (exp >= -5 + 1 && exp < 16) {
      if (exp >= 0) {
        if (digits.length() <= exp + 1) {
          sb.append(digits).append("0".repeat(exp + 1 - digits.length())).append(".0");
        } else {
          sb.append(digits, 0, exp + 1).append('.').append(digits.substring(exp + 1));
        }
      } else {
        sb.append("0.").append("0".repeat(-exp - 1)).append(digits);
      }
    } else {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits.substring(1));
      }
      sb.append('e').append(exp < 0 ? '-' : '+');
      int a = Math.abs(exp);
      if (a < 10) {
        sb.append('0');
      }
      sb.append(a);
    }
    return sb.toString();
  }

  /** A string scalar as rostopic echo prints it: {@code ''} when empty, else double-quoted. */
  public static String quotedScalar(String s) {
    return s.isEmpty() ? "''" : doubleQuoted(s);
  }

  /** A string in YAML double quotes with PyYAML's escapes (non-ASCII escaped). */
  public static String doubleQuoted(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case 0 -> sb.append("\\0");
        case 7 -> sb.append("\\a");
        case 8 -> sb.append("\\b");
        case 9 -> sb.append("\\t");
        case 10 -> sb.append("\\n");
        case 11 -> sb.append("\\v");
        case 12 -> sb.append("\\f");
        case 13 -> sb.append("\\r");
        case 27 -> sb.append("\\e");
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case 0x85 -> sb.append("\\N");
        case 0xA0 -> sb.append("\\_");
        case 0x2028 -> sb.append("\\L");
        case 0x2029 -> sb.append("\\P");
        default -> {
          if (cp >= 0x20 && cp < 0x7F) {
            sb.append((char) cp);
          } else if (cp <= 0xFF) {
            sb.append(String.format("\\x%02X", cp));
          } else if (cp <= 0xFFFF) {
            sb.append(String.format("\\u%04X", cp));
          } else {
            sb.append(String.format("\\U%08X", cp));
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** An item of a block string list as PyYAML dumps it: plain when safe, else quoted. */
  public static String listItem(String s) {
    if (s.isEmpty()) {
      return "''";
    }
    boolean printableAscii = s.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    if (!printableAscii) {
      return doubleQuoted(s);
    }
    boolean plain =
        !RESOLVES_TO_NON_STRING.matcher(s).matches()
            && INDICATORS.indexOf(s.charAt(0)) < 0
            && s.charAt(0) != ' '
            && s.charAt(s.length() - 1) != ' '
            && !s.endsWith(":")
            && !s.contains(": ")
            && !s.contains(" #")
            && !s.startsWith("---")
            && !s.startsWith("...");
    if (plain) {
      return s;
    }
    return "'" + s.replace("'", "''") + "'";
  }
}
