package org.trustml.core.dataset;

import java.io.IOException;
import java.io.InputStream;

/**
 * A whole NPY array of an integer or bool dtype as ints, in C (row-major) order, e.g. labels.
 *
 * @param shape the dimensions, outermost first; empty for a 0-d scalar
 * @param dtype the file's element type as a numpy name ({@code int64}, {@code bool}, ...)
 * @param data the elements (bools as 0 and 1)
 */
public record NpyIntArray(int[] shape, String dtype, int[] data) {

  /** Loads an integer NPY file; see {@link NpyReader#readInts}. */
  public static NpyIntArray read(InputStream in) throws IOException {
    return NpyReader.readInts(in);
  }
}
