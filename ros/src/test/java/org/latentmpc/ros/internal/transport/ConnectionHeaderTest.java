package org.latentmpc.ros.internal.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionHeaderTest {
  private static byte[] fields(String... fields) {
    int total =
        Arrays.stream(fields).mapToInt(f -> 4 + f.getBytes(StandardCharsets.UTF_8).length).sum();
    ByteBuffer b = ByteBuffer.allocate(4 + total).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(total);
    for (String f : fields) {
      byte[] bytes = f.getBytes(StandardCharsets.UTF_8);
      b.putInt(bytes.length).put(bytes);
    }
    return b.array();
  }

  @Test
  void encodesTheWireFormat() {
    byte[] encoded = ConnectionHeader.of("a", "b", "topic", "/x").encode();
    assertEquals(
        "13000000" + "03000000" + "613d62" + "08000000" + "746f7069633d2f78",
        HexFormat.of().formatHex(encoded));
  }

  @Test
  void roundTripsFieldsInOrderWithEqualsInValuesAndUtf8() throws IOException {
    ConnectionHeader h =
        ConnectionHeader.of(
            "callerid", "/talker", "message_definition", "int32 X=1\nstring a # é", "empty", "");
    ConnectionHeader back = ConnectionHeader.read(new ByteArrayInputStream(h.encode()));
    assertEquals(h.fields(), back.fields());
    assertEquals(
        List.of("callerid", "message_definition", "empty"), List.copyOf(back.fields().keySet()));
  }

  @Test
  void readsWhatRealRosSends() throws IOException {
    byte[] wire = fields("callerid=/rostopic", "md5sum=*", "tcp_nodelay=1", "topic=/chatter");
    ConnectionHeader h = ConnectionHeader.read(new ByteArrayInputStream(wire));
    assertEquals("*", h.get("md5sum"));
    assertTrue(h.flag("tcp_nodelay"));
  }

  @Test
  void rejectsAnOversizedDeclaredLengthBeforeAllocating() {
    // 0xFFFFFFF0 (about 4 GB), and 2 GB: neither may be allocated
    for (int declared : new int[] {0xFFFFFFF0, 0x7FFFFFFF, ConnectionHeader.MAX_HEADER_BYTES + 1}) {
      byte[] wire = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(declared).array();
      ProtocolException e =
          assertThrows(
              ProtocolException.class, () -> ConnectionHeader.read(new ByteArrayInputStream(wire)));
      assertTrue(
          e.getMessage().contains("over the limit of " + ConnectionHeader.MAX_HEADER_BYTES),
          e.getMessage());
    }
  }

  @Test
  void rejectsAFieldLengthBeyondTheHeader() {
    byte[] wire = fields("topic=/x");
    wire[4] = 100; // field length 100 in a 12-byte header
    ProtocolException e =
        assertThrows(
            ProtocolException.class, () -> ConnectionHeader.read(new ByteArrayInputStream(wire)));
    assertTrue(e.getMessage().contains("declares 100 bytes but only 8 remain"), e.getMessage());
  }

  @Test
  void rejectsAHugeFieldLength() {
    byte[] wire = fields("topic=/x");
    wire[4] = (byte) 0xff;
    wire[5] = (byte) 0xff;
    wire[6] = (byte) 0xff;
    wire[7] = (byte) 0xff;
    ProtocolException e =
        assertThrows(
            ProtocolException.class, () -> ConnectionHeader.read(new ByteArrayInputStream(wire)));
    assertTrue(e.getMessage().contains("4294967295"), e.getMessage());
  }

  @Test
  void rejectsAFieldWithoutEquals() {
    ProtocolException e =
        assertThrows(
            ProtocolException.class,
            () -> ConnectionHeader.read(new ByteArrayInputStream(fields("topic=/x", "garbage"))));
    assertTrue(e.getMessage().contains("without '='"), e.getMessage());
    assertThrows(
        ProtocolException.class,
        () -> ConnectionHeader.read(new ByteArrayInputStream(fields("=value"))));
  }

  @Test
  void rejectsATruncatedFieldLength() {
    byte[] wire = {6, 0, 0, 0, 1, 0, 0, 0, 'a', 1};
    ProtocolException e =
        assertThrows(
            ProtocolException.class, () -> ConnectionHeader.read(new ByteArrayInputStream(wire)));
    assertTrue(
        e.getMessage().contains("without '='") || e.getMessage().contains("truncated"),
        e.getMessage());
  }

  @Test
  void reportsEndOfStreamInsideTheHeader() {
    byte[] whole = fields("callerid=/a", "topic=/b");
    for (int cut = 1; cut < whole.length; cut++) {
      InputStream in = new ByteArrayInputStream(Arrays.copyOf(whole, cut));
      ProtocolException e = assertThrows(ProtocolException.class, () -> ConnectionHeader.read(in));
      assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
    assertThrows(
        EOFException.class, () -> ConnectionHeader.read(new ByteArrayInputStream(new byte[0])));
  }

  @Test
  void errorHeaderIsASingleField() throws IOException {
    ConnectionHeader e = ConnectionHeader.error("boom");
    assertArrayEquals(fields("error=boom"), e.encode());
    assertTrue(ConnectionHeader.read(new ByteArrayInputStream(e.encode())).isError());
  }

  @Test
  void rejectsInvalidKeysWhenBuilding() {
    assertThrows(IllegalArgumentException.class, () -> ConnectionHeader.of("a=b", "c"));
    assertThrows(IllegalArgumentException.class, () -> ConnectionHeader.of("", "c"));
  }
}
