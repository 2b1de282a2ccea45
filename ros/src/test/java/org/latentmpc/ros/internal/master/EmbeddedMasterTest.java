package org.latentmpc.ros.internal.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latentmpc.ros.internal.testing.RecordingSlave;

/** Behaviour of our master beyond rosmaster's contract. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedMasterTest {
  @Test
  void aReplacedNodeCannotTakeItsNameBackWhileShuttingDown() throws Exception {
    try (EmbeddedMaster master = EmbeddedMaster.start("127.0.0.1", 0);
        RecordingSlave old = new RecordingSlave(master.uri());
        RecordingSlave fresh = new RecordingSlave(master.uri())) {
      MasterClient c = new MasterClient(URI.create(master.uri()), "/node");
      c.registerPublisher("/a", "std_msgs/String", old.uri());
      c.registerPublisher("/a", "std_msgs/String", fresh.uri());
      RecordingSlave.next(old.shutdowns);
      // The old node, shutting down, registers once more (as roscpp does): refused, no ping-pong.
      RosRpcException refused =
          assertThrows(RosRpcException.class, () -> c.subscribeParam(old.uri(), "/p"));
      assertEquals(-1, refused.code());
      assertTrue(refused.statusMessage().contains("replaced"), refused.statusMessage());
      assertTrue(master.awaitCallbacks(10, TimeUnit.SECONDS));
      assertTrue(fresh.shutdowns.isEmpty());
      assertEquals(fresh.uri(), c.lookupNode("/node"));
      // Its unregistrations are harmless: the new node's registration stays.
      assertEquals(0, c.unregisterPublisher("/a", old.uri()));
      assertEquals(List.of("/node"), c.getSystemState().publishers().get("/a"));
    }
  }

  @Test
  void reportsParameterSubscriptions() throws Exception {
    try (EmbeddedMaster master = EmbeddedMaster.start("127.0.0.1", 0);
        RecordingSlave node = new RecordingSlave(master.uri())) {
      MasterClient c = new MasterClient(URI.create(master.uri()), "/ns/node");
      c.subscribeParam(node.uri(), "gain");
      assertEquals(Map.of("/ns/gain/", List.of("/ns/node")), master.paramSubscribers());
      c.unsubscribeParam(node.uri(), "gain");
      assertEquals(Map.of(), master.paramSubscribers());
      // A node with nothing registered is forgotten.
      assertEquals(-1, assertThrows(RosRpcException.class, () -> c.lookupNode("/ns/node")).code());
    }
  }
}
