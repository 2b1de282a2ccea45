package org.latentmpc.ros.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentmpc.ros.Compression;
import org.latentmpc.ros.internal.tools.BagCommand;
import picocli.CommandLine;

/** {@code bag info}: the same text as {@code rosbag info}. */
class BagCommandInfoTest {
  @TempDir Path dir;

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        new CommandLine(new BagCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    int exit = commandLine.execute(args);
    assertEquals(0, exit, err.toString());
    return out.toString();
  }

  @Test
  void infoListsSizesCountsTypesAndTopics() throws IOException {
    Path bag = dir.resolve("info.bag");
    BagTestData.write(bag, Compression.LZ4, 4096, BagTestData.messages(900, 4));
    String text = run("info", bag.toString());
    assertTrue(text.startsWith("path:         " + bag + "\nversion:      2.0\n"), text);
    assertTrue(text.contains("\nduration:     9.0s\n"), text);
    assertTrue(text.contains("\nmessages:     900\n"), text);
    assertTrue(text.contains("\ncompression:  lz4 [23/23 chunks; "), text);
    assertTrue(
        text.contains("\ntypes:        std_msgs/Float64 [fdb28210bfa9d7c91146260178d9a584]\n"),
        text);
    assertTrue(
        text.contains("\ntopics:       /joint/position   300 msgs    : std_msgs/Float64\n"), text);
    String withFrequency = run("info", "--freq", bag.toString());
    assertTrue(
        withFrequency.contains("/status           300 msgs @ 33.3 Hz : std_msgs/String"),
        withFrequency);
  }

  @Test
  void infoOfACutBagSaysWhatWasRecovered() throws IOException {
    Path bag = dir.resolve("full.bag");
    BagTestData.write(bag, Compression.NONE, 4096, BagTestData.messages(900, 4));
    byte[] bytes = Files.readAllBytes(bag);
    Path cut = dir.resolve("cut.bag");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    String text = run("info", cut.toString());
    assertTrue(text.contains("\nrecovered:   index position"), text);
    assertTrue(text.contains("is cut-off"), text);
  }

  @Tag("interop")
  @ParameterizedTest
  @EnumSource(
      value = Compression.class,
      names = {"NONE", "LZ4"})
  void infoPrintsExactlyWhatRosbagInfoPrints(Compression compression) throws IOException {
    assumeTrue(RosPython.rosbagCliAvailable(), "Debian ROS not installed: skipping rosbag info");
    Path bag = dir.resolve("same-" + compression + ".bag");
    BagTestData.write(bag, compression, 4096, BagTestData.messages(900, 4));
    String ours = run("info", bag.toString()).strip();
    String theirs = RosPython.run(List.of("rosbag", "info", bag.toString()), dir, true).stdout();
    assertEquals(theirs.strip(), ours);
    assertNotEquals("", ours);
  }
}
