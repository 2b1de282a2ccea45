package org.latentmpc.controllers.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.controllers.ControlMode;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.MessageListener;
import org.latentmpc.ros.ParameterTree;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.Subscriber;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.msgs.rosgraph_msgs.Clock;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.slf4j.Logger;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Forward mode with the ROS node mocked at its seam (ConnectedNode, publishers, subscribers, the
 * parameter tree and the logger): the node runs on sim time driven by the test, so every cycle is
 * deterministic, and what it forwards to the "driver" topics is checked value by value.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ControllerNodeRuntimeForwardTest {
  private static final long MS = 1_000_000L;
  private static final Path CONFIGS = Path.of("..", "sim-configs", "controllers");

  private final ConnectedNode node = mock(ConnectedNode.class);
  private final ParameterTree params = mock(ParameterTree.class);
  private final Logger log = mock(Logger.class);
  private final Map<String, MessageListener<?>> listeners = new ConcurrentHashMap<>();
  private final Map<String, List<double[]>> published = new ConcurrentHashMap<>();
  private ControllerNodeRuntime runtime;
  private long timeNanos = 5_000 * MS;
  private long periodNanos = MS;
  private volatile JointState jointState;
  private volatile boolean sensorsAlive = true;

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void wire(String yamlFile) throws Exception {
    Map<?, ?> yaml =
        new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(Files.readString(CONFIGS.resolve(yamlFile)));
    when(node.getLog()).thenReturn(log);
    when(node.getParameterTree()).thenReturn(params);
    when(node.resolveName(anyString())).thenAnswer(inv -> "/" + inv.getArgument(0));
    when(params.getString(anyString(), anyString())).thenAnswer(inv -> inv.getArgument(1));
    when(params.getDouble(anyString(), anyDouble())).thenAnswer(inv -> inv.getArgument(1));
    when(params.getBoolean(eq("/use_sim_time"), anyBoolean())).thenReturn(true);
    when(params.has("/arm_controller")).thenReturn(true);
    when(params.getMap("/arm_controller")).thenReturn((Map) yaml.get("arm_controller"));
    when(node.newSubscriber(anyString(), any()))
        .thenAnswer(
            inv -> {
              String topic = inv.getArgument(0);
              Subscriber sub = mock(Subscriber.class);
              org.mockito.Mockito.doAnswer(
                      a -> {
                        listeners.put(topic, a.getArgument(0));
                        return null;
                      })
                  .when(sub)
                  .addMessageListener(any());
              org.mockito.Mockito.doAnswer(
                      a -> {
                        listeners.put(topic, a.getArgument(0));
                        return null;
                      })
                  .when(sub)
                  .addMessageListener(any(), org.mockito.ArgumentMatchers.anyInt());
              return sub;
            });
    when(node.newPublisher(anyString(), any()))
        .thenAnswer(
            inv -> {
              String topic = inv.getArgument(0);
              List<double[]> sink =
                  published.computeIfAbsent(topic, k -> new CopyOnWriteArrayList<>());
              Publisher pub = mock(Publisher.class);
              org.mockito.Mockito.doAnswer(
                      a -> {
                        Object m = a.getArgument(0);
                        if (m instanceof Float64MultiArray f) {
                          sink.add(f.getData().clone());
                        }
                        return null;
                      })
                  .when(pub)
                  .publish(any());
              return pub;
            });
  }

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.stop();
    }
  }

  @SuppressWarnings("unchecked")
  private <T extends org.latentmpc.ros.Message> void deliver(String topic, T message) {
    ((MessageListener<T>) listeners.get(topic)).onNewMessage(message);
  }

  /** Advances sim time by one period per cycle and waits until the loop has published. */
  private void cycles(String topic, int k) throws InterruptedException {
    for (int i = 0; i < k; i++) {
      int before = published.getOrDefault(topic, List.of()).size();
      if (sensorsAlive && jointState != null) {
        deliver("/joint_states", jointState); // the driver keeps streaming its state
      }
      timeNanos += periodNanos;
      deliver("/clock", new Clock().setClock(Time.fromNanos(timeNanos)));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (published.getOrDefault(topic, List.of()).size() == before) {
        assertTrue(
            System.nanoTime() < deadline,
            "the loop did not publish on "
                + topic
                + " (loop running "
                + runtime.loop().isRunning()
                + ", "
                + runtime.loop().statistics()
                + ", time "
                + timeNanos
                + ", log "
                + org.mockito.Mockito.mockingDetails(log).getInvocations()
                + ")");
        Thread.sleep(0, 100_000);
      }
    }
  }

  private List<double[]> out(String topic) {
    return published.getOrDefault(topic, List.of());
  }

  @Test
  void pandaPositionCommandsAreRateLimitedAndForwarded() throws Exception {
    wire("franka_panda_forward.yaml");
    RobotModel panda =
        RobotModel.fromUrdfString(
            Files.readString(Path.of("..", "sim-configs", "robots", "arm7.urdf"))
                .replace("arm7_joint", "panda_joint"));
    runtime = new ControllerNodeRuntime(node, panda);
    runtime.start();
    deliver("/clock", new Clock().setClock(Time.fromNanos(timeNanos)));
    double[] q = {0, -0.3, 0, -2.0, 0, 1.6, 0.8};
    String[] names = panda.jointNames().toArray(new String[0]);
    jointState = new JointState().setName(names).setPosition(q).setVelocity(new double[7]);
    deliver("/joint_states", jointState);
    String positions = "/joint_group_position_controller/command";
    cycles(positions, 5);
    assertArrayEquals(q, out(positions).get(out(positions).size() - 1), 0.0); // holds where it is

    double[] target = q.clone();
    target[0] = 0.5;
    deliver("/arm_controller/group_command", new Float64MultiArray().setData(target));
    cycles(positions, 100);
    List<double[]> sent = out(positions);
    for (int k = sent.size() - 100; k < sent.size(); k++) {
      double step = Math.abs(sent.get(k)[0] - sent.get(k - 1)[0]);
      assertTrue(step <= 1.0875 * 1e-3 + 1e-12, "forwarded step " + step + " above the limit");
    }
    assertTrue(sent.get(sent.size() - 1)[0] > 0.02, "moving towards the target");

    double[] bad = target.clone();
    bad[5] = 5.0; // above joint 6's limit 3.7525
    deliver("/arm_controller/group_command", new Float64MultiArray().setData(bad));
    verify(log)
        .error(contains("command rejected"), eq("/arm_controller"), contains("panda_joint6"));
    for (int k = 0; k < 10; k++) {
      deliver("/arm_controller/group_command", new Float64MultiArray().setData(target.clone()));
      cycles(positions, 100); // a live stream of the good target (the watchdog stays quiet)
    }
    sent = out(positions);
    assertEquals(0.5, sent.get(sent.size() - 1)[0], 1e-12); // the last safe command was kept
    assertTrue(out("/joint_group_velocity_controller/command").isEmpty());

    // The driver stops streaming joint states: after 0.25 s the node sends nothing more.
    sensorsAlive = false;
    for (int k = 0; k < 400; k++) {
      timeNanos += periodNanos;
      deliver("/clock", new Clock().setClock(Time.fromNanos(timeNanos)));
      Thread.sleep(0, 200_000);
    }
    verify(log, org.mockito.Mockito.timeout(10_000))
        .error(contains("no joint state"), eq("/arm_controller"), any());
    int frozen = out(positions).size();
    Thread.sleep(200);
    assertEquals(frozen, out(positions).size());
    sensorsAlive = true;
    cycles(positions, 5); // states flow again: commands resume
    assertTrue(out("/joint_group_effort_controller/command").isEmpty());
  }

  @Test
  void urVelocityCommandsAreForwardedAndZeroedByTheWatchdog() throws Exception {
    wire("ur_eseries_forward.yaml");
    periodNanos = 2 * MS; // 500 Hz
    RobotModel ur =
        RobotModel.fromUrdfString(
            org.latentmpc.controllers.ControllerSettingsTestAccess.urLikeUrdf());
    runtime = new ControllerNodeRuntime(node, ur);
    runtime.start();
    deliver("/clock", new Clock().setClock(Time.fromNanos(timeNanos)));
    String[] names = ur.jointNames().toArray(new String[0]);
    jointState =
        new JointState().setName(names).setPosition(new double[6]).setVelocity(new double[6]);
    deliver("/joint_states", jointState);
    String velocities = "/joint_group_vel_controller/command";
    String positions = "/joint_group_position_controller/command";
    cycles(velocities, 2); // holding on a velocity interface: zero velocities
    assertArrayEquals(new double[6], out(velocities).get(out(velocities).size() - 1), 0.0);
    double[] v = {0.5, -0.5, 0.2, 0, 0, 0.9};
    deliver("/arm_controller/command", new Float64MultiArray().setData(v));
    cycles(velocities, 90); // acceleration limited (3 rad/s^2): full speed after 0.3 s (150 cycles)
    assertTrue(out(velocities).get(out(velocities).size() - 1)[5] < 0.9, "still accelerating");
    deliver("/arm_controller/command", new Float64MultiArray().setData(v.clone()));
    cycles(velocities, 90);
    assertArrayEquals(v, out(velocities).get(out(velocities).size() - 1), 1e-12);
    assertEquals(ControlMode.VELOCITY, runtime.controller().mode());
    deliver(
        "/arm_controller/command",
        new Float64MultiArray().setData(new double[] {9, 0, 0, 0, 0, 0}));
    verify(log, atLeastOnce()).error(contains("command rejected"), eq("/arm_controller"), any());
    // No command for the 0.2 s watchdog: the forwarded velocities ramp down to zero.
    cycles(velocities, 350);
    assertTrue(runtime.controller().watchdogTripped());
    assertArrayEquals(new double[6], out(velocities).get(out(velocities).size() - 1), 0.0);
    verify(log, never()).error(contains("ignoring joint state"), any(), any(), any());
    // The e-stop on a velocity interface commands zero velocity, even mid-motion.
    deliver("/arm_controller/command", new Float64MultiArray().setData(v.clone()));
    cycles(velocities, 80); // 0.16 s, inside the 0.2 s watchdog: ramping up at 3 rad/s^2
    assertTrue(out(velocities).get(out(velocities).size() - 1)[5] > 0.4, "moving again");
    deliver("/emergency_stop", new org.latentmpc.ros.msgs.std_msgs.Bool().setData(true));
    cycles(velocities, 2);
    assertEquals(ControlMode.EMERGENCY_STOP, runtime.controller().mode());
    assertArrayEquals(new double[6], out(velocities).get(out(velocities).size() - 1), 0.0);
    assertTrue(out(positions).isEmpty(), "nothing sent to a position interface the driver lacks");
  }
}
