package org.latentmpc.ros.msgs.std_msgs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.internal.message.Wire;

/**
 * The ROS message {@code std_msgs/MultiArrayLayout}. The multiarray declares a generic
 * multi-dimensional array of a particular data type. Dimensions are ordered from outer most to
 * inner most.
 *
 * <p>Arrays and nested messages are held by reference (setters do not copy), so a control loop can
 * refill the same arrays every cycle; {@link #deserialize} overwrites arrays of unchanged length in
 * place and keeps equal strings, so steady-state decoding allocates little. Generated from the .msg
 * definition; md5 and definition are computed at run time from the .msg text on the classpath.
 */
public final class MultiArrayLayout implements Message {
  /** The type descriptor of {@code std_msgs/MultiArrayLayout}. */
  public static final MessageType<MultiArrayLayout> TYPE =
      MessageType.of("std_msgs/MultiArrayLayout", MultiArrayLayout::new);

  private List<MultiArrayDimension> dim = new ArrayList<>();
  private int dataOffset = 0;

  /** An empty message: zeros, empty strings and arrays (fixed arrays zero-filled). */
  public MultiArrayLayout() {}

  /** Field {@code std_msgs/MultiArrayDimension[] dim} (held by reference). */
  public List<MultiArrayDimension> getDim() {
    return dim;
  }

  /** Sets field {@code dim} (stored by reference, not copied); returns this. */
  public MultiArrayLayout setDim(List<MultiArrayDimension> dim) {
    this.dim = Objects.requireNonNull(dim, "dim");
    return this;
  }

  /** Field {@code uint32 data_offset}. */
  public int getDataOffset() {
    return dataOffset;
  }

  /** Sets field {@code data_offset}; returns this. */
  public MultiArrayLayout setDataOffset(int dataOffset) {
    this.dataOffset = dataOffset;
    return this;
  }

  @Override
  public MessageType<MultiArrayLayout> messageType() {
    return TYPE;
  }

  @Override
  public int serializedSize() {
    return 4 + Wire.messageListSize(dim);
  }

  @Override
  public void serialize(ByteBuffer out) {
    out.putInt(dim.size());
    for (int i = 0, n = dim.size(); i < n; i++) {
      dim.get(i).serialize(out);
    }
    out.putInt(dataOffset);
  }

  @Override
  public void deserialize(ByteBuffer in) {
    try {
      int dimCount = Wire.readCount(in, 12, "dim");
      if (!(dim instanceof ArrayList)) {
        dim = new ArrayList<>(dimCount);
      }
      while (dim.size() > dimCount) {
        dim.remove(dim.size() - 1);
      }
      for (int i = 0; i < dimCount; i++) {
        if (i == dim.size()) {
          dim.add(new MultiArrayDimension());
        }
        dim.get(i).deserialize(in);
      }
      dataOffset = in.getInt();
    } catch (BufferUnderflowException e) {
      throw Wire.truncated("std_msgs/MultiArrayLayout", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MultiArrayLayout)) {
      return false;
    }
    MultiArrayLayout other = (MultiArrayLayout) o;
    return dim.equals(other.dim) && dataOffset == other.dataOffset;
  }

  @Override
  public int hashCode() {
    int h = 1;
    h = 31 * h + dim.hashCode();
    h = 31 * h + Integer.hashCode(dataOffset);
    return h;
  }

  @Override
  public java.lang.String toString() {
    return "std_msgs/MultiArrayLayout{" + "dim=" + dim + ", data_offset=" + dataOffset + "}";
  }
}
