package org.latentmpc.ros.bag;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately simple, independent parser of a bag's top-level records, for checking the writer's
 * layout and for locating bytes to corrupt. Trusts its input (test files only).
 */
final class BagLayout {
  private BagLayout() {}

  /** A top-level record. */
  record Record(
      int position,
      int headerLength,
      Map<String, byte[]> header,
      int dataPosition,
      int dataLength) {
    int op() {
      return header.get("op")[0];
    }

    long uint(String name) {
      byte[] value = header.get(name);
      ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      buffer.put(value);
      return buffer.getLong(0);
    }

    /** Time field as nanoseconds. */
    long time(String name) {
      ByteBuffer value = ByteBuffer.wrap(header.get(name)).order(ByteOrder.LITTLE_ENDIAN);
      return Integer.toUnsignedLong(value.getInt()) * 1_000_000_000L + value.getInt();
    }

    String string(String name) {
      return new String(header.get(name), StandardCharsets.UTF_8);
    }

    int end() {
      return dataPosition + dataLength;
    }
  }

  static Record record(byte[] file, int position) {
    ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int headerLength = in.getInt(position);
    Map<String, byte[]> header = new LinkedHashMap<>();
    int at = position + 4;
    while (at < position + 4 + headerLength) {
      int fieldLength = in.getInt(at);
      String field = new String(file, at + 4, fieldLength, StandardCharsets.ISO_8859_1);
      int equals = field.indexOf('=');
      byte[] value = new byte[fieldLength - equals - 1];
      System.arraycopy(file, at + 4 + equals + 1, value, 0, value.length);
      header.put(field.substring(0, equals), value);
      at += 4 + fieldLength;
    }
    int dataLength = in.getInt(at);
    return new Record(position, headerLength, header, at + 4, dataLength);
  }

  /** Every top-level record after the version line, in file order. */
  static List<Record> records(byte[] file) {
    List<Record> records = new ArrayList<>();
    int position = 13;
    while (position < file.length) {
      Record record = record(file, position);
      records.add(record);
      position = record.end();
    }
    return records;
  }

  /** The records inside an uncompressed chunk's data. */
  static List<Record> chunkRecords(byte[] file, Record chunk) {
    byte[] data = new byte[chunk.dataLength()];
    System.arraycopy(file, chunk.dataPosition(), data, 0, data.length);
    List<Record> records = new ArrayList<>();
    int position = 0;
    while (position < data.length) {
      Record record = record(data, position);
      records.add(
          new Record(
              chunk.dataPosition() + record.position(),
              record.headerLength(),
              record.header(),
              chunk.dataPosition() + record.dataPosition(),
              record.dataLength()));
      position = record.end();
    }
    return records;
  }

  static void putInt(byte[] file, int position, int value) {
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(position, value);
  }

  static void putLong(byte[] file, int position, long value) {
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putLong(position, value);
  }

  /** The byte offset of a header field's value in the file. */
  static int fieldValuePosition(byte[] file, Record record, String name) {
    byte[] needle = (name + "=").getBytes(StandardCharsets.US_ASCII);
    for (int at = record.position() + 4; at < record.position() + 4 + record.headerLength(); at++) {
      boolean match = true;
      for (int i = 0; i < needle.length && match; i++) {
        match = file[at + i] == needle[i];
      }
      if (match) {
        return at + needle.length;
      }
    }
    throw new IllegalArgumentException("no field " + name + " in record at " + record.position());
  }
}
