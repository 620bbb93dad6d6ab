package org.trustml.pruning.job;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.trustml.core.dataset.NpyRows;

/** Whole NPY files from Java arrays, little-endian, C order, with platform-core's header. */
final class NpyFiles {

  private NpyFiles() {}

  /** n x d float32. */
  static byte[] float32(float[][] rows) {
    int d = rows.length == 0 ? 0 : rows[0].length;
    byte[] header = NpyRows.header("<f4", new int[] {rows.length, d});
    ByteBuffer out = ByteBuffer.allocate(header.length + rows.length * d * 4).order(ByteOrder.LITTLE_ENDIAN);
    out.put(header);
    for (float[] row : rows) {
      for (float v : row) {
        out.putFloat(v);
      }
    }
    return out.array();
  }

  /** A vector of int64. */
  static byte[] int64(int[] values) {
    byte[] header = NpyRows.header("<i8", new int[] {values.length});
    ByteBuffer out = ByteBuffer.allocate(header.length + values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    out.put(header);
    for (int v : values) {
      out.putLong(v);
    }
    return out.array();
  }
}
