package org.trustml.core.dataset;

import java.nio.ByteOrder;
import java.util.Optional;

/**
 * A simple numpy dtype as written in an NPY header's {@code descr}: a byte order ({@code <} little,
 * {@code >} big, {@code |} not applicable, {@code =} native, taken as little), a kind ({@code b} bool,
 * {@code i} signed, {@code u} unsigned, {@code f} float) and a size in bytes. Supported: {@code b1},
 * {@code i1 i2 i4 i8}, {@code u1 u2 u4 u8}, {@code f4 f8}.
 *
 * @param descr the descriptor as written, e.g. {@code <f4}
 * @param name the numpy name, e.g. {@code float32}
 * @param size bytes per element
 * @param order the byte order of multi-byte elements
 */
public record NpyDtype(String descr, String name, int size, ByteOrder order) {

  /** Parses a descriptor such as {@code <f4} or {@code >i8}; empty if it is not a supported one. */
  public static Optional<NpyDtype> parse(String descr) {
    if (descr == null || descr.isEmpty()) {
      return Optional.empty();
    }
    char first = descr.charAt(0);
    ByteOrder order = first == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    String code = "<>|=".indexOf(first) >= 0 ? descr.substring(1) : descr;
    return elementOf(code).map(t -> new NpyDtype(descr, t.dtype, t.size, order));
  }

  /** The shared element type, for decoding. */
  ElementType element() {
    return elementOf(descr.substring("<>|=".indexOf(descr.charAt(0)) >= 0 ? 1 : 0)).orElseThrow();
  }

  private static Optional<ElementType> elementOf(String code) {
    ElementType t =
        switch (code) {
          case "b1", "?" -> ElementType.BOOL;
          case "i1", "b" -> ElementType.INT8;
          case "u1", "B" -> ElementType.UINT8;
          case "i2" -> ElementType.INT16;
          case "u2" -> ElementType.UINT16;
          case "i4" -> ElementType.INT32;
          case "u4" -> ElementType.UINT32;
          case "i8" -> ElementType.INT64;
          case "u8" -> ElementType.UINT64;
          case "f4" -> ElementType.FLOAT32;
          case "f8" -> ElementType.FLOAT64;
          default -> null;
        };
    return Optional.ofNullable(t);
  }
}
