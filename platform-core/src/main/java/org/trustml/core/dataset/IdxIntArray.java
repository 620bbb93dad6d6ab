package org.trustml.core.dataset;

import java.io.IOException;
import java.io.InputStream;

/**
 * A whole IDX array of an integer type as ints, in C (row-major) order, e.g. MNIST labels.
 *
 * @param shape the dimensions, outermost first
 * @param dtype the file's element type as a numpy name ({@code uint8}, {@code int32}, ...)
 * @param data the elements
 */
public record IdxIntArray(int[] shape, String dtype, int[] data) {

  /** Loads an integer IDX file, gzip-compressed or not; see {@link IdxReader#readInts}. */
  public static IdxIntArray read(InputStream in) throws IOException {
    return IdxReader.readInts(in);
  }
}
