package org.trustml.core.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes NPY files: a header, and a subset of another file's rows (first-axis entries) copied byte for byte, so the
 * subset keeps the source's dtype, byte order and values exactly.
 */
public final class NpyRows {

  private NpyRows() {}

  /**
   * Copies rows of an NPY array (gzip or not) into a new C-ordered NPY file with shape (rows.length, rest…). A
   * Fortran-ordered source is held in memory to reorder it; a C-ordered one streams.
   *
   * @param rows ascending, distinct row indices of the source
   * @throws IllegalArgumentException for rows that are not ascending or out of range, or a 0-d source
   * @throws org.trustml.core.web.ProblemException as {@link NpyReader} for a malformed source
   */
  public static void select(InputStream source, int[] rows, OutputStream out) throws IOException {
    BinaryInput in = new BinaryInput(Decompression.gunzipIfNeeded(source), Problems.MALFORMED_NPY);
    NpyHeader header = NpyHeader.read(in);
    int[] shape = header.shape();
    if (shape.length == 0) {
      throw new IllegalArgumentException("a 0-d NPY array has no rows to select");
    }
    for (int r = 0; r < rows.length; r++) {
      if (rows[r] < 0 || rows[r] >= shape[0] || (r > 0 && rows[r] <= rows[r - 1])) {
        throw new IllegalArgumentException("rows must be ascending indices below " + shape[0] + "; rows[" + r
            + "] = " + rows[r]);
      }
    }
    int[] outShape = shape.clone();
    outShape[0] = rows.length;
    out.write(header(header.dtype().descr(), outShape));
    long rowElements = Shapes.elementCount(shape) / Math.max(1, shape[0]);
    int size = header.dtype().size();
    String describe = NpyInspector.describe(header);
    if (header.fortranOrder()) {
      selectFortran(in, header, rows, rowElements, out, describe);
      return;
    }
    long rowBytes = rowElements * size;
    byte[] buf = new byte[(int) Math.min(1 << 16, Math.max(1, rowBytes))];
    long start = in.offset();
    int next = 0;
    for (int r = 0; r < shape[0]; r++) {
      boolean keep = next < rows.length && rows[next] == r;
      next += keep ? 1 : 0;
      long left = rowBytes;
      while (left > 0) {
        int want = (int) Math.min(buf.length, left);
        if (in.readFully(buf, 0, want) < want) {
          throw in.endedEarly(start, header.dataBytes(), describe);
        }
        if (keep) {
          out.write(buf, 0, want);
        }
        left -= want;
      }
    }
    in.expectEnd();
  }

  /**
   * Fortran order stores element (i, j…) at i + n·f(j…), with f the first-index-fastest flat index of the trailing
   * dimensions: gather each kept row's elements in C order of j….
   */
  private static void selectFortran(BinaryInput in, NpyHeader header, int[] rows, long rowElements,
      OutputStream out, String describe) throws IOException {
    int size = header.dtype().size();
    long total = header.dataBytes();
    if (total > Shapes.MAX_ARRAY_ELEMENTS) {
      throw Problems.tooLarge("a Fortran-ordered NPY array of " + total + " bytes is too large to reorder in memory");
    }
    byte[] data = new byte[(int) total];
    long start = in.offset();
    if (in.readFully(data, 0, data.length) < data.length) {
      throw in.endedEarly(start, total, describe);
    }
    in.expectEnd();
    int[] shape = header.shape();
    long n = shape[0];
    int[] fortranIndex = new int[(int) rowElements];
    int[] index = new int[shape.length];
    for (int c = 0; c < rowElements; c++) {
      int f = 0;
      int stride = 1;
      for (int d = 1; d < shape.length; d++) {
        f += index[d] * stride;
        stride *= shape[d];
      }
      fortranIndex[c] = f;
      for (int d = shape.length - 1; d >= 1; d--) {
        if (++index[d] < shape[d]) {
          break;
        }
        index[d] = 0;
      }
    }
    byte[] row = new byte[(int) (rowElements * size)];
    for (int r : rows) {
      for (int c = 0; c < rowElements; c++) {
        System.arraycopy(data, (int) ((r + n * fortranIndex[c]) * size), row, c * size, size);
      }
      out.write(row);
    }
  }

  /**
   * A version 1.0 NPY header for C-ordered data, padded as numpy pads it (the data starts at a multiple of 64).
   *
   * @param descr a dtype descriptor such as {@code <f4}
   */
  public static byte[] header(String descr, int[] shape) {
    StringBuilder dims = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      dims.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    dims.append(shape.length == 1 ? ",)" : ")");
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + dims + ", }";
    int preamble = 10;
    int total = (preamble + dict.length() + 1 + 63) / 64 * 64;
    if (total - preamble > 0xffff) {
      throw new IllegalArgumentException("an NPY 1.0 header cannot hold shape " + dims);
    }
    String text = dict + " ".repeat(total - preamble - dict.length() - 1) + "\n";
    byte[] out = new byte[total];
    out[0] = (byte) 0x93;
    System.arraycopy("NUMPY".getBytes(StandardCharsets.US_ASCII), 0, out, 1, 5);
    out[6] = 1;
    out[7] = 0;
    int length = total - preamble;
    out[8] = (byte) length;
    out[9] = (byte) (length >>> 8);
    System.arraycopy(text.getBytes(StandardCharsets.ISO_8859_1), 0, out, preamble, text.length());
    return out;
  }
}
