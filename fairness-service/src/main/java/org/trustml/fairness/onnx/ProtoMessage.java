package org.trustml.fairness.onnx;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes one protobuf message in wire format, field by field, for the few ONNX messages the export needs (no
 * generated ONNX classes are on the classpath). Nested messages are written as length-delimited bytes.
 *
 * <p>onnx.proto is proto2: repeated scalars are unpacked unless the field says {@code [packed = true]}, so the
 * caller picks {@link #packedFloats}/{@link #packedInt64s} (TensorProto data) or the unpacked variants
 * (AttributeProto floats/ints).
 */
final class ProtoMessage {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

  ProtoMessage int64(int field, long value) {
    return write(() -> out.writeInt64(field, value));
  }

  ProtoMessage float32(int field, float value) {
    return write(() -> out.writeFloat(field, value));
  }

  ProtoMessage string(int field, String value) {
    return write(() -> out.writeString(field, value));
  }

  ProtoMessage message(int field, ProtoMessage value) {
    byte[] nested = value.toByteArray();
    return write(() -> out.writeByteArray(field, nested));
  }

  ProtoMessage messages(int field, List<ProtoMessage> values) {
    values.forEach(v -> message(field, v));
    return this;
  }

  ProtoMessage strings(int field, List<String> values) {
    values.forEach(v -> string(field, v));
    return this;
  }

  ProtoMessage unpackedInt64s(int field, long[] values) {
    for (long v : values) {
      int64(field, v);
    }
    return this;
  }

  ProtoMessage unpackedFloats(int field, float[] values) {
    for (float v : values) {
      float32(field, v);
    }
    return this;
  }

  ProtoMessage packedInt64s(int field, long[] values) {
    return write(() -> {
      int size = 0;
      for (long v : values) {
        size += CodedOutputStream.computeInt64SizeNoTag(v);
      }
      out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      out.writeUInt32NoTag(size);
      for (long v : values) {
        out.writeInt64NoTag(v);
      }
    });
  }

  ProtoMessage packedFloats(int field, float[] values) {
    return write(() -> {
      out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      out.writeUInt32NoTag(values.length * Float.BYTES);
      for (float v : values) {
        out.writeFloatNoTag(v);
      }
    });
  }

  byte[] toByteArray() {
    write(out::flush);
    return bytes.toByteArray();
  }

  private ProtoMessage write(IoAction action) {
    try {
      action.run();
    } catch (IOException e) {
      // a ByteArrayOutputStream does not fail; this only unwraps CodedOutputStream's checked signature
      throw new UncheckedIOException(e);
    }
    return this;
  }

  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }
}
