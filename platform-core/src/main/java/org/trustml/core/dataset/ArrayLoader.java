package org.trustml.core.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Streams the data of an IDX or NPY array into a Java array, a chunk at a time, and checks that the
 * data has exactly the declared length. Fortran-ordered data is placed in C (row-major) order.
 */
final class ArrayLoader {

  /** A multiple of every element size, so no element straddles two chunks. */
  private static final int CHUNK = 1 << 16;

  private final BinaryInput in;
  private final ElementType type;
  private final ByteOrder order;
  private final int[] shape;
  private final boolean fortranOrder;
  private final String describe;

  /**
   * @param describe what the header declares, for messages (e.g. "shape (10, 28, 28) of uint8")
   */
  ArrayLoader(BinaryInput in, ElementType type, ByteOrder order, int[] shape, boolean fortranOrder, String describe) {
    this.in = in;
    this.type = type;
    this.order = order;
    this.shape = shape;
    this.fortranOrder = fortranOrder;
    this.describe = describe;
  }

  float[] readFloats(String what) throws IOException {
    float[] out = new float[Shapes.loadableCount(shape, what)];
    read(out.length, (target, bb, pos) -> out[target] = type.getFloat(bb, pos));
    return out;
  }

  /** Integer data only; every value must fit in an int (a {@code malformed-*} problem says where not). */
  int[] readInts(String what, String problemCode) throws IOException {
    if (!type.integer) {
      throw Problems.unsupported(what + " holds " + type.dtype + " values, which do not load as integers");
    }
    int[] out = new int[Shapes.loadableCount(shape, what)];
    long dataStart = in.offset();
    read(
        out.length,
        (target, bb, pos) -> {
          long v = type.getLong(bb, pos);
          if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE || (type == ElementType.UINT64 && v < 0)) {
            throw Problems.binary(
                problemCode,
                "value " + (type == ElementType.UINT64 ? Long.toUnsignedString(v) : Long.toString(v))
                    + " does not fit in an int",
                dataStart + (long) target * type.size,
                "data");
          }
          out[target] = (int) v;
        });
    return out;
  }

  private interface Sink {
    void put(int target, ByteBuffer chunk, int pos);
  }

  private void read(int count, Sink sink) throws IOException {
    long dataBytes = (long) count * type.size;
    long start = in.offset();
    byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(dataBytes, 1))];
    ByteBuffer bb = ByteBuffer.wrap(buf).order(order);
    CToFortran places = fortranOrder ? new CToFortran(shape) : null;
    int element = 0;
    long remaining = dataBytes;
    while (remaining > 0) {
      int want = (int) Math.min(buf.length, remaining);
      int got = in.readFully(buf, 0, want);
      if (got < want) {
        throw in.endedEarly(start, dataBytes, describe);
      }
      for (int pos = 0; pos < got; pos += type.size) {
        int target = places == null ? element : places.next();
        sink.put(target, bb, pos);
        element++;
      }
      remaining -= got;
    }
    in.expectEnd();
  }

  /**
   * Walks the elements in Fortran order (first index fastest) and yields each one's C-order position,
   * so a Fortran file loads in one pass without a second array.
   */
  private static final class CToFortran {
    private final int[] shape;
    private final int[] index;
    private final long[] cStride;
    private long position;

    CToFortran(int[] shape) {
      this.shape = shape;
      this.index = new int[shape.length];
      this.cStride = new long[shape.length];
      long stride = 1;
      for (int d = shape.length - 1; d >= 0; d--) {
        cStride[d] = stride;
        stride *= shape[d];
      }
    }

    int next() {
      int current = (int) position;
      for (int d = 0; d < shape.length; d++) {
        index[d]++;
        position += cStride[d];
        if (index[d] < shape[d]) {
          break;
        }
        position -= cStride[d] * shape[d];
        index[d] = 0;
      }
      return current;
    }
  }
}
