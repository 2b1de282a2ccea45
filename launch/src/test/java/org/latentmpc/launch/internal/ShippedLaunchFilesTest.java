package org.latentmpc.launch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.latentmpc.launch.LaunchFile;
import org.latentmpc.launch.NodeRegistry;

/**
 * Every launch file shipped in sim-configs/launch parses, with the nodes, params and remaps meant.
 */
class ShippedLaunchFilesTest {
  private static final Path CONFIGS = Path.of("../sim-configs").toAbsolutePath().normalize();
  private static final Path LAUNCH = CONFIGS.resolve("launch");

  private static LaunchFile parse(String name, Map<String, String> args) throws LaunchException {
    return new LaunchParser(CONFIGS, System::getenv).parse(LAUNCH.resolve(name), args);
  }

  private static List<String> names(LaunchFile launch) {
    return launch.nodes().stream().map(LaunchFile.NodeSpec::name).toList();
  }

  private static LaunchFile.NodeSpec node(LaunchFile launch, String name) {
    return launch.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void everyShippedLaunchFileParsesAndNamesOnlyRegisteredTypes() throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(LAUNCH)) {
      files = list.filter(p -> p.toString().endsWith(".launch")).sorted().toList();
    }
    assertEquals(
        List.of(
            "collect.launch",
            "franka_panda_forward.launch",
            "full_stack.launch",
            "sim_controllers.launch",
            "ur_eseries_forward.launch"),
        files.stream().map(p -> p.getFileName().toString()).toList());
    for (Path file : files) {
      LaunchFile launch = parse(file.getFileName().toString(), Map.of("model", "/tmp/ckpt"));
      assertFalse(launch.nodes().isEmpty(), file + " starts nodes");
      for (LaunchFile.NodeSpec spec : launch.nodes()) {
        assertTrue(NodeRegistry.types().contains(spec.type()), spec.source() + ": " + spec.type());
      }
    }
  }

  @Test
  void simControllersSetsSimTimeAndTellsTheControllersTheMode() throws Exception {
    LaunchFile launch = parse("sim_controllers.launch", Map.of("mode", "lockstep"));
    assertEquals(true, launch.globalParams().get("/use_sim_time"));
    assertEquals("lockstep", node(launch, "/sim").privateParams().get("mode"));
    assertEquals("lockstep", node(launch, "/controller_manager").privateParams().get("sim_mode"));
    assertEquals(
        CONFIGS + "/controllers/arm7_sim.yaml",
        node(launch, "/controller_manager").privateParams().get("config_file"));
    LaunchFile reacher = parse("sim_controllers.launch", Map.of("robot", "reacher2"));
    assertEquals(
        CONFIGS + "/controllers/reacher2_sim.yaml",
        node(reacher, "/controller_manager").privateParams().get("config_file"));
    assertTrue(Files.isRegularFile(CONFIGS.resolve("controllers/reacher2_sim.yaml")));
  }

  @Test
  void fullStackStartsTheWholeGraphOnOneModel() throws Exception {
    LaunchFile launch = parse("full_stack.launch", Map.of("model", "/m", "mode", "fast"));
    assertEquals(
        List.of("/sim", "/controller_manager", "/perception", "/world_model", "/planner"),
        names(launch));
    assertEquals(true, launch.globalParams().get("/use_sim_time"));
    assertEquals("fast", node(launch, "/sim").privateParams().get("mode"));
    assertEquals(
        CONFIGS + "/scenes/reacher2.yaml", node(launch, "/sim").privateParams().get("scene"));
    for (String name : List.of("/perception", "/world_model", "/planner")) {
      assertEquals("/m", node(launch, name).privateParams().get("model"), name);
    }
    LaunchFile.NodeSpec planner = node(launch, "/planner");
    assertEquals(CONFIGS + "/scenes/reacher2.yaml", planner.privateParams().get("scene"));
    assertEquals(CONFIGS + "/planner/cem.yaml", planner.privateParams().get("planner_config"));
    assertTrue(planner.required());
    LaunchFile defaults = parse("full_stack.launch", Map.of());
    assertEquals(
        CONFIGS + "/models/reacher2", node(defaults, "/planner").privateParams().get("model"));
    LaunchFile noWorldModel =
        parse("full_stack.launch", Map.of("world_model", "false", "robot", "arm7"));
    assertEquals(
        List.of("/sim", "/controller_manager", "/perception", "/planner"), names(noWorldModel));
    assertEquals(
        CONFIGS + "/robots/arm7.urdf",
        node(noWorldModel, "/planner").privateParams().get("robot_description_file"));
  }

  @Test
  void collectRecordsTheCollectTopics() throws Exception {
    LaunchFile launch = parse("collect.launch", Map.of("bag", "/tmp/x.bag"));
    assertEquals(List.of("/sim", "/controller_manager", "/record"), names(launch));
    Map<String, Object> record = node(launch, "/record").privateParams();
    assertEquals("/tmp/x.bag", record.get("output"));
    assertTrue(String.valueOf(record.get("topics")).contains("/collect/action"));
    LaunchFile alone = parse("collect.launch", Map.of("include_sim", "false"));
    assertEquals(List.of("/record"), names(alone));
  }

  @Test
  void physicalArmsForwardThroughTheSafetyFilterWithRemaps() throws Exception {
    LaunchFile franka =
        parse(
            "franka_panda_forward.launch",
            Map.of("model", "/p", "camera_topic", "/realsense/color/image_raw"));
    assertEquals(List.of("/arm_safety_filter", "/perception", "/planner"), names(franka));
    assertEquals(false, franka.globalParams().get("/use_sim_time"));
    assertEquals(
        CONFIGS + "/controllers/franka_panda_forward.yaml",
        node(franka, "/arm_safety_filter").privateParams().get("config_file"));
    assertEquals(
        "/realsense/color/image_raw",
        node(franka, "/perception").remaps().get("/camera/image_raw"));

    LaunchFile ur = parse("ur_eseries_forward.launch", Map.of("model", "/u"));
    assertEquals(List.of("/arm_safety_filter", "/perception", "/planner"), names(ur));
    assertEquals("position", ur.globalParams().get("/arm_controller/type"));
    assertEquals(
        "/joint_group_position_controller/command",
        ur.globalParams().get("/arm_controller/output/position_topic"));
    assertEquals(
        "/arm_controller/command",
        node(ur, "/planner").remaps().get("/arm_controller/group_command"));
  }

  @Test
  void physicalArmFilesNeedAModel() throws IOException {
    LaunchException e =
        assertThrows(LaunchException.class, () -> parse("franka_panda_forward.launch", Map.of()));
    assertTrue(e.getMessage().contains("model"), e.getMessage());
  }
}
