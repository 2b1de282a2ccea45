package org.latentmpc.ros.msgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.latentmpc.ros.DynamicMessage;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.MessageSpecs;

/**
 * Decodes random messages of every standard type with Debian's genpy and prints them with
 * strify_message (what {@code rostopic echo} prints), and compares with {@link
 * DynamicMessage#toYaml()}.
 */
@Tag("interop")
class PythonEchoInteropTest {
  private static final long SEED = 777L;
  private static final int SAMPLES_PER_TYPE = 15;
  private static final long PYTHON_TIMEOUT_S = 120;
  private static final String SCRIPT =
      String.join(
          "\n",
          "import sys, json, importlib",
          "from genpy.message import strify_message",
          "out = []",
          "for line in sys.stdin:",
          "    name, hexbytes = (line.split() + [''])[:2]",
          "    pkg, t = name.split('/')",
          "    try:",
          "        cls = getattr(importlib.import_module(pkg + '.msg'), t)",
          "    except (ImportError, AttributeError):",
          "        try:",
          "            cls = getattr(importlib.import_module(pkg + '.srv'), t)",
          "        except ImportError:",
          "            out.append(None)  # this message package is not installed",
          "            continue",
          "    m = cls().deserialize(bytes.fromhex(hexbytes))",
          "    out.append(strify_message(m))",
          "print(json.dumps(out))");

  @Test
  void toYamlEqualsGenpyStrifyMessage() throws Exception {
    List<String> names = new ArrayList<>();
    List<String> ours = new ArrayList<>();
    StringBuilder input = new StringBuilder();
    for (MessageType<?> type : AllMessageTypes.ALL) {
      if (type.name().startsWith("latent_mpc_msgs/")) {
        continue; // no Python module for the project's own messages
      }
      MessageType<DynamicMessage> dyn = DynamicMessage.type(type.name());
      RandomWire wire = new RandomWire(SEED ^ type.name().hashCode(), MessageSpecs.classpath());
      for (int i = 0; i < SAMPLES_PER_TYPE; i++) {
        byte[] bytes = wire.message(type.name());
        DynamicMessage d = dyn.newMessage();
        d.deserialize(MessageCodecTest.le(bytes));
        names.add(type.name());
        ours.add(d.toYaml());
        input.append(type.name()).append(' ').append(HexFormat.of().formatHex(bytes));
        input.append('\n');
      }
    }
    String exe = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    Process p;
    try {
      p = new ProcessBuilder(exe, "-c", SCRIPT).start();
    } catch (IOException e) {
      Assumptions.assumeTrue(false, "python3 not available: skipping (" + e.getMessage() + ")");
      return;
    }
    CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(p, false));
    CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(p, true));
    try (OutputStream in = p.getOutputStream()) {
      in.write(input.toString().getBytes(StandardCharsets.UTF_8));
    }
    boolean done = p.waitFor(PYTHON_TIMEOUT_S, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String err = new String(stderr.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    Assumptions.assumeFalse(
        err.contains("ModuleNotFoundError"),
        "Debian ROS Python modules (genpy) not installed: skipping (" + err.strip() + ")");
    assertTrue(done && p.exitValue() == 0, "python failed: " + err);
    @SuppressWarnings("unchecked")
    List<String> theirs =
        (List<String>)
            new org.yaml.snakeyaml.Yaml()
                .load(new String(stdout.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
    assertEquals(ours.size(), theirs.size());
    int compared = 0;
    for (int i = 0; i < ours.size(); i++) {
      if (theirs.get(i) != null) {
        assertEquals(theirs.get(i), ours.get(i), names.get(i) + " sample " + i);
        compared++;
      }
    }
    assertTrue(compared > 200, "compared " + compared + " messages");
  }

  private static byte[] readAll(Process p, boolean err) {
    try {
      return (err ? p.getErrorStream() : p.getInputStream()).readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
