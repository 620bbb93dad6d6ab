package org.trustml.core.dataset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Whole NPY files from Java arrays: little-endian, C order, {@link NpyRows#header}'s version 1.0 header. */
public final class NpyWriter {

  private NpyWriter() {}

  /** A rows x columns float32 matrix from its row-major values. */
  public static byte[] float32(float[] values, int rows, int columns) {
    if ((long) rows * columns != values.length) {
      throw new IllegalArgumentException(rows + " x " + columns + " needs " + (long) rows * columns + " values, got "
          + values.length);
    }
    ByteBuffer out = start("<f4", new int[] {rows, columns}, 4L * values.length);
    for (float v : values) {
      out.putFloat(v);
    }
    return out.array();
  }

  /** A rows x columns float32 matrix from row-major doubles, each rounded to the nearest float. */
  public static byte[] float32(double[] values, int rows, int columns) {
    float[] rounded = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      rounded[i] = (float) values[i];
    }
    return float32(rounded, rows, columns);
  }

  /** An n x d float32 matrix; every row has d values. */
  public static byte[] float32(float[][] rows) {
    int d = rows.length == 0 ? 0 : rows[0].length;
    float[] flat = new float[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, row 0 has " + d);
      }
      System.arraycopy(rows[i], 0, flat, i * d, d);
    }
    return float32(flat, rows.length, d);
  }

  /** A vector of int64. */
  public static byte[] int64(int[] values) {
    ByteBuffer out = start("<i8", new int[] {values.length}, 8L * values.length);
    for (int v : values) {
      out.putLong(v);
    }
    return out.array();
  }

  private static ByteBuffer start(String descr, int[] shape, long dataBytes) {
    byte[] header = NpyRows.header(descr, shape);
    if (header.length + dataBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("an NPY file of " + (header.length + dataBytes) + " bytes does not fit an "
          + "array");
    }
    return ByteBuffer.allocate((int) (header.length + dataBytes)).order(ByteOrder.LITTLE_ENDIAN).put(header);
  }
}
