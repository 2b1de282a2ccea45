package org.latentmpc.ros.internal.bag;

/**
 * A record located in a file or a chunk: its parsed header and where its data lies.
 *
 * @param position byte offset of the record (its header length prefix)
 * @param header the parsed header
 * @param dataPosition byte offset of the data
 * @param dataLength length of the data in bytes, as stored
 */
public record BagRecord(long position, RecordHeader header, long dataPosition, long dataLength) {
  /** The byte offset just past the record. */
  public long end() {
    return dataPosition + dataLength;
  }
}
