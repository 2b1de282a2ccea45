package org.latentmpc.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.controllers.msgs.JointTrajectoryControllerState;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.ServiceClient;
import org.latentmpc.ros.msgs.std_msgs.Bool;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.ros.msgs.std_srvs.Trigger;
import org.latentmpc.ros.msgs.std_srvs.TriggerRequest;
import org.latentmpc.ros.msgs.std_srvs.TriggerResponse;

/**
 * The controller node over real TCPROS on loopback, against the embedded master: a harness node in
 * another executor runs the simulator in (roughly) real time, publishes /joint_states and applies
 * the efforts the controller publishes on /sim/effort_command.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ControllerNodeTest {
  private static final long TIMEOUT_MS = SimArmHarness.TIMEOUT_MS;
  private static final double POSITION_TOLERANCE_RAD = 0.01;
  private static final double[] START = SimArmHarness.START;

  private SimArmHarness arm;
  private RobotModel arm7;
  private ConnectedNode harness;
  private ControllerNode controllerNode;

  private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    return SimArmHarness.eventually(condition);
  }

  @BeforeEach
  void start() throws Exception {
    arm = new SimArmHarness();
    arm7 = arm.arm7;
    harness = arm.harness;
    controllerNode = arm.controllerNode;
  }

  @AfterEach
  void stop() throws Exception {
    arm.close();
  }

  private double maxError(double[] target) {
    return arm.maxError(target);
  }

  private static Float64MultiArray array(double... v) {
    return new Float64MultiArray().setData(v);
  }

  @Test
  void groupCommandDrivesTheSimulatedArmToTheTargetAndStateIsPublished() throws Exception {
    BlockingQueue<JointTrajectoryControllerState> states = new ArrayBlockingQueue<>(1000);
    harness
        .newSubscriber("/arm_controller/state", JointTrajectoryControllerState.TYPE)
        .addMessageListener(states::offer);
    BlockingQueue<Float64MultiArray> stats = new ArrayBlockingQueue<>(100);
    harness
        .newSubscriber("/arm_controller/loop_statistics", Float64MultiArray.TYPE)
        .addMessageListener(stats::offer);
    Publisher<Float64MultiArray> cmd =
        harness.newPublisher("/arm_controller/group_command", Float64MultiArray.TYPE);
    double[] target = {0.6, 0.1, -0.4, -1.6, 0.5, 1.9, 0.2};
    assertTrue(eventually(() -> cmd.getNumberOfSubscribers() == 1));
    assertTrue(
        eventually(
            () -> {
              cmd.publish(array(target.clone()));
              return maxError(target) < POSITION_TOLERANCE_RAD;
            }),
        "arm reaches the target; error " + maxError(target));
    JointTrajectoryControllerState s = states.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    assertNotNull(s);
    assertEquals(arm7.jointNames(), java.util.List.of(s.getJointNames()));
    Float64MultiArray st = stats.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    assertNotNull(st);
    assertTrue(st.getData()[0] > 0, "cycles counted");
    assertEquals(1000.0, st.getData()[1], 1e-9); // nominal period (us)
    System.out.println("loop statistics over TCPROS: " + java.util.Arrays.toString(st.getData()));
    // Informational: what the node's loop thread allocates per cycle, ROS publishing included.
    Thread loopThread = null;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("controller-loop")) {
        loopThread = t;
      }
    }
    assertNotNull(loopThread);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long cycles0 = controllerNode.loopStatistics().cycles();
    long bytes0 = threads.getThreadAllocatedBytes(loopThread.getId());
    Thread.sleep(2000);
    long bytes = threads.getThreadAllocatedBytes(loopThread.getId()) - bytes0;
    long cycles = controllerNode.loopStatistics().cycles() - cycles0;
    System.out.printf(
        "node loop thread (effort publish over TCPROS + state at 50 Hz): %d bytes over %d cycles = %.1f"
            + " bytes/cycle%n",
        bytes, cycles, bytes / (double) Math.max(1, cycles));
  }

  @Test
  void badCommandsAreRejectedAndTheArmDoesNotMove() throws Exception {
    Publisher<Float64MultiArray> cmd =
        harness.newPublisher("/arm_controller/group_command", Float64MultiArray.TYPE);
    assertTrue(eventually(() -> cmd.getNumberOfSubscribers() == 1));
    JointController c = controllerNode.controller();
    double[] nan = START.clone();
    nan[2] = Double.NaN;
    double[] outOfRange = START.clone();
    outOfRange[3] = 1.0;
    cmd.publish(array(1, 2, 3)); // wrong length
    cmd.publish(array(nan));
    cmd.publish(array(outOfRange));
    assertTrue(
        eventually(() -> c.rejectedCommandCount() == 3), "rejected " + c.rejectedCommandCount());
    Thread.sleep(300);
    assertEquals(ControlMode.HOLD, c.mode());
    assertTrue(maxError(START) < POSITION_TOLERANCE_RAD, "moved " + maxError(START));
  }

  @Test
  void emergencyStopLatchesAndTheResetServiceReleasesIt() throws Exception {
    Publisher<Bool> estop = harness.newPublisher("/emergency_stop", Bool.TYPE);
    Publisher<Float64MultiArray> cmd =
        harness.newPublisher("/arm_controller/group_command", Float64MultiArray.TYPE);
    assertTrue(
        eventually(() -> estop.getNumberOfSubscribers() == 1 && cmd.getNumberOfSubscribers() == 1));
    JointController c = controllerNode.controller();
    estop.publish(new Bool().setData(true));
    assertTrue(eventually(() -> c.mode() == ControlMode.EMERGENCY_STOP));
    estop.publish(new Bool().setData(false)); // does not release the latch
    double[] target = START.clone();
    target[0] = 0.5;
    cmd.publish(array(target));
    assertTrue(eventually(() -> c.rejectedCommandCount() == 1));
    assertEquals(ControlMode.EMERGENCY_STOP, c.mode());
    assertTrue(maxError(START) < POSITION_TOLERANCE_RAD);

    ServiceClient<TriggerRequest, TriggerResponse> reset =
        harness.newServiceClient("/emergency_stop/reset", Trigger.TYPE, false);
    TriggerResponse r = reset.call(reset.newRequest());
    assertTrue(r.isSuccess(), r.getMessage());
    assertTrue(eventually(() -> c.mode() == ControlMode.HOLD));
    assertFalse(reset.call(reset.newRequest()).isSuccess());
    reset.close();
  }

  @Test
  void gainsChangeThroughTheParameterServer() throws Exception {
    JointController c = controllerNode.controller();
    assertEquals(600, c.positionGains("arm7_joint1").p(), 0.0);
    harness.getParameterTree().set("/arm_controller/gains/arm7_joint1/p", 700.0);
    assertTrue(eventually(() -> c.positionGains("arm7_joint1").p() == 700.0));
    // A bad value is refused and the gains stay.
    harness.getParameterTree().set("/arm_controller/gains/arm7_joint1/p", "stiff");
    Thread.sleep(500);
    assertEquals(700.0, c.positionGains("arm7_joint1").p(), 0.0);
  }
}
