package org.latentmpc.ros;

import java.util.Locale;

/** How the chunks of a rosbag are compressed; the names are those stored in the chunk records. */
public enum Compression {
  /** Records stored as they are. */
  NONE("none"),
  /** Standard LZ4 frames (magic 04 22 4D 18), fast; what {@code rosbag record --lz4} writes. */
  LZ4("lz4"),
  /** Plain bzip2 streams, small but slow; what {@code rosbag record --bz2} writes. */
  BZ2("bz2");

  private final String wireName;

  Compression(String wireName) {
    this.wireName = wireName;
  }

  /** The name stored in a chunk record's {@code compression} field. */
  public String wireName() {
    return wireName;
  }

  /**
   * The compression with this stored name ({@code none}, {@code lz4}, {@code bz2}).
   *
   * @throws IllegalArgumentException naming the value when it is none of these
   */
  public static Compression fromWireName(String name) {
    for (Compression compression : values()) {
      if (compression.wireName.equals(name)) {
        return compression;
      }
    }
    throw new IllegalArgumentException(
        "unknown bag compression '" + name + "' (expected none, lz4 or bz2)");
  }

  @Override
  public String toString() {
    return wireName.toLowerCase(Locale.ROOT);
  }
}
