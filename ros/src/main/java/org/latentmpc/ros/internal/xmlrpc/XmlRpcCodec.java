package org.latentmpc.ros.internal.xmlrpc;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Encodes and decodes XML-RPC documents (method calls, responses, faults).
 *
 * <p>Value mapping: {@code <int>}/{@code <i4>} - Integer (32 bit), {@code <boolean>} - Boolean,
 * {@code <double>} - Double (also {@code inf}, {@code -inf}, {@code nan} as Python writes them),
 * {@code <string>} and an untyped {@code <value>text</value>} - String, {@code <base64>} - byte[],
 * {@code <array>} - List&lt;Object&gt;, {@code <struct>} - Map&lt;String,Object&gt; (insertion
 * ordered). For encoding, Long values must fit 32 bits, Float is widened, arrays of Object and any
 * Collection encode as arrays; null cannot be encoded.
 *
 * <p>Security: a document with a DOCTYPE is refused before any entity is resolved (no DTD, no
 * external entities are ever fetched), nesting is bounded to {@value #MAX_DEPTH} levels; callers
 * bound the document size (the server and client do).
 */
public final class XmlRpcCodec {
  /** Maximum nesting depth of arrays and structs in a decoded document. */
  public static final int MAX_DEPTH = 64;

  private static final XMLInputFactory FACTORY = newFactory();
  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  private XmlRpcCodec() {}

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    trySet(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
    trySet(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    // JDK 24+ parsers stop at 100 nested elements by default, before our own MAX_DEPTH (three
    // elements per value
    // level) could answer; keep a JDK bound just above ours so every JDK refuses with the same
    // clear message.
    trySet(f, "jdk.xml.maxElementDepth", Integer.toString(3 * MAX_DEPTH + 16));
    f.setXMLResolver(
        (publicId, systemId, baseUri, ns) -> {
          throw new XMLStreamException("external entity refused: " + systemId);
        });
    return f;
  }

  private static void trySet(XMLInputFactory f, String property, Object value) {
    try {
      f.setProperty(property, value);
    } catch (IllegalArgumentException notSupported) {
      // the parser does not know the property; DTDs are off anyway
    }
  }

  // ------------------------------------------------------------------ encoding

  /** A {@code <methodCall>} document. */
  public static byte[] encodeCall(String methodName, List<?> params) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("<?xml version=\"1.0\"?>\n<methodCall>\n<methodName>");
    escape(methodName, sb);
    sb.append("</methodName>\n<params>\n");
    for (Object p : params) {
      sb.append("<param>\n");
      appendValue(p, sb, 0);
      sb.append("</param>\n");
    }
    sb.append("</params>\n</methodCall>\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A {@code <methodResponse>} carrying {@code value}. */
  public static byte[] encodeResponse(Object value) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("<?xml version=\"1.0\"?>\n<methodResponse>\n<params>\n<param>\n");
    appendValue(value, sb, 0);
    sb.append("</param>\n</params>\n</methodResponse>\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A {@code <methodResponse>} carrying a fault. */
  public static byte[] encodeFault(int faultCode, String faultString) {
    Map<String, Object> fault = new LinkedHashMap<>();
    fault.put("faultCode", faultCode);
    fault.put("faultString", faultString == null ? "" : faultString);
    StringBuilder sb = new StringBuilder(256);
    sb.append("<?xml version=\"1.0\"?>\n<methodResponse>\n<fault>\n");
    appendValue(fault, sb, 0);
    sb.append("</fault>\n</methodResponse>\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void appendValue(Object v, StringBuilder sb, int depth) {
    if (depth > MAX_DEPTH) {
      throw new XmlRpcException("value nested deeper than " + MAX_DEPTH + " levels");
    }
    sb.append("<value>");
    if (v == null) {
      throw new XmlRpcException("XML-RPC cannot encode null");
    } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      sb.append("<int>").append(((Number) v).intValue()).append("</int>");
    } else if (v instanceof Long l) {
      if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
        throw new XmlRpcException("integer " + l + " does not fit XML-RPC's 32-bit int");
      }
      sb.append("<int>").append(l.intValue()).append("</int>");
    } else if (v instanceof Boolean b) {
      sb.append("<boolean>").append(b ? '1' : '0').append("</boolean>");
    } else if (v instanceof Double || v instanceof Float) {
      sb.append("<double>").append(formatDouble(((Number) v).doubleValue())).append("</double>");
    } else if (v instanceof CharSequence s) {
      sb.append("<string>");
      escape(s.toString(), sb);
      sb.append("</string>");
    } else if (v instanceof byte[] bytes) {
      sb.append("<base64>").append(Base64.getEncoder().encodeToString(bytes)).append("</base64>");
    } else if (v instanceof Collection<?> c) {
      sb.append("<array><data>\n");
      for (Object e : c) {
        appendValue(e, sb, depth + 1);
      }
      sb.append("</data></array>");
    } else if (v instanceof Object[] arr) {
      appendArray(List.of(arr), sb, depth);
    } else if (v instanceof Map<?, ?> m) {
      sb.append("<struct>\n");
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new XmlRpcException("struct member name must be a String, got " + e.getKey());
        }
        sb.append("<member>\n<name>");
        escape(key, sb);
        sb.append("</name>\n");
        appendValue(e.getValue(), sb, depth + 1);
        sb.append("</member>\n");
      }
      sb.append("</struct>");
    } else {
      throw new XmlRpcException("XML-RPC cannot encode " + v.getClass().getName());
    }
    sb.append("</value>\n");
  }

  private static void appendArray(List<?> list, StringBuilder sb, int depth) {
    sb.append("<array><data>\n");
    for (Object e : list) {
      appendValue(e, sb, depth + 1);
    }
    sb.append("</data></array>");
  }

  private static String formatDouble(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    return Double.toString(d);
  }

  private static void escape(String s, StringBuilder sb) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '\r' -> sb.append("&#13;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' || c == 0xFFFE || c == 0xFFFF) {
            throw new XmlRpcException(
                String.format("string holds character U+%04X, which XML cannot carry", (int) c));
          }
          sb.append(c);
        }
      }
    }
  }

  // ------------------------------------------------------------------ decoding

  /**
   * Decodes a {@code <methodCall>}.
   *
   * @throws XmlRpcException naming what is wrong when the document is malformed
   */
  public static XmlRpcRequest decodeCall(byte[] document) {
    return parse(
        document,
        p -> {
          p.expectStart("methodCall");
          p.nextTag();
          p.expectStart("methodName");
          String name = p.readText().trim();
          if (name.isEmpty()) {
            throw new XmlRpcException("empty <methodName>");
          }
          List<Object> params = new ArrayList<>();
          int ev = p.nextTag();
          if (ev == XMLStreamConstants.START_ELEMENT) {
            p.expectStart("params");
            readParams(p, params);
            p.nextTag();
          }
          p.expectEnd("methodCall");
          return new XmlRpcRequest(name, params);
        });
  }

  /**
   * Decodes a {@code <methodResponse>} and returns its value.
   *
   * @throws XmlRpcFault when the response is a fault
   * @throws XmlRpcException naming what is wrong when the document is malformed
   */
  public static Object decodeResponse(byte[] document) {
    return parse(
        document,
        p -> {
          p.expectStart("methodResponse");
          p.nextTag();
          if (p.isStart("fault")) {
            p.nextTag();
            p.expectStart("value");
            Object v = p.readValue(0);
            p.nextTag();
            p.expectEnd("fault");
            p.nextTag();
            p.expectEnd("methodResponse");
            throw toFault(v);
          }
          p.expectStart("params");
          List<Object> params = new ArrayList<>();
          readParams(p, params);
          if (params.size() != 1) {
            throw new XmlRpcException(
                "a methodResponse must hold exactly one param, found " + params.size());
          }
          p.nextTag();
          p.expectEnd("methodResponse");
          return params.get(0);
        });
  }

  private static XmlRpcFault toFault(Object v) {
    if (v instanceof Map<?, ?> m
        && m.get("faultCode") instanceof Integer code
        && m.get("faultString") instanceof String text) {
      return new XmlRpcFault(code, text);
    }
    throw new XmlRpcException("malformed fault (need struct faultCode:int, faultString): " + v);
  }

  /** Reads {@code <param><value>..</value></param>*} up to and including {@code </params>}. */
  private static void readParams(Parser p, List<Object> out) throws XMLStreamException {
    while (p.nextTag() == XMLStreamConstants.START_ELEMENT) {
      p.expectStart("param");
      p.nextTag();
      p.expectStart("value");
      out.add(p.readValue(0));
      p.nextTag();
      p.expectEnd("param");
    }
    p.expectEnd("params");
  }

  private interface Body<T> {
    T read(Parser p) throws XMLStreamException;
  }

  private static <T> T parse(byte[] document, Body<T> body) {
    if (document == null || document.length == 0) {
      throw new XmlRpcException("malformed XML-RPC document: empty");
    }
    XMLStreamReader reader = null;
    try {
      reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(document));
      Parser p = new Parser(reader);
      p.nextTag();
      T result = body.read(p);
      p.expectDocumentEnd();
      return result;
    } catch (XMLStreamException e) {
      throw new XmlRpcException("malformed XML-RPC document: " + e.getMessage(), e);
    } catch (XmlRpcException e) {
      throw e;
    } catch (RuntimeException e) {
      // parsers may throw unchecked exceptions on broken input
      throw new XmlRpcException("malformed XML-RPC document: " + e, e);
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing to release
        }
      }
    }
  }

  /** A small recursive-descent reader over StAX events. */
  private static final class Parser {
    private final XMLStreamReader r;

    Parser(XMLStreamReader r) {
      this.r = r;
    }

    private int next() throws XMLStreamException {
      int ev = r.next();
      if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new XmlRpcException("malformed XML-RPC document: DOCTYPE and entities are refused");
      }
      return ev;
    }

    /** Advances to the next start or end tag; refuses non-whitespace text. */
    int nextTag() throws XMLStreamException {
      while (true) {
        int ev = next();
        switch (ev) {
          case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT:
            return ev;
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE:
            if (!r.getText().isBlank()) {
              throw new XmlRpcException(
                  "malformed XML-RPC document: unexpected text '" + abbreviate(r.getText()) + "'");
            }
            break;
          case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION:
            break;
          case XMLStreamConstants.END_DOCUMENT:
            throw new XmlRpcException("malformed XML-RPC document: ends early");
          default:
            throw new XmlRpcException("malformed XML-RPC document: unexpected event " + ev);
        }
      }
    }

    void expectDocumentEnd() throws XMLStreamException {
      while (r.hasNext()) {
        int ev = next();
        if (ev == XMLStreamConstants.START_ELEMENT
            || (ev == XMLStreamConstants.CHARACTERS && !r.getText().isBlank())) {
          throw new XmlRpcException("malformed XML-RPC document: content after the root element");
        }
      }
    }

    boolean isStart(String name) {
      return r.getEventType() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(name);
    }

    void expectStart(String name) {
      if (!isStart(name)) {
        throw new XmlRpcException(
            "malformed XML-RPC document: expected <" + name + "> but found " + describe());
      }
    }

    void expectEnd(String name) {
      if (r.getEventType() != XMLStreamConstants.END_ELEMENT || !r.getLocalName().equals(name)) {
        throw new XmlRpcException(
            "malformed XML-RPC document: expected </" + name + "> but found " + describe());
      }
    }

    private String describe() {
      return switch (r.getEventType()) {
        case XMLStreamConstants.START_ELEMENT -> "<" + r.getLocalName() + ">";
        case XMLStreamConstants.END_ELEMENT -> "</" + r.getLocalName() + ">";
        default -> "event " + r.getEventType();
      };
    }

    /** At a start tag: reads its text content up to its end tag; child elements are refused. */
    String readText() throws XMLStreamException {
      String element = r.getLocalName();
      StringBuilder sb = new StringBuilder();
      while (true) {
        int ev = next();
        switch (ev) {
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE:
            sb.append(r.getText());
            break;
          case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION:
            break;
          case XMLStreamConstants.END_ELEMENT:
            return sb.toString();
          case XMLStreamConstants.START_ELEMENT:
            throw new XmlRpcException(
                "malformed XML-RPC document: <"
                    + element
                    + "> must hold text, found <"
                    + r.getLocalName()
                    + ">");
          default:
            throw new XmlRpcException("malformed XML-RPC document: <" + element + "> not closed");
        }
      }
    }

    /** At {@code <value>}: reads the value; ends on {@code </value>}. */
    Object readValue(int depth) throws XMLStreamException {
      if (depth > MAX_DEPTH) {
        throw new XmlRpcException(
            "malformed XML-RPC document: values nested deeper than " + MAX_DEPTH + " levels");
      }
      StringBuilder text = new StringBuilder();
      while (true) {
        int ev = next();
        switch (ev) {
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE:
            text.append(r.getText());
            break;
          case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION:
            break;
          case XMLStreamConstants.END_ELEMENT:
            expectEnd("value");
            return text.toString(); // untyped value: a string
          case XMLStreamConstants.START_ELEMENT:
            if (!text.toString().isBlank()) {
              throw new XmlRpcException(
                  "malformed XML-RPC document: <value> mixes text and <" + r.getLocalName() + ">");
            }
            Object v = readTyped(depth);
            nextTag();
            expectEnd("value");
            return v;
          default:
            throw new XmlRpcException("malformed XML-RPC document: <value> not closed");
        }
      }
    }

    private Object readTyped(int depth) throws XMLStreamException {
      String type = r.getLocalName();
      switch (type) {
        case "int", "i4":
          {
            String s = readText().trim();
            try {
              return Integer.parseInt(s);
            } catch (NumberFormatException e) {
              throw new XmlRpcException(
                  "malformed XML-RPC document: <" + type + "> holds '" + abbreviate(s) + "'");
            }
          }
        case "boolean":
          {
            String s = readText().trim();
            return switch (s) {
              case "1", "true" -> Boolean.TRUE;
              case "0", "false" -> Boolean.FALSE;
              default ->
                  throw new XmlRpcException(
                      "malformed XML-RPC document: <boolean> holds '" + abbreviate(s) + "'");
            };
          }
        case "double":
          return parseDouble(readText().trim());
        case "string":
          return readText();
        case "base64":
          {
            String s = readText();
            try {
              return Base64.getDecoder().decode(WHITESPACE.matcher(s).replaceAll(""));
            } catch (IllegalArgumentException e) {
              throw new XmlRpcException(
                  "malformed XML-RPC document: bad <base64>: " + e.getMessage());
            }
          }
        case "array":
          return readArray(depth);
        case "struct":
          return readStruct(depth);
        default:
          throw new XmlRpcException("malformed XML-RPC document: unsupported type <" + type + ">");
      }
    }

    private List<Object> readArray(int depth) throws XMLStreamException {
      List<Object> list = new ArrayList<>();
      nextTag();
      expectStart("data");
      while (nextTag() == XMLStreamConstants.START_ELEMENT) {
        expectStart("value");
        list.add(readValue(depth + 1));
      }
      expectEnd("data");
      nextTag();
      expectEnd("array");
      return list;
    }

    private Map<String, Object> readStruct(int depth) throws XMLStreamException {
      Map<String, Object> map = new LinkedHashMap<>();
      while (nextTag() == XMLStreamConstants.START_ELEMENT) {
        expectStart("member");
        String name = null;
        Object value = null;
        boolean hasValue = false;
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
          if (isStart("name") && name == null) {
            name = readText();
          } else if (isStart("value") && !hasValue) {
            value = readValue(depth + 1);
            hasValue = true;
          } else {
            throw new XmlRpcException(
                "malformed XML-RPC document: unexpected " + describe() + " in <member>");
          }
        }
        expectEnd("member");
        if (name == null || !hasValue) {
          throw new XmlRpcException(
              "malformed XML-RPC document: <member> needs a <name> and a <value>");
        }
        map.put(name, value);
      }
      expectEnd("struct");
      return map;
    }
  }

  private static double parseDouble(String s) {
    switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "inf", "+inf", "infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf", "-infinity":
        return Double.NEGATIVE_INFINITY;
      case "nan":
        return Double.NaN;
      default:
        break;
    }
    if (s.isEmpty() || !s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
      throw new XmlRpcException(
          "malformed XML-RPC document: <double> holds '" + abbreviate(s) + "'");
    }
    return Double.parseDouble(s);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
