package org.latentmpc.ros.internal.tools;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.latentmpc.ros.MessageFormatException;
import org.latentmpc.ros.internal.message.ConstantSpec;
import org.latentmpc.ros.internal.message.FieldSpec;
import org.latentmpc.ros.internal.message.MessageSpecs;
import org.latentmpc.ros.internal.message.MsgSpec;
import org.latentmpc.ros.internal.message.SpecRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code msg show|md5 TYPE}: the message and service types on the classpath, like {@code rosmsg} /
 * {@code rossrv}.
 */
@Command(
    name = "msg",
    mixinStandardHelpOptions = true,
    description = "Show message and service definitions and their md5 sums (like rosmsg).",
    subcommands = {MsgCommand.Show.class, MsgCommand.Md5.class})
public final class MsgCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code msg show TYPE}: the definition with nested types expanded, as rosmsg show prints it. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Print a message (pkg/Type) or service (pkg/Srv) definition.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "TYPE", description = "pkg/Type or pkg/Srv")
    String type;

    @Option(
        names = {"-r", "--raw"},
        description = "print the raw .msg/.srv text, comments included")
    boolean raw;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        out.print(show(type, raw));
        out.flush();
        return 0;
      } catch (MessageFormatException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        return 1;
      }
    }
  }

  /** {@code msg md5 TYPE}: the md5 sum peers compare. */
  @Command(
      name = "md5",
      mixinStandardHelpOptions = true,
      description = "Print the md5 sum of a message (pkg/Type) or service (pkg/Srv).")
  static final class Md5 implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "TYPE", description = "pkg/Type or pkg/Srv")
    String type;

    @Override
    public Integer call() {
      try {
        spec.commandLine().getOut().println(md5(type));
        spec.commandLine().getOut().flush();
        return 0;
      } catch (MessageFormatException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        return 1;
      }
    }
  }

  /**
   * The text {@code show} prints for a message or service type.
   *
   * @throws MessageFormatException if the type is unknown or does not parse
   */
  public static String show(String type, boolean raw) {
    SpecRegistry registry = MessageSpecs.classpath();
    if (isMessage(type)) {
      MsgSpec spec = registry.spec(type);
      return raw ? spec.text() : expand(registry, spec, "", new StringBuilder()) + "\n";
    }
    MessageSpecs.ServiceParts service = MessageSpecs.service(type);
    if (raw) {
      return service.text().endsWith("\n") ? service.text() : service.text() + "\n";
    }
    return expand(registry, service.request(), "", new StringBuilder())
        + "---\n"
        + expand(registry, service.response(), "", new StringBuilder())
        + "\n";
  }

  /** The md5 of a message or service type. */
  public static String md5(String type) {
    return isMessage(type) ? MessageSpecs.describe(type).md5() : MessageSpecs.service(type).md5();
  }

  private static boolean isMessage(String type) {
    if (!type.matches("[A-Za-z]\\w*/[A-Za-z]\\w*")) {
      throw new MessageFormatException("invalid type name '" + type + "' (expected pkg/Type)");
    }
    if (MessageSpecs.loadText("/msg/" + type + ".msg") != null) {
      return true;
    }
    if (MessageSpecs.loadText("/srv/" + type + ".srv") != null) {
      return false;
    }
    throw new MessageFormatException("unknown message or service type " + type);
  }

  private static String expand(
      SpecRegistry registry, MsgSpec spec, String indent, StringBuilder sb) {
    for (ConstantSpec c : spec.constants()) {
      sb.append(indent).append(c.type()).append(' ').append(c.name()).append('=');
      sb.append(c.valueText()).append('\n');
    }
    for (FieldSpec f : spec.fields()) {
      sb.append(indent).append(f.type()).append(' ').append(f.name()).append('\n');
      if (!f.builtin()) {
        expand(registry, registry.spec(f.baseType()), indent + "  ", sb);
      }
    }
    return sb.toString();
  }
}
