package org.latentmpc.ros.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.internal.master.MasterClient;
import picocli.CommandLine;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MasterAndParamCommandTest {
  /** A command run: exit code, stdout, stderr. */
  record Run(int code, String out, String err) {}

  static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Runs ParamCommand and the given tests against a master URI (shared with the interop test). */
  static void paramCommandContract(String masterUri) {
    String m = "--master=" + masterUri;
    assertEquals(0, run(new ParamCommand(), m, "set", "/pc/rate", "2.5").code());
    assertEquals(
        0, run(new ParamCommand(), m, "set", "/pc/cfg", "{b: [1, 2], a: 'text', c: true}").code());
    MasterClient c = new MasterClient(URI.create(masterUri), "/check");
    assertEquals(2.5, c.getParam("/pc/rate"));
    assertEquals(Map.of("a", "text", "b", List.of(1, 2), "c", true), c.getParam("/pc/cfg"));

    assertEquals("2.5\n", run(new ParamCommand(), m, "get", "/pc/rate").out());
    assertEquals(
        "a: text\nb:\n- 1\n- 2\nc: true\n", run(new ParamCommand(), m, "get", "/pc/cfg").out());
    assertEquals(
        "/pc/cfg/a\n/pc/cfg/b\n/pc/cfg/c\n/pc/rate\n",
        run(new ParamCommand(), m, "list", "/pc").out());
    assertEquals(0, run(new ParamCommand(), m, "delete", "/pc/rate").code());
    Run missing = run(new ParamCommand(), m, "get", "/pc/rate");
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("Parameter [/pc/rate] is not set"), missing.err());
    Run badYaml = run(new ParamCommand(), m, "set", "/pc/x", "[unclosed");
    assertEquals(1, badYaml.code());
    assertTrue(badYaml.err().contains("value of /pc/x"), badYaml.err());
    assertTrue(!c.hasParam("/pc/x"), "a refused value changes nothing");
    Run badKey = run(new ParamCommand(), m, "get", "bad key");
    assertEquals(1, badKey.code());
    assertTrue(badKey.err().contains("'bad key'"), badKey.err());
  }

  @Test
  void paramCommandAgainstTheEmbeddedMaster() throws Exception {
    try (EmbeddedMaster master = EmbeddedMaster.start("127.0.0.1", 0)) {
      paramCommandContract(master.uri());
    }
    Run unreachable = run(new ParamCommand(), "--master=http://127.0.0.1:1/", "get", "/x");
    assertEquals(1, unreachable.code());
    Run badUri = run(new ParamCommand(), "--master=nope", "get", "/x");
    assertEquals(1, badUri.code());
    assertTrue(badUri.err().contains("--master"), badUri.err());
  }

  @Test
  void masterCommandRunsUntilStopped() throws Exception {
    MasterCommand command = new MasterCommand();
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(() -> cl.execute("--port", "0", "--host", "127.0.0.1"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (command.master() == null && System.nanoTime() < deadline && !exit.isDone()) {
      Thread.sleep(10);
    }
    EmbeddedMaster master = command.master();
    assertNotNull(master, "master did not start");
    MasterClient c = new MasterClient(URI.create(master.uri()), "/probe");
    assertEquals(master.uri(), c.getUri());
    // A second master on the same port fails with a clear message.
    Run clash = run(new MasterCommand(), "--port", Integer.toString(master.port()));
    assertEquals(1, clash.code());
    assertTrue(clash.err().contains("cannot bind"), clash.err());
    command.stop();
    assertEquals(0, exit.get(30, TimeUnit.SECONDS));
    assertTrue(out.toString().contains("ROS master running at " + master.uri()), out.toString());
    assertEquals(2, run(new MasterCommand(), "--port", "70000").code());
  }
}
