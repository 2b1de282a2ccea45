package org.latentmpc.sim.internal.cli;

import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.robot.UrdfException;
import org.latentmpc.robot.Vec3;
import org.latentmpc.sim.CameraRenderer;
import org.latentmpc.sim.Integrator;
import org.latentmpc.sim.Scene;
import org.latentmpc.sim.SceneException;
import org.latentmpc.sim.SimWorld;
import org.latentmpc.sim.WorldOptions;
import org.latentmpc.sim.internal.AutoFraming;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code latent-mpc sim}: open-loop rollouts and still renders of a robot, no ROS needed. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = "Simulate a robot offline: open-loop rollouts to CSV, renders to PNG.",
    subcommands = {SimCommand.Rollout.class, SimCommand.Render.class})
public final class SimCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A user error: printed without a stack trace, exit code 1. */
  static final class UserError extends Exception {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
      super(message);
    }
  }

  static RobotModel loadRobot(Path file) throws UserError {
    try {
      return RobotModel.fromUrdf(file);
    } catch (IOException e) {
      throw new UserError("cannot read robot file " + file + ": " + e.getMessage());
    } catch (UrdfException e) {
      throw new UserError("invalid robot file: " + e.getMessage());
    }
  }

  /** Parses comma- and/or space-separated numbers. */
  static double[] parseValues(String text, String option, int expected) throws UserError {
    String[] parts = text.trim().split("[,\\s]+");
    if (text.isBlank()) {
      parts = new String[0];
    }
    if (expected >= 0 && parts.length != expected) {
      throw new UserError(
          option + " has " + parts.length + " values, expected " + expected + ": '" + text + "'");
    }
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Double.parseDouble(parts[i]);
      } catch (NumberFormatException e) {
        throw new UserError(option + ": '" + parts[i] + "' is not a number");
      }
      if (!Double.isFinite(out[i])) {
        throw new UserError(option + ": value " + i + " is not finite");
      }
    }
    return out;
  }

  static int run(CommandLine.Model.CommandSpec spec, Callable<Integer> body) {
    try {
      return body.call();
    } catch (UserError e) {
      spec.commandLine().getErr().println("sim " + spec.name() + ": " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 1;
    } catch (Exception e) {
      spec.commandLine().getErr().println("sim " + spec.name() + ": failed: " + e);
      spec.commandLine().getErr().flush();
      return 1;
    }
  }

  /** {@code sim rollout}: an open-loop rollout written as CSV (t, q, qd per step). */
  @Command(
      name = "rollout",
      mixinStandardHelpOptions = true,
      description =
          "Run an open-loop rollout and write t, q, qd per step as CSV (row 0 is the initial state).")
  static final class Rollout implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--robot",
        required = true,
        paramLabel = "FILE.urdf",
        description = "Robot URDF.")
    Path robot;

    @Option(
        names = "--dt",
        defaultValue = "0.001",
        paramLabel = "S",
        description = "Step (s), default ${DEFAULT-VALUE}.")
    double dt;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "Number of steps.")
    int steps;

    @Option(
        names = "--integrator",
        defaultValue = "euler",
        paramLabel = "euler|rk4",
        description = "Semi-implicit Euler or RK4, default ${DEFAULT-VALUE}.")
    String integrator;

    @Option(
        names = "--torques",
        paramLabel = "FILE.csv",
        description =
            "Efforts per step: one row per step, one column per joint (URDF order); '#' comments and"
                + " a header row are allowed; needs at least --steps rows.")
    Path torques;

    @Option(
        names = "--torque",
        paramLabel = "VALUES",
        description = "Constant efforts, one per joint, comma-separated (N m or N).")
    String torque;

    @Option(names = "--q0", paramLabel = "VALUES", description = "Initial joint positions.")
    String q0;

    @Option(names = "--no-gravity", description = "Switch gravity off.")
    boolean noGravity;

    @Option(names = "--out", required = true, paramLabel = "traj.csv", description = "Output CSV.")
    Path out;

    @Override
    public Integer call() {
      return SimCommand.run(spec, this::rollout);
    }

    private Integer rollout() throws Exception {
      if (steps < 0) {
        throw new UserError("--steps must be >= 0, got " + steps);
      }
      if (!(dt > 0) || !Double.isFinite(dt)) {
        throw new UserError("--dt must be a positive number of seconds, got " + dt);
      }
      if (torques != null && torque != null) {
        throw new UserError("give either --torques FILE or --torque VALUES, not both");
      }
      Integrator integ;
      try {
        integ = Integrator.parse(integrator);
      } catch (IllegalArgumentException e) {
        throw new UserError("--integrator: " + e.getMessage());
      }
      RobotModel model = loadRobot(robot);
      int n = model.dof();
      WorldOptions opt = WorldOptions.defaults().withTimeStep(dt).withIntegrator(integ);
      if (noGravity) {
        opt = opt.withGravity(0, 0, 0);
      }
      SimWorld w = SimWorld.create(model, opt);
      if (q0 != null) {
        w.setPositions(parseValues(q0, "--q0", n));
      }
      double[][] table = null;
      double[] constant = new double[n];
      if (torque != null) {
        constant = parseValues(torque, "--torque", n);
      }
      if (torques != null) {
        table = readTorques(torques, n);
        if (table.length < steps) {
          throw new UserError(
              torques + " has " + table.length + " rows of efforts, --steps needs " + steps);
        }
      }
      double[] q = new double[n];
      double[] qd = new double[n];
      List<String> names = model.jointNames();
      try (BufferedWriter bw = Files.newBufferedWriter(out);
          PrintWriter pw = new PrintWriter(bw)) {
        StringBuilder header = new StringBuilder("t_s");
        for (String j : names) {
          header.append(",q_").append(j);
        }
        for (String j : names) {
          header.append(",qd_").append(j);
        }
        pw.println(header);
        writeRow(pw, w, q, qd);
        for (int s = 0; s < steps; s++) {
          w.setEffortCommand(table != null ? table[s] : constant);
          w.step();
          writeRow(pw, w, q, qd);
        }
        if (pw.checkError()) {
          throw new UserError("cannot write " + out);
        }
      }
      spec.commandLine()
          .getOut()
          .printf(
              "wrote %d steps of %s (%s, dt %s s) to %s%n",
              steps, model.name(), integ.cliName(), dt, out);
      spec.commandLine().getOut().flush();
      return 0;
    }

    private static void writeRow(PrintWriter pw, SimWorld w, double[] q, double[] qd) {
      w.getPositions(q);
      w.getVelocities(qd);
      StringBuilder sb = new StringBuilder();
      sb.append(w.timeS());
      for (double v : q) {
        sb.append(',').append(v);
      }
      for (double v : qd) {
        sb.append(',').append(v);
      }
      pw.println(sb);
    }

    private static double[][] readTorques(Path file, int n) throws UserError {
      List<String> lines;
      try {
        lines = Files.readAllLines(file);
      } catch (IOException e) {
        throw new UserError("cannot read " + file + ": " + e.getMessage());
      }
      List<double[]> rows = new ArrayList<>();
      boolean first = true;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).trim();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (first
            && !line.isEmpty()
            && !Character.isDigit(line.charAt(0))
            && line.charAt(0) != '-'
            && line.charAt(0) != '+'
            && line.charAt(0) != '.') {
          first = false;
          continue; // header row
        }
        first = false;
        rows.add(parseValues(line, file + " line " + (i + 1), n));
      }
      return rows.toArray(new double[0][]);
    }
  }

  /**
   * {@code sim render}: one camera image of the robot at a configuration, as PNG; with a multi-view
   * scene, all views side by side (view 0 on the left), as the simulator publishes it.
   */
  @Command(
      name = "render",
      mixinStandardHelpOptions = true,
      description =
          "Render the robot at a configuration to a PNG image (a scene with extra_views: all"
              + " views side by side, the camera's on the left).")
  static final class Render implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--robot",
        paramLabel = "FILE.urdf",
        description = "Robot URDF (default: the scene's robot).")
    Path robot;

    @Option(
        names = "--scene",
        paramLabel = "FILE.yaml",
        description = "Scene file (camera, colours, marker); default: a camera framing the robot.")
    Path scenePath;

    @Option(
        names = "--q",
        paramLabel = "VALUES",
        description = "Joint positions (default: the scene's initial positions).")
    String q;

    @Option(
        names = "--width",
        paramLabel = "PX",
        description =
            "Width of the whole image, all the scene's views side by side (default: the scene's,"
                + " 64 per view); must be a multiple of the number of views.")
    Integer width;

    @Option(
        names = "--height",
        paramLabel = "PX",
        description = "Image height (default: the scene's, 64).")
    Integer height;

    @Option(
        names = "--marker",
        paramLabel = "X,Y,Z",
        description = "Show the target marker at this world position (m).")
    String markerAt;

    @Option(names = "--out", required = true, paramLabel = "image.png", description = "Output PNG.")
    Path out;

    @Override
    public Integer call() {
      return SimCommand.run(spec, this::render);
    }

    private Integer render() throws Exception {
      Scene scene = Scene.defaults();
      if (scenePath != null) {
        try {
          scene = Scene.load(scenePath);
        } catch (SceneException e) {
          throw new UserError(e.getMessage());
        }
      }
      Path robotFile = robot != null ? robot : scene.robotFile();
      if (robotFile == null) {
        throw new UserError("give --robot FILE.urdf (the scene names no robot)");
      }
      RobotModel model = loadRobot(robotFile);
      double[] joints;
      if (q != null) {
        joints = parseValues(q, "--q", model.dof());
      } else {
        try {
          joints = scene.initialPositions(model);
        } catch (SceneException e) {
          throw new UserError(e.getMessage());
        }
      }
      int w = width != null ? width : scene.imageWidthPx();
      int h = height != null ? height : scene.imageHeightPx();
      if (w < 1 || h < 1 || w > 4096 || h > 4096) {
        throw new UserError("image size must be 1..4096 pixels, got " + w + "x" + h);
      }
      try {
        scene = scene.withImageSize(w, h);
      } catch (IllegalArgumentException e) {
        throw new UserError("--width: " + e.getMessage());
      }
      if (scenePath == null) {
        scene = AutoFraming.frame(model, joints, scene);
      }
      if (markerAt != null) {
        double[] m = parseValues(markerAt, "--marker", 3);
        Scene.Marker old = scene.marker();
        scene =
            scene.withMarker(
                new Scene.Marker(new Vec3(m[0], m[1], m[2]), old.radiusM(), old.color(), true));
      }
      CameraRenderer r = CameraRenderer.create(model, scene);
      byte[] rgb = new byte[3 * w * h];
      r.render(joints, rgb);
      writePng(rgb, w, h, out);
      spec.commandLine()
          .getOut()
          .printf("wrote %dx%d image of %s to %s%n", w, h, model.name(), out);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** Writes an rgb8 buffer as PNG. */
  public static void writePng(byte[] rgb, int w, int h, Path file) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int v = 0; v < h; v++) {
      for (int u = 0; u < w; u++) {
        int p = 3 * (v * w + u);
        img.setRGB(
            u, v, ((rgb[p] & 0xff) << 16) | ((rgb[p + 1] & 0xff) << 8) | (rgb[p + 2] & 0xff));
      }
    }
    if (!ImageIO.write(img, "png", file.toFile())) {
      throw new IOException("no PNG writer available");
    }
  }

  /** Runs the command tree (for tests and a stand-alone entry point). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new SimCommand()).execute(args));
  }
}
