package org.latentmpc.ros.internal.message;

/**
 * One field of a message definition.
 *
 * @param name the field name
 * @param type the type as it takes part in the md5 text: builtin types exactly as written ({@code
 *     float64[]}, {@code uint8[4]}), message types resolved to {@code pkg/Type} plus any brackets
 * @param baseType the element type without brackets: a builtin name or a resolved {@code pkg/Type}
 * @param builtin true for the builtin types (numbers, bool, string, time, duration, char, byte)
 * @param array true for fixed and variable-length arrays
 * @param arrayLength the fixed length, or -1 for variable-length arrays and scalars
 * @param line the 1-based line of the declaration in its source text
 */
public record FieldSpec(
    String name,
    String type,
    String baseType,
    boolean builtin,
    boolean array,
    int arrayLength,
    int line) {

  /** True for an array with a length prefix on the wire. */
  public boolean variableLength() {
    return array && arrayLength < 0;
  }
}
