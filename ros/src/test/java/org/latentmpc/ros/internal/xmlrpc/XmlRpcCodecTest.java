package org.latentmpc.ros.internal.xmlrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlRpcCodecTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Object decodeValue(String valueXml) {
    return XmlRpcCodec.decodeResponse(
        utf8(
            "<?xml version=\"1.0\"?><methodResponse><params><param>"
                + valueXml
                + "</param></params></methodResponse>"));
  }

  @Test
  void roundTripsEveryType() {
    Map<String, Object> struct = new LinkedHashMap<>();
    struct.put("i", 42);
    struct.put("neg", Integer.MIN_VALUE);
    struct.put("b", true);
    struct.put("d", -2.5e-7);
    struct.put("s", "a <b> & \"c\" 'd' \r\n\t ünïcødé \uD83D\uDE00");
    struct.put("empty", "");
    struct.put("nested", Map.of("x", List.of(1, 2.0, "three", List.of())));
    List<Object> params = new ArrayList<>();
    params.add("/caller");
    params.add(struct);
    params.add(List.of(List.of("TCPROS")));
    params.add(Double.POSITIVE_INFINITY);
    params.add(Map.of());
    byte[] doc = XmlRpcCodec.encodeCall("setParam", params);
    XmlRpcRequest request = XmlRpcCodec.decodeCall(doc);
    assertEquals("setParam", request.methodName());
    assertEquals(params, request.params());

    byte[] bytes = new byte[1000];
    new Random(7).nextBytes(bytes);
    Object decoded = XmlRpcCodec.decodeResponse(XmlRpcCodec.encodeResponse(bytes));
    assertArrayEquals(bytes, (byte[]) decoded);
    assertTrue(
        Double.isNaN((Double) XmlRpcCodec.decodeResponse(XmlRpcCodec.encodeResponse(Double.NaN))));
    assertEquals(7, XmlRpcCodec.decodeResponse(XmlRpcCodec.encodeResponse(7L)));
  }

  @Test
  void acceptsXmlRpcPlusPlusAndPythonForms() {
    assertEquals(5, decodeValue("<value><i4>5</i4></value>"));
    assertEquals(" untyped text ", decodeValue("<value> untyped text </value>"));
    assertEquals("", decodeValue("<value></value>"));
    assertEquals("", decodeValue("<value/>"));
    assertEquals(3, decodeValue("<value>\n  <int> 3 </int>\n</value>"));
    assertEquals(Boolean.FALSE, decodeValue("<value><boolean>0</boolean></value>"));
    assertEquals(1e-05, decodeValue("<value><double>1e-05</double></value>"));
    assertEquals(Double.NEGATIVE_INFINITY, decodeValue("<value><double>-inf</double></value>"));
    assertArrayEquals(
        utf8("hello world, this is long enough to wrap"),
        (byte[])
            decodeValue(
                "<value><base64>\naGVsbG8gd29ybGQsIHRoaXMgaXMgbG9uZyBlbm91Z2gg\ndG8gd3JhcA==\n</base64></value>"));
    assertEquals(
        Map.of("a", 1, "b", "x"),
        decodeValue(
            "<value><struct><member><value><int>1</int></value><name>a</name></member>"
                + "<member><name>b</name><value>x</value></member></struct></value>"));
    assertEquals(
        List.of(1, "x"),
        decodeValue(
            "<value><array><data><value><i4>1</i4></value><value>x</value></data></array></value>"));
    // A call without <params>, as XmlRpc++ may send it.
    XmlRpcRequest r =
        XmlRpcCodec.decodeCall(utf8("<methodCall><methodName>getPid</methodName></methodCall>"));
    assertEquals("getPid", r.methodName());
    assertEquals(List.of(), r.params());
  }

  @Test
  void decodesFaults() {
    byte[] fault = XmlRpcCodec.encodeFault(-32601, "no such method <x>");
    XmlRpcFault f = assertThrows(XmlRpcFault.class, () -> XmlRpcCodec.decodeResponse(fault));
    assertEquals(-32601, f.faultCode());
    assertEquals("no such method <x>", f.faultString());
  }

  @Test
  void refusesMalformedDocumentsWithClearMessages() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("<methodCall><methodName>x</methodName>", "");
    cases.put("<methodCall><methodName>x</methodName><params><param><value><int>1</int>", "");
    cases.put(
        "<methodCall><methodName>x</methodName><params><param><value><int>one</int></value></param></params></methodCall>",
        "<int> holds 'one'");
    cases.put(
        "<methodCall><methodName>x</methodName><params><param><value><int>4294967296</int></value></param></params></methodCall>",
        "<int> holds");
    cases.put(
        "<methodCall><methodName>x</methodName><params><param><value><boolean>2</boolean></value></param></params></methodCall>",
        "<boolean> holds '2'");
    cases.put(
        "<methodCall><methodName>x</methodName><params><param><value><double>1.2.3</double></value></param></params></methodCall>",
        "<double>");
    cases.put(
        "<methodCall><methodName>x</methodName><params><param><value><dateTime.iso8601>20250101T00:00:00</dateTime.iso8601></value></param></params></methodCall>",
        "unsupported type <dateTime.iso8601>");
    cases.put(
        "<methodCall><methodName>x</methodName><params><param><value><struct><member><name>a</name></member></struct></value></param></params></methodCall>",
        "<member> needs");
    cases.put(
        "<methodCall><methodName>x</methodName><params><param><value><base64>@@@</base64></value></param></params></methodCall>",
        "base64");
    cases.put("<methodResponse><params></params></methodResponse>", "exactly one param");
    cases.put("<notXmlRpc/>", "expected <methodCall>");
    cases.put("", "empty");
    cases.put("\u0000\u0001garbage", "malformed");
    cases.put(
        "<methodCall><methodName>x</methodName><params><param><value>a<int>1</int></value></param></params></methodCall>",
        "mixes text");
    cases.put("<methodCall><methodName>x</methodName></methodCall><methodCall/>", "malformed");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      byte[] doc = utf8(c.getKey());
      XmlRpcException e =
          assertThrows(
              XmlRpcException.class,
              () -> {
                if (c.getKey().startsWith("<methodResponse")) {
                  XmlRpcCodec.decodeResponse(doc);
                } else {
                  XmlRpcCodec.decodeCall(doc);
                }
              },
              c.getKey());
      assertTrue(
          e.getMessage().contains(c.getValue()),
          () -> "message for " + c.getKey() + " was: " + e.getMessage());
    }
  }

  @Test
  void refusesDeepNestingAndHugeInputsWithoutStackOverflow() {
    StringBuilder deep = new StringBuilder("<methodCall><methodName>x</methodName><params><param>");
    int levels = 100_000;
    for (int i = 0; i < levels; i++) {
      deep.append("<value><array><data>");
    }
    XmlRpcException e =
        assertThrows(XmlRpcException.class, () -> XmlRpcCodec.decodeCall(utf8(deep.toString())));
    assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());

    // A 20 MB string value decodes (the size bound is the transport's job) without blowing up.
    String big = "x".repeat(20 << 20);
    Object v = XmlRpcCodec.decodeResponse(XmlRpcCodec.encodeResponse(big));
    assertEquals(big.length(), ((String) v).length());
  }

  @Test
  void refusesUnencodableValues() {
    assertThrows(XmlRpcException.class, () -> XmlRpcCodec.encodeResponse(null));
    assertThrows(XmlRpcException.class, () -> XmlRpcCodec.encodeResponse(1L << 40));
    assertThrows(XmlRpcException.class, () -> XmlRpcCodec.encodeResponse("nul\u0000"));
    assertThrows(XmlRpcException.class, () -> XmlRpcCodec.encodeResponse(new Object()));
    assertThrows(XmlRpcException.class, () -> XmlRpcCodec.encodeResponse(Map.of(1, 2)));
  }

  @Test
  void refusesDoctypeAndNeverReadsExternalEntities(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String fileXxe =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \""
            + secret.toUri()
            + "\">]><methodCall><methodName>&e;</methodName></methodCall>";
    XmlRpcException e =
        assertThrows(XmlRpcException.class, () -> XmlRpcCodec.decodeCall(utf8(fileXxe)));
    assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    assertTrue(!e.getMessage().contains("TOP-SECRET"));

    String passwd =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<methodResponse><params><param><value><string>&e;</string></value></param></params></methodResponse>";
    assertThrows(XmlRpcException.class, () -> XmlRpcCodec.decodeResponse(utf8(passwd)));

    // An entity (and an external DTD) pointing at a listening socket: the parser must never
    // connect.
    try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + trap.getLocalPort() + "/x";
      String netXxe =
          "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \""
              + url
              + "\" [<!ENTITY e SYSTEM \""
              + url
              + "\">]><methodCall><methodName>&e;</methodName></methodCall>";
      assertThrows(XmlRpcException.class, () -> XmlRpcCodec.decodeCall(utf8(netXxe)));
      trap.setSoTimeout(300);
      assertThrows(
          SocketTimeoutException.class, trap::accept, "parser connected to the entity URL");
    } catch (IOException unexpected) {
      throw unexpected;
    }

    String billionLaughs =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2"
            + " \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
            + "<methodCall><methodName>&lol2;</methodName></methodCall>";
    assertThrows(XmlRpcException.class, () -> XmlRpcCodec.decodeCall(utf8(billionLaughs)));
  }
}
