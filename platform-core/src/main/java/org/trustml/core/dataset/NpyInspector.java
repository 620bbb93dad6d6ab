package org.trustml.core.dataset;

import java.io.IOException;
import java.io.InputStream;

/**
 * Checks an NPY file (gunzipping it if it is compressed) without loading it: reads the header, then
 * counts the data bytes, which must be exactly as many as the shape and dtype declare.
 */
public final class NpyInspector {

  private NpyInspector() {}

  /**
   * Inspects an NPY file; the stream is read to its end but not closed. Fortran-ordered files pass.
   *
   * @throws org.trustml.core.web.ProblemException {@code malformed-npy} with the {@code offset} and
   *     {@code field}, or {@code unsupported-format} for dtypes this package cannot load
   */
  public static DatasetSummary inspect(InputStream in) throws IOException {
    BinaryInput input = new BinaryInput(Decompression.gunzipIfNeeded(in), Problems.MALFORMED_NPY);
    NpyHeader header = NpyHeader.read(input);
    input.expectExactly(header.dataBytes(), describe(header));
    return DatasetSummary.ofArray(DatasetFormat.NPY, header.shape(), header.dtype().name());
  }

  static String describe(NpyHeader header) {
    return "shape " + Shapes.format(header.shape()) + " of " + header.dtype().descr();
  }
}
