package org.latentmpc.launch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.launch.LaunchFile;

/**
 * {@code $(eval ...)}: Python semantics on cases, in launch files, and against Debian's roslaunch.
 */
class LaunchEvalTest {
  private static final Map<String, String> ARGS = new LinkedHashMap<>();

  static {
    ARGS.put("radius", "0.5");
    ARGS.put("n", "3");
    ARGS.put("mode", "sim");
    ARGS.put("use_gui", "true");
    ARGS.put("name", "arm7");
    ARGS.put("off", "False");
  }

  private static final Map<String, String> ENV = Map.of("HOME_X", "/home/x");

  /** Expressions and what Python's str(eval(...)) prints for them with {@link #ARGS}. */
  static final String[][] CASES = {
    {"2 * 3.1415 * arg('radius')", "3.1415"},
    {"2 * radius", "1.0"},
    {"n * 2 + 1", "7"},
    {"n / 2", "1.5"},
    {"n // 2", "1"},
    {"-7 // 2", "-4"},
    {"-7 % 3", "2"},
    {"7.5 % -2", "-0.5"},
    {"2 ** 10", "1024"},
    {"2 ** -1", "0.5"},
    {"-2 ** 2", "-4"},
    {"mode == 'sim'", "True"},
    {"mode == 'real' or n > 2", "True"},
    {"not use_gui", "False"},
    {"use_gui and mode", "sim"},
    {"off or 'fallback'", "fallback"},
    {"1 < n <= 3", "True"},
    {"1 < n < 3", "False"},
    {"'a' if n > 2 else 'b'", "a"},
    {"'a' if n > 5 else 'b' if n > 2 else 'c'", "b"},
    {"name + '_controller'", "arm7_controller"},
    {"arg('name') + \"/\" + str(n)", "arm7/3"},
    {"'ab' * 2", "abab"},
    {"float(n) / 4", "0.75"},
    {"int(radius * 10)", "5"},
    {"int('42') + 1", "43"},
    {"sqrt(16)", "4.0"},
    {"floor(2.7) + ceil(2.1)", "5"},
    {"degrees(pi)", "180.0"},
    {"round_trip == 1".replace("round_trip", "n - 2"), "True"},
    {"1e-5 * 1", "1e-05"},
    {"1.5e16 * 1", "1.5e+16"},
    {"0.1 + 0.2", "0.30000000000000004"},
    {"true == True", "True"},
    {"(n + 1) * (n - 1)", "8"},
    {"optenv('NOPE', 'dflt') + env('HOME_X')", "dflt/home/x"},
    {"n != 3", "False"},
    {"mode != 3", "True"},
  };

  private static String eval(String expression) throws LaunchException {
    return LaunchEval.evaluate(
        expression, new LaunchEval.Context("t.launch:1", ARGS, ENV::get, Path.of("/configs")));
  }

  @Test
  void pythonSemanticsOnCases() throws Exception {
    for (String[] c : CASES) {
      assertEquals(c[1], eval(c[0]), c[0]);
    }
    assertEquals("/configs/scenes", eval("find('latent_mpc') + '/scenes'"));
  }

  @Test
  void badExpressionsGiveClearErrors() {
    String[][] bad = {
      {"__import__('os')", "double underscore"},
      {"nope + 1", "name 'nope' is not defined"},
      {"arg('nope')", "arg 'nope' is not set"},
      {"mode + 1", "'+' between str and int"},
      {"1 / 0", "division by zero"},
      {"n // 0", "integer division by zero"},
      {"(1 + 2", "expected ')'"},
      {"1 +", "ends too early"},
      {"1 2", "unexpected '2'"},
      {"mode.upper()", "unsupported character '.'"},
      {"[1, 2]", "unsupported character '['"},
      {"open('x')", "unknown function 'open'"},
      {"sqrt(-1)", "math domain error"},
      {"'abc", "unterminated string"},
      {"env('NOT_SET_X')", "environment variable NOT_SET_X is not set"},
      {"find('other')", "unknown package 'other'"},
      {"int('x1')", "int() cannot read 'x1'"},
      {"sqrt(1, 2)", "sqrt() takes 1 argument(s)"},
      {"mode < 3", "'<' between str and int"},
    };
    for (String[] b : bad) {
      LaunchException e = assertThrows(LaunchException.class, () -> eval(b[0]), b[0]);
      assertTrue(e.getMessage().startsWith("t.launch:1: "), e.getMessage());
      assertTrue(e.getMessage().contains(b[1]), b[0] + " -> " + e.getMessage());
    }
  }

  @Test
  void inLaunchFilesAsTheWholeAttribute(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("e.launch");
    Files.writeString(
        file,
        String.join(
            "\n",
            "<launch>",
            "  <arg name='radius' default='0.5'/>",
            "  <arg name='gui' default='false'/>",
            "  <arg name='rate' default='$(eval 2 * 10)'/>",
            "  <param name='circumference' type='double' value='$(eval 2 * pi * radius)'/>",
            "  <param name='rate' value='$(arg rate)'/>",
            "  <group if=\"$(eval gui == False)\">",
            "    <param name='headless' value='$(eval not gui)'/>",
            "  </group>",
            "  <group if=\"$(eval gui)\">",
            "    <param name='shown' value='yes'/>",
            "  </group>",
            "</launch>",
            ""));
    LaunchParser parser = new LaunchParser(dir, ENV::get);
    LaunchFile launch = parser.parse(file, Map.of());
    assertEquals(2 * Math.PI * 0.5, (Double) launch.globalParams().get("/circumference"), 1e-12);
    assertEquals(20, launch.globalParams().get("/rate"));
    assertEquals(true, launch.globalParams().get("/headless"));
    assertTrue(!launch.globalParams().containsKey("/shown"), launch.globalParams().toString());
    launch = parser.parse(file, Map.of("gui", "true", "radius", "2"));
    assertEquals(true, launch.globalParams().containsKey("/shown"));
    assertEquals(4 * Math.PI, (Double) launch.globalParams().get("/circumference"), 1e-12);

    Path mixed = dir.resolve("m.launch");
    Files.writeString(mixed, "<launch>\n  <param name='x' value='a$(eval 6 * 7)'/>\n</launch>\n");
    LaunchException e = assertThrows(LaunchException.class, () -> parser.parse(mixed, Map.of()));
    assertTrue(e.getMessage().startsWith(mixed + ":2:"), e.getMessage());
    assertTrue(e.getMessage().contains("must be the whole attribute value"), e.getMessage());
    Path broken = dir.resolve("b.launch");
    Files.writeString(broken, "<launch>\n  <param name='x' value='$(eval 1 +)'/>\n</launch>\n");
    e = assertThrows(LaunchException.class, () -> parser.parse(broken, Map.of()));
    assertTrue(e.getMessage().startsWith(broken + ":2:"), e.getMessage());
    assertTrue(e.getMessage().contains("$(eval 1 +)"), e.getMessage());
  }

  /** Every case through Debian's roslaunch (its substitution_args.resolve_args) prints the same. */
  @Test
  @Tag("interop")
  void debiansRoslaunchAgrees(@TempDir Path dir) throws Exception {
    String python =
        Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    StringBuilder script = new StringBuilder();
    script.append("import sys, os\n");
    script.append("try:\n    from roslaunch.substitution_args import resolve_args\n");
    script.append("except ImportError:\n    print('NO_ROSLAUNCH'); sys.exit(0)\n");
    script.append("os.environ['HOME_X'] = '/home/x'\n");
    script.append("os.environ.pop('NOPE', None)\n");
    script.append("ctx = {'arg': {");
    for (Map.Entry<String, String> a : ARGS.entrySet()) {
      script.append("'").append(a.getKey()).append("': '").append(a.getValue()).append("', ");
    }
    script.append("}}\n");
    script.append("for line in open(sys.argv[1], encoding='utf-8').read().split('\\n'):\n");
    script.append(
        "    if line:\n        print(resolve_args('$(eval ' + line + ')', context=ctx))\n");
    Path scriptFile = dir.resolve("eval.py");
    Files.writeString(scriptFile, script.toString());
    List<String> expressions = new ArrayList<>();
    for (String[] c : CASES) {
      expressions.add(c[0]);
    }
    Path input = dir.resolve("cases.txt");
    Files.writeString(input, String.join("\n", expressions) + "\n");
    Process p;
    try {
      p =
          new ProcessBuilder(python, scriptFile.toString(), input.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      Assumptions.assumeTrue(false, "python3 not available: skipping (" + e.getMessage() + ")");
      return;
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python finished");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Assumptions.assumeFalse(
        out.startsWith("NO_ROSLAUNCH"),
        "Debian's roslaunch (ros-core) is not installed: skipping the comparison");
    assertEquals(0, p.exitValue(), out);
    List<String> lines = out.lines().toList();
    assertEquals(expressions.size(), lines.size(), out);
    for (int i = 0; i < expressions.size(); i++) {
      assertEquals(lines.get(i), eval(expressions.get(i)), expressions.get(i));
    }
  }
}
