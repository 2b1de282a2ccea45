package org.latentmpc.launch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.ros.internal.master.MasterClient;
import org.latentmpc.ros.internal.slave.SlaveClient;
import picocli.CommandLine;

/** {@code launch FILE}: a real master started by the command, real nodes, clean shutdown. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LaunchCommandTest {
  private static final Path CONFIGS = Path.of("../sim-configs").toAbsolutePath().normalize();
  private static final long WAIT_S = 60;

  @TempDir Path dir;

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static CompletableFuture<Integer> launch(String masterUri, String... fileAndArgs) {
    String[] all = new String[fileAndArgs.length + 4];
    all[0] = "--master-uri";
    all[1] = masterUri;
    all[2] = "--find-root";
    all[3] = CONFIGS.toString();
    System.arraycopy(fileAndArgs, 0, all, 4, fileAndArgs.length);
    return CompletableFuture.supplyAsync(() -> new CommandLine(new LaunchCommand()).execute(all));
  }

  private static <T> T await(String what, Supplier<T> probe) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (System.nanoTime() < deadline) {
      try {
        T value = probe.get();
        if (value != null) {
          return value;
        }
      } catch (RuntimeException notYet) {
        // master or node not up yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  @Test
  void simControllersLaunchPublishesAndShutsDownWhenTheRequiredSimEnds() throws Exception {
    String uri = "http://127.0.0.1:" + freePort() + "/";
    CompletableFuture<Integer> exit =
        launch(
            uri,
            CONFIGS.resolve("launch/sim_controllers.launch").toString(),
            "mode:=fast",
            "camera_rate:=0");
    MasterClient client = new MasterClient(URI.create(uri), "/test");
    await(
        "/joint_states and /arm_controller/state publishers",
        () -> {
          var publishers = client.getSystemState().publishers();
          return publishers.containsKey("/joint_states")
                  && publishers.containsKey("/arm_controller/state")
              ? Boolean.TRUE
              : null;
        });
    assertEquals(0.0, ((Number) client.getParam("/sim/camera_rate")).doubleValue());
    String simUri = client.lookupNode("/sim");
    new SlaveClient(simUri).shutdown("/test", "test over");
    assertEquals(0, exit.get(WAIT_S, TimeUnit.SECONDS));
    assertThrows(RuntimeException.class, client::getUri, "the command's master is closed");
  }

  @Test
  void aRespawnNodeIsRestartedAfterItsDelay() throws Exception {
    Path file = dir.resolve("respawn.launch");
    Files.writeString(
        file,
        String.join(
            "\n",
            "<launch>",
            "  <param name='/global_flag' type='bool' value='true'/>",
            "  <node pkg='latent_mpc' type='sim' name='anchor' required='true'>",
            "    <param name='scene' value='$(find latent_mpc)/scenes/reacher2.yaml'/>",
            "    <param name='mode' value='fast'/>",
            "    <param name='camera_rate' value='0'/>",
            "  </node>",
            "  <group ns='again'>",
            "    <node pkg='latent_mpc' type='sim' name='sim' respawn='true' respawn_delay='0.2'>",
            "      <param name='scene' value='$(find latent_mpc)/scenes/reacher2.yaml'/>",
            "      <param name='mode' value='fast'/>",
            "      <param name='camera_rate' value='0'/>",
            "    </node>",
            "  </group>",
            "</launch>"));
    String uri = "http://127.0.0.1:" + freePort() + "/";
    CompletableFuture<Integer> exit = launch(uri, file.toString());
    MasterClient client = new MasterClient(URI.create(uri), "/test");
    String first = await("/again/sim", () -> client.lookupNode("/again/sim"));
    assertEquals(true, client.getParam("/global_flag"));
    new SlaveClient(first).shutdown("/test", "respawn me");
    String second =
        await(
            "/again/sim respawned",
            () -> {
              String now = client.lookupNode("/again/sim");
              return now.equals(first) ? null : now;
            });
    assertNotNull(second);
    assertNotEquals(first, second);
    new SlaveClient(client.lookupNode("/anchor")).shutdown("/test", "test over");
    assertEquals(0, exit.get(WAIT_S, TimeUnit.SECONDS));
  }

  @Test
  void badFilesAndArgumentsEndWithAnError() throws Exception {
    String uri = "http://127.0.0.1:" + freePort() + "/";
    assertEquals(
        1,
        new CommandLine(new LaunchCommand())
            .execute("--master-uri", uri, dir.resolve("missing.launch").toString()));
    assertEquals(
        2,
        new CommandLine(new LaunchCommand())
            .execute(
                "--master-uri",
                uri,
                CONFIGS.resolve("launch/sim_controllers.launch").toString(),
                "mode=fast"));
  }
}
