package org.trustml.core.dataset;

import java.nio.ByteBuffer;

/** The numeric element types that IDX and NPY arrays share, with how to decode one element. */
enum ElementType {
  BOOL(1, "bool", true),
  INT8(1, "int8", true),
  UINT8(1, "uint8", true),
  INT16(2, "int16", true),
  UINT16(2, "uint16", true),
  INT32(4, "int32", true),
  UINT32(4, "uint32", true),
  INT64(8, "int64", true),
  UINT64(8, "uint64", true),
  FLOAT32(4, "float32", false),
  FLOAT64(8, "float64", false);

  final int size;
  final String dtype;
  final boolean integer;

  ElementType(int size, String dtype, boolean integer) {
    this.size = size;
    this.dtype = dtype;
    this.integer = integer;
  }

  /** The element at {@code pos} as a float (rounded for 64-bit types and ints above 2^24). */
  float getFloat(ByteBuffer bb, int pos) {
    return switch (this) {
      case FLOAT32 -> bb.getFloat(pos);
      case FLOAT64 -> (float) bb.getDouble(pos);
      case UINT64 -> unsigned64(bb.getLong(pos));
      default -> (float) getLong(bb, pos); // via long: uint32 above 2^31 must not wrap
    };
  }

  /**
   * The element at {@code pos} as a long; exact for every integer type except UINT64 above 2^63-1,
   * which comes back negative (callers range-check).
   */
  long getLong(ByteBuffer bb, int pos) {
    return switch (this) {
      case BOOL -> bb.get(pos) == 0 ? 0 : 1;
      case INT8 -> bb.get(pos);
      case UINT8 -> bb.get(pos) & 0xff;
      case INT16 -> bb.getShort(pos);
      case UINT16 -> bb.getShort(pos) & 0xffff;
      case INT32 -> bb.getInt(pos);
      case UINT32 -> bb.getInt(pos) & 0xffffffffL;
      case INT64, UINT64 -> bb.getLong(pos);
      case FLOAT32, FLOAT64 -> throw new IllegalStateException(this + " is not an integer type");
    };
  }

  private static float unsigned64(long v) {
    return v >= 0 ? (float) v : (float) ((v >>> 1) | (v & 1)) * 2f;
  }
}
