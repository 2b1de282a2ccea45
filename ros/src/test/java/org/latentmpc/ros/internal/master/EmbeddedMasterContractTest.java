package org.latentmpc.ros.internal.master;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The master contract against our {@link EmbeddedMaster}. */
class EmbeddedMasterContractTest extends MasterContractTest {
  private static EmbeddedMaster master;

  @BeforeAll
  static void start() throws IOException {
    master = EmbeddedMaster.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    master.close();
  }

  @Override
  protected String masterUri() {
    return master.uri();
  }
}
