package org.trustml.core.dataset;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads CIFAR-10's binary format: records of one label byte then 32 x 32 red, 32 x 32 green and 32 x 32 blue bytes
 * (row-major), 3,073 bytes each, no header. CIFAR-100's two-label layout is not this format.
 */
public final class CifarBinaryReader {

  /** Side of an image. */
  public static final int SIDE = 32;
  /** Bytes per record: the label and three planes. */
  public static final int RECORD_BYTES = 1 + 3 * SIDE * SIDE;
  /** Classes of CIFAR-10. */
  public static final int CLASSES = 10;

  private CifarBinaryReader() {}

  /**
   * Every record of the stream (gunzipped if compressed), read to its end but not closed.
   *
   * @throws org.trustml.core.web.ProblemException {@code malformed-cifar} with the byte offset if the length is not
   *     a multiple of 3,073 or a label is not 0..9, {@code dataset-too-large} past a Java array
   */
  public static CifarImages read(InputStream in) throws IOException {
    byte[] bytes = Decompression.gunzipIfNeeded(in).readAllBytes();
    if (bytes.length == 0 || bytes.length % RECORD_BYTES != 0) {
      throw Problems.binary(Problems.MALFORMED_CIFAR, bytes.length + " bytes are not a whole number of "
          + RECORD_BYTES + "-byte CIFAR-10 records (1 label byte, 3 x 32 x 32 pixel bytes)",
          bytes.length - bytes.length % RECORD_BYTES, null);
    }
    int count = bytes.length / RECORD_BYTES;
    int area = 3 * SIDE * SIDE;
    int[] labels = new int[count];
    byte[] pixels = new byte[count * area];
    for (int i = 0; i < count; i++) {
      int label = bytes[i * RECORD_BYTES] & 0xff;
      if (label >= CLASSES) {
        throw Problems.binary(Problems.MALFORMED_CIFAR, "label " + label + " of record " + i + " is not 0..9",
            (long) i * RECORD_BYTES, "label");
      }
      labels[i] = label;
      System.arraycopy(bytes, i * RECORD_BYTES + 1, pixels, i * area, area);
    }
    return new CifarImages(count, labels, pixels);
  }
}
