package org.latentmpc.ros.internal.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageFormatException;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.ServiceType;

/**
 * Computes md5 sums and full definitions from the {@code .msg}/{@code .srv} files on the classpath
 * ({@code /msg/<pkg>/<Type>.msg}, {@code /srv/<pkg>/<Srv>.srv}). Results are cached.
 */
public final class MessageSpecs {
  private static final SpecRegistry CLASSPATH =
      new SpecRegistry(MessageSpecs::loadMsgText, MessageSpecs::msgResource);
  private static final Map<String, ServiceParts> SERVICES = new ConcurrentHashMap<>();
  private static final Map<String, Described> DESCRIBED = new ConcurrentHashMap<>();

  private MessageSpecs() {}

  /** The computed md5 and full definition of a message type. */
  public record Described(String md5, String definition) {}

  /** The request and response specs of a service and the service md5. */
  public record ServiceParts(
      String name, String md5, MsgSpec request, MsgSpec response, String text) {}

  /** The registry of the types on the classpath (service halves included once described). */
  public static SpecRegistry classpath() {
    return CLASSPATH;
  }

  /**
   * The md5 and full definition of {@code pkg/Type} from the classpath.
   *
   * @throws MessageFormatException if a file is missing or does not parse
   */
  public static Described describe(String name) {
    Described d = DESCRIBED.get(name);
    if (d == null) {
      d = new Described(CLASSPATH.md5(name), CLASSPATH.definition(name));
      DESCRIBED.put(name, d);
    }
    return d;
  }

  /**
   * The parsed service {@code pkg/Srv} from the classpath; its request and response are registered
   * as {@code pkg/SrvRequest} and {@code pkg/SrvResponse}.
   */
  public static ServiceParts service(String name) {
    ServiceParts parts = SERVICES.get(name);
    if (parts != null) {
      return parts;
    }
    String resource = srvResource(name);
    if (!name.matches("[A-Za-z]\\w*/[A-Za-z]\\w*")) {
      throw new MessageFormatException("invalid service type name '" + name + "'");
    }
    String text = loadText(resource);
    if (text == null) {
      throw new MessageFormatException(
          "unknown service type " + name + " (no definition at " + resource + ")");
    }
    String[] halves = MsgParser.splitService(text, resource);
    MsgSpec request = MsgParser.parse(name + "Request", halves[0], resource + " (request)");
    MsgSpec response = MsgParser.parse(name + "Response", halves[1], resource + " (response)");
    CLASSPATH.register(request);
    CLASSPATH.register(response);
    String md5 =
        SpecRegistry.md5Hex(
            CLASSPATH.md5Text(request.fullName()) + CLASSPATH.md5Text(response.fullName()));
    parts = new ServiceParts(name, md5, request, response, text);
    SERVICES.putIfAbsent(name, parts);
    return SERVICES.get(name);
  }

  /** The descriptor of service {@code pkg/Srv} from the classpath. */
  public static <Q extends Message, R extends Message> ServiceType<Q, R> describeService(
      String name, Supplier<Q> requestFactory, Supplier<R> responseFactory) {
    ServiceParts parts = service(name);
    String req = parts.request().fullName();
    String resp = parts.response().fullName();
    return new ServiceType<>(
        name,
        parts.md5(),
        new MessageType<>(req, CLASSPATH.md5(req), CLASSPATH.definition(req), requestFactory),
        new MessageType<>(resp, CLASSPATH.md5(resp), CLASSPATH.definition(resp), responseFactory));
  }

  /** The raw text of a classpath resource, or null if absent. */
  public static String loadText(String resource) {
    try (InputStream in = MessageSpecs.class.getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static String loadMsgText(String name) {
    if (!name.matches("[A-Za-z]\\w*/[A-Za-z]\\w*")) {
      throw new MessageFormatException(
          "invalid message type name '" + name + "' (expected pkg/Type)");
    }
    return loadText(msgResource(name));
  }

  private static String msgResource(String name) {
    return "/msg/" + name + ".msg";
  }

  private static String srvResource(String name) {
    return "/srv/" + name + ".srv";
  }
}
