package org.latentmpc.ros.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.ros.internal.testing.RosTools;
import org.latentmpc.ros.internal.testing.Roscore;

/** Our param tool against a real roscore, cross-checked with real rosparam. */
@Tag("interop")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ParamCommandRoscoreInteropTest {
  @Test
  void paramCommandAgainstRealRoscoreMatchesRosparam() throws Exception {
    Assumptions.assumeTrue(
        Roscore.available(), "Debian ROS not installed (roscore, rospy): skipping roscore interop");
    try (Roscore roscore = new Roscore()) {
      MasterAndParamCommandTest.paramCommandContract(roscore.uri());
      RosTools tools = new RosTools(roscore.uri(), roscore.home());
      String m = "--master=" + roscore.uri();
      MasterAndParamCommandTest.run(new ParamCommand(), m, "set", "/x/gains", "[1, 2.5]");
      RosTools.Result r = tools.run("rosparam", "get", "/x/gains");
      assertEquals(0, r.exitCode(), r.output());
      assertEquals("- 1\n- 2.5", r.output().trim());
      assertEquals(
          r.output().trim(),
          MasterAndParamCommandTest.run(new ParamCommand(), m, "get", "/x/gains").out().trim());
      tools.run("rosparam", "set", "/x/name", "robot");
      assertEquals(
          "robot\n", MasterAndParamCommandTest.run(new ParamCommand(), m, "get", "/x/name").out());
      String ours = MasterAndParamCommandTest.run(new ParamCommand(), m, "list").out();
      assertTrue(ours.contains("/rosdistro") && ours.contains("/x/name"), ours);
    }
  }
}
