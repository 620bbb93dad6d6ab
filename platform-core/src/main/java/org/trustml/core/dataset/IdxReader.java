package org.trustml.core.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;

/** Loads a whole IDX file (gunzipping it if it is compressed) into a Java array, for training. */
public final class IdxReader {

  private IdxReader() {}

  /**
   * Loads any IDX file as floats (exact for every type but int32 values above 2^24 and doubles); the
   * stream is read to its end but not closed.
   *
   * @throws org.trustml.core.web.ProblemException {@code malformed-idx} as {@link IdxInspector} does, or
   *     {@code dataset-too-large} if it has more elements than a Java array holds
   */
  public static IdxArray readFloats(InputStream in) throws IOException {
    BinaryInput input = new BinaryInput(Decompression.gunzipIfNeeded(in), Problems.MALFORMED_IDX);
    IdxHeader header = IdxHeader.read(input);
    float[] data = loader(input, header).readFloats("the IDX array");
    return new IdxArray(header.shape(), header.type().dtype(), data);
  }

  /**
   * Loads an IDX file of an integer type (labels, pixels) as ints, exactly.
   *
   * @throws org.trustml.core.web.ProblemException {@code unsupported-format} for float/double files, and
   *     as {@link #readFloats}
   */
  public static IdxIntArray readInts(InputStream in) throws IOException {
    BinaryInput input = new BinaryInput(Decompression.gunzipIfNeeded(in), Problems.MALFORMED_IDX);
    IdxHeader header = IdxHeader.read(input);
    int[] data = loader(input, header).readInts("the IDX array", Problems.MALFORMED_IDX);
    return new IdxIntArray(header.shape(), header.type().dtype(), data);
  }

  private static ArrayLoader loader(BinaryInput input, IdxHeader header) {
    return new ArrayLoader(
        input, header.type().element(), ByteOrder.BIG_ENDIAN, header.shape(), false, IdxInspector.describe(header));
  }
}
