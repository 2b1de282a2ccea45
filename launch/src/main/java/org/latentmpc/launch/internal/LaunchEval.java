package org.latentmpc.launch.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * roslaunch's {@code $(eval EXPRESSION)}: a safe subset of Python expressions, evaluated as
 * roslaunch does (the value printed with Python's {@code str}). Names are the launch file's args,
 * converted as roslaunch's {@code convert_value(value, 'auto')} does (int, float, bool, else
 * string); {@code true/false/True/False}; the functions {@code arg(name)}, {@code env(name)},
 * {@code optenv(name[, default])}, {@code find(pkg)}, {@code str}, {@code int}, {@code float}, some
 * of Python's math ({@code sqrt, sin, cos, tan, atan2, radians, degrees, floor, ceil, fabs, pow,
 * exp, log}) and the constants {@code pi}, {@code e}. Operators: {@code x if c else y}, {@code or},
 * {@code and}, {@code not}, comparisons (chained), {@code + - * / // % **}, unary minus and plus,
 * parentheses. Anything else (attribute access, indexing, lambdas, double underscores) is refused
 * with a clear error, as nothing of the host language is reachable.
 */
final class LaunchEval {
  /** Where the expression stands (for messages), the args, the environment and find's root. */
  record Context(
      String where, Map<String, String> args, Function<String, String> env, Path findRoot) {}

  private final String text;
  private final Context context;
  private final List<String> tokens = new ArrayList<>();
  private int pos;

  private LaunchEval(String text, Context context) {
    this.text = text;
    this.context = context;
  }

  /**
   * Evaluates {@code expression} and returns its value as Python's {@code str} prints it.
   *
   * @throws LaunchException naming the expression and what is wrong
   */
  static String evaluate(String expression, Context context) throws LaunchException {
    if (expression.contains("__")) {
      throw new LaunchException(
          context.where() + ": $(eval ...) may not contain double underscore expressions");
    }
    LaunchEval e = new LaunchEval(expression, context);
    try {
      e.tokenize();
      Object v = e.ternary();
      if (e.pos != e.tokens.size()) {
        throw e.error("unexpected '" + e.tokens.get(e.pos) + "'");
      }
      return str(v);
    } catch (ArithmeticException | IllegalArgumentException ex) {
      throw new LaunchException(
          context.where() + ": $(eval " + expression + "): " + ex.getMessage(), ex);
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what);
  }

  // ---- tokens ----

  private void tokenize() {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isDigit(c)
          || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
        int j = i;
        while (j < n && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) {
          j++;
        }
        if (j < n && (text.charAt(j) == 'e' || text.charAt(j) == 'E')) {
          int k = j + 1;
          if (k < n && (text.charAt(k) == '+' || text.charAt(k) == '-')) {
            k++;
          }
          if (k < n && Character.isDigit(text.charAt(k))) {
            j = k;
            while (j < n && Character.isDigit(text.charAt(j))) {
              j++;
            }
          }
        }
        tokens.add(text.substring(i, j));
        i = j;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
          j++;
        }
        tokens.add(text.substring(i, j));
        i = j;
      } else if (c == '\'' || c == '"') {
        int j = i + 1;
        StringBuilder s = new StringBuilder();
        while (j < n && text.charAt(j) != c) {
          if (text.charAt(j) == '\\' && j + 1 < n) {
            j++;
          }
          s.append(text.charAt(j));
          j++;
        }
        if (j >= n) {
          throw error("unterminated string");
        }
        tokens.add("\u0000" + s); // a string literal, marked
        i = j + 1;
      } else {
        String two = i + 1 < n ? text.substring(i, i + 2) : "";
        if (List.of("==", "!=", "<=", ">=", "//", "**").contains(two)) {
          tokens.add(two);
          i += 2;
        } else if ("+-*/%<>(),".indexOf(c) >= 0) {
          tokens.add(String.valueOf(c));
          i++;
        } else {
          throw error("unsupported character '" + c + "'");
        }
      }
    }
  }

  private boolean at(String token) {
    return pos < tokens.size() && tokens.get(pos).equals(token);
  }

  private boolean accept(String token) {
    if (at(token)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String token) {
    if (!accept(token)) {
      throw error(
          "expected '"
              + token
              + "'"
              + (pos < tokens.size() ? " at '" + tokens.get(pos) + "'" : ""));
    }
  }

  // ---- grammar (Python's precedence) ----

  private Object ternary() {
    Object value = or();
    if (accept("if")) {
      Object condition = or();
      expect("else");
      Object otherwise = ternary();
      return truthy(condition) ? value : otherwise;
    }
    return value;
  }

  private Object or() {
    Object v = and();
    while (accept("or")) {
      Object r = and();
      v = truthy(v) ? v : r;
    }
    return v;
  }

  private Object and() {
    Object v = not();
    while (accept("and")) {
      Object r = not();
      v = truthy(v) ? r : v;
    }
    return v;
  }

  private Object not() {
    if (accept("not")) {
      return !truthy(not());
    }
    return comparison();
  }

  private Object comparison() {
    Object left = sum();
    boolean result = true;
    boolean any = false;
    while (pos < tokens.size()) {
      String op = tokens.get(pos);
      if (!List.of("==", "!=", "<", "<=", ">", ">=").contains(op)) {
        break;
      }
      pos++;
      Object right = sum();
      result &= compare(op, left, right);
      any = true;
      left = right;
    }
    return any ? (Object) result : left;
  }

  private Object sum() {
    Object v = term();
    while (at("+") || at("-")) {
      String op = tokens.get(pos++);
      Object r = term();
      if (op.equals("+") && v instanceof String a && r instanceof String b) {
        v = a + b;
      } else {
        v = arithmetic(op, v, r);
      }
    }
    return v;
  }

  private Object term() {
    Object v = unary();
    while (at("*") || at("/") || at("//") || at("%")) {
      String op = tokens.get(pos++);
      v = arithmetic(op, v, unary());
    }
    return v;
  }

  private Object unary() {
    if (accept("-")) {
      Object v = unary();
      return isInt(v) ? (Object) (-integer(v)) : (Object) (-number(v));
    }
    if (accept("+")) {
      Object v = unary();
      number(v);
      return v instanceof Boolean b ? (Object) (b ? 1L : 0L) : v;
    }
    return power();
  }

  private Object power() {
    Object base = primary();
    if (accept("**")) {
      Object exponent = unary(); // right-associative, binds tighter than unary on its left
      return arithmetic("**", base, exponent);
    }
    return base;
  }

  private Object primary() {
    if (pos >= tokens.size()) {
      throw error("the expression ends too early");
    }
    String t = tokens.get(pos++);
    if (t.startsWith("\u0000")) {
      return t.substring(1);
    }
    if (t.equals("(")) {
      Object v = ternary();
      expect(")");
      return v;
    }
    if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '.') {
      try {
        if (t.contains(".") || t.contains("e") || t.contains("E")) {
          return Double.parseDouble(t);
        }
        return Long.parseLong(t);
      } catch (NumberFormatException ex) {
        throw error("bad number '" + t + "'");
      }
    }
    if (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_') {
      if (accept("(")) {
        List<Object> args = new ArrayList<>();
        if (!accept(")")) {
          do {
            args.add(ternary());
          } while (accept(","));
          expect(")");
        }
        return call(t, args);
      }
      return name(t);
    }
    throw error("unexpected '" + t + "'");
  }

  // ---- names and functions ----

  private Object name(String name) {
    switch (name) {
      case "true", "True" -> {
        return Boolean.TRUE;
      }
      case "false", "False" -> {
        return Boolean.FALSE;
      }
      case "pi" -> {
        return Math.PI;
      }
      case "e" -> {
        return Math.E;
      }
      default -> {
        String value = context.args().get(name);
        if (value == null) {
          throw error("name '" + name + "' is not defined (no such arg)");
        }
        return auto(value);
      }
    }
  }

  private Object call(String function, List<Object> a) {
    switch (function) {
      case "arg" -> {
        arity(function, a, 1, 1);
        String value = context.args().get(String.valueOf(a.get(0)));
        if (value == null) {
          throw error("arg '" + a.get(0) + "' is not set (declare it with <arg>)");
        }
        return auto(value);
      }
      case "env" -> {
        arity(function, a, 1, 1);
        String value = context.env().apply(String.valueOf(a.get(0)));
        if (value == null) {
          throw error("environment variable " + a.get(0) + " is not set");
        }
        return value;
      }
      case "optenv" -> {
        arity(function, a, 1, 2);
        String value = context.env().apply(String.valueOf(a.get(0)));
        return value != null ? value : a.size() > 1 ? a.get(1) : "";
      }
      case "find" -> {
        arity(function, a, 1, 1);
        if (!"latent_mpc".equals(a.get(0))) {
          throw error("unknown package '" + a.get(0) + "' (only latent_mpc)");
        }
        return context.findRoot().toString();
      }
      case "str" -> {
        arity(function, a, 1, 1);
        return str(a.get(0));
      }
      case "int" -> {
        arity(function, a, 1, 1);
        Object v = a.get(0);
        if (v instanceof String s) {
          try {
            return Long.parseLong(s.trim());
          } catch (NumberFormatException ex) {
            throw error("int() cannot read '" + s + "'");
          }
        }
        double d = number(v);
        if (!Double.isFinite(d)) {
          throw error("int() of " + str(v));
        }
        return (long) d; // truncates towards zero, as Python's int()
      }
      case "float" -> {
        arity(function, a, 1, 1);
        Object v = a.get(0);
        if (v instanceof String s) {
          try {
            return Double.parseDouble(s.trim());
          } catch (NumberFormatException ex) {
            throw error("float() cannot read '" + s + "'");
          }
        }
        return number(v);
      }
      case "sqrt", "sin", "cos", "tan", "radians", "degrees", "fabs", "exp", "log" -> {
        arity(function, a, 1, 1);
        double x = number(a.get(0));
        return switch (function) {
          case "sqrt" -> {
            if (x < 0) {
              throw error("math domain error: sqrt(" + str(a.get(0)) + ")");
            }
            yield Math.sqrt(x);
          }
          case "sin" -> Math.sin(x);
          case "cos" -> Math.cos(x);
          case "tan" -> Math.tan(x);
          case "radians" -> Math.toRadians(x);
          case "degrees" -> Math.toDegrees(x);
          case "fabs" -> Math.abs(x);
          case "exp" -> Math.exp(x);
          default -> {
            if (x <= 0) {
              throw error("math domain error: log(" + str(a.get(0)) + ")");
            }
            yield Math.log(x);
          }
        };
      }
      case "floor", "ceil" -> {
        arity(function, a, 1, 1);
        double x = number(a.get(0));
        return (long) (function.equals("floor") ? Math.floor(x) : Math.ceil(x));
      }
      case "atan2", "pow" -> {
        arity(function, a, 2, 2);
        double y = number(a.get(0));
        double x = number(a.get(1));
        return function.equals("atan2") ? Math.atan2(y, x) : Math.pow(y, x);
      }
      default -> throw error("unknown function '" + function + "'");
    }
  }

  private void arity(String function, List<Object> a, int min, int max) {
    if (a.size() < min || a.size() > max) {
      throw error(function + "() takes " + min + (max > min ? " to " + max : "") + " argument(s)");
    }
  }

  /** roslaunch's {@code convert_value(value, 'auto')}. */
  static Object auto(String value) {
    try {
      if (value.contains(".")) {
        return Double.parseDouble(value);
      }
      if (!value.contains("_")) {
        return Long.parseLong(value.trim());
      }
    } catch (NumberFormatException ex) {
      // not a number
    }
    String l = value.toLowerCase(Locale.ROOT);
    if (l.equals("true") || l.equals("false")) {
      return l.equals("true");
    }
    return value;
  }

  // ---- values ----

  private static boolean truthy(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    if (v instanceof Double d) {
      return d != 0;
    }
    return !((String) v).isEmpty();
  }

  private double number(Object v) {
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d) {
      return d;
    }
    throw error("'" + v + "' is a string, not a number");
  }

  private boolean isInt(Object v) {
    return v instanceof Long || v instanceof Boolean;
  }

  private long integer(Object v) {
    return v instanceof Boolean b ? (b ? 1 : 0) : (Long) v;
  }

  private Object arithmetic(String op, Object a, Object b) {
    if (op.equals("*") && (a instanceof String || b instanceof String)) {
      String s = a instanceof String x ? x : (String) b;
      Object count = a instanceof String ? b : a;
      if (!isInt(count)) {
        throw error("can only repeat a string a whole number of times");
      }
      return s.repeat((int) Math.max(0, integer(count)));
    }
    if (a instanceof String || b instanceof String) {
      throw error("'" + op + "' between " + kind(a) + " and " + kind(b));
    }
    if (isInt(a) && isInt(b) && !op.equals("/")) {
      long x = integer(a);
      long y = integer(b);
      switch (op) {
        case "+" -> {
          return Math.addExact(x, y);
        }
        case "-" -> {
          return Math.subtractExact(x, y);
        }
        case "*" -> {
          return Math.multiplyExact(x, y);
        }
        case "//" -> {
          if (y == 0) {
            throw new ArithmeticException("integer division by zero");
          }
          return Math.floorDiv(x, y);
        }
        case "%" -> {
          if (y == 0) {
            throw new ArithmeticException("integer modulo by zero");
          }
          return Math.floorMod(x, y);
        }
        default -> { // **
          if (y >= 0) {
            return BigDecimal.valueOf(x).pow((int) Math.min(y, 4096)).longValueExact();
          }
          return Math.pow(x, y);
        }
      }
    }
    double x = number(a);
    double y = number(b);
    switch (op) {
      case "+" -> {
        return x + y;
      }
      case "-" -> {
        return x - y;
      }
      case "*" -> {
        return x * y;
      }
      case "/" -> {
        if (y == 0) {
          throw new ArithmeticException("division by zero");
        }
        return x / y;
      }
      case "//" -> {
        if (y == 0) {
          throw new ArithmeticException("float floor division by zero");
        }
        return Math.floor(x / y);
      }
      case "%" -> {
        if (y == 0) {
          throw new ArithmeticException("float modulo");
        }
        double r = x % y;
        return r != 0 && (r < 0) != (y < 0) ? r + y : r;
      }
      default -> {
        return Math.pow(x, y);
      }
    }
  }

  private boolean compare(String op, Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      int c = x.compareTo(y);
      return switch (op) {
        case "==" -> c == 0;
        case "!=" -> c != 0;
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        default -> c >= 0;
      };
    }
    if (a instanceof String || b instanceof String) {
      return switch (op) {
        case "==" -> false;
        case "!=" -> true;
        default -> throw error("'" + op + "' between " + kind(a) + " and " + kind(b));
      };
    }
    double x = number(a);
    double y = number(b);
    return switch (op) {
      case "==" -> x == y;
      case "!=" -> x != y;
      case "<" -> x < y;
      case "<=" -> x <= y;
      case ">" -> x > y;
      default -> x >= y;
    };
  }

  private static String kind(Object v) {
    return v instanceof String
        ? "str"
        : v instanceof Boolean ? "bool" : v instanceof Long ? "int" : "float";
  }

  /** Python's {@code str} of a value. */
  static String str(Object v) {
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof Double d) {
      if (d.isNaN()) {
        return "nan";
      }
      if (d.isInfinite()) {
        return d > 0 ? "inf" : "-inf";
      }
      double a = Math.abs(d);
      if (a != 0 && (a < 1e-4 || a >= 1e16)) {
        // Python: shortest digits, exponent with a sign and at least two digits (1e-05).
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = bd.precision() - bd.scale() - 1;
        BigDecimal mantissa = bd.movePointLeft(exponent).stripTrailingZeros();
        String m = mantissa.toPlainString();
        return m
            + "e"
            + (exponent < 0 ? "-" : "+")
            + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
      }
      String plain = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    return String.valueOf(v);
  }
}
