package org.latentmpc.ros.internal.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentmpc.ros.MessageFormatException;

class MsgParserTest {
  private static final String TEXT =
      "# a comment\n"
          + "uint8 KIND_A = 1  # trailing comment\n"
          + "string GREETING= hello # not a comment \n"
          + "float64 PI=3.14\n"
          + "bool FLAG=True\n"
          + "\n"
          + "Header header\n"
          + "  time   stamp   # when\n"
          + "duration dt\n"
          + "char c\n"
          + "byte b\n"
          + "float64[9] k\n"
          + "Point[] points\n"
          + "geometry_msgs/Pose pose\n";

  @Test
  void parsesConstantsFieldsArraysAndResolvesNames() {
    MsgSpec spec = MsgParser.parse("my_pkg/Thing", TEXT, "Thing.msg");
    assertEquals(4, spec.constants().size());
    assertEquals(new ConstantSpec("uint8", "KIND_A", "1", 1L), spec.constants().get(0));
    assertEquals("hello # not a comment", spec.constants().get(1).valueText());
    assertEquals(3.14, spec.constants().get(2).value());
    assertEquals(Boolean.TRUE, spec.constants().get(3).value());
    assertEquals(8, spec.fields().size());
    FieldSpec header = spec.field("header");
    assertEquals("std_msgs/Header", header.baseType());
    assertFalse(header.builtin());
    assertEquals("time", spec.field("stamp").type());
    assertEquals(9, spec.field("k").arrayLength());
    assertEquals("float64[9]", spec.field("k").type());
    FieldSpec points = spec.field("points");
    assertEquals("my_pkg/Point", points.baseType());
    assertTrue(points.variableLength());
    assertEquals(13, points.line());
    assertEquals("geometry_msgs/Pose", spec.field("pose").baseType());
    assertEquals(TEXT, spec.text());
  }

  @Test
  void md5TextPutsConstantsFirst() {
    SpecRegistry registry =
        new SpecRegistry(
            n -> n.equals("p/A") ? "int32 x\nint32 C=3\nstring S=a b # c\n" : null, n -> n);
    assertEquals("int32 C=3\nstring S=a b # c\nint32 x", registry.md5Text("p/A"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "int32|3|invalid declaration",
        "int32 x y|3|invalid declaration",
        "int32 2x|3|not a legal field name",
        "in-t32 x|3|not a legal field type",
        "int32[][] x|3|only one dimension",
        "int32[a] x|3|only one dimension",
        "time T=3|3|not a legal constant type",
        "uint8 X=300|3|out of range",
        "int32 X=abc|3|invalid int32 constant",
        "int32 a|3|duplicate name",
        "pkg//T x|3|not a legal field type",
        "float64[99999999999] x|3|exceeds",
      })
  void malformedDefinitionsNameFileAndLine(String badLine, int line, String expected) {
    String text = "# header comment\nint32 a\n" + badLine + "\n";
    MessageFormatException e =
        assertThrows(MessageFormatException.class, () -> MsgParser.parse("p/Bad", text, "Bad.msg"));
    assertTrue(e.getMessage().startsWith("Bad.msg line " + line + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void serviceTextSplitsLikeGenmsg() {
    assertArrayEquals(
        new String[] {"bool data\n", "bool ok\n\n"},
        MsgParser.splitService("bool data\n---\nbool ok\n", "S.srv"));
    assertArrayEquals(new String[] {"", ""}, MsgParser.splitService("---", "E.srv"));
    assertThrows(MessageFormatException.class, () -> MsgParser.splitService("bool a\n", "X.srv"));
  }

  @Test
  void selfContainingTypeIsRejected() {
    SpecRegistry registry = new SpecRegistry(n -> "Loop next\n", n -> n);
    assertThrows(MessageFormatException.class, () -> registry.md5("p/Loop"));
  }

  @Test
  void deepOrHugeUntrustedDefinitionsAreRejected() {
    StringBuilder def = new StringBuilder("p/T0 next\n");
    for (int i = 0; i < 5000; i++) {
      def.append('\n').append("=".repeat(80)).append("\nMSG: p/T").append(i).append('\n');
      def.append("p/T").append(i + 1).append(" next\n");
    }
    MessageFormatException deep =
        assertThrows(
            MessageFormatException.class,
            () -> org.latentmpc.ros.DynamicMessage.type("p/Top", "*", def.toString()));
    assertTrue(deep.getMessage().contains("levels deep"), deep.getMessage());
    String huge = "p/B[1000000] many\n" + "=".repeat(80) + "\nMSG: p/B\nfloat64[1000000] values\n";
    MessageFormatException big =
        assertThrows(
            MessageFormatException.class,
            () -> org.latentmpc.ros.DynamicMessage.type("p/Huge", "*", huge));
    assertTrue(big.getMessage().contains("too large"), big.getMessage());
    StringBuilder wide = new StringBuilder("p/W0 a\np/W0 b\n");
    for (int i = 0; i < 60; i++) {
      wide.append('\n').append("=".repeat(80)).append("\nMSG: p/W").append(i).append('\n');
      wide.append("p/W").append(i + 1).append(" a\np/W").append(i + 1).append(" b\n");
    }
    wide.append('\n').append("=".repeat(80)).append("\nMSG: p/W60\nint32 x\n");
    SpecRegistry registry =
        new SpecRegistry(SpecRegistry.splitDefinition("p/Wide", wide.toString())::get, n -> n);
    assertEquals(61, registry.dependencies("p/Wide").size());
    assertEquals(32, registry.md5("p/Wide").length());
  }

  @Test
  void definitionSplitsBackIntoItsParts() {
    String def = MessageSpecs.describe("geometry_msgs/PoseStamped").definition();
    var parts = SpecRegistry.splitDefinition("geometry_msgs/PoseStamped", def);
    assertEquals(
        java.util.List.of(
            "geometry_msgs/PoseStamped",
            "std_msgs/Header",
            "geometry_msgs/Pose",
            "geometry_msgs/Point",
            "geometry_msgs/Quaternion"),
        java.util.List.copyOf(parts.keySet()));
    assertEquals(MessageSpecs.loadText("/msg/std_msgs/Header.msg"), parts.get("std_msgs/Header"));
  }
}
