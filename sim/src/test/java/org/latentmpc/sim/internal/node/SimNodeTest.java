package org.latentmpc.sim.internal.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentmpc.sim.internal.node.SimHarness.ARM7_SCENE;
import static org.latentmpc.sim.internal.node.SimHarness.ARM7_TWO_VIEWS_SCENE;
import static org.latentmpc.sim.internal.node.SimHarness.REACHER_SCENE;
import static org.latentmpc.sim.internal.node.SimHarness.TIMEOUT_MS;
import static org.latentmpc.sim.internal.node.SimHarness.array;
import static org.latentmpc.sim.internal.node.SimHarness.eventually;
import static org.latentmpc.sim.internal.node.SimHarness.poll;
import static org.latentmpc.sim.internal.node.SimHarness.startIdle;
import static org.latentmpc.sim.internal.node.SimHarness.startSim;
import static org.latentmpc.sim.internal.node.SimHarness.subscribe;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.robot.Vec3;
import org.latentmpc.ros.ConnectedNode;
import org.latentmpc.ros.NodeConfiguration;
import org.latentmpc.ros.NodeMainExecutor;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.ServiceClient;
import org.latentmpc.ros.internal.master.EmbeddedMaster;
import org.latentmpc.ros.internal.master.MasterClient;
import org.latentmpc.ros.msgs.latent_mpc_msgs.SetJointState;
import org.latentmpc.ros.msgs.latent_mpc_msgs.SetJointStateRequest;
import org.latentmpc.ros.msgs.latent_mpc_msgs.SetJointStateResponse;
import org.latentmpc.ros.msgs.latent_mpc_msgs.SetTarget;
import org.latentmpc.ros.msgs.latent_mpc_msgs.SetTargetRequest;
import org.latentmpc.ros.msgs.latent_mpc_msgs.SetTargetResponse;
import org.latentmpc.ros.msgs.rosgraph_msgs.Clock;
import org.latentmpc.ros.msgs.rosgraph_msgs.Log;
import org.latentmpc.ros.msgs.sensor_msgs.CameraInfo;
import org.latentmpc.ros.msgs.sensor_msgs.Image;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import org.latentmpc.ros.msgs.std_srvs.Trigger;
import org.latentmpc.ros.msgs.std_srvs.TriggerRequest;
import org.latentmpc.ros.msgs.std_srvs.TriggerResponse;
import org.latentmpc.sim.CameraRenderer;
import org.latentmpc.sim.Scene;

/**
 * The sim node in one executor, the test's node in another, so everything goes over real TCPROS
 * through the embedded master on loopback.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SimNodeTest {
  /** Stamps are rounded to whole nanoseconds. */
  private static final double STAMP_TOLERANCE_S = 2e-9;

  /** Projections of the renderer and of camera_info's K agree to rounding. */
  private static final double PIXEL_TOLERANCE = 1e-9;

  /**
   * Below the size of any object: publishing one joint state per 1000 steps allocates a few hundred
   * bytes, i.e. well under one byte per step.
   */
  private static final double MAX_BYTES_PER_STEP = 8;

  private EmbeddedMaster master;
  private NodeMainExecutor simExecutor;
  private NodeMainExecutor testExecutor;
  private ConnectedNode test;

  @BeforeEach
  void start() throws Exception {
    master = EmbeddedMaster.start("127.0.0.1", 0);
    simExecutor = NodeMainExecutor.newDefault();
    testExecutor = NodeMainExecutor.newDefault();
    test = startIdle(testExecutor, master.uri(), "tester");
  }

  @AfterEach
  void stop() {
    simExecutor.shutdown();
    testExecutor.shutdown();
    master.close();
  }

  private SimNode sim(Object... keyValues) throws InterruptedException {
    Map<String, Object> params = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put((String) keyValues[i], keyValues[i + 1]);
    }
    return startSim(simExecutor, master.uri(), params);
  }

  private <T extends org.latentmpc.ros.Message> Publisher<T> connectedPublisher(
      String topic, org.latentmpc.ros.MessageType<T> type) throws InterruptedException {
    Publisher<T> pub = test.newPublisher(topic, type);
    assertTrue(eventually(() -> pub.getNumberOfSubscribers() == 1), "sim subscribed " + topic);
    return pub;
  }

  @Test
  void jointStatesAtTheConfiguredRateInUrdfOrder() throws Exception {
    List<String> urdfOrder = RobotModel.fromUrdf(Scene.load(ARM7_SCENE).robotFile()).jointNames();
    assertEquals(7, urdfOrder.size());
    double rateHz = 100;
    sim("scene", ARM7_SCENE.toString(), "joint_state_rate", rateHz, "camera_rate", 0.0);
    BlockingQueue<JointState> states = subscribe(test, "/joint_states", JointState.TYPE);
    List<JointState> got = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      got.add(poll(states, "joint state " + i));
    }
    int exactlyOnePeriod = 0;
    for (int i = 0; i < got.size(); i++) {
      JointState js = got.get(i);
      assertEquals(urdfOrder, List.of(js.getName()));
      assertEquals(7, js.getPosition().length);
      assertEquals(7, js.getVelocity().length);
      assertEquals(7, js.getEffort().length);
      double stampS = js.getHeader().getStamp().toSeconds();
      double periods = stampS * rateHz;
      assertEquals(Math.round(periods), periods, 1e-6, "stamp on the rate grid: " + stampS);
      if (i > 0) {
        double gapS = stampS - got.get(i - 1).getHeader().getStamp().toSeconds();
        assertTrue(gapS > 0, "stamps increase");
        if (Math.abs(gapS - 1 / rateHz) < STAMP_TOLERANCE_S) {
          exactlyOnePeriod++;
        }
      }
    }
    assertTrue(exactlyOnePeriod >= got.size() / 2, "mostly one period apart: " + exactlyOnePeriod);
  }

  @Test
  void effortCommandsMoveTheJointsTheRightWay() throws Exception {
    // Lock-step, so the test is independent of the machine's speed (the light arm would reach its
    // joint limit within a second of wall time under a real-time command).
    int stepsPerCommand = 20;
    SimNode sim =
        sim(
            "scene",
            REACHER_SCENE.toString(),
            "camera_rate",
            0.0,
            "mode",
            "lockstep",
            "lockstep_steps",
            stepsPerCommand);
    BlockingQueue<JointState> states = subscribe(test, "/joint_states", JointState.TYPE);
    Publisher<Float64MultiArray> commands =
        connectedPublisher("/sim/effort_command", Float64MultiArray.TYPE);
    JointState previous = poll(states, "latched initial state");
    for (int i = 0; i < 3; i++) {
      commands.publish(array(0.02, 0.0));
      JointState s = poll(states, "state after a positive effort");
      assertTrue(
          s.getPosition()[0] > previous.getPosition()[0],
          "positive effort on joint1 increases its angle: " + s.getPosition()[0]);
      assertTrue(s.getVelocity()[0] > 0);
      assertEquals(0.02, s.getEffort()[0], 1e-12, "applied effort published");
      previous = s;
    }
    boolean turnedBack = false;
    for (int i = 0; i < 20 && !turnedBack; i++) {
      commands.publish(array(-0.02, 0.0));
      turnedBack = poll(states, "state after a negative effort").getVelocity()[0] < 0;
    }
    assertTrue(turnedBack, "negative effort turns joint1 back");
    assertEquals(0, sim.stepCount() % stepsPerCommand, "whole commands only");
  }

  private static JointState latest(BlockingQueue<JointState> states) throws InterruptedException {
    states.clear();
    return poll(states, "joint state");
  }

  @Test
  void badCommandsAreRejectedAndTheLastValidOneStays() throws Exception {
    SimNode sim = sim("scene", REACHER_SCENE.toString(), "camera_rate", 0.0);
    BlockingQueue<Log> log = subscribe(test, "/rosout", Log.TYPE);
    BlockingQueue<JointState> states = subscribe(test, "/joint_states", JointState.TYPE);
    Publisher<Float64MultiArray> commands =
        connectedPublisher("/sim/effort_command", Float64MultiArray.TYPE);
    // Start far from joint1's upper limit and push gently (terminal speed about 1 rad/s), so it is
    // still moving when checked even on a slow machine.
    sim.withWorld(
        w -> {
          w.setPositions(new double[] {-2.5, 0.0});
          return null;
        });
    commands.publish(array(0.003, -0.0005));
    assertTrue(eventually(() -> sim.withWorld(w -> w.velocity(0)) > 0), "moving");
    commands.publish(array(1.0));
    commands.publish(array(1.0, 2.0, 3.0));
    commands.publish(array(Double.NaN, 0.0));
    commands.publish(array(0.0, Double.POSITIVE_INFINITY));
    commands.publish(array(Double.NEGATIVE_INFINITY, 0.0));
    assertTrue(eventually(() -> sim.commandsRejected() == 5), "5 rejected");
    double[] command = new double[2];
    sim.withWorld(
        w -> {
          w.getEffortCommand(command);
          return null;
        });
    assertArrayEquals(new double[] {0.003, -0.0005}, command, 0.0, "the last valid command stays");
    double q = latest(states).getPosition()[0];
    assertTrue(
        eventually(() -> sim.withWorld(w -> w.position(0)) > q + 0.01),
        "joint1 keeps moving as before");
    int errors = 0;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
    while (errors < 5 && System.nanoTime() < deadline) {
      Log entry = log.poll(100, TimeUnit.MILLISECONDS);
      if (entry != null
          && entry.getLevel() == Log.ERROR
          && entry.getMsg().contains("/sim/effort_command rejected")) {
        errors++;
      }
    }
    assertEquals(5, errors, "one logged error per bad command on /rosout");
  }

  @Test
  void resetAndSetJointStateServices() throws Exception {
    SimNode sim = sim("scene", REACHER_SCENE.toString(), "camera_rate", 0.0, "mode", "lockstep");
    Publisher<Float64MultiArray> commands =
        connectedPublisher("/sim/effort_command", Float64MultiArray.TYPE);
    BlockingQueue<JointState> states = subscribe(test, "/joint_states", JointState.TYPE);
    JointState initial = poll(states, "latched initial state");
    assertArrayEquals(new double[] {0.0, 0.5}, initial.getPosition(), 0.0, "scene's initial q");

    try (ServiceClient<SetJointStateRequest, SetJointStateResponse> set =
        test.newServiceClient("/sim/set_joint_state", SetJointState.TYPE, false)) {
      SetJointStateRequest ok = set.newRequest();
      ok.setPosition(new double[] {0.3, -0.4});
      ok.setVelocity(new double[] {1.0, 2.0});
      assertTrue(set.call(ok).isSuccess());
      assertArrayEquals(new double[] {0.3, -0.4, 1.0, 2.0}, state(sim), 0.0);

      SetJointStateRequest onlyVelocity = set.newRequest();
      onlyVelocity.setVelocity(new double[] {-1.0, 0.5});
      assertTrue(set.call(onlyVelocity).isSuccess());
      assertArrayEquals(new double[] {0.3, -0.4, -1.0, 0.5}, state(sim), 0.0);

      for (double[][] bad :
          new double[][][] {
            {{0.1}, {}},
            {{0.1, 0.2, 0.3}, {}},
            {{0.1, 0.2}, {1.0}},
            {{Double.NaN, 0.2}, {}},
            {{0.1, 0.2}, {0.0, Double.POSITIVE_INFINITY}},
          }) {
        SetJointStateRequest request = set.newRequest();
        request.setPosition(bad[0]);
        request.setVelocity(bad[1]);
        SetJointStateResponse response = set.call(request);
        assertFalse(response.isSuccess(), "refused");
        assertFalse(response.getMessage().isEmpty(), "says why");
        assertArrayEquals(
            new double[] {0.3, -0.4, -1.0, 0.5},
            state(sim),
            0.0,
            "a refused request changes nothing");
      }
    }
    commands.publish(array(0.3, 0.1));
    JointState stepped = poll(states, "state after one lock-step command");
    assertEquals(1, sim.stepCount());
    assertEquals(0.001, stepped.getHeader().getStamp().toSeconds(), STAMP_TOLERANCE_S);

    try (ServiceClient<TriggerRequest, TriggerResponse> reset =
        test.newServiceClient("/sim/reset", Trigger.TYPE, false)) {
      assertTrue(reset.call(reset.newRequest()).isSuccess());
    }
    assertArrayEquals(new double[] {0.0, 0.5, 0.0, 0.0}, state(sim), 0.0, "back at rest");
    double[] command = new double[2];
    sim.withWorld(
        w -> {
          w.getEffortCommand(command);
          return null;
        });
    assertArrayEquals(new double[2], command, 0.0, "reset zeroes the command");
    assertEquals(1, sim.stepCount(), "sim time is not rewound by a reset");
  }

  @Test
  void servicesWhileTheLoopRunsFast() throws Exception {
    SimNode sim = sim("scene", REACHER_SCENE.toString(), "mode", "fast", "camera_rate", 100.0);
    BlockingQueue<Log> log = subscribe(test, "/rosout", Log.TYPE);
    BlockingQueue<JointState> states = subscribe(test, "/joint_states", JointState.TYPE);
    Random random = new Random(3);
    try (ServiceClient<SetJointStateRequest, SetJointStateResponse> set =
            test.newServiceClient("/sim/set_joint_state", SetJointState.TYPE, true);
        ServiceClient<TriggerRequest, TriggerResponse> reset =
            test.newServiceClient("/sim/reset", Trigger.TYPE, true)) {
      for (int i = 0; i < 100; i++) {
        SetJointStateRequest request = set.newRequest();
        request.setPosition(new double[] {random.nextDouble() - 0.5, random.nextDouble() - 0.5});
        request.setVelocity(new double[] {random.nextGaussian(), random.nextGaussian()});
        assertTrue(set.call(request).isSuccess());
        if (i % 10 == 0) {
          assertTrue(reset.call(reset.newRequest()).isSuccess());
        }
      }
    }
    long steps = sim.stepCount();
    assertTrue(eventually(() -> sim.stepCount() > steps), "still stepping");
    JointState s = latest(states);
    for (double v : s.getPosition()) {
      assertTrue(Double.isFinite(v));
    }
    for (Log entry = log.poll(); entry != null; entry = log.poll()) {
      assertTrue(entry.getLevel() < Log.ERROR, "no error logged: " + entry.getMsg());
    }
  }

  private static double[] state(SimNode sim) {
    return sim.withWorld(
        w -> new double[] {w.position(0), w.position(1), w.velocity(0), w.velocity(1)});
  }

  @Test
  void cameraImagesMatchTheRendererAndSetTargetMovesTheMarker() throws Exception {
    // One frame per lock-step command, so each command yields a known frame.
    SimNode sim = sim("scene", REACHER_SCENE.toString(), "mode", "lockstep", "camera_rate", 1000.0);
    BlockingQueue<Image> images = subscribe(test, "/camera/image_raw", Image.TYPE);
    BlockingQueue<CameraInfo> infos = subscribe(test, "/camera/camera_info", CameraInfo.TYPE);
    BlockingQueue<JointState> states = subscribe(test, "/joint_states", JointState.TYPE);
    Publisher<Float64MultiArray> commands =
        connectedPublisher("/sim/effort_command", Float64MultiArray.TYPE);
    poll(states, "latched initial state");

    Scene scene = Scene.load(REACHER_SCENE);
    RobotModel model = RobotModel.fromUrdf(scene.robotFile());
    CameraRenderer local = CameraRenderer.create(model, scene);
    Scene.Marker marker = scene.marker();
    local.setTargetMarker(marker.positionM().x(), marker.positionM().y(), marker.positionM().z());
    local.setTargetMarkerVisible(marker.visible());
    byte[] expected = new byte[3 * 64 * 64];

    commands.publish(array(0.5, 0.2));
    Image first = poll(images, "first frame");
    CameraInfo info = poll(infos, "first camera_info");
    JointState state = poll(states, "state of the first frame");
    assertEquals(first.getHeader().getStamp(), state.getHeader().getStamp());
    assertEquals(first.getHeader().getStamp(), info.getHeader().getStamp());
    assertEquals("rgb8", first.getEncoding());
    assertEquals(64, first.getWidth());
    assertEquals(64, first.getHeight());
    assertEquals(3 * 64, first.getStep());
    local.render(state.getPosition(), expected);
    assertArrayEquals(expected, first.getData(), "the frame shows the arm at the published state");

    // camera_info: K is the renderer's pinhole, and it projects points where the renderer does.
    assertEquals(64, info.getWidth());
    assertEquals(64, info.getHeight());
    double[] k = info.getK();
    assertArrayEquals(
        new double[] {
          local.focalLengthPx(),
          0,
          local.principalPointXPx(),
          0,
          local.focalLengthPx(),
          local.principalPointYPx(),
          0,
          0,
          1
        },
        k,
        0.0);
    assertEquals(k[0], info.getP()[0], 0.0);
    assertEquals(k[2], info.getP()[2], 0.0);
    assertEquals(k[5], info.getP()[6], 0.0);
    Scene.Camera cam = scene.camera();
    Random random = new Random(42);
    double[] uv = new double[2];
    for (int i = 0; i < 20; i++) {
      double x = 0.2 * (random.nextDouble() - 0.5);
      double y = 0.2 * (random.nextDouble() - 0.5);
      double z = 0.1 * random.nextDouble();
      assertTrue(local.project(x, y, z, uv));
      double[] pc = opticalFrame(cam, x, y, z);
      assertEquals(k[0] * pc[0] / pc[2] + k[2], uv[0], PIXEL_TOLERANCE, "u");
      assertEquals(k[4] * pc[1] / pc[2] + k[5], uv[1], PIXEL_TOLERANCE, "v");
    }

    try (ServiceClient<SetTargetRequest, SetTargetResponse> target =
        test.newServiceClient("/sim/set_target", SetTarget.TYPE, false)) {
      SetTargetRequest request = target.newRequest();
      request.getPosition().setX(-0.1).setY(-0.12).setZ(0.055);
      request.setVisible(true);
      assertTrue(target.call(request).isSuccess());
      SetTargetRequest bad = target.newRequest();
      bad.getPosition().setX(Double.NaN).setY(0).setZ(0);
      bad.setVisible(false);
      SetTargetResponse refused = target.call(bad);
      assertFalse(refused.isSuccess());
      assertTrue(refused.getMessage().contains("finite"), refused.getMessage());
    }
    commands.publish(array(0.5, 0.2));
    Image second = poll(images, "second frame");
    JointState secondState = poll(states, "state of the second frame");
    local.setTargetMarker(-0.1, -0.12, 0.055);
    local.render(secondState.getPosition(), expected);
    assertArrayEquals(expected, second.getData(), "the marker moved; the refused request did not");
    assertTrue(local.project(-0.1, -0.12, 0.055, uv));
    int u = (int) Math.round(uv[0]);
    int v = (int) Math.round(uv[1]);
    int offset = 3 * (v * 64 + u);
    assertTrue(
        (second.getData()[offset + 1] & 0xff) > (second.getData()[offset] & 0xff),
        "green marker at its projection");
  }

  @Test
  void twoViewScenePublishesTheTiledImageAndViewZerosIntrinsics() throws Exception {
    sim("scene", ARM7_TWO_VIEWS_SCENE.toString(), "mode", "lockstep", "camera_rate", 1000.0);
    BlockingQueue<Image> images = subscribe(test, "/camera/image_raw", Image.TYPE);
    BlockingQueue<CameraInfo> infos = subscribe(test, "/camera/camera_info", CameraInfo.TYPE);
    BlockingQueue<JointState> states = subscribe(test, "/joint_states", JointState.TYPE);
    Publisher<Float64MultiArray> commands =
        connectedPublisher("/sim/effort_command", Float64MultiArray.TYPE);
    poll(states, "latched initial state");

    Scene scene = Scene.load(ARM7_TWO_VIEWS_SCENE);
    RobotModel model = RobotModel.fromUrdf(scene.robotFile());
    CameraRenderer local = CameraRenderer.create(model, scene);
    Scene.Marker marker = scene.marker();
    local.setTargetMarker(marker.positionM().x(), marker.positionM().y(), marker.positionM().z());
    local.setTargetMarkerVisible(marker.visible());

    commands.publish(array(0, 0, 0, 0, 0, 0, 0));
    Image frame = poll(images, "first frame");
    CameraInfo info = poll(infos, "first camera_info");
    JointState state = poll(states, "state of the first frame");
    assertEquals(frame.getHeader().getStamp(), state.getHeader().getStamp());
    assertEquals(96, frame.getWidth(), "two 48x48 views side by side");
    assertEquals(48, frame.getHeight());
    assertEquals(3 * 96, frame.getStep());
    byte[] expected = new byte[3 * 96 * 48];
    local.render(state.getPosition(), expected);
    assertArrayEquals(expected, frame.getData(), "both views at the published state");
    // camera_info: the published image's size, view 0's pinhole.
    assertEquals(96, info.getWidth());
    assertEquals(48, info.getHeight());
    assertEquals(local.focalLengthPx(), info.getK()[0], 0.0);
    assertEquals(23.5, info.getK()[2], 0.0);
    assertEquals(23.5, info.getK()[5], 0.0);
  }

  /** World point in the camera's optical frame (x right, y down, z forward). */
  private static double[] opticalFrame(Scene.Camera cam, double x, double y, double z) {
    Vec3 eye = cam.positionM();
    double[] f = normalize(sub(cam.lookAtM(), eye));
    double[] upHint = {cam.up().x(), cam.up().y(), cam.up().z()};
    double[] right = normalize(cross(f, upHint));
    double[] down = cross(f, right);
    double[] d = {x - eye.x(), y - eye.y(), z - eye.z()};
    return new double[] {dot(d, right), dot(d, down), dot(d, f)};
  }

  private static double[] sub(Vec3 a, Vec3 b) {
    return new double[] {a.x() - b.x(), a.y() - b.y(), a.z() - b.z()};
  }

  private static double[] cross(double[] a, double[] b) {
    return new double[] {
      a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]
    };
  }

  private static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  private static double[] normalize(double[] a) {
    double n = Math.sqrt(dot(a, a));
    return new double[] {a[0] / n, a[1] / n, a[2] / n};
  }

  @Test
  void clockPublishedOnlyWithSimTime() throws Exception {
    SimNode withoutSimTime = sim("scene", REACHER_SCENE.toString(), "camera_rate", 0.0);
    MasterClient client = new MasterClient(URI.create(master.uri()), "/checker");
    assertFalse(
        client.getSystemState().publishers().containsKey("/clock"), "no /clock without sim time");
    simExecutor.shutdownNodeMain(withoutSimTime);

    test.getParameterTree().set("/use_sim_time", true);
    sim("scene", REACHER_SCENE.toString(), "camera_rate", 0.0, "mode", "fast");
    BlockingQueue<Clock> clock = subscribe(test, "/clock", Clock.TYPE);
    double previous = -1;
    for (int i = 0; i < 50; i++) {
      double t = poll(clock, "clock " + i).getClock().toSeconds();
      assertTrue(t > previous, "the clock advances: " + t + " after " + previous);
      assertEquals(Math.round(t / 0.001) * 0.001, t, 1e-9, "one tick per 1 ms step");
      previous = t;
    }
  }

  @Test
  void lockStepRunsAreBitIdentical() throws Exception {
    double[][] first = lockStepRun(new Random(7), "controller1");
    simExecutor.shutdown();
    simExecutor = NodeMainExecutor.newDefault();
    double[][] second = lockStepRun(new Random(7), "controller2");
    assertEquals(first.length, second.length);
    for (int i = 0; i < first.length; i++) {
      assertArrayEquals(first[i], second[i], 0.0, "state " + i + " bit-identical");
    }
    boolean moved = false;
    for (double[] s : first) {
      moved |= Math.abs(s[0] - first[0][0]) > 1e-3;
    }
    assertTrue(moved, "the commands moved the arm");
  }

  /** Sends 200 seeded commands one at a time, each after the state of the previous one. */
  private double[][] lockStepRun(Random random, String controllerName) throws Exception {
    int commandsToSend = 200;
    int stepsPerCommand = 5;
    SimNode sim =
        sim(
            "scene",
            REACHER_SCENE.toString(),
            "camera_rate",
            0.0,
            "mode",
            "lockstep",
            "lockstep_steps",
            stepsPerCommand,
            "integrator",
            "rk4");
    ConnectedNode controller = startIdle(testExecutor, master.uri(), controllerName);
    BlockingQueue<JointState> states = subscribe(controller, "/joint_states", JointState.TYPE);
    Publisher<Float64MultiArray> commands =
        controller.newPublisher("/sim/effort_command", Float64MultiArray.TYPE);
    assertTrue(eventually(() -> commands.getNumberOfSubscribers() == 1));
    double[][] trajectory = new double[commandsToSend + 1][];
    JointState s = poll(states, "latched initial state");
    trajectory[0] = concat(s);
    for (int i = 1; i <= commandsToSend; i++) {
      commands.publish(array(random.nextGaussian() * 0.3, random.nextGaussian() * 0.2));
      s = poll(states, "state after command " + i);
      assertEquals(i * stepsPerCommand * 0.001, s.getHeader().getStamp().toSeconds(), 1e-9);
      trajectory[i] = concat(s);
    }
    assertEquals(commandsToSend * stepsPerCommand, sim.stepCount(), "nothing stepped unasked");
    return trajectory;
  }

  private static double[] concat(JointState s) {
    double[] out = new double[6];
    System.arraycopy(s.getPosition(), 0, out, 0, 2);
    System.arraycopy(s.getVelocity(), 0, out, 2, 2);
    System.arraycopy(s.getEffort(), 0, out, 4, 2);
    return out;
  }

  @Test
  void fastModeOutrunsTheWallClock() throws Exception {
    SimNode sim =
        sim(
            "scene",
            ARM7_SCENE.toString(),
            "mode",
            "fast",
            "camera_rate",
            0.0,
            "joint_state_rate",
            10.0);
    BlockingQueue<JointState> states = subscribe(test, "/joint_states", JointState.TYPE);
    poll(states, "a joint state");
    long steps0 = sim.stepCount();
    long wall0 = System.nanoTime();
    Thread.sleep(1000);
    long steps1 = sim.stepCount();
    double wallS = (System.nanoTime() - wall0) * 1e-9;
    double simS = (steps1 - steps0) * 0.001;
    System.out.printf(
        "fast mode (arm7, euler): %.1f s of sim time in %.2f s of wall time%n", simS, wallS);
    assertTrue(simS > wallS, "sim time " + simS + " s ran ahead of wall time " + wallS + " s");
  }

  @Test
  void physicsStepsAllocateNothing() throws Exception {
    // Joint states once per 1000 steps, no camera, no clock: what remains per step is the loop.
    SimNode sim =
        sim(
            "scene",
            ARM7_SCENE.toString(),
            "mode",
            "fast",
            "camera_rate",
            0.0,
            "joint_state_rate",
            1.0);
    BlockingQueue<JointState> states = subscribe(test, "/joint_states", JointState.TYPE);
    poll(states, "a joint state");
    Thread loopThread =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("sim-loop"))
            .findFirst()
            .orElseThrow();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    Thread.sleep(300); // past warm-up
    long bytes0 = threads.getThreadAllocatedBytes(loopThread.getId());
    long steps0 = sim.stepCount();
    Thread.sleep(1000);
    long bytes1 = threads.getThreadAllocatedBytes(loopThread.getId());
    long steps1 = sim.stepCount();
    double bytesPerStep = (double) (bytes1 - bytes0) / (steps1 - steps0);
    System.out.printf(
        "sim loop (arm7, euler, fast): %d steps/s of wall time, %.3f bytes allocated per step%n",
        steps1 - steps0, bytesPerStep);
    assertTrue(steps1 > steps0, "stepping");
    assertTrue(
        bytesPerStep < MAX_BYTES_PER_STEP,
        bytesPerStep + " bytes per step: something is allocated every step");
  }

  @Test
  void realTimeModeIsPaced() throws Exception {
    SimNode sim = sim("scene", REACHER_SCENE.toString());
    BlockingQueue<JointState> states = subscribe(test, "/joint_states", JointState.TYPE);
    poll(states, "a joint state");
    long steps0 = sim.stepCount();
    long wall0 = System.nanoTime();
    Thread.sleep(1500);
    long steps1 = sim.stepCount();
    double wallS = (System.nanoTime() - wall0) * 1e-9;
    double simS = (steps1 - steps0) * 0.001;
    System.out.printf("real-time mode: %.3f s of sim time in %.3f s of wall time%n", simS, wallS);
    assertTrue(simS > 0.1 * wallS, "advances: " + simS + " s in " + wallS + " s");
    assertTrue(simS < 1.5 * wallS + 0.1, "paced, not fast: " + simS + " s in " + wallS + " s");
  }

  @Test
  void realTimePacingFollowsTheInjectedClock() throws Exception {
    // A clock running 10 times faster than the wall clock: "real time" is then 10x wall time.
    double speedUp = 10;
    long origin = System.nanoTime();
    SimNode sim =
        startSim(
            simExecutor,
            master.uri(),
            Map.of("scene", REACHER_SCENE.toString(), "camera_rate", 0.0),
            new SimNode(() -> origin + Math.round((System.nanoTime() - origin) * speedUp)));
    long steps0 = sim.stepCount();
    long wall0 = System.nanoTime();
    Thread.sleep(1000);
    long steps1 = sim.stepCount();
    double wallS = (System.nanoTime() - wall0) * 1e-9;
    double simS = (steps1 - steps0) * 0.001;
    System.out.printf(
        "real-time mode on a 10x clock: %.3f s of sim time in %.3f s of wall time%n", simS, wallS);
    assertTrue(simS > 2 * wallS, "paced by the injected clock: " + simS + " s in " + wallS + " s");
    assertTrue(simS < 3 * speedUp * wallS, "still paced: " + simS + " s in " + wallS + " s");
  }

  @Test
  void missingOrBadSceneFailsStartNamingTheParameter() throws Exception {
    String[][] cases = {
      {null, "~scene"},
      {"/no/such/scene.yaml", "~scene"},
    };
    int n = 0;
    for (String[] c : cases) {
      NodeConfiguration.Builder builder =
          NodeConfiguration.builder().masterUri(URI.create(master.uri())).nodeName("bad" + n++);
      if (c[0] != null) {
        builder.privateParameter("scene", c[0]);
      }
      SimNode sim = new SimNode();
      simExecutor.execute(sim, builder.build());
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> sim.awaitStarted(TIMEOUT_MS, TimeUnit.MILLISECONDS));
      assertTrue(e.getMessage().contains(c[1]), e.getMessage());
      assertThrows(IllegalStateException.class, () -> sim.withWorld(w -> w));
    }
    for (Object[] c :
        new Object[][] {
          {"mode", "sometimes", "~mode"},
          {"dt", -0.001, "~dt"},
          {"integrator", "leapfrog", "~integrator"},
          {"lockstep_steps", 0, "~lockstep_steps"},
          {"camera_rate", -1.0, "~camera_rate"},
        }) {
      SimNode sim = new SimNode();
      simExecutor.execute(
          sim,
          NodeConfiguration.builder()
              .masterUri(URI.create(master.uri()))
              .nodeName("bad" + n++)
              .privateParameter("scene", REACHER_SCENE.toString())
              .privateParameter((String) c[0], c[1])
              .build());
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> sim.awaitStarted(TIMEOUT_MS, TimeUnit.MILLISECONDS));
      assertTrue(e.getMessage().contains((String) c[2]), e.getMessage());
    }
  }
}
