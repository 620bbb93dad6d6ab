package org.trustml.fairness.onnx;

import java.util.List;

/**
 * The ONNX messages the export writes, built on {@link ProtoMessage} with the field numbers of onnx.proto (proto2,
 * IR version 8).
 */
final class OnnxProto {

  /** TensorProto.DataType values. */
  static final int FLOAT = 1;
  static final int BOOL = 9;
  static final int INT64 = 7;

  // AttributeProto.AttributeType values
  private static final int ATTR_FLOAT = 1;
  private static final int ATTR_INT = 2;
  private static final int ATTR_STRING = 3;
  private static final int ATTR_FLOATS = 6;
  private static final int ATTR_INTS = 7;
  private static final int ATTR_STRINGS = 8;

  private OnnxProto() {
  }

  static ProtoMessage model(long irVersion, List<ProtoMessage> opsets, String producer, String producerVersion,
      String docString, ProtoMessage graph, List<ProtoMessage> metadata) {
    return new ProtoMessage()
        .int64(1, irVersion)
        .string(2, producer)
        .string(3, producerVersion)
        .string(6, docString)
        .message(7, graph)
        .messages(8, opsets)
        .messages(14, metadata);
  }

  static ProtoMessage opset(String domain, long version) {
    return new ProtoMessage().string(1, domain).int64(2, version);
  }

  static ProtoMessage entry(String key, String value) {
    return new ProtoMessage().string(1, key).string(2, value);
  }

  static ProtoMessage graph(String name, List<ProtoMessage> nodes, List<ProtoMessage> initializers,
      List<ProtoMessage> inputs, List<ProtoMessage> outputs) {
    return new ProtoMessage()
        .messages(1, nodes)
        .string(2, name)
        .messages(5, initializers)
        .messages(11, inputs)
        .messages(12, outputs);
  }

  static ProtoMessage node(String name, String domain, String opType, List<String> inputs, List<String> outputs,
      ProtoMessage... attributes) {
    ProtoMessage node = new ProtoMessage()
        .strings(1, inputs)
        .strings(2, outputs)
        .string(3, name)
        .string(4, opType)
        .messages(5, List.of(attributes));
    return domain.isEmpty() ? node : node.string(7, domain);
  }

  /** A tensor's name, element type and shape; a dimension is a {@code Long} size or a {@code String} symbol. */
  static ProtoMessage tensorValue(String name, int elemType, Object... dims) {
    ProtoMessage shape = new ProtoMessage();
    for (Object dim : dims) {
      ProtoMessage dimension = dim instanceof String symbol
          ? new ProtoMessage().string(2, symbol)
          : new ProtoMessage().int64(1, ((Number) dim).longValue());
      shape.message(1, dimension);
    }
    ProtoMessage tensorType = new ProtoMessage().int64(1, elemType).message(2, shape);
    return new ProtoMessage().string(1, name).message(2, new ProtoMessage().message(1, tensorType));
  }

  static ProtoMessage floatTensor(String name, long[] dims, float... values) {
    return new ProtoMessage().packedInt64s(1, dims).int64(2, FLOAT).packedFloats(4, values).string(8, name);
  }

  static ProtoMessage int64Tensor(String name, long[] dims, long... values) {
    return new ProtoMessage().packedInt64s(1, dims).int64(2, INT64).packedInt64s(7, values).string(8, name);
  }

  static ProtoMessage attribute(String name, long value) {
    return new ProtoMessage().string(1, name).int64(20, ATTR_INT).int64(3, value);
  }

  static ProtoMessage attribute(String name, float value) {
    return new ProtoMessage().string(1, name).int64(20, ATTR_FLOAT).float32(2, value);
  }

  static ProtoMessage attribute(String name, String value) {
    return new ProtoMessage().string(1, name).int64(20, ATTR_STRING).string(4, value);
  }

  static ProtoMessage attribute(String name, long[] values) {
    return new ProtoMessage().string(1, name).int64(20, ATTR_INTS).unpackedInt64s(8, values);
  }

  static ProtoMessage attribute(String name, float[] values) {
    return new ProtoMessage().string(1, name).int64(20, ATTR_FLOATS).unpackedFloats(7, values);
  }

  static ProtoMessage attribute(String name, List<String> values) {
    return new ProtoMessage().string(1, name).int64(20, ATTR_STRINGS).strings(9, values);
  }
}
