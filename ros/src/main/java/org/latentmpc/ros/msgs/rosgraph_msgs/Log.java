package org.latentmpc.ros.msgs.rosgraph_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;
import org.latentmpc.ros.msgs.std_msgs.Header;

/**
 * The ROS message {@code rosgraph_msgs/Log}. Severity level constants
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class Log implements Message {
  /** The type descriptor of {@code rosgraph_msgs/Log}. */
  public static final MessageType<Log> TYPE = MessageType.of("rosgraph_msgs/Log", Log::new);

  /** Constant {@code DEBUG} = 1. */
  public static final byte DEBUG = (byte) 1;

  /** Constant {@code INFO} = 2. */
  public static final byte INFO = (byte) 2;

  /** Constant {@code WARN} = 4. */
  public static final byte WARN = (byte) 4;

  /** Constant {@code ERROR} = 8. */
  public static final byte ERROR = (byte) 8;

  /** Constant {@code FATAL} = 16. */
  public static final byte FATAL = (byte) 16;

  private Header header = new Header();
  private byte level = 0;
  private String name = "";
  private String msg = "";
  private String file = "";
  private String function = "";
  private int line = 0;
  private String[] topics = new String[0];

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public Log() {}

  /** Field {@code std_msgs/Header header} (held by reference). */
  public Header getHeader() {
    return header;
  }

  /** Sets field {@code header} (stored by reference, not copied); returns this. */
  public Log setHeader(Header header) {
    this.header = Objects.requireNonNull(header, "header");
    return this;
  }

  /** Field {@code byte level}. */
  public byte getLevel() {
    return level;
  }

  /** Sets field {@code level}; returns this. */
  public Log setLevel(byte level) {
    this.level = level;
    return this;
  }

  /** Field {@code string name}. */
  public String getName() {
    return name;
  }

  /** Sets field {@code name}; returns this. */
  public Log setName(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /** Field {@code string msg}. */
  public String getMsg() {
    return msg;
  }

  /** Sets field {@code msg}; returns this. */
  public Log setMsg(String msg) {
    this.msg = Objects.requireNonNull(msg, "msg");
    return this;
  }

  /** Field {@code string file}. */
  public String getFile() {
    return file;
  }

  /** Sets field {@code file}; returns this. */
  public Log setFile(String file) {
    this.file = Objects.requireNonNull(file, "file");
    return this;
  }

  /** Field {@code string function}. */
  public String getFunction() {
    return function;
  }

  /** Sets field {@code function}; returns this. */
  public Log setFunction(String function) {
    this.function = Objects.requireNonNull(function, "function");
    return this;
  }

  /** Field {@code uint32 line}. */
  public int getLine() {
    return line;
  }

  /** Sets field {@code line}; returns this. */
  public Log setLine(int line) {
    this.line = line;
    return this;
  }

  /** Field {@code string[] topics} (held by reference). */
  public String[] getTopics() {
    return topics;
  }

  /** Sets field {@code topics} (stored by reference, not copied); returns this. */
  public Log setTopics(String[] topics) {
    this.topics = Objects.requireNonNull(topics, "topics");
    return this;
  }

  @Override
  public MessageType<Log> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 5
        + header.serializedSize()
        + Wire.stringSize(name)
        + Wire.stringSize(msg)
        + Wire.stringSize(file)
        + Wire.stringSize(function)
        + Wire.stringArraySize(topics);
  }

  @Override
  public void serialize(ByteBuffer out) {
    header.serialize(out);
    out.put(level);
    Wire.putString(out, name);
    Wire.putString(out, msg);
    Wire.putString(out, file);
    Wire.putString(out, function);
    out.putInt(line);
    Wire.putStringArray(out, topics);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      header.deserialize(in);
      level = in.get();
      name = Wire.getString(in, name, "name");
      msg = Wire.getString(in, msg, "msg");
      file = Wire.getString(in, file, "file");
      function = Wire.getString(in, function, "function");
      line = in.getInt();
      topics = Wire.getStringArray(in, topics, "topics");
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("rosgraph_msgs/Log", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Log)) {
      return false;
    }
    Log other = (Log) o;
    return header.equals(other.header)
        && level == other.level
        && name.equals(other.name)
        && msg.equals(other.msg)
        && file.equals(other.file)
        && function.equals(other.function)
        && line == other.line
        && Arrays.equals(topics, other.topics);
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + header.hashCode();
    h = 31 * h + Byte.hashCode(level);
    h = 31 * h + name.hashCode();
    h = 31 * h + msg.hashCode();
    h = 31 * h + file.hashCode();
    h = 31 * h + function.hashCode();
    h = 31 * h + Integer.hashCode(line);
    h = 31 * h + Arrays.hashCode(topics);
    return h;
  }

  @Override
  public String toString() {
    return "rosgraph_msgs/Log{"
        + "header="
        + header
        + ", level="
        + level
        + ", name="
        + "\""
        + name
        + "\""
        + ", msg="
        + "\""
        + msg
        + "\""
        + ", file="
        + "\""
        + file
        + "\""
        + ", function="
        + "\""
        + function
        + "\""
        + ", line="
        + line
        + ", topics="
        + Arrays.toString(topics)
        + "}";
  }
}
