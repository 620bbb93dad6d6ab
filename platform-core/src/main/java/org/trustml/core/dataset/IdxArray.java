package org.trustml.core.dataset;

import java.io.IOException;
import java.io.InputStream;

/**
 * A whole IDX array as floats, in C (row-major) order: element {@code [i][j][k]} of shape
 * {@code (n, h, w)} is {@code data[(i * h + j) * w + k]}.
 *
 * @param shape the dimensions, outermost first
 * @param dtype the file's element type as a numpy name ({@code uint8}, {@code float32}, ...)
 * @param data the elements
 */
public record IdxArray(int[] shape, String dtype, float[] data) {

  /** Loads an IDX file, gzip-compressed or not; see {@link IdxReader#readFloats}. */
  public static IdxArray read(InputStream in) throws IOException {
    return IdxReader.readFloats(in);
  }

  /** The number of elements of one item (the product of all dimensions but the first). */
  public int itemSize() {
    int n = 1;
    for (int d = 1; d < shape.length; d++) {
      n *= shape[d];
    }
    return n;
  }
}
