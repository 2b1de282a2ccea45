package org.latentmpc.ros.msgs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.latentmpc.ros.internal.message.FieldSpec;
import org.latentmpc.ros.internal.message.MsgSpec;
import org.latentmpc.ros.internal.message.SpecRegistry;

/**
 * Writes valid random serialized messages straight from a parsed spec, independently of the message
 * classes, so codec tests compare the classes against the definition.
 */
final class RandomWire {
  private static final String[] WORDS = {"", "a", "joint_1", "ünïcødé", "日本", "x y z", "😀"};
  private final Random random;
  private final SpecRegistry registry;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  RandomWire(long seed, SpecRegistry registry) {
    this.random = new Random(seed);
    this.registry = registry;
  }

  byte[] message(String type) {
    out.reset();
    write(registry.spec(type));
    return out.toByteArray();
  }

  private void write(MsgSpec spec) {
    for (FieldSpec f : spec.fields()) {
      int n = f.array() ? (f.arrayLength() >= 0 ? f.arrayLength() : random.nextInt(4)) : 1;
      if (f.variableLength()) {
        putInt(n);
      }
      for (int i = 0; i < n; i++) {
        if (f.builtin()) {
          builtin(f.baseType());
        } else {
          write(registry.spec(f.baseType()));
        }
      }
    }
  }

  private void builtin(String type) {
    switch (type) {
      case "bool" -> out.write(random.nextBoolean() ? 1 : 0);
      case "int8", "uint8", "byte", "char" -> out.write(random.nextInt(256));
      case "int16", "uint16" -> bytes(2);
      case "int32", "uint32" -> putInt(random.nextInt());
      case "int64", "uint64" -> bytes(8);
      case "float32" -> putInt(Float.floatToIntBits((float) random.nextGaussian()));
      case "float64" -> {
        long bits = Double.doubleToLongBits(random.nextGaussian() * 100);
        putInt((int) bits);
        putInt((int) (bits >>> 32));
      }
      case "string" -> {
        byte[] b = WORDS[random.nextInt(WORDS.length)].getBytes(StandardCharsets.UTF_8);
        putInt(b.length);
        out.write(b, 0, b.length);
      }
      case "time" -> {
        putInt(random.nextInt());
        putInt(random.nextInt(1_000_000_000));
      }
      case "duration" -> {
        putInt(random.nextInt(2000) - 1000);
        putInt(random.nextInt(1_000_000_000));
      }
      default -> throw new IllegalArgumentException(type);
    }
  }

  private void bytes(int n) {
    for (int i = 0; i < n; i++) {
      out.write(random.nextInt(256));
    }
  }

  private void putInt(int v) {
    byte[] b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    out.write(b, 0, 4);
  }
}
