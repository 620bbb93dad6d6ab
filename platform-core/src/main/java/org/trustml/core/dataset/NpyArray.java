package org.trustml.core.dataset;

import java.io.IOException;
import java.io.InputStream;

/**
 * A whole NPY array as floats, in C (row-major) order whatever the file's order.
 *
 * @param shape the dimensions, outermost first; empty for a 0-d scalar
 * @param dtype the file's element type as a numpy name ({@code float32}, {@code int64}, ...)
 * @param data the elements
 */
public record NpyArray(int[] shape, String dtype, float[] data) {

  /** The elements widened to doubles, in the same order. */
  public double[] doubles() {
    double[] values = new double[data.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = data[i];
    }
    return values;
  }

  /** Loads an NPY file; see {@link NpyReader#readFloats}. */
  public static NpyArray read(InputStream in) throws IOException {
    return NpyReader.readFloats(in);
  }
}
