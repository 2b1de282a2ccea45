package org.latentmpc.ros.msgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.ServiceType;
import org.latentmpc.ros.msgs.latent_mpc_msgs.Predict;
import org.latentmpc.ros.msgs.std_srvs.Empty;
import org.latentmpc.ros.msgs.std_srvs.SetBool;
import org.latentmpc.ros.msgs.std_srvs.Trigger;

/**
 * Compares computed md5s and full definitions with Debian's ROS Python message modules (their
 * {@code _md5sum} and {@code _full_text}), and the project's latent_mpc_msgs with genmsg itself.
 */
@Tag("interop")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonMd5InteropTest {
  private static final long PYTHON_TIMEOUT_S = 60;
  private static final String SCRIPT =
      String.join(
          "\n",
          "import sys, importlib, json",
          "out = {}",
          "for name in sys.argv[3:]:",
          "    pkg, t = name.split('/')",
          "    if pkg == 'latent_mpc_msgs':",
          "        continue",
          "    kind = 'srv' if name.endswith('!') else 'msg'",
          "    t = t.rstrip('!')",
          "    try:",
          "        cls = getattr(importlib.import_module(pkg + '.' + kind), t)",
          "    except ImportError as e:",
          "        out[name.rstrip('!')] = {'missing': str(e)}",
          "        continue",
          "    out[name.rstrip('!')] = {'md5': cls._md5sum,"
              + " 'def': getattr(cls, '_full_text', None)}",
          "from genmsg import msg_loader, gentools",
          "ctx = msg_loader.MsgContext.create_default()",
          "search = {'std_msgs': [sys.argv[1] + '/std_msgs'], 'latent_mpc_msgs': [sys.argv[2] + '/msg']}",
          "for t in ['Latent', 'PlanStatus']:",
          "    spec = msg_loader.load_msg_by_type(ctx, 'latent_mpc_msgs/' + t, search)",
          "    msg_loader.load_depends(ctx, spec, search)",
          "    out['latent_mpc_msgs/' + t] = {'md5': gentools.compute_md5(ctx, spec),"
              + " 'def': gentools.compute_full_text(ctx, spec)}",
          "spec = msg_loader.load_srv_from_file(ctx, sys.argv[2] + '/srv/Predict.srv',"
              + " 'latent_mpc_msgs/Predict')",
          "msg_loader.load_depends(ctx, spec, search)",
          "out['latent_mpc_msgs/Predict'] = {'md5': gentools.compute_md5(ctx, spec)}",
          "print(json.dumps(out))");

  private static final List<ServiceType<?, ?>> SERVICES =
      List.of(Empty.TYPE, Trigger.TYPE, SetBool.TYPE, Predict.TYPE);

  private Map<String, Map<String, String>> python;

  @BeforeAll
  void runPythonOnce() throws Exception {
    String exe = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    List<String> cmd = new ArrayList<>(List.of(exe, "-c", SCRIPT));
    cmd.add(Path.of("src/main/resources/msg").toAbsolutePath().toString());
    cmd.add(Path.of("latent_mpc_msgs").toAbsolutePath().toString());
    for (MessageType<?> t : AllMessageTypes.ALL) {
      if (!t.name().endsWith("Request") && !t.name().endsWith("Response")) {
        cmd.add(t.name());
      }
    }
    for (ServiceType<?, ?> s : SERVICES) {
      cmd.add(s.name() + "!");
    }
    String output;
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
      p.getOutputStream().close();
      byte[] stdout = p.getInputStream().readAllBytes();
      byte[] stderr = p.getErrorStream().readAllBytes();
      boolean done = p.waitFor(PYTHON_TIMEOUT_S, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
      }
      org.junit.jupiter.api.Assumptions.assumeTrue(
          done && p.exitValue() == 0,
          "Debian ROS Python modules (genmsg, std_msgs, ...) not usable: skipping ("
              + new String(stderr, StandardCharsets.UTF_8).strip()
              + ")");
      output = new String(stdout, StandardCharsets.UTF_8);
    } catch (IOException e) {
      org.junit.jupiter.api.Assumptions.assumeTrue(
          false, "python3 not available: skipping (" + e.getMessage() + ")");
      return;
    }
    python = parseJson(output);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, String>> parseJson(String json) {
    Object parsed = new org.yaml.snakeyaml.Yaml().load(json);
    Map<String, Map<String, String>> out = new HashMap<>();
    ((Map<String, Object>) parsed).forEach((k, v) -> out.put(k, (Map<String, String>) v));
    return out;
  }

  @Test
  void everyMessageMd5AndDefinitionMatchesPython() {
    int compared = 0;
    List<String> missing = new ArrayList<>();
    for (MessageType<?> t : AllMessageTypes.ALL) {
      Map<String, String> py = python.get(t.name());
      if (py == null) {
        continue; // service halves are compared through their services
      }
      if (py.containsKey("missing")) {
        missing.add(t.name());
        continue;
      }
      assertEquals(py.get("md5"), t.md5(), t.name() + " md5");
      assertEquals(py.get("def"), t.definition(), t.name() + " message_definition");
      compared++;
    }
    if (!missing.isEmpty()) {
      System.out.println("PythonMd5InteropTest: no Python module installed for " + missing);
    }
    assertTrue(compared >= 20, "compared " + compared + " types; missing " + missing);
  }

  @Test
  void everyServiceMd5MatchesPython() {
    for (ServiceType<?, ?> s : SERVICES) {
      Map<String, String> py = python.get(s.name());
      assertEquals(py.get("md5"), s.md5(), s.name());
    }
  }
}
