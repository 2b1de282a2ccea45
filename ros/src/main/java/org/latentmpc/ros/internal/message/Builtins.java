package org.latentmpc.ros.internal.message;

import java.util.Map;

/** The ROS1 builtin field types and their wire sizes. */
public final class Builtins {
  private static final Map<String, Integer> SIZES =
      Map.ofEntries(
          Map.entry("bool", 1),
          Map.entry("int8", 1),
          Map.entry("uint8", 1),
          Map.entry("byte", 1),
          Map.entry("char", 1),
          Map.entry("int16", 2),
          Map.entry("uint16", 2),
          Map.entry("int32", 4),
          Map.entry("uint32", 4),
          Map.entry("int64", 8),
          Map.entry("uint64", 8),
          Map.entry("float32", 4),
          Map.entry("float64", 8),
          Map.entry("string", -1),
          Map.entry("time", 8),
          Map.entry("duration", 8));

  private Builtins() {}

  /** True for the builtin types, including time, duration and the deprecated char and byte. */
  public static boolean isBuiltin(String type) {
    return SIZES.containsKey(type);
  }

  /** True for the types a constant may have (builtins except time and duration). */
  public static boolean isConstantType(String type) {
    return isBuiltin(type) && !type.equals("time") && !type.equals("duration");
  }

  /** The fixed wire size in bytes of a builtin, or -1 for string. */
  public static int size(String type) {
    Integer size = SIZES.get(type);
    if (size == null) {
      throw new IllegalArgumentException("not a builtin type: " + type);
    }
    return size;
  }
}
