package org.latentmpc.ros.internal.xmlrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Python's xmlrpc (what rospy, rostopic and roscore use) against our client and server. */
@Tag("interop")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class XmlRpcPythonInteropTest {
  private static final String PYTHON = "/usr/bin/python3";

  private static void assumePython() {
    Assumptions.assumeTrue(
        new File(PYTHON).canExecute(), "no " + PYTHON + ": skipping Python XML-RPC interop");
  }

  @Test
  void pythonClientCallsOurServer() throws Exception {
    assumePython();
    try (XmlRpcServer server =
        XmlRpcServer.start(
            "127.0.0.1",
            0,
            (method, params) ->
                switch (method) {
                  case "echo" -> params;
                  default -> throw XmlRpcHandler.noSuchMethod(method);
                })) {
      String script =
          String.join(
              "\n",
              "import sys, xmlrpc.client",
              "p = xmlrpc.client.ServerProxy(sys.argv[1])",
              "r = p.echo(1, True, 2.5, 'x<&>', xmlrpc.client.Binary(b'\\x00\\x01'), [1, [2]],"
                  + " {'a': {'b': 'c'}})",
              "assert r == [1, True, 2.5, 'x<&>', xmlrpc.client.Binary(b'\\x00\\x01'), [1, [2]],"
                  + " {'a': {'b': 'c'}}], r",
              "for i in range(3): assert p.echo(i) == [i]",
              "mc = xmlrpc.client.MultiCall(p)",
              "mc.echo('a')",
              "mc.nope()",
              "results = mc()",
              "assert results[0] == ['a'], results[0]",
              "try:",
              "    results[1]",
              "    print('NO MULTICALL FAULT')",
              "except xmlrpc.client.Fault as f:",
              "    print('MULTICALL FAULT', f.faultString)",
              "try:",
              "    p.nope()",
              "    print('NO FAULT')",
              "except xmlrpc.client.Fault as f:",
              "    print('FAULT', f.faultString)",
              "print('OK')");
      String out = runPython(script, server.uri());
      assertTrue(out.contains("FAULT") && out.contains("nope"), out);
      assertTrue(out.contains("MULTICALL FAULT") && !out.contains("NO "), out);
      assertTrue(out.contains("OK"), out);
    }
  }

  @Test
  void ourClientCallsPythonServer() throws Exception {
    assumePython();
    String script =
        String.join(
            "\n",
            "import sys",
            "from xmlrpc.server import SimpleXMLRPCServer",
            "from xmlrpc.client import Binary",
            "s = SimpleXMLRPCServer(('127.0.0.1', 0), logRequests=False, allow_none=False)",
            "s.register_function(lambda *a: list(a), 'echo')",
            "s.register_function(lambda: [1, 'ok', {'b': Binary(b'\\x01\\x02'), 'f': 1e-05,"
                + " 'big': float('inf')}], 'sample')",
            "print(s.server_address[1], flush=True)",
            "s.serve_forever()");
    Process p = new ProcessBuilder(PYTHON, "-c", script).redirectErrorStream(true).start();
    try {
      BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String port = r.readLine();
      XmlRpcClient client = XmlRpcClient.of("http://127.0.0.1:" + port.trim() + "/");
      Map<String, Object> struct = Map.of("k", List.of(1, 2.5, "s", false));
      assertEquals(List.of("a", 3, struct), client.call("echo", "a", 3, struct));
      List<?> sample = (List<?>) client.call("sample");
      assertEquals(1, sample.get(0));
      Map<?, ?> m = (Map<?, ?>) sample.get(2);
      assertArrayEquals(new byte[] {1, 2}, (byte[]) m.get("b"));
      assertEquals(1e-05, m.get("f"));
      assertEquals(Double.POSITIVE_INFINITY, m.get("big"));
      XmlRpcFault f =
          org.junit.jupiter.api.Assertions.assertThrows(XmlRpcFault.class, () -> client.call("x"));
      assertTrue(f.faultString().contains("not supported"), f.faultString());
    } finally {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String runPython(String script, String arg)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(PYTHON, "-c", script, arg).redirectErrorStream(true).start();
    try {
      boolean done = p.waitFor(60, TimeUnit.SECONDS);
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(done, "python did not finish: " + out);
      assertEquals(0, p.exitValue(), out);
      return out;
    } finally {
      p.destroyForcibly();
    }
  }
}
