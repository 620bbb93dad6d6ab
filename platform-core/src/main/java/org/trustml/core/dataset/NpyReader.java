package org.trustml.core.dataset;

import java.io.IOException;
import java.io.InputStream;

/**
 * Loads a whole NPY file (gunzipping it if it is compressed) into a Java array in C (row-major) order.
 * Fortran-ordered files ({@code fortran_order: True}) are loaded too: their elements are placed at
 * their row-major positions while streaming, so the result is the same array numpy would show.
 */
public final class NpyReader {

  private NpyReader() {}

  /**
   * Loads any supported NPY file as floats (float64 and int64 values are rounded to float); the stream
   * is read to its end but not closed.
   *
   * @throws org.trustml.core.web.ProblemException as {@link NpyInspector#inspect}, or
   *     {@code dataset-too-large} if it has more elements than a Java array holds
   */
  public static NpyArray readFloats(InputStream in) throws IOException {
    BinaryInput input = new BinaryInput(Decompression.gunzipIfNeeded(in), Problems.MALFORMED_NPY);
    NpyHeader header = NpyHeader.read(input);
    return new NpyArray(header.shape(), header.dtype().name(), loader(input, header).readFloats("the NPY array"));
  }

  /**
   * Loads an NPY file of an integer or bool dtype as ints, exactly.
   *
   * @throws org.trustml.core.web.ProblemException {@code unsupported-format} for float dtypes,
   *     {@code malformed-npy} at the offset of a value that does not fit in an int, and as {@link
   *     #readFloats}
   */
  public static NpyIntArray readInts(InputStream in) throws IOException {
    BinaryInput input = new BinaryInput(Decompression.gunzipIfNeeded(in), Problems.MALFORMED_NPY);
    NpyHeader header = NpyHeader.read(input);
    int[] data = loader(input, header).readInts("the NPY array", Problems.MALFORMED_NPY);
    return new NpyIntArray(header.shape(), header.dtype().name(), data);
  }

  private static ArrayLoader loader(BinaryInput input, NpyHeader header) {
    return new ArrayLoader(
        input,
        header.dtype().element(),
        header.dtype().order(),
        header.shape(),
        header.fortranOrder(),
        NpyInspector.describe(header));
  }
}
