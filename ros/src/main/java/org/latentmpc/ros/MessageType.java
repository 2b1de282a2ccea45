package org.latentmpc.ros;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The descriptor of a message type: its ROS name ({@code pkg/Type}), md5sum, full
 * message_definition (the text sent in connection headers and stored in bags) and a factory for new
 * instances.
 *
 * <p>For the library's message classes the md5 and definition are computed from the {@code .msg}
 * files on the classpath ({@code /msg/<pkg>/<Type>.msg}) by {@link #of}, never pasted. {@link
 * #WILDCARD} subscribes to a topic whatever its type ({@code md5sum=*}); messages then arrive as
 * {@link DynamicMessage} decoded from the publisher's definition.
 *
 * @param <T> the Java message class
 */
public final class MessageType<T extends Message> {
  /**
   * Any type: subscribers receive {@link DynamicMessage}s decoded with the definition the publisher
   * sends.
   */
  public static final MessageType<DynamicMessage> WILDCARD =
      new MessageType<>(
          "*",
          "*",
          "",
          () -> {
            throw new UnsupportedOperationException(
                "the wildcard type has no instances of its own");
          });

  private final String name;
  private final String md5;
  private final String definition;
  private final Supplier<T> factory;

  /**
   * A descriptor from already-known parts (dynamic types built from a connection header or a bag).
   *
   * @param name {@code pkg/Type}
   * @param md5 32 lowercase hex digits, or {@code *}
   * @param definition the full message_definition text
   * @param factory creates empty instances
   */
  public MessageType(String name, String md5, String definition, Supplier<T> factory) {
    this.name = Objects.requireNonNull(name, "name");
    this.md5 = Objects.requireNonNull(md5, "md5");
    this.definition = Objects.requireNonNull(definition, "definition");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /**
   * The descriptor of a type whose {@code .msg} file (and those of its dependencies) are on the
   * classpath under {@code /msg/<pkg>/<Type>.msg}; md5 and definition are computed from that text.
   *
   * @throws MessageFormatException if a file is missing or does not parse
   */
  public static <T extends Message> MessageType<T> of(String name, Supplier<T> factory) {
    org.latentmpc.ros.internal.message.MessageSpecs.Described described =
        org.latentmpc.ros.internal.message.MessageSpecs.describe(name);
    return new MessageType<>(name, described.md5(), described.definition(), factory);
  }

  /** {@code pkg/Type}, or {@code *} for the wildcard. */
  public String name() {
    return name;
  }

  /** The md5sum that peers compare, or {@code *}. */
  public String md5() {
    return md5;
  }

  /** The full message_definition: the type's text, then each dependency after a line of 80 '='. */
  public String definition() {
    return definition;
  }

  /** A new empty message of this type. */
  public T newMessage() {
    return factory.get();
  }

  /** True for {@link #WILDCARD}. */
  public boolean isWildcard() {
    return "*".equals(md5);
  }

  @Override
  public String toString() {
    return name + " [" + md5 + "]";
  }
}
