package org.latentmpc.ros.internal.master;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.latentmpc.ros.internal.testing.Roscore;

/**
 * The same master contract against Debian's real roscore: our MasterClient and SlaveServer
 * interoperate.
 */
@Tag("interop")
class RoscoreMasterContractTest extends MasterContractTest {
  private static Roscore roscore;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        Roscore.available(), "Debian ROS not installed (roscore, rospy): skipping roscore interop");
    roscore = new Roscore();
  }

  @AfterAll
  static void stop() {
    if (roscore != null) {
      roscore.close();
    }
  }

  @Override
  protected String masterUri() {
    return roscore.uri();
  }
}
