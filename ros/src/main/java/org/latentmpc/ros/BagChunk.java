package org.latentmpc.ros;

/**
 * One chunk of a rosbag: a block of connection and message records, compressed as a whole.
 *
 * @param positionBytes the byte offset of the chunk record in the file
 * @param compression how the chunk's records are compressed
 * @param storedSizeBytes bytes the chunk's data occupies in the file (after compression)
 * @param uncompressedSizeBytes bytes of records after decompression
 * @param startTime the earliest message time in the chunk
 * @param endTime the latest message time in the chunk
 * @param messageCount messages in the chunk
 */
public record BagChunk(
    long positionBytes,
    Compression compression,
    long storedSizeBytes,
    long uncompressedSizeBytes,
    Time startTime,
    Time endTime,
    long messageCount) {}
