package org.latentmpc.worldmodel.internal.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmpc.ros.BagMessage;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;
import org.latentmpc.ros.msgs.std_msgs.Float64MultiArray;
import picocli.CommandLine;

/** The picocli command: a run with the progress bar, arm7 with gravity, and bad arguments. */
class CollectCommandTest {
  /** arm7 under gravity must stay near its targets (gravity compensation + PID). */
  static final double ARM7_TRACKING_RAD = 0.05;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new CollectCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler(
        (e, c, p) -> {
          c.getErr().println("collect: error: " + e.getMessage());
          return 1;
        });
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void arm7RunWithProgressBarHoldsAgainstGravity(@TempDir Path dir) throws Exception {
    Path bag = dir.resolve("arm7.bag");
    Run r =
        run(
            "--robot",
            "arm7",
            "--episodes",
            "1",
            "--steps",
            "10",
            "--seed",
            "3",
            "--out",
            bag.toString(),
            "--configs",
            DataCollectorTest.CONFIGS.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("11 samples, 10 actions"), r.out());
    assertTrue(r.err().contains("episode 1/1 step 10/10"), r.err());
    assertTrue(r.err().contains("sim steps/s") && r.err().contains("ETA"), r.err());
    List<BagMessage> all = DataCollectorTest.messages(bag);
    List<BagMessage> states = DataCollectorTest.on(all, "/joint_states");
    List<BagMessage> targets = DataCollectorTest.on(all, "/arm_controller/group_command");
    double[] lastTarget = targets.get(9).decode(Float64MultiArray.TYPE).getData();
    double[] q = states.get(10).decode(JointState.TYPE).getPosition();
    assertEquals(7, q.length);
    for (int j = 0; j < 7; j++) {
      assertEquals(lastTarget[j], q[j], ARM7_TRACKING_RAD, "joint " + j);
    }
  }

  @Test
  void badArgumentsGiveOneLineErrorsAndWriteNothing(@TempDir Path dir) {
    Path bag = dir.resolve("x.bag");
    String configs = DataCollectorTest.CONFIGS.toString();
    String[][] cases = {
      {
        "--robot",
        "reacher9",
        "--episodes",
        "1",
        "--steps",
        "2",
        "--out",
        bag.toString(),
        "--configs",
        configs
      },
      {
        "--robot",
        "reacher2",
        "--episodes",
        "-1",
        "--steps",
        "2",
        "--out",
        bag.toString(),
        "--configs",
        configs
      },
      {
        "--robot",
        "reacher2",
        "--episodes",
        "1",
        "--steps",
        "2",
        "--policy",
        "greedy",
        "--out",
        bag.toString(),
        "--configs",
        configs
      },
      {
        "--robot",
        "reacher2",
        "--episodes",
        "1",
        "--steps",
        "2",
        "--out",
        dir.resolve("no/such/dir/x.bag").toString(),
        "--configs",
        configs
      },
      {
        "--robot",
        "reacher2",
        "--episodes",
        "1",
        "--steps",
        "2",
        "--out",
        bag.toString(),
        "--configs",
        dir.toString()
      },
      {
        "--robot",
        "reacher2",
        "--episodes",
        "1",
        "--steps",
        "2",
        "--max-delta",
        "0",
        "--out",
        bag.toString(),
        "--configs",
        configs
      },
    };
    String[] expected = {
      "unknown robot 'reacher9'",
      "--episodes must be positive",
      "unknown --policy 'greedy'",
      "does not exist",
      "scene file",
      "--max-delta must be > 0",
    };
    for (int i = 0; i < cases.length; i++) {
      Run r = run(cases[i]);
      assertEquals(1, r.exit(), r.err());
      assertTrue(r.err().contains(expected[i]), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertFalse(Files.exists(bag), "nothing written for case " + i);
    }
  }
}
