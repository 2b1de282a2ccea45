package org.latentmpc.ros.internal.tools;

import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.RosException;
import org.latentmpc.ros.internal.master.MasterClient;
import org.latentmpc.ros.internal.master.RosRpcException;
import org.latentmpc.ros.internal.name.CommandLineParser;
import org.latentmpc.ros.internal.name.GraphNames;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code param get KEY | set KEY VALUE | list [NS] | delete KEY}: the parameter server of the
 * master at {@code --master} or ROS_MASTER_URI, as rosparam does it: values are parsed and printed
 * as YAML (maps with sorted keys, block style). Relative keys are resolved in the root namespace.
 */
@Command(
    name = "param",
    mixinStandardHelpOptions = true,
    description = "Get, set, list and delete parameters on the ROS parameter server.",
    subcommands = {
      ParamCommand.Get.class,
      ParamCommand.Set.class,
      ParamCommand.ListNames.class,
      ParamCommand.Delete.class
    })
public final class ParamCommand implements Callable<Integer> {
  /** The caller id this tool uses towards the master. */
  public static final String CALLER_ID = "/latent_mpc_param";

  @Option(
      names = "--master",
      description = "Master URI (default: ROS_MASTER_URI, else " + "http://localhost:11311/).")
  String master;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  MasterClient client() {
    URI uri;
    if (master != null) {
      uri = CommandLineParser.parseMasterUri(master, "--master");
    } else {
      String env = System.getenv("ROS_MASTER_URI");
      uri =
          env == null || env.isEmpty()
              ? NodeConfiguration.DEFAULT_MASTER_URI
              : CommandLineParser.parseMasterUri(env, "ROS_MASTER_URI");
    }
    return new MasterClient(uri, CALLER_ID);
  }

  /** Runs {@code action}, turning errors into a message on stderr and exit code 1. */
  int run(CommandSpec sub, Action action) {
    PrintWriter err = sub.commandLine().getErr();
    try {
      action.run(client(), sub.commandLine().getOut());
      sub.commandLine().getOut().flush();
      return 0;
    } catch (RosRpcException e) {
      err.println("ERROR: " + e.statusMessage());
    } catch (IllegalArgumentException | RosException e) {
      err.println("ERROR: " + e.getMessage());
    }
    err.flush();
    return 1;
  }

  /** A parameter action against the master. */
  interface Action {
    void run(MasterClient client, PrintWriter out);
  }

  static String checkKey(String key) {
    GraphNames.checkLegal(key, "parameter key");
    return key;
  }

  /** The value as rosparam prints it: YAML, block style, sorted map keys. */
  public static String toYaml(Object value) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    String dump = new Yaml(options).dump(sorted(value));
    if (dump.endsWith("\n...\n")) {
      dump = dump.substring(0, dump.length() - 4);
    }
    return dump.endsWith("\n") ? dump.substring(0, dump.length() - 1) : dump;
  }

  private static Object sorted(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), sorted(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(sorted(x)));
      return out;
    }
    return v;
  }

  /** {@code param get KEY}. */
  @Command(name = "get", mixinStandardHelpOptions = true, description = "Print a value as YAML.")
  static final class Get implements Callable<Integer> {
    @ParentCommand ParamCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "Parameter or namespace.")
    String key;

    @Override
    public Integer call() {
      return parent.run(spec, (c, out) -> out.println(toYaml(c.getParam(checkKey(key)))));
    }
  }

  /** {@code param set KEY VALUE}. */
  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = "Set a value given as YAML (2.5, [1, 2], true, 'text', {a: 1}).")
  static final class Set implements Callable<Integer> {
    @ParentCommand ParamCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE")
    String value;

    @Override
    public Integer call() {
      return parent.run(
          spec,
          (c, out) ->
              c.setParam(
                  checkKey(key), CommandLineParser.parseYamlValue(value, "value of " + key)));
    }
  }

  /** {@code param list [NS]}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List parameter names (under NS).")
  static final class ListNames implements Callable<Integer> {
    @ParentCommand ParamCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NS")
    String namespace;

    @Override
    public Integer call() {
      return parent.run(
          spec,
          (c, out) -> {
            String ns =
                namespace == null ? "/" : GraphNames.toNamespace(checkKey(namespace), "namespace");
            List<String> names = new ArrayList<>(c.getParamNames());
            Collections.sort(names);
            for (String n : names) {
              if (ns.equals("/") || n.equals(ns) || n.startsWith(ns + "/")) {
                out.println(n);
              }
            }
          });
    }
  }

  /** {@code param delete KEY}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a parameter or namespace.")
  static final class Delete implements Callable<Integer> {
    @ParentCommand ParamCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY")
    String key;

    @Override
    public Integer call() {
      return parent.run(spec, (c, out) -> c.deleteParam(checkKey(key)));
    }
  }
}
