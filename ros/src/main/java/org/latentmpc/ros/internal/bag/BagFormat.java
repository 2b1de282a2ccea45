package org.latentmpc.ros.internal.bag;

import java.nio.charset.StandardCharsets;

/** Constants of the rosbag v2.0 format (ros1-wire-facts.md section 5). */
public final class BagFormat {
  private BagFormat() {}

  /** The first bytes of every v2.0 bag. */
  public static final byte[] MAGIC = "#ROSBAG V2.0\n".getBytes(StandardCharsets.US_ASCII);

  /** The version line prefix shared by every rosbag version. */
  public static final byte[] MAGIC_PREFIX = "#ROSBAG V".getBytes(StandardCharsets.US_ASCII);

  public static final int OP_MESSAGE_DATA = 0x02;
  public static final int OP_BAG_HEADER = 0x03;
  public static final int OP_INDEX_DATA = 0x04;
  public static final int OP_CHUNK = 0x05;
  public static final int OP_CHUNK_INFO = 0x06;
  public static final int OP_CONNECTION = 0x07;

  /** The bag header record's header plus padding data: rosbag rewrites it in place on close. */
  public static final int BAG_HEADER_PADDED_LENGTH = 4096;

  /** Version of the index data records this library writes and reads. */
  public static final int INDEX_VERSION = 1;

  /** Version of the chunk info records this library writes and reads. */
  public static final int CHUNK_INFO_VERSION = 1;

  /**
   * The largest chunk (compressed or not) this library accepts: far above rosbag's 768 KB default,
   * and a bound on what a corrupt length field can make us allocate.
   */
  public static final long MAX_CHUNK_BYTES = 1L << 30;

  /** The largest record header accepted (connection headers with long definitions fit easily). */
  public static final int MAX_HEADER_BYTES = 64 << 20;

  /** A human name for an op code, for error messages. */
  public static String opName(int op) {
    return switch (op) {
      case OP_MESSAGE_DATA -> "message data";
      case OP_BAG_HEADER -> "bag header";
      case OP_INDEX_DATA -> "index data";
      case OP_CHUNK -> "chunk";
      case OP_CHUNK_INFO -> "chunk info";
      case OP_CONNECTION -> "connection";
      default -> "unknown (op 0x" + Integer.toHexString(op) + ")";
    };
  }
}
