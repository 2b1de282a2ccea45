package org.latentmpc.launch.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.worldmodel.internal.cli.TrainCommand;
import org.latentmpc.worldmodel.internal.collect.CollectCommand;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;

/**
 * The whole demo graph in CI: a tiny world model trained here (sim-configs/models/tiny.yaml with
 * fewer steps, on a small bag from the collect command), then {@code latent-mpc demo} for one short
 * episode through sim-configs/launch/full_stack.launch; the report folder must hold an index.html
 * whose every picture exists and decodes, and a well-formed results.json.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class DemoSmokeTest {
  private static final Path CONFIGS = Path.of("../sim-configs").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void oneShortEpisodeWritesACompleteReport() throws Exception {
    Path bag = dir.resolve("small.bag");
    assertEquals(
        0,
        new CommandLine(new CollectCommand())
            .execute(
                "--robot",
                "reacher2",
                "--episodes",
                "4",
                "--steps",
                "30",
                "--seed",
                "3",
                "--out",
                bag.toString(),
                "--configs",
                CONFIGS.toString(),
                "--quiet"),
        "collect");
    String tiny = Files.readString(CONFIGS.resolve("models/tiny.yaml"));
    Path config = dir.resolve("tiny-smoke.yaml");
    Files.writeString(
        config,
        tiny.replaceAll("(?m)^epochs:.*$", "epochs: 1")
            .replaceAll("(?m)^steps_per_epoch:.*$", "steps_per_epoch: 8"));
    Path model = dir.resolve("tiny");
    assertEquals(
        0,
        new CommandLine(new TrainCommand())
            .execute(
                "--data",
                bag.toString(),
                "--config",
                config.toString(),
                "--out",
                model.toString(),
                "--action-topic",
                "/collect/action"),
        "train");

    Path report = dir.resolve("report");
    DemoCommand demo = new DemoCommand();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    demo.console = new PrintStream(console, true, StandardCharsets.UTF_8);
    int exit =
        new CommandLine(demo)
            .execute(
                "--model",
                model.toString(),
                "--episodes",
                "1",
                "--max-steps",
                "5",
                "--find-root",
                CONFIGS.toString(),
                "--out",
                report.toString(),
                "--startup-timeout",
                "240");
    String table = console.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, table);
    assertTrue(table.contains("success"), table);

    String html = Files.readString(report.resolve("index.html"));
    Matcher m = Pattern.compile("src=\"([^\"]+)\"").matcher(html);
    List<String> pictures = new ArrayList<>();
    while (m.find()) {
      pictures.add(m.group(1));
    }
    assertTrue(
        pictures.containsAll(
            List.of("plan_times.png", "episode_01_images.png", "episode_01_joints.png")),
        pictures.toString());
    for (String picture : pictures) {
      BufferedImage image = ImageIO.read(report.resolve(picture).toFile());
      assertNotNull(image, picture + " is a PNG");
      assertTrue(image.getWidth() > 100 && image.getHeight() > 100, picture);
    }
    assertTrue(html.contains("results.json"));

    Object parsed =
        new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(Files.readString(report.resolve("results.json")));
    Map<?, ?> results = (Map<?, ?>) parsed;
    assertEquals("reacher2", results.get("robot"));
    List<?> episodes = (List<?>) results.get("episodes");
    assertEquals(1, episodes.size());
    Map<?, ?> episode = (Map<?, ?>) episodes.get(0);
    double error = ((Number) episode.get("final_error_m")).doubleValue();
    assertTrue(Double.isFinite(error) && error >= 0, "final error " + error);
    assertEquals(2, ((List<?>) episode.get("goal_rad")).size());
    assertEquals(2, ((List<?>) episode.get("final_rad")).size());
    int steps = ((Number) episode.get("steps")).intValue();
    assertEquals(steps, ((List<?>) episode.get("plan_times_s")).size());
    assertTrue(steps <= 5, "step limit honoured: " + steps);
    assertTrue(
        steps > 0 || (Boolean) episode.get("planner_reached"),
        "the planner took the rendered /planner/goal_joints goal: " + episode);
    Map<?, ?> summary = (Map<?, ?>) results.get("summary");
    assertEquals(1, ((Number) summary.get("episodes")).intValue());
    assertFalse(((String) episode.get("end_reason")).isBlank());
  }

  @Test
  void withoutACheckpointTheDemoSaysHowToMakeOne() throws Exception {
    DemoCommand demo = new DemoCommand();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    demo.log = new PrintStream(errors, true, StandardCharsets.UTF_8);
    int exit =
        new CommandLine(demo)
            .execute("--find-root", dir.toString(), "--out", dir.resolve("report").toString());
    String text = errors.toString(StandardCharsets.UTF_8);
    assertEquals(1, exit, text);
    assertTrue(text.contains("no checkpoint is shipped for reacher2"), text);
    assertTrue(text.contains("latent-mpc collect --robot reacher2"), text);
    assertTrue(text.contains("latent-mpc train"), text);
    assertFalse(Files.exists(dir.resolve("report")), "nothing written");
  }

  @Test
  void aMissingSceneIsRefusedBeforeAnythingStarts() {
    DemoCommand demo = new DemoCommand();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    demo.log = new PrintStream(errors, true, StandardCharsets.UTF_8);
    int exit =
        new CommandLine(demo)
            .execute(
                "--robot",
                "arm7",
                "--scene",
                dir.resolve("no-such-scene.yaml").toString(),
                "--out",
                dir.resolve("report-scene").toString());
    String text = errors.toString(StandardCharsets.UTF_8);
    assertEquals(2, exit, text);
    assertTrue(text.contains("demo: --scene: no scene file at"), text);
    assertFalse(Files.exists(dir.resolve("report-scene")), "nothing written");
  }
}
