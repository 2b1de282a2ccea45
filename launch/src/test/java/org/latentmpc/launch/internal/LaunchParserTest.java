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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.launch.LaunchFile;

/** The launch-file parser on valid files and on each kind of error (file and line named). */
class LaunchParserTest {
  @TempDir Path dir;

  private LaunchParser parser() {
    return new LaunchParser(dir.resolve("configs"), Map.of("HOME_X", "/home/x")::get);
  }

  private Path write(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  @Test
  void argsDefaultsOverridesAndSubstitutions() throws Exception {
    Path file =
        write(
            "a.launch",
            "<launch>",
            "  <arg name='mode' default='realtime'/>",
            "  <arg name='rate' default='30'/>",
            "  <arg name='fixed' value='$(arg mode)-x'/>",
            "  <param name='use_sim_time' value='true'/>",
            "  <param name='home' value='$(env HOME_X)/$(optenv NOPE fallback value)'/>",
            "  <param name='configs' value='$(find latent_mpc)/scenes'/>",
            "  <node pkg='latent_mpc' type='sim' name='sim'>",
            "    <param name='mode' value='$(arg mode)'/>",
            "    <param name='~rate' type='double' value='$(arg rate)'/>",
            "    <param name='fixed' value='$(arg fixed)'/>",
            "  </node>",
            "</launch>");
    LaunchFile launch = parser().parse(file, Map.of("mode", "fast"));
    assertEquals(true, launch.globalParams().get("/use_sim_time"));
    assertEquals("/home/x/fallback value", launch.globalParams().get("/home"));
    assertEquals(dir.resolve("configs") + "/scenes", launch.globalParams().get("/configs"));
    LaunchFile.NodeSpec sim = launch.nodes().get(0);
    assertEquals("sim", sim.type());
    assertEquals("/sim", sim.name());
    assertEquals("/", sim.namespace());
    assertEquals(Map.of("mode", "fast", "rate", 30.0, "fixed", "fast-x"), sim.privateParams());
  }

  @Test
  void paramTypesTextfileAndRosparamLoad() throws Exception {
    Files.writeString(dir.resolve("text.txt"), "hello 42");
    Files.writeString(dir.resolve("gains.yaml"), "arm:\n  p: 600\n  joints: [a, b]\nrate: 1000\n");
    Path file =
        write(
            "t.launch",
            "<launch>",
            "  <param name='s' type='str' value='7'/>",
            "  <param name='i' type='int' value='7'/>",
            "  <param name='d' type='double' value='7'/>",
            "  <param name='b' type='bool' value='False'/>",
            "  <param name='y' type='yaml' value='{a: 1, b: [2, 3]}'/>",
            "  <param name='auto_i' value='3'/>",
            "  <param name='auto_d' value='0.5'/>",
            "  <param name='auto_s' value='abc'/>",
            "  <param name='text' textfile='text.txt'/>",
            "  <rosparam command='load' file='gains.yaml' ns='ctl'/>",
            "  <rosparam>inline: {x: 2}</rosparam>",
            "  <node pkg='latent_mpc' type='controllers' name='c'>",
            "    <rosparam file='gains.yaml'/>",
            "    <rosparam file='gains.yaml' ns='sub'/>",
            "  </node>",
            "</launch>");
    LaunchFile launch = parser().parse(file, Map.of());
    Map<String, Object> g = launch.globalParams();
    assertEquals("7", g.get("/s"));
    assertEquals(7, g.get("/i"));
    assertEquals(7.0, g.get("/d"));
    assertEquals(false, g.get("/b"));
    assertEquals(Map.of("a", 1, "b", List.of(2, 3)), g.get("/y"));
    assertEquals(3, g.get("/auto_i"));
    assertEquals(0.5, g.get("/auto_d"));
    assertEquals("abc", g.get("/auto_s"));
    assertEquals("hello 42", g.get("/text"));
    assertEquals(600, g.get("/ctl/arm/p"));
    assertEquals(List.of("a", "b"), g.get("/ctl/arm/joints"));
    assertEquals(1000, g.get("/ctl/rate"));
    assertEquals(2, g.get("/inline/x"));
    Map<String, Object> p = launch.nodes().get(0).privateParams();
    assertEquals(600, p.get("arm/p"));
    assertEquals(1000, p.get("sub/rate"));
  }

  @Test
  void groupsNamespacesRemapsAndIncludesWithArgs() throws Exception {
    write(
        "inner.launch",
        "<launch>",
        "  <arg name='who'/>",
        "  <arg name='rate' default='10'/>",
        "  <node pkg='latent_mpc' type='planner' name='$(arg who)'>",
        "    <param name='rate' value='$(arg rate)'/>",
        "    <remap from='in' to='out'/>",
        "  </node>",
        "</launch>");
    Path file =
        write(
            "outer.launch",
            "<launch>",
            "  <remap from='/clock' to='/sim_clock'/>",
            "  <group ns='robot'>",
            "    <remap from='a' to='b'/>",
            "    <node pkg='latent_mpc' type='sim' name='sim' ns='inner' respawn='true' respawn_delay='1.5'/>",
            "    <param name='p' value='1'/>",
            "    <include file='inner.launch' ns='plan'>",
            "      <arg name='who' value='mpc'/>",
            "    </include>",
            "  </group>",
            "  <node pkg='latent_mpc' type='controllers' name='c' required='true' unless='false'/>",
            "  <node pkg='latent_mpc' type='perception' name='skipped' if='false'/>",
            "</launch>");
    LaunchFile launch = parser().parse(file, Map.of());
    assertEquals(3, launch.nodes().size());
    LaunchFile.NodeSpec sim = launch.nodes().get(0);
    assertEquals("/robot/inner/sim", sim.name());
    assertEquals("/robot/inner", sim.namespace());
    assertTrue(sim.respawn());
    assertEquals(1.5, sim.respawnDelayS());
    assertEquals(Map.of("/clock", "/sim_clock", "a", "b"), sim.remaps());
    LaunchFile.NodeSpec planner = launch.nodes().get(1);
    assertEquals("/robot/plan/mpc", planner.name());
    assertEquals(Map.of("rate", 10), planner.privateParams());
    assertEquals(Map.of("/clock", "/sim_clock", "a", "b", "in", "out"), planner.remaps());
    LaunchFile.NodeSpec controllers = launch.nodes().get(2);
    assertEquals("/c", controllers.name());
    assertTrue(controllers.required());
    assertFalse(controllers.respawn());
    assertEquals(1, launch.globalParams().get("/robot/p"));
  }

  @Test
  void theShippedSimControllersLaunchParses() throws Exception {
    Path configs = Path.of("../sim-configs").toAbsolutePath().normalize();
    LaunchFile launch =
        new LaunchParser(configs, System::getenv)
            .parse(configs.resolve("launch/sim_controllers.launch"), Map.of("mode", "fast"));
    assertEquals(
        List.of("sim", "controllers"),
        launch.nodes().stream().map(LaunchFile.NodeSpec::type).toList());
    Map<String, Object> sim = launch.nodes().get(0).privateParams();
    assertEquals("fast", sim.get("mode"));
    assertTrue(Files.isRegularFile(Path.of((String) sim.get("scene"))), "scene exists");
    Map<String, Object> ctl = launch.nodes().get(1).privateParams();
    assertTrue(Files.isRegularFile(Path.of((String) ctl.get("config_file"))), "config exists");
    assertTrue(
        Files.isRegularFile(Path.of((String) ctl.get("robot_description_file"))), "urdf exists");
  }

  private void assertError(String expectedFragment, int line, String... lines) throws IOException {
    Path file = write("bad.launch", lines);
    LaunchException e = assertThrows(LaunchException.class, () -> parser().parse(file, Map.of()));
    assertTrue(e.getMessage().startsWith(file + ":" + line + ":"), e.getMessage());
    assertTrue(e.getMessage().contains(expectedFragment), e.getMessage());
  }

  @Test
  void unknownTag() throws Exception {
    assertError(
        "unknown tag <machine>",
        3,
        "<launch>",
        "  <arg name='a' default='1'/>",
        "  <machine name='m'/>",
        "</launch>");
  }

  @Test
  void unknownAttribute() throws Exception {
    assertError(
        "unknown attribute 'colour'",
        2,
        "<launch>",
        "  <node pkg='p' type='sim' name='s' colour='red'/>",
        "</launch>");
  }

  @Test
  void missingArg() throws Exception {
    assertError(
        "arg 'nope' is not set",
        3,
        "<launch>",
        "",
        "  <param name='x' value='$(arg nope)'/>",
        "</launch>");
    assertError("required arg 'scene'", 2, "<launch>", "  <arg name='scene'/>", "</launch>");
  }

  @Test
  void missingIncludeFile() throws Exception {
    assertError(
        "launch file not found",
        3,
        "<launch>",
        "",
        "  <include file='missing.launch'/>",
        "</launch>");
  }

  @Test
  void badParamType() throws Exception {
    assertError(
        "'abc' is not an int",
        2,
        "<launch>",
        "  <param name='x' type='int' value='abc'/>",
        "</launch>");
    assertError(
        "unknown param type 'float'",
        2,
        "<launch>",
        "  <param name='x' type='float' value='1'/>",
        "</launch>");
  }

  @Test
  void errorsInsideAnIncludedFileNameThatFile() throws Exception {
    Path inner =
        write(
            "broken.launch",
            "<launch>",
            "  <param name='x' type='bool' value='maybe'/>",
            "</launch>");
    Path file =
        write("outer2.launch", "<launch>", "  <include file='broken.launch'/>", "</launch>");
    LaunchException e = assertThrows(LaunchException.class, () -> parser().parse(file, Map.of()));
    assertTrue(e.getMessage().startsWith(inner + ":2:"), e.getMessage());
  }

  @Test
  void unknownNodeTypeAndDoctypeAreRejected() throws Exception {
    assertError(
        "unknown node type 'rviz'",
        2,
        "<launch>",
        "  <node pkg='p' type='rviz' name='r'/>",
        "</launch>");
    assertError(
        "DOCTYPE",
        1,
        "<!DOCTYPE launch [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><launch>",
        "  <param name='x' value='&x;'/>",
        "</launch>");
  }
}
