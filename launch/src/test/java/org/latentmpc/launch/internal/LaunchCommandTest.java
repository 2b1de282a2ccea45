package org.latentmpc.launch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.internal.master.MasterClient;
import org.latentmpc.ros.internal.slave.SlaveClient;
import org.latentmpc.ros.msgs.rosgraph_msgs.Clock;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import picocli.CommandLine;

/** {@code launch FILE}: a real master started by the command, real nodes, clean shutdown. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LaunchCommandTest {
  private static final Path CONFIGS = Path.of("../sim-configs").toAbsolutePath().normalize();
  private static final long WAIT_S = 60;

  /** How far gravity-compensated position control may let arm7 sag from its initial pose. */
  private static final double HOLD_TOLERANCE_RAD = 0.05;

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
  void lockstepSimAndControllersFollowSimTimeAndHoldTheArm() throws Exception {
    String uri = "http://127.0.0.1:" + freePort() + "/";
    CompletableFuture<Integer> exit =
        launch(
            uri,
            CONFIGS.resolve("launch/sim_controllers.launch").toString(),
            "mode:=lockstep",
            "camera_rate:=0");
    MasterClient client = new MasterClient(URI.create(uri), "/test");
    await("/sim", () -> client.lookupNode("/sim"));
    assertEquals(true, client.getParam("/use_sim_time"));
    AtomicReference<JointState> last = new AtomicReference<>();
    AtomicLong clockNanos = new AtomicLong();
    try (NodeMainExecutor executor = NodeMainExecutor.newDefault()) {
      executor.execute(
          new NodeMain() {
            @Override
            public String getDefaultNodeName() {
              return "probe";
            }

            @Override
            public void onStart(ConnectedNode node) {
              node.newSubscriber("/joint_states", JointState.TYPE).addMessageListener(last::set);
              node.newSubscriber("/clock", Clock.TYPE)
                  .addMessageListener(c -> clockNanos.set(c.getClock().toNanos()));
            }
          },
          NodeConfiguration.builder().masterUri(URI.create(uri)).build());
      // The simulator only steps when the controllers answer each joint state with a command, so
      // sim time passing 2 s means the lock-step loop is closed.
      JointState state =
          await(
              "2 s of lock-step sim time",
              () -> {
                JointState js = last.get();
                return js != null && js.getHeader().getStamp().toNanos() > 2_000_000_000L
                    ? js
                    : null;
              });
      assertTrue(clockNanos.get() > 0, "/clock is published");
      double[] initial = {0.0, -0.785, 0.0, -2.356, 0.0, 1.571, 0.785};
      for (int j = 0; j < initial.length; j++) {
        assertEquals(
            initial[j], state.getPosition()[j], HOLD_TOLERANCE_RAD, "joint " + j + " holds");
      }
    }
    new SlaveClient(client.lookupNode("/sim")).shutdown("/test", "test over");
    assertEquals(0, exit.get(WAIT_S, TimeUnit.SECONDS));
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
  void processesRunEachNodeInItsOwnJvmWithRespawnRequiredAndPrefixedOutput() throws Exception {
    Path file = dir.resolve("two.launch");
    Files.writeString(
        file,
        String.join(
            "\n",
            "<launch>",
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
            "      <remap from='/joint_states' to='/again/joint_states'/>",
            "    </node>",
            "  </group>",
            "</launch>"));
    String uri = "http://127.0.0.1:" + freePort() + "/";
    java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
    java.io.PrintStream log = new java.io.PrintStream(output, true, "UTF-8");
    LaunchCommand command = new LaunchCommand();
    command.log = log;
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                new CommandLine(command)
                    .execute(
                        "--processes",
                        "--master-uri",
                        uri,
                        "--find-root",
                        CONFIGS.toString(),
                        file.toString()));
    MasterClient client = new MasterClient(URI.create(uri), "/test");
    String anchorUri = await("/anchor", () -> client.lookupNode("/anchor"));
    String first = await("/again/sim", () -> client.lookupNode("/again/sim"));
    int anchorPid = new SlaveClient(anchorUri).getPid("/test");
    int firstPid = new SlaveClient(first).getPid("/test");
    assertNotEquals(anchorPid, firstPid, "one JVM per node");
    assertNotEquals(ProcessHandle.current().pid(), (long) anchorPid);
    assertEquals(
        "/again/joint_states",
        await(
            "the remapped topic",
            () ->
                client.getSystemState().publishers().containsKey("/again/joint_states")
                    ? "/again/joint_states"
                    : null));
    new SlaveClient(first).shutdown("/test", "respawn me");
    String second =
        await(
            "/again/sim respawned",
            () -> {
              String now = client.lookupNode("/again/sim");
              return now.equals(first) ? null : now;
            });
    int secondPid = new SlaveClient(second).getPid("/test");
    assertNotEquals(firstPid, secondPid, "respawned as a new process");
    new SlaveClient(anchorUri).shutdown("/test", "test over");
    assertEquals(0, exit.get(WAIT_S, TimeUnit.SECONDS));
    for (int pid : new int[] {anchorPid, firstPid, secondPid}) {
      assertTrue(
          ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true),
          "child " + pid + " is gone after the required node ended");
    }
    String text = output.toString("UTF-8");
    assertTrue(text.contains("[/anchor] "), text);
    assertTrue(text.contains("[/again/sim] "), text);
  }

  @Test
  void sigtermToTheLauncherStopsEveryChildProcess() throws Exception {
    Path file = dir.resolve("pair.launch");
    Files.writeString(
        file,
        String.join(
            "\n",
            "<launch>",
            "  <node pkg='latent_mpc' type='sim' name='one'>",
            "    <param name='scene' value='$(find latent_mpc)/scenes/reacher2.yaml'/>",
            "    <param name='mode' value='realtime'/>",
            "    <param name='camera_rate' value='0'/>",
            "  </node>",
            "  <node pkg='latent_mpc' type='sim' name='two'>",
            "    <param name='scene' value='$(find latent_mpc)/scenes/reacher2.yaml'/>",
            "    <param name='mode' value='realtime'/>",
            "    <param name='camera_rate' value='0'/>",
            "    <remap from='/joint_states' to='/two/joint_states'/>",
            "  </node>",
            "</launch>"));
    String uri = "http://127.0.0.1:" + freePort() + "/";
    Process launcher =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                org.latentmpc.launch.LatentMpc.class.getName(),
                "launch",
                "--processes",
                "--master-uri",
                uri,
                "--find-root",
                CONFIGS.toString(),
                file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("launcher.log").toFile())
            .start();
    java.util.List<Integer> pids = new java.util.ArrayList<>();
    try {
      MasterClient client = new MasterClient(URI.create(uri), "/test");
      for (String name : new String[] {"/one", "/two"}) {
        String nodeUri = await(name, () -> client.lookupNode(name));
        pids.add(new SlaveClient(nodeUri).getPid("/test"));
      }
      launcher.destroy(); // SIGTERM, as `kill` or a service manager sends
      assertTrue(launcher.waitFor(WAIT_S, TimeUnit.SECONDS), "the launcher exits on SIGTERM");
      for (int pid : pids) {
        await(
            "child " + pid + " gone",
            () -> ProcessHandle.of(pid).map(h -> h.isAlive() ? null : true).orElse(true));
      }
    } finally {
      launcher.destroyForcibly();
      for (int pid : pids) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
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
