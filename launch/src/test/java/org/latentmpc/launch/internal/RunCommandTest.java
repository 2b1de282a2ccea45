package org.latentmpc.launch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.launch.NodeRegistry;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.internal.master.MasterClient;
import org.latentmpc.ros.internal.slave.SlaveClient;
import picocli.CommandLine;

/**
 * {@code run TYPE}: the registry, a failed start, and a node that runs until rosnode-style
 * shutdown.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunCommandTest {
  @Test
  void unknownTypeNamesTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NodeRegistry.create("simulator"));
    assertTrue(
        e.getMessage().contains("sim") && e.getMessage().contains("planner"), e.getMessage());
    assertEquals(
        List.of("sim", "controllers", "perception", "world_model", "planner", "record"),
        List.copyOf(NodeRegistry.types()));
  }

  @Test
  void aNodeThatFailsToStartEndsWithExitCode1() throws Exception {
    try (EmbeddedMaster master = EmbeddedMaster.start("127.0.0.1", 0)) {
      int exit = new CommandLine(new RunCommand()).execute("sim", "__master:=" + master.uri());
      assertEquals(1, exit, "the sim without ~scene fails to start");
    }
  }

  @Test
  void runsUntilTheNodeIsShutDown() throws Exception {
    try (EmbeddedMaster master = EmbeddedMaster.start("127.0.0.1", 0)) {
      CompletableFuture<Integer> exit =
          CompletableFuture.supplyAsync(
              () ->
                  new CommandLine(new RunCommand())
                      .execute(
                          "sim",
                          "__master:=" + master.uri(),
                          "__name:=sim_under_test",
                          "_scene:=../sim-configs/scenes/reacher2.yaml",
                          "_mode:=fast",
                          "_camera_rate:=0"));
      MasterClient client = new MasterClient(URI.create(master.uri()), "/test");
      String uri = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (uri == null && System.nanoTime() < deadline) {
        try {
          if (client.getSystemState().publishers().containsKey("/joint_states")) {
            uri = client.lookupNode("/sim_under_test");
          }
        } catch (RuntimeException notYet) {
          // not registered yet
        }
        Thread.sleep(50);
      }
      assertTrue(uri != null, "the sim node registered and publishes /joint_states");
      new SlaveClient(uri).shutdown("/test", "test over");
      assertEquals(0, exit.get(60, TimeUnit.SECONDS));
    }
  }
}
