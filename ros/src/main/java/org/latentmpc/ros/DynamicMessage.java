package org.latentmpc.ros;

import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.latentmpc.ros.internal.message.DynamicSchema;
import org.latentmpc.ros.internal.message.DynamicSchema.Field;
import org.latentmpc.ros.internal.message.DynamicSchema.Kind;
import org.latentmpc.ros.internal.message.Wire;
import org.latentmpc.ros.internal.message.YamlText;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A message of any type, decoded at run time from its definition: for tools (topic echo/pub), bags
 * and wildcard subscribers. Obtain its type with {@link #type(String, String, String)} from a
 * connection header or bag connection record, or {@link #type(String)} for a type on the classpath.
 *
 * <p>Field values by ROS type: bool {@link Boolean}; every integer type {@link Long} (uint64 holds
 * the raw 64 bits); float32 {@link Float}; float64 {@link Double}; string {@link String}; time
 * {@link Time}; duration {@link Duration}; nested messages {@code DynamicMessage}. Arrays: bool
 * {@code boolean[]}; int8/uint8/byte/char {@code byte[]}; other integers {@code long[]}; float32
 * {@code float[]}; float64 {@code double[]}; strings, times, durations and messages as a mutable
 * {@link List}. Arrays are held by reference.
 */
public final class DynamicMessage implements Message {
  private final DynamicSchema schema;
  private final Object[] values;

  /**
   * An empty message of a dynamic type.
   *
   * @param type a type from {@link #type(String, String, String)} or a connection header
   * @throws IllegalArgumentException for the wildcard type
   * @throws MessageFormatException if the type's definition does not parse
   */
  public DynamicMessage(MessageType<DynamicMessage> type) {
    this(schemaOf(type));
  }

  private DynamicMessage(DynamicSchema schema) {
    this.schema = schema;
    List<Field> fields = schema.fields();
    this.values = new Object[fields.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = defaultValue(fields.get(i));
    }
  }

  private static DynamicSchema schemaOf(MessageType<?> type) {
    if (type.isWildcard()) {
      throw new IllegalArgumentException("the wildcard type has no instances of its own");
    }
    return DynamicSchema.of(type.name(), type.md5(), type.definition());
  }

  /** Creates an empty message of a schema (used by the library's internals). */
  public static DynamicMessage of(DynamicSchema schema) {
    return new DynamicMessage(schema);
  }

  /**
   * The dynamic type described by a (name, md5, full definition) triple, as found in a connection
   * header or a bag. An empty definition falls back to the {@code .msg} files on the classpath.
   *
   * @throws MessageFormatException if the definition does not parse or lacks a dependency
   */
  public static MessageType<DynamicMessage> type(String name, String md5, String definition) {
    return DynamicSchema.of(name, md5, definition).type();
  }

  /** The dynamic type of a message type whose {@code .msg} file is on the classpath. */
  public static MessageType<DynamicMessage> type(String name) {
    org.latentmpc.ros.internal.message.MessageSpecs.Described d =
        org.latentmpc.ros.internal.message.MessageSpecs.describe(name);
    return type(name, d.md5(), d.definition());
  }

  /**
   * A dynamic copy of any message (typed, raw or dynamic), decoded from its serialized bytes with
   * its type's definition.
   *
   * @throws MessageFormatException if the bytes do not match the definition
   */
  public static DynamicMessage fromMessage(Message message) {
    MessageType<?> t = message.messageType();
    DynamicMessage d = type(t.name(), t.md5(), t.definition()).newMessage();
    ByteBuffer buffer =
        ByteBuffer.allocate(message.serializedSize()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    message.serialize(buffer);
    buffer.flip();
    d.deserialize(buffer);
    if (buffer.hasRemaining()) {
      throw new MessageFormatException(
          buffer.remaining() + " bytes left over decoding " + t.name() + " dynamically");
    }
    return d;
  }

  /**
   * This message as an instance of a concrete type with the same md5 (for example a generated
   * class).
   *
   * @throws MessageFormatException if the md5 sums differ or the bytes do not decode
   */
  public <T extends Message> T toMessage(MessageType<T> as) {
    if (!as.md5().equals(schema.type().md5())) {
      throw new MessageFormatException(
          "cannot convert "
              + schema.name()
              + " ["
              + schema.type().md5()
              + "] to "
              + as.name()
              + " ["
              + as.md5()
              + "]: md5 sums differ");
    }
    ByteBuffer buffer =
        ByteBuffer.allocate(serializedSize()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    serialize(buffer);
    buffer.flip();
    T m = as.newMessage();
    m.deserialize(buffer);
    return m;
  }

  @Override
  public MessageType<DynamicMessage> messageType() {
    return schema.type();
  }

  /** {@code pkg/Type}. */
  public String typeName() {
    return schema.name();
  }

  /** The field names in declaration order. */
  public List<String> fieldNames() {
    List<String> names = new ArrayList<>(values.length);
    for (Field f : schema.fields()) {
      names.add(f.name);
    }
    return names;
  }

  /** True if the type has a field of this name. */
  public boolean hasField(String name) {
    return schema.indexOf(name) >= 0;
  }

  /**
   * The value of a field (arrays and nested messages by reference).
   *
   * @throws IllegalArgumentException if there is no such field
   */
  public Object get(String name) {
    return values[indexOf(name)];
  }

  /**
   * Sets a field; the value must have the Java type of the field (see the class comment; any {@link
   * Number} in range is accepted for numbers, a {@link List} or array for arrays).
   *
   * @return this
   * @throws MessageFormatException naming the field if the value does not fit
   * @throws IllegalArgumentException if there is no such field
   */
  public DynamicMessage set(String name, Object value) {
    int i = indexOf(name);
    values[i] = convert(schema.fields().get(i), value, name);
    return this;
  }

  private int indexOf(String name) {
    int i = schema.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          schema.name() + " has no field '" + name + "' (fields: " + fieldNames() + ")");
    }
    return i;
  }

  // ---------------------------------------------------------------- defaults and conversion

  private static Object defaultValue(Field f) {
    if (f.spec.array()) {
      int n = Math.max(0, f.spec.arrayLength());
      switch (f.kind) {
        case BOOL:
          return new boolean[n];
        case INT8:
        case UINT8:
          return new byte[n];
        case FLOAT32:
          return new float[n];
        case FLOAT64:
          return new double[n];
        case STRING:
        case TIME:
        case DURATION:
        case MESSAGE:
          List<Object> list = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            list.add(scalarDefault(f));
          }
          return list;
        default:
          return new long[n];
      }
    }
    return scalarDefault(f);
  }

  private static Object scalarDefault(Field f) {
    switch (f.kind) {
      case BOOL:
        return Boolean.FALSE;
      case FLOAT32:
        return 0f;
      case FLOAT64:
        return 0d;
      case STRING:
        return "";
      case TIME:
        return Time.ZERO;
      case DURATION:
        return Duration.ZERO;
      case MESSAGE:
        return new DynamicMessage(f.nested);
      default:
        return 0L;
    }
  }

  private static Object convert(Field f, Object value, String path) {
    if (value == null) {
      throw new MessageFormatException("field '" + path + "': null is not a value");
    }
    if (!f.spec.array()) {
      return convertScalar(f, value, path);
    }
    int fixed = f.spec.arrayLength();
    Object result;
    switch (f.kind) {
      case BOOL:
        result = value instanceof boolean[] ? value : toBooleans(f, asList(value, path), path);
        break;
      case INT8:
      case UINT8:
        result = value instanceof byte[] ? value : toBytes(f, asList(value, path), path);
        break;
      case FLOAT32:
        result = value instanceof float[] ? value : toFloats(f, asList(value, path), path);
        break;
      case FLOAT64:
        result = value instanceof double[] ? value : toDoubles(f, asList(value, path), path);
        break;
      case STRING:
      case TIME:
      case DURATION:
      case MESSAGE:
        List<?> in = asList(value, path);
        List<Object> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
          out.add(convertScalar(f, in.get(i), path + "[" + i + "]"));
        }
        result = out;
        break;
      default:
        result = value instanceof long[] ? value : toLongs(f, asList(value, path), path);
    }
    int length =
        result instanceof List
            ? ((List<?>) result).size()
            : java.lang.reflect.Array.getLength(result);
    if (fixed >= 0 && length != fixed) {
      throw new MessageFormatException(
          "field '" + path + "' must have exactly " + fixed + " elements, got " + length);
    }
    return result;
  }

  private static List<?> asList(Object value, String path) {
    if (value instanceof List) {
      return (List<?>) value;
    }
    if (value.getClass().isArray()) {
      int n = java.lang.reflect.Array.getLength(value);
      List<Object> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(java.lang.reflect.Array.get(value, i));
      }
      return list;
    }
    throw new MessageFormatException(
        "field '" + path + "' is an array: expected a list, got " + describe(value));
  }

  private static boolean[] toBooleans(Field f, List<?> in, String path) {
    boolean[] a = new boolean[in.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = (Boolean) convertScalar(f, in.get(i), path + "[" + i + "]");
    }
    return a;
  }

  private static byte[] toBytes(Field f, List<?> in, String path) {
    byte[] a = new byte[in.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = (byte) (long) (Long) convertScalar(f, in.get(i), path + "[" + i + "]");
    }
    return a;
  }

  private static long[] toLongs(Field f, List<?> in, String path) {
    long[] a = new long[in.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = (Long) convertScalar(f, in.get(i), path + "[" + i + "]");
    }
    return a;
  }

  private static float[] toFloats(Field f, List<?> in, String path) {
    float[] a = new float[in.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = (Float) convertScalar(f, in.get(i), path + "[" + i + "]");
    }
    return a;
  }

  private static double[] toDoubles(Field f, List<?> in, String path) {
    double[] a = new double[in.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = (Double) convertScalar(f, in.get(i), path + "[" + i + "]");
    }
    return a;
  }

  private static Object convertScalar(Field f, Object v, String path) {
    switch (f.kind) {
      case BOOL:
        if (v instanceof Boolean) {
          return v;
        }
        if (v instanceof Number
            && (((Number) v).longValue() == 0 || ((Number) v).longValue() == 1)) {
          return ((Number) v).longValue() == 1;
        }
        throw wrongType(f, path, "bool", v);
      case FLOAT32:
      case FLOAT64:
        double d;
        if (v instanceof Number) {
          d = ((Number) v).doubleValue();
        } else if (v instanceof String) {
          try {
            d = Double.parseDouble(((String) v).strip());
          } catch (NumberFormatException e) {
            throw wrongType(f, path, f.spec.baseType(), v);
          }
        } else {
          throw wrongType(f, path, f.spec.baseType(), v);
        }
        return f.kind == Kind.FLOAT32 ? (Object) (float) d : (Object) d;
      case STRING:
        if (v instanceof String) {
          return v;
        }
        throw wrongType(f, path, "string", v);
      case TIME:
        if (v instanceof Time) {
          return v;
        }
        throw wrongType(f, path, "time", v);
      case DURATION:
        if (v instanceof Duration) {
          return v;
        }
        throw wrongType(f, path, "duration", v);
      case MESSAGE:
        if (v instanceof DynamicMessage
            && ((DynamicMessage) v).typeName().equals(f.nested.name())) {
          return v;
        }
        throw wrongType(f, path, f.nested.name(), v);
      default:
        return integer(f, v, path);
    }
  }

  private static Long integer(Field f, Object v, String path) {
    BigInteger b;
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      b = BigInteger.valueOf(((Number) v).longValue());
    } else if (v instanceof BigInteger) {
      b = (BigInteger) v;
    } else if (v instanceof String) {
      try {
        b = new BigInteger(((String) v).strip());
      } catch (NumberFormatException e) {
        throw wrongType(f, path, f.spec.baseType(), v);
      }
    } else {
      throw wrongType(f, path, f.spec.baseType(), v);
    }
    int bits = f.kind.size * 8;
    boolean unsigned = f.kind == Kind.UINT8 || f.kind.name().startsWith("UINT");
    BigInteger min = unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
    BigInteger max =
        unsigned
            ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
            : BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
    if (b.compareTo(min) < 0 || b.compareTo(max) > 0) {
      throw new MessageFormatException(
          "field '" + path + "': " + b + " is out of range for " + f.spec.baseType());
    }
    return b.longValue();
  }

  private static MessageFormatException wrongType(Field f, String path, String expected, Object v) {
    return new MessageFormatException(
        "field '" + path + "': expected " + expected + ", got " + describe(v));
  }

  private static String describe(Object v) {
    String text = String.valueOf(v);
    if (text.length() > 60) {
      text = text.substring(0, 60) + "...";
    }
    return (v == null ? "null" : v.getClass().getSimpleName()) + " " + text;
  }

  // ---------------------------------------------------------------- codec

  @Override
  public int serializedSize() {
    int size = 0;
    List<Field> fields = schema.fields();
    for (int i = 0; i < values.length; i++) {
      Field f = fields.get(i);
      Object v = values[i];
      if (!f.spec.array()) {
        size += scalarSize(f, v);
        continue;
      }
      if (f.spec.variableLength()) {
        size += 4;
      }
      if (v instanceof List) {
        for (Object e : (List<?>) v) {
          size += scalarSize(f, e);
        }
      } else {
        size += f.kind.size * java.lang.reflect.Array.getLength(v);
      }
    }
    return size;
  }

  private static int scalarSize(Field f, Object v) {
    switch (f.kind) {
      case STRING:
        return Wire.stringSize((String) v);
      case MESSAGE:
        return ((DynamicMessage) v).serializedSize();
      default:
        return f.kind.size;
    }
  }

  @Override
  public void serialize(ByteBuffer out) {
    List<Field> fields = schema.fields();
    for (int i = 0; i < values.length; i++) {
      Field f = fields.get(i);
      Object v = values[i];
      if (!f.spec.array()) {
        putScalar(out, f, v);
        continue;
      }
      int n = v instanceof List ? ((List<?>) v).size() : java.lang.reflect.Array.getLength(v);
      if (f.spec.variableLength()) {
        out.putInt(n);
      } else if (n != f.spec.arrayLength()) {
        throw new IllegalStateException(
            "field '" + f.name + "' must hold exactly " + f.spec.arrayLength() + " elements");
      }
      switch (f.kind) {
        case BOOL:
          for (boolean b : (boolean[]) v) {
            out.put((byte) (b ? 1 : 0));
          }
          break;
        case INT8:
        case UINT8:
          out.put((byte[]) v);
          break;
        case FLOAT32:
          for (float x : (float[]) v) {
            out.putFloat(x);
          }
          break;
        case FLOAT64:
          for (double x : (double[]) v) {
            out.putDouble(x);
          }
          break;
        case STRING:
        case TIME:
        case DURATION:
        case MESSAGE:
          for (Object e : (List<?>) v) {
            putScalar(out, f, e);
          }
          break;
        default:
          for (long x : (long[]) v) {
            putInteger(out, f.kind, x);
          }
      }
    }
  }

  private static void putScalar(ByteBuffer out, Field f, Object v) {
    switch (f.kind) {
      case BOOL:
        out.put((byte) ((Boolean) v ? 1 : 0));
        break;
      case FLOAT32:
        out.putFloat((Float) v);
        break;
      case FLOAT64:
        out.putDouble((Double) v);
        break;
      case STRING:
        Wire.putString(out, (String) v);
        break;
      case TIME:
        Wire.putTime(out, (Time) v);
        break;
      case DURATION:
        Wire.putDuration(out, (Duration) v);
        break;
      case MESSAGE:
        ((DynamicMessage) v).serialize(out);
        break;
      default:
        putInteger(out, f.kind, (Long) v);
    }
  }

  private static void putInteger(ByteBuffer out, Kind kind, long x) {
    switch (kind.size) {
      case 1:
        out.put((byte) x);
        break;
      case 2:
        out.putShort((short) x);
        break;
      case 4:
        out.putInt((int) x);
        break;
      default:
        out.putLong(x);
    }
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      List<Field> fields = schema.fields();
      for (int i = 0; i < values.length; i++) {
        values[i] = read(in, fields.get(i));
      }
    } catch (BufferUnderflowException e) {
      throw Wire.truncated(schema.name(), e);
    }
  }

  private static Object read(ByteBuffer in, Field f) {
    if (!f.spec.array()) {
      return readScalar(in, f);
    }
    int element = f.kind == Kind.MESSAGE ? f.nested.minSize() : f.kind.size;
    int n;
    if (f.spec.variableLength()) {
      n = Wire.readCount(in, element, f.name);
    } else {
      n = f.spec.arrayLength();
      if ((long) n * element > in.remaining()) {
        throw new MessageFormatException(
            "truncated field '" + f.name + "': needs " + (long) n * element + " bytes");
      }
    }
    switch (f.kind) {
      case BOOL:
        boolean[] bools = new boolean[n];
        for (int i = 0; i < n; i++) {
          bools[i] = in.get() != 0;
        }
        return bools;
      case INT8:
      case UINT8:
        byte[] bytes = new byte[n];
        in.get(bytes);
        return bytes;
      case FLOAT32:
        float[] floats = new float[n];
        for (int i = 0; i < n; i++) {
          floats[i] = in.getFloat();
        }
        return floats;
      case FLOAT64:
        double[] doubles = new double[n];
        for (int i = 0; i < n; i++) {
          doubles[i] = in.getDouble();
        }
        return doubles;
      case STRING:
      case TIME:
      case DURATION:
      case MESSAGE:
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(readScalar(in, f));
        }
        return list;
      default:
        long[] longs = new long[n];
        for (int i = 0; i < n; i++) {
          longs[i] = readInteger(in, f.kind);
        }
        return longs;
    }
  }

  private static Object readScalar(ByteBuffer in, Field f) {
    switch (f.kind) {
      case BOOL:
        return in.get() != 0;
      case FLOAT32:
        return in.getFloat();
      case FLOAT64:
        return in.getDouble();
      case STRING:
        return Wire.getString(in, f.name);
      case TIME:
        return Wire.getTime(in);
      case DURATION:
        return Wire.getDuration(in);
      case MESSAGE:
        DynamicMessage m = new DynamicMessage(f.nested);
        m.deserialize(in);
        return m;
      default:
        return readInteger(in, f.kind);
    }
  }

  private static long readInteger(ByteBuffer in, Kind kind) {
    switch (kind) {
      case INT8:
        return in.get();
      case UINT8:
        return in.get() & 0xFF;
      case INT16:
        return in.getShort();
      case UINT16:
        return in.getShort() & 0xFFFF;
      case INT32:
        return in.getInt();
      case UINT32:
        return Integer.toUnsignedLong(in.getInt());
      default:
        return in.getLong();
    }
  }

  // ---------------------------------------------------------------- YAML out

  /**
   * The message as {@code rostopic echo} prints it (without the trailing {@code ---} line), e.g.
   * {@code header: \n seq: 7\n stamp: \n secs: 1\n nsecs: 200000000\n frame_id: "ab"}.
   */
  public String toYaml() {
    StringBuilder sb = new StringBuilder();
    appendFields(sb, "");
    return sb.toString();
  }

  private void appendFields(StringBuilder sb, String indent) {
    List<Field> fields = schema.fields();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append('\n');
      }
      Field f = fields.get(i);
      sb.append(indent).append(f.name).append(": ");
      appendValue(sb, f, values[i], "  " + indent);
    }
  }

  private static void appendValue(StringBuilder sb, Field f, Object v, String indent) {
    if (!f.spec.array()) {
      appendScalar(sb, f, v, indent);
      return;
    }
    if (v instanceof List) {
      List<?> list = (List<?>) v;
      if (list.isEmpty()) {
        sb.append("[]");
        return;
      }
      if (f.kind == Kind.STRING) {
        for (Object e : list) {
          sb.append('\n').append(indent).append("- ").append(YamlText.listItem((String) e));
        }
        return;
      }
      String itemIndent = indent + "  ";
      for (Object e : list) {
        sb.append('\n').append(indent).append("- ");
        appendScalar(sb, f, e, itemIndent);
      }
      return;
    }
    int n = java.lang.reflect.Array.getLength(v);
    if (n == 0) {
      sb.append("[]");
      return;
    }
    sb.append('[');
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      switch (f.kind) {
        case BOOL:
          sb.append(((boolean[]) v)[i] ? "True" : "False");
          break;
        case INT8:
          sb.append(((byte[]) v)[i]);
          break;
        case UINT8:
          sb.append(((byte[]) v)[i] & 0xFF);
          break;
        case FLOAT32:
          sb.append(YamlText.pythonFloat(((float[]) v)[i]));
          break;
        case FLOAT64:
          sb.append(YamlText.pythonFloat(((double[]) v)[i]));
          break;
        default:
          appendInteger(sb, f.kind, ((long[]) v)[i]);
      }
    }
    sb.append(']');
  }

  private static void appendScalar(StringBuilder sb, Field f, Object v, String indent) {
    switch (f.kind) {
      case BOOL:
        sb.append((Boolean) v ? "True" : "False");
        break;
      case FLOAT32:
        sb.append(YamlText.pythonFloat((Float) v));
        break;
      case FLOAT64:
        sb.append(YamlText.pythonFloat((Double) v));
        break;
      case STRING:
        sb.append(YamlText.quotedScalar((String) v));
        break;
      case TIME:
        Time t = (Time) v;
        appendTime(sb, indent, Long.toString(t.secs()), t.nsecs());
        break;
      case DURATION:
        Duration d = (Duration) v;
        appendTime(sb, indent, Integer.toString(d.secs()), d.nsecs());
        break;
      case MESSAGE:
        // like genpy: a nested message starts on a new line (even an empty one)
        sb.append('\n');
        ((DynamicMessage) v).appendFields(sb, indent);
        break;
      default:
        appendInteger(sb, f.kind, (Long) v);
    }
  }

  private static void appendTime(StringBuilder sb, String indent, String secs, int nsecs) {
    sb.append('\n').append(indent).append("secs: ").append(secs);
    sb.append('\n').append(indent).append("nsecs: ").append(String.format("%9d", nsecs));
  }

  private static void appendInteger(StringBuilder sb, Kind kind, long x) {
    sb.append(kind == Kind.UINT64 ? Long.toUnsignedString(x) : Long.toString(x));
  }

  // ---------------------------------------------------------------- YAML in

  /**
   * Builds a message from {@code rostopic pub} arguments: each argument is parsed as YAML; a single
   * mapping sets fields by name ({@code {data: [1.0, 2.0]}}), otherwise the arguments are the field
   * values in order ({@code 'hello'}, {@code [1, [2, 3]]}). Missing fields keep their defaults;
   * time fields take {@code now}, a {secs, nsecs} mapping or integer nanoseconds; a Header field
   * takes {@code auto} (stamp now).
   *
   * @param now the time that {@code now} and {@code auto} stand for
   * @throws MessageFormatException naming the field for an unknown field, wrong type or count
   */
  public static DynamicMessage fromYamlArgs(
      MessageType<DynamicMessage> type, List<String> args, Time now) {
    List<Object> parsed = new ArrayList<>();
    for (String arg : args) {
      parsed.add(parseYaml(arg));
    }
    DynamicMessage m = new DynamicMessage(type);
    if (parsed.size() == 1 && parsed.get(0) instanceof Map) {
      m.fill(parsed.get(0), now, "");
    } else {
      m.fill(parsed, now, "");
    }
    return m;
  }

  /** {@link #fromYamlArgs} with one YAML argument. */
  public static DynamicMessage fromYaml(MessageType<DynamicMessage> type, String yaml, Time now) {
    return fromYamlArgs(type, List.of(yaml), now);
  }

  private static Object parseYaml(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    options.setAllowDuplicateKeys(false);
    try {
      return new Yaml(new SafeConstructor(options)).load(text);
    } catch (YAMLException e) {
      throw new MessageFormatException(
          "invalid YAML argument '" + text + "': " + e.getMessage(), e);
    }
  }

  private void fill(Object args, Time now, String prefix) {
    List<Field> fields = schema.fields();
    if (args instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) args).entrySet()) {
        String key = String.valueOf(e.getKey());
        int i = schema.indexOf(key);
        if (i < 0) {
          throw new MessageFormatException(
              "no field named '"
                  + prefix
                  + key
                  + "' in "
                  + schema.name()
                  + " (fields: "
                  + fieldNames()
                  + ")");
        }
        Object v = e.getValue() == null ? "" : e.getValue();
        values[i] = fillValue(fields.get(i), v, now, prefix + key);
      }
    } else if (args instanceof List) {
      List<?> list = (List<?>) args;
      if (list.size() != fields.size()) {
        throw new MessageFormatException(
            (list.size() > fields.size() ? "too many" : "not enough")
                + " arguments for "
                + (prefix.isEmpty() ? schema.name() : "'" + prefix.replaceAll("\\.$", "") + "'")
                + ": given "
                + list
                + ", expected "
                + fieldNames());
      }
      for (int i = 0; i < list.size(); i++) {
        Object v = list.get(i) == null ? "" : list.get(i);
        values[i] = fillValue(fields.get(i), v, now, prefix + fields.get(i).name);
      }
    } else {
      throw new MessageFormatException(
          "'"
              + (prefix.isEmpty() ? schema.name() : prefix.replaceAll("\\.$", ""))
              + "' needs a mapping or a list, got "
              + describe(args));
    }
  }

  private static Object fillValue(Field f, Object v, Time now, String path) {
    if (f.spec.array()) {
      if (!(v instanceof List)) {
        throw new MessageFormatException("field '" + path + "' must be a list, got " + describe(v));
      }
      if (f.kind == Kind.TIME || f.kind == Kind.DURATION || f.kind == Kind.MESSAGE) {
        List<?> in = (List<?>) v;
        List<Object> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
          out.add(fillScalar(f, in.get(i), now, path + "[" + i + "]"));
        }
        return convert(f, out, path);
      }
      return convert(f, v, path);
    }
    return fillScalar(f, v, now, path);
  }

  private static Object fillScalar(Field f, Object v, Time now, String path) {
    switch (f.kind) {
      case TIME:
      case DURATION:
        boolean isTime = f.kind == Kind.TIME;
        if ("now".equals(v) && isTime) {
          return now;
        }
        if (v instanceof Number) {
          long nanos = ((Number) v).longValue();
          return isTime ? (Object) Time.fromNanos(nanos) : (Object) Duration.fromNanos(nanos);
        }
        long[] parts = timeParts(v, path);
        try {
          return isTime
              ? (Object)
                  Time.fromNanos(
                      Math.addExact(Math.multiplyExact(parts[0], 1_000_000_000L), parts[1]))
              : (Object)
                  Duration.fromNanos(
                      Math.addExact(Math.multiplyExact(parts[0], 1_000_000_000L), parts[1]));
        } catch (IllegalArgumentException | ArithmeticException e) {
          throw new MessageFormatException("field '" + path + "': " + e.getMessage(), e);
        }
      case MESSAGE:
        DynamicMessage nested = new DynamicMessage(f.nested);
        if ("auto".equals(v) && f.nested.name().equals("std_msgs/Header")) {
          nested.set("stamp", now);
          return nested;
        }
        if ("now".equals(v) || "auto".equals(v)) {
          throw new MessageFormatException(
              "field '"
                  + path
                  + "': '"
                  + v
                  + "' only fills time fields ('now') and headers ('auto')");
        }
        nested.fill(v, now, path + ".");
        return nested;
      default:
        return convertScalar(f, v, path);
    }
  }

  private static long[] timeParts(Object v, String path) {
    Object secs;
    Object nsecs;
    if (v instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) v;
      for (Object k : m.keySet()) {
        if (!"secs".equals(k) && !"nsecs".equals(k)) {
          throw new MessageFormatException("no field named '" + path + "." + k + "'");
        }
      }
      secs = m.containsKey("secs") ? m.get("secs") : 0;
      nsecs = m.containsKey("nsecs") ? m.get("nsecs") : 0;
    } else if (v instanceof List && ((List<?>) v).size() == 2) {
      secs = ((List<?>) v).get(0);
      nsecs = ((List<?>) v).get(1);
    } else {
      throw new MessageFormatException(
          "field '"
              + path
              + "': expected now, {secs: S, nsecs: N} or nanoseconds, got "
              + describe(v));
    }
    if (!(secs instanceof Number) || !(nsecs instanceof Number)) {
      throw new MessageFormatException(
          "field '" + path + "': secs and nsecs must be integers, got " + describe(v));
    }
    return new long[] {((Number) secs).longValue(), ((Number) nsecs).longValue()};
  }

  // ---------------------------------------------------------------- equality

  /** The fields as an ordered map (a shallow view for tools). */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    List<Field> fields = schema.fields();
    for (int i = 0; i < values.length; i++) {
      map.put(fields.get(i).name, values[i]);
    }
    return map;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DynamicMessage)) {
      return false;
    }
    DynamicMessage other = (DynamicMessage) o;
    return schema.name().equals(other.schema.name()) && Arrays.deepEquals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schema.name(), Arrays.deepHashCode(values));
  }

  @Override
  public String toString() {
    return schema.name() + " {" + toYaml() + "}";
  }
}
