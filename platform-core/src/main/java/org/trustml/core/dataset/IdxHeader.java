package org.trustml.core.dataset;

import java.io.IOException;
import java.io.InputStream;

/**
 * The header of an IDX file: two zero bytes, the type code, the number of dimensions, then each
 * dimension as a big-endian int32.
 *
 * @param type the element type
 * @param shape the dimensions, outermost first
 */
public record IdxHeader(IdxType type, int[] shape) {

  /** The header's length in bytes. */
  public int length() {
    return 4 + 4 * shape.length;
  }

  /** The number of elements the header declares. */
  public long elementCount() {
    return Shapes.elementCount(shape);
  }

  /** The number of data bytes that must follow the header. */
  public long dataBytes() {
    return Shapes.byteCount(shape, type.size());
  }

  /**
   * Reads and checks a header from the start of an (already decompressed) stream.
   *
   * @throws org.trustml.core.web.ProblemException {@code malformed-idx} with the offset and header field
   */
  public static IdxHeader read(InputStream in) throws IOException {
    return read(new BinaryInput(in, Problems.MALFORMED_IDX));
  }

  static IdxHeader read(BinaryInput in) throws IOException {
    for (int i = 0; i < 2; i++) {
      int b = next(in, "magic");
      if (b != 0) {
        throw Problems.binary(
            Problems.MALFORMED_IDX,
            String.format("not an IDX file: the magic number must start with two zero bytes, found 0x%02x", b),
            i,
            "magic");
      }
    }
    int code = next(in, "type");
    IdxType type =
        IdxType.fromCode(code)
            .orElseThrow(
                () ->
                    Problems.binary(
                        Problems.MALFORMED_IDX,
                        String.format(
                            "unknown type code 0x%02x (expected 0x08, 0x09, 0x0B, 0x0C, 0x0D or 0x0E)", code),
                        2,
                        "type"));
    int dims = next(in, "dimensions");
    if (dims == 0) {
      throw Problems.binary(Problems.MALFORMED_IDX, "the number of dimensions must be at least 1", 3, "dimensions");
    }
    int[] shape = new int[dims];
    for (int i = 0; i < dims; i++) {
      long at = in.offset();
      int value = 0;
      for (int k = 0; k < 4; k++) {
        value = (value << 8) | next(in, "dims[" + i + "]");
      }
      if (value < 0) {
        throw Problems.binary(
            Problems.MALFORMED_IDX, "dimension " + i + " is negative: " + value, at, "dims[" + i + "]");
      }
      shape[i] = value;
    }
    IdxHeader header = new IdxHeader(type, shape);
    if (header.dataBytes() < 0) {
      throw Problems.binary(
          Problems.MALFORMED_IDX, "shape " + Shapes.format(shape) + " is too large", 4, "dims");
    }
    return header;
  }

  private static int next(BinaryInput in, String field) throws IOException {
    long at = in.offset();
    int b = in.read();
    if (b < 0) {
      throw Problems.binary(
          Problems.MALFORMED_IDX, "the file ended inside the header (" + at + " bytes)", at, field);
    }
    return b;
  }
}
