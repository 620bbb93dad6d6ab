package org.trustml.core.dataset;

import java.io.IOException;
import java.io.InputStream;

/**
 * Checks an IDX file (gunzipping it if it is compressed) without loading it: reads the header, then
 * counts the data bytes, which must be exactly as many as the shape and type declare.
 */
public final class IdxInspector {

  private IdxInspector() {}

  /**
   * Inspects an IDX file; the stream is read to its end but not closed.
   *
   * @throws org.trustml.core.web.ProblemException {@code malformed-idx} with the {@code offset} (in the
   *     decompressed content) and header {@code field} of the first problem
   */
  public static DatasetSummary inspect(InputStream in) throws IOException {
    BinaryInput input = new BinaryInput(Decompression.gunzipIfNeeded(in), Problems.MALFORMED_IDX);
    IdxHeader header = IdxHeader.read(input);
    input.expectExactly(header.dataBytes(), describe(header));
    return DatasetSummary.ofArray(DatasetFormat.IDX, header.shape(), header.type().dtype());
  }

  static String describe(IdxHeader header) {
    return "shape " + Shapes.format(header.shape()) + " of " + header.type().dtype();
  }
}
