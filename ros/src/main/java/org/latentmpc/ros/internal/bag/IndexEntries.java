package org.latentmpc.ros.internal.bag;

import java.util.Arrays;

/**
 * Where every message of a bag lies: time, chunk number, offset inside the uncompressed chunk and
 * connection id, in primitive arrays (20 bytes per message), sortable into time order.
 */
public final class IndexEntries {
  private long[] timeNanos = new long[1024];
  private int[] chunk = new int[1024];
  private int[] offset = new int[1024];
  private int[] connection = new int[1024];
  private int size;

  public void add(long time, int chunkNumber, int chunkOffset, int connectionId) {
    if (size == timeNanos.length) {
      int capacity = Math.max(1024, size + (size >> 1));
      timeNanos = Arrays.copyOf(timeNanos, capacity);
      chunk = Arrays.copyOf(chunk, capacity);
      offset = Arrays.copyOf(offset, capacity);
      connection = Arrays.copyOf(connection, capacity);
    }
    timeNanos[size] = time;
    chunk[size] = chunkNumber;
    offset[size] = chunkOffset;
    connection[size] = connectionId;
    size++;
  }

  public int size() {
    return size;
  }

  public long timeNanos(int i) {
    return timeNanos[i];
  }

  public int chunk(int i) {
    return chunk[i];
  }

  public int offset(int i) {
    return offset[i];
  }

  public int connection(int i) {
    return connection[i];
  }

  /** The first entry whose time is at least {@code time} (after {@link #sortByTime}). */
  public int firstAtOrAfter(long time) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (timeNanos[mid] < time) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** Sorts by time, then by position in the file (chunk, then offset): a stable, total order. */
  public void sortByTime() {
    if (isSorted()) {
      return;
    }
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    int[] scratch = new int[size];
    mergeSort(order, scratch, 0, size);
    timeNanos = permute(timeNanos, order);
    chunk = permute(chunk, order);
    offset = permute(offset, order);
    connection = permute(connection, order);
  }

  private boolean isSorted() {
    for (int i = 1; i < size; i++) {
      if (compare(i - 1, i) > 0) {
        return false;
      }
    }
    return true;
  }

  private int compare(int a, int b) {
    int byTime = Long.compare(timeNanos[a], timeNanos[b]);
    if (byTime != 0) {
      return byTime;
    }
    int byChunk = Integer.compare(chunk[a], chunk[b]);
    return byChunk != 0 ? byChunk : Integer.compareUnsigned(offset[a], offset[b]);
  }

  private void mergeSort(int[] order, int[] scratch, int from, int to) {
    if (to - from <= 16) {
      for (int i = from + 1; i < to; i++) {
        int value = order[i];
        int j = i - 1;
        while (j >= from && compare(order[j], value) > 0) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = value;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(order, scratch, from, mid);
    mergeSort(order, scratch, mid, to);
    if (compare(order[mid - 1], order[mid]) <= 0) {
      return;
    }
    System.arraycopy(order, from, scratch, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && compare(scratch[i], scratch[j]) <= 0)) {
        order[k] = scratch[i++];
      } else {
        order[k] = scratch[j++];
      }
    }
  }

  private static long[] permute(long[] values, int[] order) {
    long[] result = new long[Math.max(order.length, 1)];
    for (int i = 0; i < order.length; i++) {
      result[i] = values[order[i]];
    }
    return result;
  }

  private static int[] permute(int[] values, int[] order) {
    int[] result = new int[Math.max(order.length, 1)];
    for (int i = 0; i < order.length; i++) {
      result[i] = values[order[i]];
    }
    return result;
  }
}
