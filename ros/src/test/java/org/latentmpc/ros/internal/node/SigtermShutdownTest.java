package org.latentmpc.ros.internal.node;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.internal.master.MasterClient;
import org.latentmpc.ros.internal.master.SystemState;

/** A node process that receives SIGTERM unregisters everything from the master before it exits. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SigtermShutdownTest {
  @Test
  void sigtermUnregistersTheNode() throws Exception {
    try (EmbeddedMaster master = EmbeddedMaster.start("127.0.0.1", 0)) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  SigtermFixture.class.getName(),
                  master.uri())
              .redirectErrorStream(true)
              .start();
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
          // startup logging
        }
        MasterClient client = new MasterClient(URI.create(master.uri()), "/test");
        assertTrue(registered(client.getSystemState()), "fixture registered");
        process.destroy(); // SIGTERM
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process exits on SIGTERM");
        SystemState state = client.getSystemState();
        assertFalse(registered(state), "nothing of the fixture left at the master: " + state);
      } finally {
        process.destroyForcibly();
      }
    }
  }

  private static boolean registered(SystemState state) {
    return state.publishers().getOrDefault("/fixture_out", List.of()).contains("/sigterm_fixture")
        || state.subscribers().getOrDefault("/fixture_in", List.of()).contains("/sigterm_fixture");
  }
}
