package org.latentmpc.ros.internal.message;

import java.util.List;

/**
 * A parsed message definition.
 *
 * @param fullName {@code pkg/Type}
 * @param text the exact source text (comments kept), as it appears in message_definition
 * @param constants constants in declaration order
 * @param fields fields in declaration order
 */
public record MsgSpec(
    String fullName, String text, List<ConstantSpec> constants, List<FieldSpec> fields) {

  public MsgSpec {
    constants = List.copyOf(constants);
    fields = List.copyOf(fields);
  }

  /** The package part of {@link #fullName}. */
  public String packageName() {
    return fullName.substring(0, fullName.indexOf('/'));
  }

  /** The field with this name, or null. */
  public FieldSpec field(String name) {
    for (FieldSpec f : fields) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    return null;
  }
}
