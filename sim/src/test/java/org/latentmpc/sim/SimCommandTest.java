package org.latentmpc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.robot.TestRobots;
import org.latentmpc.sim.internal.cli.SimCommand;
import picocli.CommandLine;

class SimCommandTest {
  private static final String REACHER = "../sim-configs/robots/reacher2.urdf";
  private static final String ARM7 = "../sim-configs/robots/arm7.urdf";

  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new SimCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void rolloutWritesOneRowPerStep() throws Exception {
    Path csv = tmp.resolve("traj.csv");
    int code =
        run(
            "rollout",
            "--robot",
            REACHER,
            "--dt",
            "0.002",
            "--steps",
            "50",
            "--integrator",
            "rk4",
            "--torque",
            "0.05,-0.02",
            "--q0",
            "-0.5,1",
            "--out",
            csv.toString());
    assertEquals(0, code, err.toString());
    List<String> lines = Files.readAllLines(csv);
    assertEquals(52, lines.size());
    assertEquals("t_s,q_joint1,q_joint2,qd_joint1,qd_joint2", lines.get(0));
    assertEquals("0.0,-0.5,1.0,0.0,0.0", lines.get(1));
    String[] last = lines.get(51).split(",");
    assertEquals(0.1, Double.parseDouble(last[0]), 1e-12);
    assertTrue(Double.parseDouble(last[3]) > 0, "joint1 accelerated positive");
    // The same rollout through the API gives the same numbers.
    SimWorld w =
        SimWorld.create(
            TestRobots.load(Path.of(REACHER)),
            WorldOptions.defaults().withTimeStep(0.002).withIntegrator(Integrator.RK4));
    w.setPositions(new double[] {-0.5, 1});
    w.setEffortCommand(new double[] {0.05, -0.02});
    w.step(50);
    assertEquals(w.position(0), Double.parseDouble(last[1]), 0.0);
  }

  @Test
  void rolloutWithTorqueFileAndNoGravity() throws Exception {
    Path torques = tmp.resolve("tau.csv");
    StringBuilder sb = new StringBuilder("# efforts\nj1,j2,j3,j4,j5,j6,j7\n");
    for (int i = 0; i < 10; i++) {
      sb.append("0,0,0,0,0,0,0\n");
    }
    Files.writeString(torques, sb.toString());
    Path csv = tmp.resolve("arm.csv");
    int code =
        run(
            "rollout",
            "--robot",
            ARM7,
            "--steps",
            "10",
            "--torques",
            torques.toString(),
            "--no-gravity",
            "--q0",
            "0,-0.785,0,-2.356,0,1.571,0.785",
            "--out",
            csv.toString());
    assertEquals(0, code, err.toString());
    List<String> lines = Files.readAllLines(csv);
    assertEquals(
        lines.get(1).substring(lines.get(1).indexOf(',')),
        lines.get(11).substring(lines.get(11).indexOf(',')),
        "no gravity, no effort: at rest");

    int short1 =
        run(
            "rollout",
            "--robot",
            ARM7,
            "--steps",
            "20",
            "--torques",
            torques.toString(),
            "--out",
            csv.toString());
    assertEquals(1, short1);
    assertTrue(err.toString().contains("has 10 rows of efforts, --steps needs 20"), err.toString());
  }

  @Test
  void rolloutErrors() {
    Path csv = tmp.resolve("x.csv");
    assertEquals(
        1,
        run(
            "rollout",
            "--robot",
            REACHER,
            "--steps",
            "5",
            "--torque",
            "1,2,3",
            "--out",
            csv.toString()));
    assertTrue(err.toString().contains("--torque has 3 values, expected 2"), err.toString());
    assertEquals(
        1, run("rollout", "--robot", "nope.urdf", "--steps", "5", "--out", csv.toString()));
    assertTrue(err.toString().contains("cannot read robot file nope.urdf"), err.toString());
    assertEquals(
        1,
        run(
            "rollout",
            "--robot",
            REACHER,
            "--steps",
            "5",
            "--integrator",
            "verlet",
            "--out",
            csv.toString()));
    assertTrue(err.toString().contains("unknown integrator 'verlet'"), err.toString());
    assertEquals(2, run("rollout", "--robot", REACHER, "--out", csv.toString()), "missing --steps");
  }

  @Test
  void renderWritesPng() throws Exception {
    Path png = tmp.resolve("arm.png");
    assertEquals(
        0,
        run(
            "render",
            "--robot",
            ARM7,
            "--q",
            "0,-0.785,0,-2.356,0,1.571,0.785",
            "--out",
            png.toString()),
        err.toString());
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(64, img.getWidth());
    assertEquals(64, img.getHeight());
    // Auto framing: the robot is in the middle of the picture.
    int centre = img.getRGB(32, 32);
    int corner = img.getRGB(0, 0);
    assertTrue(centre != corner, "something drawn in the centre");

    Path scenePng = tmp.resolve("reacher.png");
    assertEquals(
        0,
        run(
            "render",
            "--scene",
            "../sim-configs/scenes/reacher2.yaml",
            "--width",
            "32",
            "--height",
            "24",
            "--marker",
            "0.1,0.1,0.06",
            "--out",
            scenePng.toString()),
        err.toString());
    BufferedImage small = ImageIO.read(scenePng.toFile());
    assertEquals(32, small.getWidth());
    assertEquals(24, small.getHeight());

    assertEquals(1, run("render", "--robot", ARM7, "--q", "1,2", "--out", png.toString()));
    assertTrue(err.toString().contains("--q has 2 values, expected 7"), err.toString());
  }

  @Test
  void renderOfATwoViewSceneIsBothViewsSideBySide() throws Exception {
    Path scene = Path.of("../sim-configs/scenes/arm7_two_views.yaml");
    Path png = tmp.resolve("two.png");
    assertEquals(
        0, run("render", "--scene", scene.toString(), "--out", png.toString()), err.toString());
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(96, img.getWidth());
    assertEquals(48, img.getHeight());
    assertTrue(out.toString().contains("96x48"), out.toString());

    // --width sizes the whole image: 64 = two views of 32.
    Path small = tmp.resolve("small.png");
    assertEquals(
        0,
        run("render", "--scene", scene.toString(), "--width", "64", "--out", small.toString()),
        err.toString());
    assertEquals(64, ImageIO.read(small.toFile()).getWidth());

    assertEquals(
        1, run("render", "--scene", scene.toString(), "--width", "65", "--out", small.toString()));
    assertTrue(err.toString().contains("--width"), err.toString());
    assertTrue(err.toString().contains("not a multiple of the scene's 2 views"), err.toString());
  }
}
