package org.latentmpc.ros.internal.message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.latentmpc.ros.DynamicMessage;
import org.latentmpc.ros.MessageFormatException;
import org.latentmpc.ros.MessageType;

/**
 * The decoded layout of a message type for {@link DynamicMessage}: fields with their wire kinds and
 * nested schemas, built from a full message_definition (or the classpath). Immutable; cached.
 */
public final class DynamicSchema {
  private static final int CACHE_LIMIT = 512;

  /**
   * The most values an empty message may hold (fixed arrays multiply), a guard against huge types.
   */
  private static final long MAX_DEFAULT_ELEMENTS = 1L << 22;

  private static final Map<List<String>, DynamicSchema> CACHE = new ConcurrentHashMap<>();

  /** The wire kind of a field's element. */
  public enum Kind {
    BOOL(1),
    INT8(1),
    UINT8(1),
    INT16(2),
    UINT16(2),
    INT32(4),
    UINT32(4),
    INT64(8),
    UINT64(8),
    FLOAT32(4),
    FLOAT64(8),
    STRING(4),
    TIME(8),
    DURATION(8),
    MESSAGE(0);

    /** The fixed size of one element (for strings: the length prefix). */
    public final int size;

    Kind(int size) {
      this.size = size;
    }

    static Kind of(String builtin) {
      switch (builtin) {
        case "byte":
          return INT8;
        case "char":
          return UINT8;
        default:
          return valueOf(builtin.toUpperCase(java.util.Locale.ROOT));
      }
    }

    /** True for the integer kinds. */
    public boolean isInteger() {
      return ordinal() >= INT8.ordinal() && ordinal() <= UINT64.ordinal();
    }
  }

  /** One field of the schema. */
  public static final class Field {
    public final String name;
    public final Kind kind;
    public final FieldSpec spec;

    /** The nested schema for {@link Kind#MESSAGE} fields, else null. */
    public DynamicSchema nested;

    Field(String name, Kind kind, FieldSpec spec) {
      this.name = name;
      this.kind = kind;
      this.spec = spec;
    }
  }

  private final String name;
  private final MsgSpec spec;
  private final List<Field> fields = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private MessageType<DynamicMessage> type;
  private int minSize;
  private long defaultElements;

  private DynamicSchema(String name, MsgSpec spec) {
    this.name = name;
    this.spec = spec;
  }

  /**
   * The schema of a type described by a (name, md5, full definition) triple. An empty definition
   * falls back to the {@code .msg} files on the classpath.
   *
   * @throws MessageFormatException if the definition does not parse or lacks a dependency
   */
  public static DynamicSchema of(String name, String md5, String definition) {
    List<String> key = List.of(name, md5, definition);
    DynamicSchema cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    SpecRegistry registry;
    if (definition.isBlank()) {
      registry = MessageSpecs.classpath();
    } else {
      Map<String, String> parts = SpecRegistry.splitDefinition(name, definition);
      registry =
          new SpecRegistry(
              n -> {
                String text = parts.get(n);
                return text != null ? text : MessageSpecs.loadText("/msg/" + n + ".msg");
              },
              n ->
                  (parts.containsKey(n) ? "message_definition of " + name + ", section " : "") + n);
    }
    // md5 first: it rejects self-containing and too deeply nested types before any recursion here
    registry.md5(name);
    Map<String, DynamicSchema> built = new HashMap<>();
    DynamicSchema schema = build(name, registry, built, md5, definition);
    if (CACHE.size() >= CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(key, schema);
    return schema;
  }

  private static DynamicSchema build(
      String name,
      SpecRegistry registry,
      Map<String, DynamicSchema> built,
      String md5,
      String definition) {
    DynamicSchema existing = built.get(name);
    if (existing != null) {
      return existing;
    }
    MsgSpec spec = registry.spec(name);
    DynamicSchema schema = new DynamicSchema(name, spec);
    built.put(name, schema);
    String typeMd5 = md5 != null ? md5 : registry.md5(name);
    String typeDef = definition != null ? definition : registry.definition(name);
    schema.type = new MessageType<>(name, typeMd5, typeDef, () -> DynamicMessage.of(schema));
    long min = 0;
    long elements = 1;
    for (FieldSpec f : spec.fields()) {
      Field field = new Field(f.name(), f.builtin() ? Kind.of(f.baseType()) : Kind.MESSAGE, f);
      if (field.kind == Kind.MESSAGE) {
        field.nested = build(f.baseType(), registry, built, null, null);
      }
      schema.index.put(f.name(), schema.fields.size());
      schema.fields.add(field);
      long element = field.kind == Kind.MESSAGE ? field.nested.minSize : field.kind.size;
      long count = f.variableLength() ? 0 : f.array() ? f.arrayLength() : 1;
      min += f.variableLength() ? 4 : element * count;
      elements += count * (field.kind == Kind.MESSAGE ? field.nested.defaultElements : 1);
      if (min > Integer.MAX_VALUE || elements > MAX_DEFAULT_ELEMENTS) {
        throw new MessageFormatException(
            "message type " + name + " is too large (fixed arrays of " + elements + " values)");
      }
    }
    schema.minSize = (int) min;
    schema.defaultElements = elements;
    return schema;
  }

  /** {@code pkg/Type}. */
  public String name() {
    return name;
  }

  /** The parsed definition. */
  public MsgSpec spec() {
    return spec;
  }

  /** The type descriptor whose factory creates {@link DynamicMessage}s of this schema. */
  public MessageType<DynamicMessage> type() {
    return type;
  }

  /** Fields in declaration order. */
  public List<Field> fields() {
    return fields;
  }

  /** The index of a field, or -1. */
  public int indexOf(String field) {
    Integer i = index.get(field);
    return i == null ? -1 : i;
  }

  /** The least number of bytes a message of this type takes on the wire. */
  public int minSize() {
    return minSize;
  }
}
