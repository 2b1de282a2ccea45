package org.latentmpc.controllers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMain;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.sim.SimWorld;
import org.latentmpc.sim.WorldOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The controllers node (arm7_sim.yaml, type trajectory, effort output) on the embedded master (or a
 * given one) over real TCPROS, driving the simulated arm7 that a harness node steps at about 1 kHz
 * in real time (publishing /joint_states, applying /sim/effort_command).
 */
final class SimArmHarness implements AutoCloseable {
  static final long TIMEOUT_MS = 30_000;
  static final double[] START = {0, -0.3, 0, -2.0, 0, 1.6, 0.8};

  final RobotModel arm7 = TestRobots.arm7();
  final String masterUri;
  private final EmbeddedMaster master;
  final ConnectedNode harness;
  final ControllerNode controllerNode;
  private final NodeMainExecutor controllerExecutor;
  private final NodeMainExecutor harnessExecutor;
  private final SimWorld sim;
  private final Thread simThread;
  private volatile boolean simRunning = true;
  private final AtomicReference<double[]> lastEffort = new AtomicReference<>();

  /** On a fresh embedded master. */
  SimArmHarness() throws Exception {
    this(null);
  }

  /** On the master at {@code externalMasterUri} (a real roscore), or an embedded one if null. */
  SimArmHarness(String externalMasterUri) throws Exception {
    master = externalMasterUri == null ? EmbeddedMaster.start("127.0.0.1", 0) : null;
    masterUri = master != null ? master.uri() : externalMasterUri;
    NodeConfiguration config = NodeConfiguration.builder().masterUri(URI.create(masterUri)).build();
    controllerExecutor = NodeMainExecutor.newDefault();
    harnessExecutor = NodeMainExecutor.newDefault();
    harness = harnessExecutor.execute(idle("harness"), config);
    Map<?, ?> yaml =
        new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(Files.readString(Path.of("..", "sim-configs", "controllers", "arm7_sim.yaml")));
    harness.getParameterTree().set("/arm_controller", yaml.get("arm_controller"));
    sim = SimWorld.create(arm7, WorldOptions.defaults());
    sim.setPositions(START);
    Publisher<JointState> jsPub = harness.newPublisher("/joint_states", JointState.TYPE);
    harness
        .newSubscriber("/sim/effort_command", Float64MultiArray.TYPE)
        .addMessageListener(m -> lastEffort.set(m.getData().clone()));
    String[] names = arm7.jointNames().toArray(new String[0]);
    simThread = new Thread(() -> runSim(jsPub, names), "test-sim");
    simThread.setDaemon(true);
    simThread.start();
    controllerNode = new ControllerNode(arm7);
    controllerExecutor.execute(controllerNode, config);
    if (!eventually(() -> lastEffort.get() != null)) {
      close();
      throw new IllegalStateException("the controller publishes no efforts");
    }
  }

  private void runSim(Publisher<JointState> jsPub, String[] names) {
    long next = System.nanoTime();
    while (simRunning) {
      double[] e = lastEffort.get();
      if (e != null) {
        sim.setEffortCommand(e); // the brakes stay on until the controller's first effort
        synchronized (sim) {
          sim.step();
        }
      }
      double[] p = new double[7];
      double[] v = new double[7];
      synchronized (sim) {
        sim.getPositions(p);
        sim.getVelocities(v);
      }
      jsPub.publish(new JointState().setName(names).setPosition(p).setVelocity(v));
      next += 1_000_000L;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      } else if (wait < -50_000_000L) {
        next = System.nanoTime(); // fell far behind (loaded machine): do not burst
      }
    }
  }

  private static NodeMain idle(String name) {
    return new NodeMain() {
      @Override
      public String getDefaultNodeName() {
        return name;
      }

      @Override
      public void onStart(ConnectedNode node) {}
    };
  }

  static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(10);
    }
    return condition.getAsBoolean();
  }

  /** The simulated joint positions (rad). */
  double[] positions() {
    double[] p = new double[7];
    synchronized (sim) {
      sim.getPositions(p);
    }
    return p;
  }

  /** The largest |position - target| over the joints (rad). */
  double maxError(double[] target) {
    double[] p = positions();
    double worst = 0;
    for (int j = 0; j < 7; j++) {
      worst = Math.max(worst, Math.abs(p[j] - target[j]));
    }
    return worst;
  }

  /** Stops publishing joint states (the plant "disappears"); the simulation stops too. */
  void stopSim() throws InterruptedException {
    simRunning = false;
    simThread.join(5000);
  }

  @Override
  public void close() throws Exception {
    stopSim();
    controllerExecutor.shutdown();
    harnessExecutor.shutdown();
    if (master != null) {
      master.close();
    }
  }
}
