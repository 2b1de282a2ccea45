package org.latentmpc.ros.msgs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.latentmpc.ros.DynamicMessage;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.msgs.sensor_msgs.Image;
import org.latentmpc.ros.msgs.sensor_msgs.JointState;

/** Prints codec throughput: serialize + deserialize into a reused instance. Not asserted. */
@Tag("benchmark")
class CodecBenchmark {
  private static final int WARMUP_S = 1;
  private static final int MEASURE_S = 2;

  @Test
  void printCodecTimes() {
    JointState js = new JointState();
    js.setName(new String[] {"j1", "j2", "j3", "j4", "j5", "j6", "j7"});
    js.setPosition(new double[7]).setVelocity(new double[7]).setEffort(new double[7]);
    js.getHeader().setStamp(new Time(1, 2)).setFrameId("base");
    for (int round = 0; round < 2; round++) {
      measure("JointState(7) typed", js, new JointState());
      measure(
          "JointState(7) dynamic", js, DynamicMessage.type("sensor_msgs/JointState").newMessage());
    }
    Image image = new Image().setHeight(480).setWidth(640).setStep(1920).setEncoding("rgb8");
    image.setData(new byte[640 * 480 * 3]);
    measure("Image 640x480 rgb8 typed", image, new Image());
  }

  private static void measure(String label, Message message, Message target) {
    ByteBuffer buffer =
        ByteBuffer.allocate(message.serializedSize()).order(ByteOrder.LITTLE_ENDIAN);
    run(message, target, buffer, WARMUP_S);
    long[] result = run(message, target, buffer, MEASURE_S);
    double nsPerOp = (double) result[1] / result[0];
    System.out.printf(
        "%-28s %8d bytes  %10.1f ns per serialize+deserialize  %8.1f MB/s%n",
        label, buffer.capacity(), nsPerOp, buffer.capacity() / nsPerOp * 1e3);
  }

  private static long[] run(Message message, Message target, ByteBuffer buffer, int seconds) {
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    long ops = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 100; i++) {
        buffer.clear();
        message.serializedSize();
        message.serialize(buffer);
        buffer.flip();
        target.deserialize(buffer);
      }
      ops += 100;
    }
    return new long[] {ops, System.nanoTime() - start};
  }
}
