package org.latentmpc.ros.internal.bag;

import org.latentmpc.ros.Compression;

/**
 * Where a chunk's data lies and what it holds.
 *
 * @param position byte offset of the chunk record
 * @param compression how its data is compressed
 * @param dataPosition byte offset of its (compressed) data
 * @param storedLength bytes of data in the file (for a cut-off chunk: the bytes present)
 * @param uncompressedSize bytes of uncompressed records (for a cut-off chunk: the bytes holding
 *     complete records)
 * @param partial true for a chunk cut off by the end of the file or never finished
 * @param startNanos earliest message time
 * @param endNanos latest message time
 * @param messageCount messages in the chunk
 */
public record ChunkLocation(
    long position,
    Compression compression,
    long dataPosition,
    long storedLength,
    long uncompressedSize,
    boolean partial,
    long startNanos,
    long endNanos,
    long messageCount) {}
