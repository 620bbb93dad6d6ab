package org.trustml.core.dataset;

import java.util.Optional;

/** The element types of an IDX file, by the type code in its third byte. Data is big-endian. */
public enum IdxType {
  /** 0x08: unsigned byte (MNIST pixels and labels). */
  UBYTE(0x08, 1, "uint8"),
  /** 0x09: signed byte. */
  BYTE(0x09, 1, "int8"),
  /** 0x0B: 16-bit signed integer. */
  SHORT(0x0B, 2, "int16"),
  /** 0x0C: 32-bit signed integer. */
  INT(0x0C, 4, "int32"),
  /** 0x0D: 32-bit IEEE float. */
  FLOAT(0x0D, 4, "float32"),
  /** 0x0E: 64-bit IEEE float. */
  DOUBLE(0x0E, 8, "float64");

  private final int code;
  private final int size;
  private final String dtype;

  IdxType(int code, int size, String dtype) {
    this.code = code;
    this.size = size;
    this.dtype = dtype;
  }

  /** The type code byte, e.g. 0x08. */
  public int code() {
    return code;
  }

  /** Bytes per element. */
  public int size() {
    return size;
  }

  /** The numpy name of the type, e.g. {@code uint8}. */
  public String dtype() {
    return dtype;
  }

  /** True for the integer types, which load exactly into an {@code int[]}. */
  public boolean isInteger() {
    return this != FLOAT && this != DOUBLE;
  }

  /** The shared element type, for decoding. */
  ElementType element() {
    return switch (this) {
      case UBYTE -> ElementType.UINT8;
      case BYTE -> ElementType.INT8;
      case SHORT -> ElementType.INT16;
      case INT -> ElementType.INT32;
      case FLOAT -> ElementType.FLOAT32;
      case DOUBLE -> ElementType.FLOAT64;
    };
  }

  /** The type of a code byte, if it is one IDX defines. */
  public static Optional<IdxType> fromCode(int code) {
    for (IdxType t : values()) {
      if (t.code == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
