package org.latentmpc.ros.internal.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageFormatException;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.ServiceType;

/**
 * Small hand-written messages for transport tests, until the library's message classes land. md5s
 * are computed from the md5 text with the JDK, as ROS does.
 */
final class TestMessages {
  private TestMessages() {}

  static String md5(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static String readString(ByteBuffer in) {
    if (in.remaining() < 4) {
      throw new MessageFormatException("truncated string length");
    }
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new MessageFormatException("string length " + n + " beyond the buffer");
    }
    byte[] b = new byte[n];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  static void writeString(ByteBuffer out, byte[] utf8) {
    out.putInt(utf8.length);
    out.put(utf8);
  }

  /** std_msgs/String. */
  static final class StringMsg implements Message {
    static final MessageType<StringMsg> TYPE =
        new MessageType<>("std_msgs/String", md5("string data"), "string data\n", StringMsg::new);
    String data = "";

    StringMsg() {}

    StringMsg(String data) {
      this.data = data;
    }

    @Override
    public MessageType<?> messageType() {
      return TYPE;
    }

    @Override
    public int serializedSize() {
      return 4 + data.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public void serialize(ByteBuffer out) {
      writeString(out, data.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void deserialize(ByteBuffer in) {
      data = readString(in);
    }
  }

  /** test_msgs/Blob: uint8[] data. */
  static final class Blob implements Message {
    static final MessageType<Blob> TYPE =
        new MessageType<>("test_msgs/Blob", md5("uint8[] data"), "uint8[] data\n", Blob::new);
    byte[] data = new byte[0];

    Blob() {}

    Blob(byte[] data) {
      this.data = data;
    }

    @Override
    public MessageType<?> messageType() {
      return TYPE;
    }

    @Override
    public int serializedSize() {
      return 4 + data.length;
    }

    @Override
    public void serialize(ByteBuffer out) {
      out.putInt(data.length);
      out.put(data);
    }

    @Override
    public void deserialize(ByteBuffer in) {
      int n = in.getInt();
      if (n < 0 || n > in.remaining()) {
        throw new MessageFormatException("uint8[] length " + n + " beyond the buffer");
      }
      data = new byte[n];
      in.get(data);
    }
  }

  /** A message with only a bool (std_srvs/SetBoolRequest). */
  static final class BoolMsg implements Message {
    static final MessageType<BoolMsg> SET_BOOL_REQUEST =
        new MessageType<>("std_srvs/SetBoolRequest", md5("bool data"), "bool data\n", BoolMsg::new);
    boolean data;

    @Override
    public MessageType<?> messageType() {
      return SET_BOOL_REQUEST;
    }

    @Override
    public int serializedSize() {
      return 1;
    }

    @Override
    public void serialize(ByteBuffer out) {
      out.put((byte) (data ? 1 : 0));
    }

    @Override
    public void deserialize(ByteBuffer in) {
      if (!in.hasRemaining()) {
        throw new MessageFormatException("truncated bool");
      }
      data = in.get() != 0;
    }
  }

  /** An empty message (std_srvs/TriggerRequest). */
  static final class EmptyMsg implements Message {
    static final MessageType<EmptyMsg> TRIGGER_REQUEST =
        new MessageType<>("std_srvs/TriggerRequest", md5(""), "", EmptyMsg::new);

    @Override
    public MessageType<?> messageType() {
      return TRIGGER_REQUEST;
    }

    @Override
    public int serializedSize() {
      return 0;
    }

    @Override
    public void serialize(ByteBuffer out) {}

    @Override
    public void deserialize(ByteBuffer in) {}
  }

  /** bool success, string message (std_srvs/TriggerResponse and SetBoolResponse). */
  static final class SuccessMsg implements Message {
    static final String TEXT = "bool success\nstring message";
    static final MessageType<SuccessMsg> TRIGGER_RESPONSE =
        new MessageType<>("std_srvs/TriggerResponse", md5(TEXT), TEXT + "\n", SuccessMsg::new);
    boolean success;
    String message = "";

    @Override
    public MessageType<?> messageType() {
      return TRIGGER_RESPONSE;
    }

    @Override
    public int serializedSize() {
      return 1 + 4 + message.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public void serialize(ByteBuffer out) {
      out.put((byte) (success ? 1 : 0));
      writeString(out, message.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void deserialize(ByteBuffer in) {
      success = in.get() != 0;
      message = readString(in);
    }
  }

  /** std_srvs/SetBool: md5 of the request text followed directly by the response text. */
  static final ServiceType<BoolMsg, SuccessMsg> SET_BOOL =
      new ServiceType<>(
          "std_srvs/SetBool",
          md5("bool data" + SuccessMsg.TEXT),
          BoolMsg.SET_BOOL_REQUEST,
          new MessageType<>(
              "std_srvs/SetBoolResponse",
              SuccessMsg.TRIGGER_RESPONSE.md5(),
              SuccessMsg.TRIGGER_RESPONSE.definition(),
              SuccessMsg::new));

  /** std_srvs/Trigger. */
  static final ServiceType<EmptyMsg, SuccessMsg> TRIGGER =
      new ServiceType<>(
          "std_srvs/Trigger",
          md5(SuccessMsg.TEXT),
          EmptyMsg.TRIGGER_REQUEST,
          SuccessMsg.TRIGGER_RESPONSE);
}
