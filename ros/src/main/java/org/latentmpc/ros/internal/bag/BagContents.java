package org.latentmpc.ros.internal.bag;

import java.util.List;
import java.util.Map;
import org.latentmpc.ros.BagConnection;
import org.latentmpc.ros.BagReader;

/**
 * What {@link BagLoader} found in a bag: connections by id, chunks in file order, every message's
 * location sorted by time, and the recovery report when the index could not be used.
 *
 * @param connections by connection id, in id order
 * @param chunks in file order; {@link IndexEntries#chunk} indexes this list
 * @param entries every message, sorted by time
 * @param recovery null when the bag was read through its intact index
 */
public record BagContents(
    Map<Integer, BagConnection> connections,
    List<ChunkLocation> chunks,
    IndexEntries entries,
    BagReader.Recovery recovery) {}
